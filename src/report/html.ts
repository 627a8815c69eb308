// The HTML report: one page plus a sibling stylesheet. No inline style, style attribute or script, so
// it keeps its look under Jenkins' default Content-Security-Policy (`sandbox; default-src 'none';
// img-src 'self'; style-src 'self';`) as published by the HTML Publisher plugin. Charts are inline SVG
// coloured with presentation attributes, which that policy allows, so they read right even unstyled.
import {
  importanceOf,
  judgedCases,
  leadingReasons,
  warningsOf,
  whereEvery,
  type CaseJudgement,
  type FullReports,
  type GateDecision,
  type JudgedCase,
  type LoadSeries,
  type Report,
  type ReportCase,
  type ReportSuite,
} from './model.ts';
import { drawnOf, formatSeconds, timelineOf, type Drawn, type Span, type Timeline } from './timeline.ts';

export interface HtmlContext {
  /** File name of the stylesheet, written next to the page. */
  stylesheet: string;
  runId?: string;
  generatedAt?: Date;
  /** The reports written beside it, where it sends the reader for the chaos windows it leaves out. */
  reports: FullReports;
}

export interface HtmlReport {
  html: string;
  css: string;
}

const colours = {
  failed: '#c62828',
  error: '#c62828',
  skipped: '#9e9e9e',
  passed: '#2e7d32',
  tolerated: '#ef6c00',
};
const chaosFill = '#f8bbd0';
/**
 * Bars of the timeline chart: 10,000 results drew 80,000, a picture 1.6 million pixels tall and two
 * thirds of a 36 MB page. Past it the failed checks and their windows come first; the tables below list
 * every check and the JSON report, when written, has every window.
 */
const maxBars = 200;

export function renderHtml(report: Report, decision: GateDecision, context: HtmlContext): HtmlReport {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const timeline = timelineOf(report, decision);
  const drawn = timeline && drawnOf(timeline, timeline.rows, maxBars);
  const verdict = decision.verdict === 'pass' ? 'passed' : 'failed';
  const counts = `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped${tolerated ? ` (${tolerated} tolerated)` : ''}${decision.probeSuccess === undefined ? '' : `, probe success ${decision.probeSuccess}%`}`;
  const suites = report.suites
    .map((suite, i) => {
      const cases = judgedCases(decision, i, suite);
      return { suite, cases, rank: Math.min(4, ...cases.map(({ judgement }) => importanceOf(judgement))) };
    })
    .sort((a, b) => a.rank - b.rank);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>chaos-gate ${verdict}${context.runId ? ` · ${escape(context.runId)}` : ''}</title>
<link rel="stylesheet" href="${escape(context.stylesheet)}"></head>
<body>
<header class="banner ${decision.verdict}"><h1>Chaos gate ${verdict}</h1><p>${escape(counts)}</p></header>
${runFacts(timeline, drawn, context)}
${reasonList(report, decision)}
${warningList(report, decision)}
${timeline && drawn ? timelineSection(timeline, drawn, context.reports) : ''}
${timeline?.series ? loadSection(timeline.series, timeline) : ''}
<section id="suites"><h2>Checks</h2>
${suites.map(({ suite, cases, rank }) => suiteSection(suite, cases, rank > 0)).join('\n')}
</section>
</body></html>
`;
  return { html, css };
}

/** Why the gate decided: at most 20 failed checks, each with its row in the tables below. */
function reasonList(report: Report, decision: GateDecision): string {
  const { shown, more } = leadingReasons(report, decision);
  const rest = more > 0 ? [`… and ${more} more failed check(s): see Checks below`] : [];
  return `<ul class="reasons">${[...shown, ...rest].map((reason) => `<li>${escape(reason)}</li>`).join('')}</ul>`;
}

/** What the reader must know beside the verdict; nothing when there is none. */
function warningList(report: Report, decision: GateDecision): string {
  const warnings = warningsOf(report, decision);
  if (warnings.length === 0) return '';
  return `<ul class="warnings">${warnings.map((warning) => `<li>⚠️ ${escape(warning)}</li>`).join('')}</ul>`;
}

function runFacts(timeline: Timeline | undefined, drawn: Drawn | undefined, context: HtmlContext): string {
  const facts: [string, string][] = [];
  if (context.runId) facts.push(['run id', context.runId]);
  if (timeline && drawn) {
    facts.push(['started', iso(timeline.startMs)], ['ended', iso(timeline.endMs)]);
    facts.push(['duration', formatSeconds((timeline.endMs - timeline.startMs) / 1000)]);
    drawn.windows.forEach(({ number, span }) =>
      facts.push([
        `chaos window ${number}`,
        `${iso(span.startMs)} – ${iso(span.endMs)} (${formatSeconds((span.endMs - span.startMs) / 1000)})`,
      ]),
    );
    const more = timeline.chaosWindows.length - drawn.windows.length;
    if (more > 0) facts.push(['other chaos windows', `${more}: ${whereEvery(context.reports, 'window')}`]);
  }
  if (context.generatedAt) facts.push(['report written', iso(context.generatedAt.getTime())]);
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`;
}

function suiteSection(suite: ReportSuite, judged: JudgedCase[], passing: boolean): string {
  const cases = judged.toSorted((a, b) => importanceOf(a.judgement) - importanceOf(b.judgement));
  const failing = cases.filter(({ judgement }) => importanceOf(judgement) === 0).length;
  const startedMs = suite.timestamp ? Date.parse(suite.timestamp) : Number.NaN;
  const facts = [
    Number.isNaN(startedMs) ? undefined : `started ${iso(startedMs)}`,
    suite.durationSeconds === undefined ? undefined : `took ${formatSeconds(suite.durationSeconds)}`,
    `${cases.length} check(s)${failing ? `, ${failing} failing` : ''}`,
  ].filter(Boolean);
  // One line, not a folded list: a <details> per suite cost a fifth of the time to open 10,000 of them.
  const properties = Object.entries(suite.properties)
    .map(([name, value]) => `${name}: ${value}`)
    .join(' · ');
  // A passing suite is a line per check, not a table row of five cells: at 10,000 results its 50,000
  // checks were most of the page's million nodes, parsed even while folded away.
  const checks = passing
    ? `<ul class="checks">${cases.map(({ testCase, judgement }) => caseItem(testCase, judgement)).join('')}</ul>`
    : `<table><thead><tr><th>check</th><th>kind</th><th>status</th><th>duration</th><th>details</th></tr></thead><tbody>
${cases.map(({ testCase, judgement }) => caseRow(testCase, judgement)).join('\n')}
</tbody></table>`;
  const body = `<p class="suite-facts">${escape(facts.join(' · '))}</p>
${checks}${properties ? `<p class="properties">${escape(properties)}</p>` : ''}`;
  const title = escape(suite.name);
  return passing
    ? `<details class="suite passing"><summary><h3>${title}</h3> <span class="passed">all passed or skipped</span></summary>${body}</details>`
    : `<section class="suite failing"><h3>${title}</h3>${body}</section>`;
}

function caseRow(testCase: ReportCase, judgement: CaseJudgement): string {
  const { status, tolerated } = judgement;
  const duration = testCase.durationSeconds === undefined ? '' : formatSeconds(testCase.durationSeconds);
  return `<tr class="${status}${tolerated ? ' tolerated' : ''}"><td>${escape(testCase.name)}</td><td>${testCase.kind}</td><td class="status">${escape(shownStatus(judgement))}</td><td>${duration}</td><td>${why(testCase)}</td></tr>`;
}

/** A check of a passing suite: what its row says, as one line. */
function caseItem(testCase: ReportCase, judgement: CaseJudgement): string {
  const { status, tolerated } = judgement;
  const facts = [testCase.name, testCase.kind, shownStatus(judgement)];
  if (testCase.durationSeconds !== undefined) facts.push(formatSeconds(testCase.durationSeconds));
  const said = why(testCase);
  return `<li class="${status}${tolerated ? ' tolerated' : ''}">${escape(facts.join(' · '))}${said ? ` · ${said}` : ''}</li>`;
}

const shownStatus = ({ status, tolerated }: CaseJudgement) =>
  tolerated ? `tolerated (${tolerated})` : status;

/** The case's message, with its longer diagnostics folded under it. */
function why(testCase: ReportCase): string {
  const message = testCase.message ?? '';
  return testCase.details && testCase.details !== message
    ? `<details><summary>${escape(message || 'details')}</summary><pre>${escape(testCase.details)}</pre></details>`
    : escape(message);
}

// ---------------------------------------------------------------- SVG

const width = 960;
const labelWidth = 240;
const plotWidth = width - labelWidth - 20;

/** x for a time, within the plot area. */
function scaleOf(timeline: Span): (ms: number) => number {
  const span = Math.max(1, timeline.endMs - timeline.startMs);
  return (ms) => round(labelWidth + ((ms - timeline.startMs) / span) * plotWidth);
}

function chaosBands(
  windows: Drawn['windows'],
  x: (ms: number) => number,
  top: number,
  height: number,
): string {
  return windows
    .map(
      ({ number, span: w }) =>
        `<rect class="chaos-window" x="${x(w.startMs)}" y="${top}" width="${Math.max(1, x(w.endMs) - x(w.startMs))}" height="${height}" fill="${chaosFill}" fill-opacity="0.55"><title>chaos window ${number}: ${iso(w.startMs)} – ${iso(w.endMs)}</title></rect>`,
    )
    .join('');
}

function timeAxis(timeline: Span, x: (ms: number) => number, y: number): string {
  const ticks = 6;
  const parts: string[] = [];
  for (let i = 0; i <= ticks; i++) {
    const ms = timeline.startMs + ((timeline.endMs - timeline.startMs) * i) / ticks;
    const seconds = (ms - timeline.startMs) / 1000;
    parts.push(
      `<line x1="${x(ms)}" y1="${y}" x2="${x(ms)}" y2="${y + 4}" stroke="#666"/><text x="${x(ms)}" y="${y + 16}" font-size="11" text-anchor="middle" fill="#444">+${formatSeconds(seconds)}</text>`,
    );
  }
  return `<line x1="${labelWidth}" y1="${y}" x2="${labelWidth + plotWidth}" y2="${y}" stroke="#666"/>${parts.join('')}`;
}

function timelineSection(timeline: Timeline, drawn: Drawn, reports: FullReports): string {
  const rowHeight = 20;
  const phases: { label: string; span: Span; fill: string }[] = [
    ...(timeline.baseline ? [{ label: 'load baseline', span: timeline.baseline, fill: '#90caf9' }] : []),
    ...drawn.windows.map(({ number, span }) => ({ label: `chaos window ${number}`, span, fill: '#e57373' })),
    ...(timeline.tail ? [{ label: 'load tail', span: timeline.tail, fill: '#90caf9' }] : []),
  ];
  const rows = [
    ...phases.map((p) => ({ label: p.label, depth: 0, span: p.span, fill: p.fill, cls: 'phase' })),
    ...drawn.rows.map((r) => ({
      label: r.label,
      depth: r.depth,
      span: r as Span,
      fill: r.status ? (r.tolerated ? colours.tolerated : colours[r.status]) : '#607d8b',
      cls: r.status ? `span ${r.status}` : 'span suite',
    })),
  ];
  const height = rows.length * rowHeight + 30;
  const x = scaleOf(timeline);
  const bars = rows
    .map((row, i) => {
      const y = i * rowHeight + 4;
      const label = `<text x="${8 + row.depth * 12}" y="${y + 12}" font-size="12" fill="#222">${escape(clip(row.label, 34 - row.depth * 2))}</text>`;
      const bar = `<rect class="${row.cls}" x="${x(row.span.startMs)}" y="${y}" width="${Math.max(2, x(row.span.endMs) - x(row.span.startMs))}" height="${rowHeight - 6}" rx="2" fill="${row.fill}"><title>${escape(row.label)}: ${iso(row.span.startMs)} – ${iso(row.span.endMs)} (${formatSeconds((row.span.endMs - row.span.startMs) / 1000)})</title></rect>`;
      return label + bar;
    })
    .join('\n');
  return `<section id="timeline"><h2>Timeline</h2>
<svg class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="timeline of the run">
${chaosBands(drawn.windows, x, 0, rows.length * rowHeight + 4)}
${bars}
${timeAxis(timeline, x, rows.length * rowHeight + 6)}
</svg>${drawn.leftOut > 0 ? `<p class="left-out">${drawn.leftOut} more chaos window(s) and check(s) are left out of the chart, which draws the failed checks and their chaos windows first; the tables below list every check; of the chaos windows, ${escape(whereEvery(reports, 'window'))}.</p>` : ''}</section>`;
}

function loadSection(series: LoadSeries, timeline: Timeline): string {
  const x = scaleOf(timeline);
  const latency = { top: 10, height: 170 };
  const errors = { top: 210, height: 80 };
  const height = errors.top + errors.height + 30;
  const maxMs = Math.max(1, ...series.buckets.map((b) => b.p95Ms ?? 0)) * 1.1;
  const maxRate = Math.max(0.05, ...series.buckets.map((b) => (b.requests ? b.errors / b.requests : 0)));
  const mid = (startMs: number) => x(startMs + series.bucketMs / 2);
  const yLatency = (ms: number) => round(latency.top + latency.height - (ms / maxMs) * latency.height);
  const yRate = (rate: number) => round(errors.top + errors.height - (rate / maxRate) * errors.height);
  const withRequests = series.buckets.filter((b) => b.requests > 0);
  const line = (name: string, colour: string, points: { cx: number; cy: number; text: string }[]) =>
    `<polyline class="line ${name}" fill="none" stroke="${colour}" stroke-width="1.5" points="${points.map((p) => `${p.cx},${p.cy}`).join(' ')}"/>` +
    points
      .map(
        (p) =>
          `<circle class="point ${name}" cx="${p.cx}" cy="${p.cy}" r="2.5" fill="${colour}"><title>${escape(p.text)}</title></circle>`,
      )
      .join('');
  const at = (b: { startMs: number }) => `+${formatSeconds((b.startMs - timeline.startMs) / 1000)}`;
  const p50 = withRequests.map((b) => ({
    cx: mid(b.startMs),
    cy: yLatency(b.p50Ms ?? 0),
    text: `${at(b)} p50 ${b.p50Ms}ms`,
  }));
  const p95 = withRequests.map((b) => ({
    cx: mid(b.startMs),
    cy: yLatency(b.p95Ms ?? 0),
    text: `${at(b)} p95 ${b.p95Ms}ms`,
  }));
  const rate = withRequests.map((b) => ({
    cx: mid(b.startMs),
    cy: yRate(b.errors / b.requests),
    text: `${at(b)} ${b.errors} of ${b.requests} failed (${percent(b.errors / b.requests)})`,
  }));
  const axisLabel = (y: number, text: string) =>
    `<text x="${labelWidth - 8}" y="${y}" font-size="11" text-anchor="end" fill="#444">${escape(text)}</text>`;
  return `<section id="load"><h2>Load during the chaos</h2>
<p class="legend"><span class="key p50">p50 latency</span> <span class="key p95">p95 latency</span> <span class="key errors">error rate</span> <span class="key chaos">chaos window</span> · ${series.buckets.length} buckets of ${formatSeconds(series.bucketMs / 1000)}</p>
<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="latency and error rate over time">
${chaosBands(
  timeline.chaosWindows.map((span, i) => ({ number: i + 1, span })),
  x,
  latency.top,
  errors.top + errors.height - latency.top,
)}
<line x1="${labelWidth}" y1="${latency.top + latency.height}" x2="${labelWidth + plotWidth}" y2="${latency.top + latency.height}" stroke="#bbb"/>
${axisLabel(latency.top + 10, `${Math.round(maxMs)} ms`)}${axisLabel(latency.top + latency.height, '0 ms')}
${axisLabel(errors.top + 10, percent(maxRate))}${axisLabel(errors.top + errors.height, '0 %')}
<text x="8" y="${latency.top + latency.height / 2}" font-size="12" fill="#222">latency</text>
<text x="8" y="${errors.top + errors.height / 2}" font-size="12" fill="#222">error rate</text>
${line('p50', '#1565c0', p50)}
${line('p95', '#6a1b9a', p95)}
${line('errors', '#c62828', rate)}
${timeAxis(timeline, x, errors.top + errors.height)}
</svg></section>`;
}

// ---------------------------------------------------------------- text

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * UTC to the second. A time no Date can hold (an unreadable or absurd one in a hand-edited input) is
 * said to be so: one bad field must not cost the whole report, as the JUnit writer leaves it out.
 */
function iso(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? 'an unknown time' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
const round = (value: number) => Math.round(value * 10) / 10;
const percent = (share: number) => `${Number((share * 100).toFixed(1))} %`;

const css = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5em 2em;color:#222;max-width:1100px}
h1{font-size:1.4em;margin:0}h2{font-size:1.15em;margin:1.4em 0 .4em}h3{font-size:1.05em;margin:.2em 0;display:inline}
.banner{padding:.8em 1em;border-radius:6px;color:#fff}.banner p{margin:.2em 0 0}.banner.pass{background:#2e7d32}.banner.fail{background:#c62828}
dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;color:#444;margin:.6em 0}dd{margin:0}
.reasons li,.warnings li{margin:.15em 0}
svg{max-width:100%;height:auto;display:block;background:#fafafa;border:1px solid #e0e0e0;border-radius:4px}
.legend .key::before{content:"";display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em;border-radius:2px}
.legend .p50::before{background:#1565c0}.legend .p95::before{background:#6a1b9a}.legend .errors::before{background:#c62828}.legend .chaos::before{background:${chaosFill}}
.suite{margin:.8em 0;padding:.4em .8em;border:1px solid #e0e0e0;border-radius:6px}.suite.failing{border-color:#ef9a9a;background:#fff8f8}
.suite>summary{cursor:pointer}.suite-facts{color:#555;margin:.3em 0}
.suite{content-visibility:auto;contain-intrinsic-size:auto 2.5em}.suite.failing{contain-intrinsic-size:auto 14em}
.checks{margin:.3em 0;padding-left:1.4em}.properties{color:#555;margin:.3em 0;font-size:.92em}.checks li.tolerated{color:#ef6c00}
table{border-collapse:collapse;width:100%;margin:.4em 0 .8em}th,td{border:1px solid #ddd;padding:.3em .55em;text-align:left;vertical-align:top}
th{background:#f5f5f5}tr.failed .status,tr.error .status{color:#c62828;font-weight:600}tr.passed .status{color:#2e7d32}
tr.skipped .status{color:#757575}tr.tolerated .status{color:#ef6c00;font-weight:600}
span.passed{color:#2e7d32}pre{white-space:pre-wrap;margin:.3em 0}
`;
