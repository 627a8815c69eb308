// The Markdown summary (the GitHub job summary, or a file): the verdict and the reasons that are not a
// failed check, the failing checks, the load's impact, a timeline, and the passing checks folded away.
// GitHub refuses a step summary over 1 MiB (bytes, not characters) whole.
import {
  caseReasons,
  importanceOf,
  judgedCases,
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

export function renderMarkdown(report: Report, decision: GateDecision): string {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const rows: Row[] = report.suites
    .flatMap((suite, i) =>
      judgedCases(decision, i, suite).map((judged) => ({ suite: suite.name, ...judged })),
    )
    .sort((a, b) => importanceOf(a.judgement) - importanceOf(b.judgement));
  const fromCases = caseReasons(decision);
  const ownReasons = decision.reasons.filter((reason) => !fromCases.has(reason));
  const lines = [
    `## ${decision.verdict === 'pass' ? '✅ Chaos gate passed' : '❌ Chaos gate failed'}`,
    '',
    `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped` +
      (tolerated ? ` (${tolerated} tolerated)` : '') +
      (decision.probeSuccess === undefined ? '' : ` · probe success ${decision.probeSuccess}%`),
    '',
    // The failed checks are in the table below; here only what is not one of them (thresholds, a pass).
    ...ownReasons.map((reason) => `- ${cell(reason)}`),
  ];
  const failing = rows.filter((r) => importanceOf(r.judgement) <= 1);
  if (failing.length > 0) {
    lines.push('', '### Failures', '', ...table(failing));
  }
  const load = report.suites.find((s) => s.kind === 'load');
  if (load) lines.push(...impactTable(load));
  const timeline = timelineOf(report, decision);
  if (timeline) lines.push(...gantt(timeline));
  const rest = rows.filter((r) => importanceOf(r.judgement) > 1);
  if (rest.length > 0) {
    lines.push(
      '',
      `<details><summary>${rest.length} passed or skipped check(s)</summary>`,
      '',
      ...table(rest),
      '',
      '</details>',
    );
  }
  return cutToSize(`${lines.join('\n')}\n`);
}

/** The summary of a run that could not be judged: what stopped it, word for word as the log has it. */
export function renderCannotRun(message: string): string {
  // A fence longer than any run of backticks in the message, so none of it can end the block.
  const longest = Math.max(0, ...[...message.matchAll(/`+/g)].map(([run]) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return cutToSize(`## ⛔ Chaos gate could not run\n\n${fence}text\n${message}\n${fence}\n`, 'the step log');
}

/** Cut to what GitHub takes; `whole` names where the reader finds all of it. */
function cutToSize(text: string, whole = 'the JSON report'): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  // At the last whole line, so no table row or character is cut in half; then close what was open.
  const cut = bytes.subarray(0, maxBytes).toString('utf8');
  const head = cut.slice(0, cut.lastIndexOf('\n') + 1);
  const fence = openFence(head);
  const detailsOpen = (head.match(/<details>/g)?.length ?? 0) > (head.match(/<\/details>/g)?.length ?? 0);
  const closing = `${fence ? `${fence}\n` : ''}${detailsOpen ? '\n</details>\n' : ''}`;
  return `${head}${closing}\n… summary cut at ${maxBytes} bytes; see ${whole}.\n`;
}

/** The fence of a code block left open at the end of `text`: only as long a run of backticks ends it. */
function openFence(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const run = /^`{3,}/.exec(line)?.[0];
    if (!run) continue;
    if (open === undefined) open = run;
    else if (run.length >= open.length && line.slice(run.length).trim() === '') open = undefined;
  }
  return open;
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
function gantt(timeline: Timeline): string[] {
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
            `the failed checks and their chaos windows first; the JSON report has every one.`,
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
