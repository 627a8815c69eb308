// When things happened, read from the report alone: the spans of engines, experiments and probes, the
// load test's baseline and tail, and the chaos windows. The HTML chart and the Mermaid gantt of the
// job summary both draw from this.
import {
  judgementsOf,
  labelledExperiment,
  type CaseJudgement,
  type CaseStatus,
  type GateDecision,
  type LoadSeries,
  type Report,
  type ReportCase,
} from './model.ts';
import { extent } from '../extent.ts';

export interface Span {
  startMs: number;
  endMs: number;
}

export interface TimelineRow extends Span {
  label: string;
  /** Nesting: 0 for a suite, 1 for an experiment or step, 2 for a probe. */
  depth: number;
  /** Unset for a suite. */
  status?: CaseStatus;
  tolerated: boolean;
}

export interface Timeline extends Span {
  rows: TimelineRow[];
  /** The chaos windows of the load test's impact figures, or else each experiment's own span. */
  chaosWindows: Span[];
  /** Load running before the first chaos window and after the last one. */
  baseline?: Span;
  tail?: Span;
  series?: LoadSeries;
}

/** The run's timeline, or undefined when nothing in the report says when it happened. */
export function timelineOf(report: Report, decision: GateDecision): Timeline | undefined {
  const rows: TimelineRow[] = [];
  // By labelled experiment: each job of a merged report ran the same experiment in its own chaos window.
  const experimentSpans = new Map<string, Span>();
  let load: Span | undefined;
  let series: LoadSeries | undefined;
  for (const [suiteIndex, suite] of report.suites.entries()) {
    const suiteSpan = spanOf(suite.timestamp, suite.durationSeconds);
    if (suite.kind === 'load') {
      load = suiteSpan ?? load;
      series = suite.series ?? series;
      continue;
    }
    if (suiteSpan) rows.push({ label: suite.name, depth: 0, tolerated: false, ...suiteSpan });
    const judgements = judgementsOf(decision, suiteIndex, suite);
    suite.cases.forEach((testCase, caseIndex) => {
      const span = caseSpan(testCase, experimentSpans);
      if (!span) return;
      const experiment = labelledExperiment(testCase);
      if (testCase.kind === 'experiment' && experiment) experimentSpans.set(experiment, span);
      const { status, tolerated } = judgements[caseIndex] as CaseJudgement;
      const depth = testCase.kind === 'probe' ? 2 : 1;
      rows.push({ label: testCase.name, depth, status, tolerated: !!tolerated, ...span });
    });
  }
  const chaosWindows = series?.chaosWindows.length
    ? series.chaosWindows
    : [...experimentSpans.values()].sort((a, b) => a.startMs - b.startMs);
  const spans: Span[] = [...rows, ...chaosWindows, ...(load ? [load] : [])];
  for (const bucket of series?.buckets ?? []) {
    spans.push({ startMs: bucket.startMs, endMs: bucket.startMs + (series?.bucketMs ?? 0) });
  }
  if (spans.length === 0) return undefined;
  const first = chaosWindows[0];
  const last = chaosWindows.at(-1);
  const chaosEnd = extent(chaosWindows.map((w) => w.endMs)).max;
  return {
    startMs: extent(spans.map((s) => s.startMs)).min,
    endMs: extent(spans.map((s) => s.endMs)).max,
    rows,
    chaosWindows,
    baseline:
      load && first && load.startMs < first.startMs
        ? { startMs: load.startMs, endMs: first.startMs }
        : undefined,
    tail: load && last && load.endMs > chaosEnd ? { startMs: chaosEnd, endMs: load.endMs } : undefined,
    series,
  };
}

function spanOf(start: string | undefined, seconds: number | undefined): Span | undefined {
  const startMs = start ? Date.parse(start) : Number.NaN;
  if (Number.isNaN(startMs)) return undefined;
  return { startMs, endMs: startMs + (seconds ?? 0) * 1000 };
}

/** A probe has no time of its own: it is shown over its experiment's span, when it ran. */
function caseSpan(testCase: ReportCase, experiments: ReadonlyMap<string, Span>): Span | undefined {
  if (testCase.kind === 'probe') {
    const experiment = labelledExperiment(testCase);
    return experiment ? experiments.get(experiment) : undefined;
  }
  return spanOf(testCase.startedAt, testCase.durationSeconds);
}

/** `1m05s`, `42s`, `0.5s`: how long, for people. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${Number(seconds.toFixed(1))}s`;
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m${String(rest).padStart(2, '0')}s`;
  return minutes > 0 ? `${minutes}m${String(rest).padStart(2, '0')}s` : `${rest}s`;
}

/** What a chart draws of a timeline too long to draw whole, and how many bars it leaves out. */
export interface Drawn {
  /** Each shown chaos window with its number in the whole run, so a reader can find it elsewhere. */
  windows: { number: number; span: Span }[];
  rows: TimelineRow[];
  leftOut: number;
}

/**
 * At most `max` bars of chaos windows and `rows`: the failed checks and the windows they overlap first,
 * then the others in order; each kind drawn in time order. Windows take at most half when the checks
 * need the rest, so a run with thousands of both still shows some of each.
 */
export function drawnOf(timeline: Timeline, rows: TimelineRow[], max: number): Drawn {
  const failed = rows.filter((r) => r.status === 'failed' || r.status === 'error');
  const windows = timeline.chaosWindows.map((span, i) => ({ number: i + 1, span }));
  const overlapsFailed = overlapTest(failed);
  const telling = windows.filter(({ span }) => overlapsFailed(span));
  const windowRoom = Math.min(windows.length, Math.max(Math.floor(max / 2), max - rows.length));
  const shownWindows = firstOf(windows, windowRoom, new Set(telling));
  const shownRows = firstOf(rows, max - shownWindows.length, new Set(failed));
  return {
    windows: shownWindows,
    rows: shownRows,
    leftOut: windows.length + rows.length - shownWindows.length - shownRows.length,
  };
}

/** Up to `room` of `items`, the `preferred` (in their order) before the others, kept in their order. */
function firstOf<T>(items: T[], room: number, preferred: ReadonlySet<T>): T[] {
  if (items.length <= room) return items;
  const others = items.filter((item) => !preferred.has(item));
  const chosen = new Set([...preferred, ...others].slice(0, room));
  return items.filter((item) => chosen.has(item));
}

/**
 * Whether a span overlaps any of `spans`, answered in log time: thousands of windows against thousands
 * of failed checks would otherwise be millions of comparisons. Sorted by start, with the latest end
 * among each prefix: a span overlaps one of those starting before its end exactly when that end is later
 * than its start.
 */
function overlapTest(spans: Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  const latestEnd: number[] = [];
  for (const [i, { endMs }] of sorted.entries())
    latestEnd.push(Math.max(endMs, latestEnd[i - 1] ?? -Infinity));
  return ({ startMs, endMs }) => {
    // How many start before `endMs`.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as Span).startMs < endMs) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (latestEnd[low - 1] as number) > startMs;
  };
}
