// The Markdown summary (the GitHub job summary, or a file): the verdict and the reasons that are not a
// failed check, the failing checks, the load's impact, a timeline, and the passing checks folded away.
// GitHub refuses a step summary over 1 MiB (bytes, not characters) whole.
import {
  caseReasons,
  importanceOf,
  judgedCases,
  warningsOf,
  whereEvery,
  type FullReports,
  type GateDecision,
  type JudgedCase,
  type Report,
  type ReportSuite,
} from './model.ts';
import { drawnOf, formatSeconds, timelineOf, type Span, type Timeline } from './timeline.ts';

const maxBytes = 900_000;
const icons = { passed: '✅ passed', failed: '❌ failed', error: '⛔ error', skipped: '⏭️ skipped' };

interface Row extends JudgedCase {
  suite: string;
}

/** The summary, and how many failed checks its failures table had no room for. */
export interface Summary {
  markdown: string;
  failuresLeftOut: number;
}

/** `reports`: the reports written beside it, where it sends the reader for what it has no room for. */
export function renderMarkdown(report: Report, decision: GateDecision, reports: FullReports): Summary {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const rows: Row[] = report.suites
    .flatMap((suite, i) =>
      judgedCases(decision, i, suite).map((judged) => ({ suite: suite.name, ...judged })),
    )
    .sort((a, b) => importanceOf(a.judgement) - importanceOf(b.judgement));
  const fromCases = caseReasons(decision);
  const ownReasons = decision.reasons.filter((reason) => !fromCases.has(reason));
  const head = [
    `## ${decision.verdict === 'pass' ? '✅ Chaos gate passed' : '❌ Chaos gate failed'}`,
    '',
    `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped` +
      (tolerated ? ` (${tolerated} tolerated)` : '') +
      (decision.probeSuccess === undefined ? '' : ` · probe success ${decision.probeSuccess}%`),
    '',
    // The failed checks are in the table below; here only what is not one of them (thresholds, a pass).
    ...ownReasons.map((reason) => `- ${cell(reason)}`),
    ...warningsOf(report, decision).map((warning) => `- ⚠️ ${cell(warning)}`),
  ];
  const load = report.suites.find((s) => s.kind === 'load');
  const timeline = timelineOf(report, decision);
  // Load impact and timeline are a few KB at any size; the rest of the budget goes to the failures
  // first, then to the passing checks, each table cut at a whole row that says how many it left out.
  const middle = [...(load ? impactTable(load) : []), ...(timeline ? gantt(timeline, reports) : [])];
  let room = maxBytes - bytesOf(head) - bytesOf(middle);
  const failing = fitTable(
    rows.filter((r) => importanceOf(r.judgement) <= 1),
    room,
    'failed check(s)',
    reports,
  );
  const failures = failing.lines.length > 0 ? ['', '### Failures', '', ...failing.lines] : [];
  room -= bytesOf(failures);
  const rest = rows.filter((r) => importanceOf(r.judgement) > 1);
  const passing = fitTable(rest, room, 'passed or skipped check(s)', reports);
  const folded =
    rest.length > 0
      ? [
          '',
          `<details><summary>${rest.length} passed or skipped check(s)</summary>`,
          '',
          ...passing.lines,
          '',
          '</details>',
        ]
      : [];
  return {
    markdown: `${[...head, ...failures, ...middle, ...folded].join('\n')}\n`,
    failuresLeftOut: failing.leftOut,
  };
}

/**
 * The summary of a run that could not be judged, or was cancelled before it could be: what stopped
 * it, word for word as the log has it, then the warnings the run raised before, listed as a judged
 * run's summary lists them.
 */
export function renderCannotRun(
  message: string,
  warnings: readonly string[] = [],
  cancelled = false,
): string {
  // A fence longer than any run of backticks in the message, so none of it can end the block.
  const longest = Math.max(0, ...[...message.matchAll(/`+/g)].map(([run]) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const listed = warnings.length > 0 ? `\n${warnings.map((w) => `- ⚠️ ${cell(w)}\n`).join('')}` : '';
  const heading = cancelled ? '⏹️ Chaos gate cancelled' : '⛔ Chaos gate could not run';
  const whole = `## ${heading}\n\n${fence}text\n${message}\n${fence}\n${listed}`;
  if (Buffer.byteLength(whole) <= maxBytes) return whole;
  // The message cut to leave the warnings their room, at the last whole line, so no character is cut
  // in half; then the block closed.
  const cut = Buffer.from(whole)
    .subarray(0, maxBytes - Buffer.byteLength(listed))
    .toString('utf8');
  return `${cut.slice(0, cut.lastIndexOf('\n') + 1)}${fence}\n\n… summary cut at ${maxBytes} bytes; see the step log.\n${listed}`;
}

/** Room kept for a table's closing lines: the line that counts the rows left out, `</details>`. */
const reserve = 300;

/** The table of the `rows` that fit in `room` bytes (none when no row does), cut at a whole row. */
function fitTable(
  rows: Row[],
  room: number,
  what: string,
  reports: FullReports,
): { lines: string[]; leftOut: number } {
  if (rows.length === 0) return { lines: [], leftOut: 0 };
  const lines = table(rows);
  let used = reserve;
  let kept = 0;
  for (const line of lines) {
    used += Buffer.byteLength(line) + 1;
    if (used > room) break;
    kept++;
  }
  // The two header lines: a table without a row says nothing.
  const shown = kept > 2 ? lines.slice(0, kept) : [];
  const leftOut = rows.length - Math.max(0, shown.length - 2);
  if (leftOut === 0) return { lines, leftOut };
  // After a blank line: a line straight under a table would be read as one more row.
  const more = `… and ${leftOut} more ${what}, for which the summary has no room: ${whereEvery(reports, 'check')}.`;
  return { lines: [...shown, ...(shown.length > 0 ? [''] : []), more], leftOut };
}

function bytesOf(lines: string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}

function table(rows: Row[]): string[] {
  return [
    '| suite | check | kind | status | duration | details |',
    '|---|---|---|---|---|---|',
    ...rows.map(({ suite, testCase, judgement: { status, tolerated } }) => {
      const shown = tolerated ? `⚠️ tolerated (${tolerated})` : icons[status];
      const duration = testCase.durationSeconds === undefined ? '' : formatSeconds(testCase.durationSeconds);
      return `| ${cell(suite)} | ${cell(testCase.name)} | ${testCase.kind} | ${shown} | ${duration} | ${cell(testCase.message ?? '')} |`;
    }),
  ];
}

/** The load figures the load suite carries, inside and outside the chaos. */
function impactTable(load: ReportSuite): string[] {
  const periods = [
    ['baseline', 'baseline (outside chaos)'],
    ['chaos', 'during chaos'],
    ['overall', 'overall'],
  ].filter(([key]) => load.properties[`${key}.requests`] !== undefined);
  if (periods.length === 0) return [];
  const value = (key: string, field: string, unit = '') => {
    const v = load.properties[`${key}.${field}`];
    return v === undefined ? '' : `${v}${unit}`;
  };
  const rate = (key: string) => {
    const v = load.properties[`${key}.errorRate`];
    return v === undefined ? '' : `${Number((Number(v) * 100).toFixed(2))}%`;
  };
  return [
    '',
    '### Load impact',
    '',
    '| period | requests | p50 | p95 | p99 | error rate |',
    '|---|---|---|---|---|---|',
    ...periods.map(
      ([key = '', label = '']) =>
        `| ${label} | ${value(key, 'requests')} | ${value(key, 'p50Ms', ' ms')} | ${value(key, 'p95Ms', ' ms')} | ${value(key, 'p99Ms', ' ms')} | ${rate(key)} |`,
    ),
  ];
}

/**
 * Bars the gantt draws at most. Mermaid refuses a diagram over 50,000 characters (its default
 * `maxTextSize`; GitHub documents no other), and a thousand bars are no picture anyway.
 */
const maxBars = 100;
/** Characters of a bar's label: 100 bars of at most this stay far under Mermaid's limit. */
const maxLabel = 80;

/**
 * A Mermaid gantt: the load baseline, the chaos windows and the tail, then the experiments; past
 * `maxBars`, the failed ones and their windows first, and a line that counts the rest. None when it
 * would have no bar (a run cancelled before its chaos began), which Mermaid draws as an empty box.
 */
function gantt(timeline: Timeline, reports: FullReports): string[] {
  const task = (label: string, tag: string, span: Span) =>
    `    ${mermaidText(label)} :${tag}${Math.round(span.startMs)}, ${Math.round(Math.max(span.endMs, span.startMs + 1000))}`;
  const drawn = drawnOf(
    timeline,
    timeline.rows.filter((r) => r.depth === 1),
    maxBars,
  );
  const loadAndChaos = [
    ...(timeline.baseline ? [task('baseline', 'done, ', timeline.baseline)] : []),
    ...drawn.windows.map(({ number, span }) =>
      task(`chaos window ${number} (${formatSeconds((span.endMs - span.startMs) / 1000)})`, 'crit, ', span),
    ),
    ...(timeline.tail ? [task('tail', 'done, ', timeline.tail)] : []),
  ];
  const checks = drawn.rows.map((row) =>
    task(row.label, row.status === 'failed' || row.status === 'error' ? 'crit, ' : 'active, ', row),
  );
  if (loadAndChaos.length + checks.length === 0) return [];
  return [
    '',
    '### Timeline',
    '',
    '```mermaid',
    'gantt',
    '    dateFormat x',
    '    axisFormat %H:%M:%S',
    '    section load and chaos',
    ...loadAndChaos,
    ...(checks.length > 0 ? ['    section checks', ...checks] : []),
    '```',
    ...(drawn.leftOut > 0
      ? [
          '',
          `${drawn.leftOut} more chaos window(s) and check(s) are left out of the timeline, which draws ` +
            `the failed checks and their chaos windows first; ${whereEvery(reports, 'window')}.`,
        ]
      : []),
  ];
}

/** Mermaid task names end at a colon and break on `#` and `;`; a long one is clipped to `maxLabel`. */
function mermaidText(text: string): string {
  const plain = text.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim() || '(unnamed)';
  const chars = [...plain];
  return chars.length <= maxLabel ? plain : `${chars.slice(0, maxLabel - 1).join('')}…`;
}

/** Table cells: no pipes or line breaks, which would break the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
