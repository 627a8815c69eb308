#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  caseReasons,
  chaosMayStillRun,
  importanceOf,
  judgedCases,
  judgementsOf,
  labelledExperiment,
  leadingReasons,
  warningsOf,
  whereEvery
} from "./chunk-CVJQ4RIC.js";
import {
  evaluateGate,
  isSkipped,
  reportSaid,
  skippingSetting,
  unmatchedAllowances,
  withCancellation
} from "./chunk-RBQ57VMM.js";
import {
  extent
} from "./chunk-SVOU2F6U.js";
import {
  settingName
} from "./chunk-WWMJPIHK.js";
import {
  _enum,
  array,
  describeIssues,
  literal,
  looseObject,
  number,
  plainWords,
  record,
  redact,
  string
} from "./chunk-LFKR3ZVH.js";
import {
  CancelledError,
  CannotRunError,
  ConfigError,
  errorMessage
} from "./chunk-A2VFD3MS.js";

// src/run/publish.ts
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync
} from "node:fs";
import os from "node:os";
import path from "node:path";

// src/report/timeline.ts
function timelineOf(report, decision) {
  const rows = [];
  const experimentSpans = /* @__PURE__ */ new Map();
  let load;
  let series;
  for (const [suiteIndex, suite] of report.suites.entries()) {
    const suiteSpan = spanOf(suite.timestamp, suite.durationSeconds);
    if (suite.kind === "load") {
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
      if (testCase.kind === "experiment" && experiment) experimentSpans.set(experiment, span);
      const { status, tolerated } = judgements[caseIndex];
      const depth = testCase.kind === "probe" ? 2 : 1;
      rows.push({ label: testCase.name, depth, status, tolerated: !!tolerated, ...span });
    });
  }
  const chaosWindows = series?.chaosWindows.length ? series.chaosWindows : [...experimentSpans.values()].sort((a, b) => a.startMs - b.startMs);
  const spans = [...rows, ...chaosWindows, ...load ? [load] : []];
  for (const bucket of series?.buckets ?? []) {
    spans.push({ startMs: bucket.startMs, endMs: bucket.startMs + (series?.bucketMs ?? 0) });
  }
  if (spans.length === 0) return void 0;
  const first = chaosWindows[0];
  const last = chaosWindows.at(-1);
  const chaosEnd = extent(chaosWindows.map((w) => w.endMs)).max;
  return {
    startMs: extent(spans.map((s) => s.startMs)).min,
    endMs: extent(spans.map((s) => s.endMs)).max,
    rows,
    chaosWindows,
    baseline: load && first && load.startMs < first.startMs ? { startMs: load.startMs, endMs: first.startMs } : void 0,
    tail: load && last && load.endMs > chaosEnd ? { startMs: chaosEnd, endMs: load.endMs } : void 0,
    series
  };
}
function spanOf(start, seconds2) {
  const startMs = start ? Date.parse(start) : Number.NaN;
  if (Number.isNaN(startMs)) return void 0;
  return { startMs, endMs: startMs + (seconds2 ?? 0) * 1e3 };
}
function caseSpan(testCase, experiments) {
  if (testCase.kind === "probe") {
    const experiment = labelledExperiment(testCase);
    return experiment ? experiments.get(experiment) : void 0;
  }
  return spanOf(testCase.startedAt, testCase.durationSeconds);
}
function formatSeconds(seconds2) {
  if (seconds2 < 10) return `${Number(seconds2.toFixed(1))}s`;
  const whole = Math.round(seconds2);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor(whole % 3600 / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, "0")}m${String(rest).padStart(2, "0")}s`;
  return minutes > 0 ? `${minutes}m${String(rest).padStart(2, "0")}s` : `${rest}s`;
}
function drawnOf(timeline, rows, max) {
  const failed = rows.filter((r) => r.status === "failed" || r.status === "error");
  const windows = timeline.chaosWindows.map((span, i) => ({ number: i + 1, span }));
  const overlapsFailed = overlapTest(failed);
  const telling = windows.filter(({ span }) => overlapsFailed(span));
  const windowRoom = Math.min(windows.length, Math.max(Math.floor(max / 2), max - rows.length));
  const shownWindows = firstOf(windows, windowRoom, new Set(telling));
  const shownRows = firstOf(rows, max - shownWindows.length, new Set(failed));
  return {
    windows: shownWindows,
    rows: shownRows,
    leftOut: windows.length + rows.length - shownWindows.length - shownRows.length
  };
}
function firstOf(items, room, preferred) {
  if (items.length <= room) return items;
  const others = items.filter((item) => !preferred.has(item));
  const chosen = new Set([...preferred, ...others].slice(0, room));
  return items.filter((item) => chosen.has(item));
}
function overlapTest(spans) {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  const latestEnd = [];
  for (const [i, { endMs }] of sorted.entries())
    latestEnd.push(Math.max(endMs, latestEnd[i - 1] ?? -Infinity));
  return ({ startMs, endMs }) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = low + high >>> 1;
      if (sorted[middle].startMs < endMs) low = middle + 1;
      else high = middle;
    }
    return low > 0 && latestEnd[low - 1] > startMs;
  };
}

// src/report/html.ts
var colours = {
  failed: "#c62828",
  error: "#c62828",
  skipped: "#9e9e9e",
  passed: "#2e7d32",
  tolerated: "#ef6c00"
};
var chaosFill = "#f8bbd0";
var maxBars = 200;
function renderHtml(report, decision, context) {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const timeline = timelineOf(report, decision);
  const drawn = timeline && drawnOf(timeline, timeline.rows, maxBars);
  const verdict = decision.verdict === "pass" ? "passed" : "failed";
  const counts = `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped${tolerated ? ` (${tolerated} tolerated)` : ""}${decision.probeSuccess === void 0 ? "" : `, probe success ${decision.probeSuccess}%`}`;
  const suites = report.suites.map((suite, i) => {
    const cases = judgedCases(decision, i, suite);
    return { suite, cases, rank: Math.min(4, ...cases.map(({ judgement }) => importanceOf(judgement))) };
  }).sort((a, b) => a.rank - b.rank);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>chaos-gate ${verdict}${context.runId ? ` \xB7 ${escape(context.runId)}` : ""}</title>
<link rel="stylesheet" href="${escape(context.stylesheet)}"></head>
<body>
<header class="banner ${decision.verdict}"><h1>Chaos gate ${verdict}</h1><p>${escape(counts)}</p></header>
${runFacts(timeline, drawn, context)}
${reasonList(report, decision)}
${warningList(report, decision)}
${timeline && drawn ? timelineSection(timeline, drawn, context.reports) : ""}
${timeline?.series ? loadSection(timeline.series, timeline) : ""}
<section id="suites"><h2>Checks</h2>
${suites.map(({ suite, cases, rank }) => suiteSection(suite, cases, rank > 0)).join("\n")}
</section>
</body></html>
`;
  return { html, css };
}
function reasonList(report, decision) {
  const { shown, more } = leadingReasons(report, decision);
  const rest = more > 0 ? [`\u2026 and ${more} more failed check(s): see Checks below`] : [];
  return `<ul class="reasons">${[...shown, ...rest].map((reason) => `<li>${escape(reason)}</li>`).join("")}</ul>`;
}
function warningList(report, decision) {
  const warnings = warningsOf(report, decision);
  if (warnings.length === 0) return "";
  return `<ul class="warnings">${warnings.map((warning) => `<li>\u26A0\uFE0F ${escape(warning)}</li>`).join("")}</ul>`;
}
function runFacts(timeline, drawn, context) {
  const facts = [];
  if (context.runId) facts.push(["run id", context.runId]);
  if (timeline && drawn) {
    facts.push(["started", iso(timeline.startMs)], ["ended", iso(timeline.endMs)]);
    facts.push(["duration", formatSeconds((timeline.endMs - timeline.startMs) / 1e3)]);
    drawn.windows.forEach(
      ({ number: number2, span }) => facts.push([
        `chaos window ${number2}`,
        `${iso(span.startMs)} \u2013 ${iso(span.endMs)} (${formatSeconds((span.endMs - span.startMs) / 1e3)})`
      ])
    );
    const more = timeline.chaosWindows.length - drawn.windows.length;
    if (more > 0) facts.push(["other chaos windows", `${more}: ${whereEvery(context.reports, "window")}`]);
  }
  if (context.generatedAt) facts.push(["report written", iso(context.generatedAt.getTime())]);
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join("")}</dl>`;
}
function suiteSection(suite, judged, passing) {
  const cases = judged.toSorted((a, b) => importanceOf(a.judgement) - importanceOf(b.judgement));
  const failing = cases.filter(({ judgement }) => importanceOf(judgement) === 0).length;
  const startedMs = suite.timestamp ? Date.parse(suite.timestamp) : Number.NaN;
  const facts = [
    Number.isNaN(startedMs) ? void 0 : `started ${iso(startedMs)}`,
    suite.durationSeconds === void 0 ? void 0 : `took ${formatSeconds(suite.durationSeconds)}`,
    `${cases.length} check(s)${failing ? `, ${failing} failing` : ""}`
  ].filter(Boolean);
  const properties = Object.entries(suite.properties).map(([name, value]) => `${name}: ${value}`).join(" \xB7 ");
  const checks = passing ? `<ul class="checks">${cases.map(({ testCase, judgement }) => caseItem(testCase, judgement)).join("")}</ul>` : `<table><thead><tr><th>check</th><th>kind</th><th>status</th><th>duration</th><th>details</th></tr></thead><tbody>
${cases.map(({ testCase, judgement }) => caseRow(testCase, judgement)).join("\n")}
</tbody></table>`;
  const body = `<p class="suite-facts">${escape(facts.join(" \xB7 "))}</p>
${checks}${properties ? `<p class="properties">${escape(properties)}</p>` : ""}`;
  const title = escape(suite.name);
  return passing ? `<details class="suite passing"><summary><h3>${title}</h3> <span class="passed">all passed or skipped</span></summary>${body}</details>` : `<section class="suite failing"><h3>${title}</h3>${body}</section>`;
}
function caseRow(testCase, judgement) {
  const { status, tolerated } = judgement;
  const duration = testCase.durationSeconds === void 0 ? "" : formatSeconds(testCase.durationSeconds);
  return `<tr class="${status}${tolerated ? " tolerated" : ""}"><td>${escape(testCase.name)}</td><td>${testCase.kind}</td><td class="status">${escape(shownStatus(judgement))}</td><td>${duration}</td><td>${why(testCase)}</td></tr>`;
}
function caseItem(testCase, judgement) {
  const { status, tolerated } = judgement;
  const facts = [testCase.name, testCase.kind, shownStatus(judgement)];
  if (testCase.durationSeconds !== void 0) facts.push(formatSeconds(testCase.durationSeconds));
  const said = why(testCase);
  return `<li class="${status}${tolerated ? " tolerated" : ""}">${escape(facts.join(" \xB7 "))}${said ? ` \xB7 ${said}` : ""}</li>`;
}
var shownStatus = ({ status, tolerated }) => tolerated ? `tolerated (${tolerated})` : status;
function why(testCase) {
  const message = testCase.message ?? "";
  return testCase.details && testCase.details !== message ? `<details><summary>${escape(message || "details")}</summary><pre>${escape(testCase.details)}</pre></details>` : escape(message);
}
var width = 960;
var labelWidth = 240;
var plotWidth = width - labelWidth - 20;
function scaleOf(timeline) {
  const span = Math.max(1, timeline.endMs - timeline.startMs);
  return (ms) => round(labelWidth + (ms - timeline.startMs) / span * plotWidth);
}
function chaosBands(windows, x, top, height) {
  return windows.map(
    ({ number: number2, span: w }) => `<rect class="chaos-window" x="${x(w.startMs)}" y="${top}" width="${Math.max(1, x(w.endMs) - x(w.startMs))}" height="${height}" fill="${chaosFill}" fill-opacity="0.55"><title>chaos window ${number2}: ${iso(w.startMs)} \u2013 ${iso(w.endMs)}</title></rect>`
  ).join("");
}
function timeAxis(timeline, x, y) {
  const ticks = 6;
  const parts = [];
  for (let i = 0; i <= ticks; i++) {
    const ms = timeline.startMs + (timeline.endMs - timeline.startMs) * i / ticks;
    const seconds2 = (ms - timeline.startMs) / 1e3;
    parts.push(
      `<line x1="${x(ms)}" y1="${y}" x2="${x(ms)}" y2="${y + 4}" stroke="#666"/><text x="${x(ms)}" y="${y + 16}" font-size="11" text-anchor="middle" fill="#444">+${formatSeconds(seconds2)}</text>`
    );
  }
  return `<line x1="${labelWidth}" y1="${y}" x2="${labelWidth + plotWidth}" y2="${y}" stroke="#666"/>${parts.join("")}`;
}
function timelineSection(timeline, drawn, reports) {
  const rowHeight = 20;
  const phases = [
    ...timeline.baseline ? [{ label: "load baseline", span: timeline.baseline, fill: "#90caf9" }] : [],
    ...drawn.windows.map(({ number: number2, span }) => ({ label: `chaos window ${number2}`, span, fill: "#e57373" })),
    ...timeline.tail ? [{ label: "load tail", span: timeline.tail, fill: "#90caf9" }] : []
  ];
  const rows = [
    ...phases.map((p) => ({ label: p.label, depth: 0, span: p.span, fill: p.fill, cls: "phase" })),
    ...drawn.rows.map((r) => ({
      label: r.label,
      depth: r.depth,
      span: r,
      fill: r.status ? r.tolerated ? colours.tolerated : colours[r.status] : "#607d8b",
      cls: r.status ? `span ${r.status}` : "span suite"
    }))
  ];
  const height = rows.length * rowHeight + 30;
  const x = scaleOf(timeline);
  const bars = rows.map((row, i) => {
    const y = i * rowHeight + 4;
    const label = `<text x="${8 + row.depth * 12}" y="${y + 12}" font-size="12" fill="#222">${escape(clip(row.label, 34 - row.depth * 2))}</text>`;
    const bar = `<rect class="${row.cls}" x="${x(row.span.startMs)}" y="${y}" width="${Math.max(2, x(row.span.endMs) - x(row.span.startMs))}" height="${rowHeight - 6}" rx="2" fill="${row.fill}"><title>${escape(row.label)}: ${iso(row.span.startMs)} \u2013 ${iso(row.span.endMs)} (${formatSeconds((row.span.endMs - row.span.startMs) / 1e3)})</title></rect>`;
    return label + bar;
  }).join("\n");
  return `<section id="timeline"><h2>Timeline</h2>
<svg class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="timeline of the run">
${chaosBands(drawn.windows, x, 0, rows.length * rowHeight + 4)}
${bars}
${timeAxis(timeline, x, rows.length * rowHeight + 6)}
</svg>${drawn.leftOut > 0 ? `<p class="left-out">${drawn.leftOut} more chaos window(s) and check(s) are left out of the chart, which draws the failed checks and their chaos windows first; the tables below list every check; of the chaos windows, ${escape(whereEvery(reports, "window"))}.</p>` : ""}</section>`;
}
function loadSection(series, timeline) {
  const x = scaleOf(timeline);
  const latency = { top: 10, height: 170 };
  const errors = { top: 210, height: 80 };
  const height = errors.top + errors.height + 30;
  const maxMs = Math.max(1, ...series.buckets.map((b) => b.p95Ms ?? 0)) * 1.1;
  const maxRate = Math.max(0.05, ...series.buckets.map((b) => b.requests ? b.errors / b.requests : 0));
  const mid = (startMs) => x(startMs + series.bucketMs / 2);
  const yLatency = (ms) => round(latency.top + latency.height - ms / maxMs * latency.height);
  const yRate = (rate2) => round(errors.top + errors.height - rate2 / maxRate * errors.height);
  const withRequests = series.buckets.filter((b) => b.requests > 0);
  const line = (name, colour, points) => `<polyline class="line ${name}" fill="none" stroke="${colour}" stroke-width="1.5" points="${points.map((p) => `${p.cx},${p.cy}`).join(" ")}"/>` + points.map(
    (p) => `<circle class="point ${name}" cx="${p.cx}" cy="${p.cy}" r="2.5" fill="${colour}"><title>${escape(p.text)}</title></circle>`
  ).join("");
  const at = (b) => `+${formatSeconds((b.startMs - timeline.startMs) / 1e3)}`;
  const p50 = withRequests.map((b) => ({
    cx: mid(b.startMs),
    cy: yLatency(b.p50Ms ?? 0),
    text: `${at(b)} p50 ${b.p50Ms}ms`
  }));
  const p95 = withRequests.map((b) => ({
    cx: mid(b.startMs),
    cy: yLatency(b.p95Ms ?? 0),
    text: `${at(b)} p95 ${b.p95Ms}ms`
  }));
  const rate = withRequests.map((b) => ({
    cx: mid(b.startMs),
    cy: yRate(b.errors / b.requests),
    text: `${at(b)} ${b.errors} of ${b.requests} failed (${percent(b.errors / b.requests)})`
  }));
  const axisLabel = (y, text) => `<text x="${labelWidth - 8}" y="${y}" font-size="11" text-anchor="end" fill="#444">${escape(text)}</text>`;
  return `<section id="load"><h2>Load during the chaos</h2>
<p class="legend"><span class="key p50">p50 latency</span> <span class="key p95">p95 latency</span> <span class="key errors">error rate</span> <span class="key chaos">chaos window</span> \xB7 ${series.buckets.length} buckets of ${formatSeconds(series.bucketMs / 1e3)}</p>
<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="latency and error rate over time">
${chaosBands(
    timeline.chaosWindows.map((span, i) => ({ number: i + 1, span })),
    x,
    latency.top,
    errors.top + errors.height - latency.top
  )}
<line x1="${labelWidth}" y1="${latency.top + latency.height}" x2="${labelWidth + plotWidth}" y2="${latency.top + latency.height}" stroke="#bbb"/>
${axisLabel(latency.top + 10, `${Math.round(maxMs)} ms`)}${axisLabel(latency.top + latency.height, "0 ms")}
${axisLabel(errors.top + 10, percent(maxRate))}${axisLabel(errors.top + errors.height, "0 %")}
<text x="8" y="${latency.top + latency.height / 2}" font-size="12" fill="#222">latency</text>
<text x="8" y="${errors.top + errors.height / 2}" font-size="12" fill="#222">error rate</text>
${line("p50", "#1565c0", p50)}
${line("p95", "#6a1b9a", p95)}
${line("errors", "#c62828", rate)}
${timeAxis(timeline, x, errors.top + errors.height)}
</svg></section>`;
}
function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function clip(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}\u2026`;
}
function iso(ms) {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? "an unknown time" : date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
var round = (value) => Math.round(value * 10) / 10;
var percent = (share) => `${Number((share * 100).toFixed(1))} %`;
var css = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5em 2em;color:#222;max-width:1100px}
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

// src/report/json.ts
var jsonSchemaVersion = 1;
function renderJson(report, decision, context) {
  const document = {
    schemaVersion: jsonSchemaVersion,
    tool: "chaos-gate",
    generatedAt: (context.generatedAt ?? /* @__PURE__ */ new Date()).toISOString(),
    verdict: decision.verdict,
    // For tools that must not report success while faults may be left behind (the Jenkins step).
    chaosMayStillRun: chaosMayStillRun(report),
    reasons: decision.reasons,
    // Every warning, the suites' and the gate's (an allowFailures entry that names no experiment).
    warnings: warningsOf(report, decision),
    counts: decision.counts,
    probeSuccess: decision.probeSuccess ?? null,
    policy: context.policy,
    meta: context.meta,
    suites: report.suites.map((suite, i) => ({
      ...suite,
      cases: judgedCases(decision, i, suite).map(({ testCase, judgement }) => ({
        ...testCase,
        ...judgement
      }))
    }))
  };
  return `${JSON.stringify(document, null, 2)}
`;
}
var caseSchema = looseObject({
  kind: string(),
  className: string(),
  name: string(),
  outcome: _enum(["pass", "fail", "error", "stopped", "timeout", "skipped"]),
  message: string().optional(),
  details: string().optional(),
  startedAt: string().optional(),
  durationSeconds: number().optional(),
  properties: record(string(), string()),
  experiment: string().optional()
});
var documentSchema = looseObject({
  tool: literal("chaos-gate"),
  schemaVersion: literal(jsonSchemaVersion),
  meta: record(string(), string()).default({}),
  suites: array(
    looseObject({
      kind: string(),
      name: string(),
      timestamp: string().optional(),
      durationSeconds: number().optional(),
      properties: record(string(), string()),
      cases: array(caseSchema),
      warnings: array(string()).optional()
    })
  )
});
var judgementFields = { status: true, tolerated: true, reason: true };
function withoutJudgement(testCase) {
  return Object.fromEntries(Object.entries(testCase).filter(([key]) => !(key in judgementFields)));
}
function parseJsonReport(text, source) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const junit = /^\uFEFF?\s*<(?:\?xml|testsuites?[\s>])/.test(text) ? " (this is XML, a JUnit report: merge reads the JSON reports that --json writes)" : "";
    throw new ConfigError(`${source}: not JSON${junit}: ${errorMessage(error)}`);
  }
  const parsed = documentSchema.safeParse(json, plainWords);
  if (!parsed.success) {
    const where = `${source}: not a chaos-gate JSON report (schemaVersion ${jsonSchemaVersion}, written by --json)`;
    throw new ConfigError(describeIssues(where, parsed.error).join("\n"));
  }
  const suites = parsed.data.suites.map((suite) => ({
    ...suite,
    cases: suite.cases.map(withoutJudgement)
  }));
  return { report: { suites }, meta: parsed.data.meta };
}

// src/report/xml.ts
var notXml = (
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
);
var attributeEntities = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  // A parser normalises raw tab, newline and carriage return in an attribute to spaces; references keep them.
  "	": "&#x9;",
  "\n": "&#xA;",
  "\r": "&#xD;"
};
var textEntities = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
var needsWork = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
function xmlChars(text) {
  return text.replace(notXml, "");
}
function escapeAttribute(value) {
  if (!needsWork.test(value)) return value;
  return xmlChars(value).replace(/[&<>"\t\n\r]/g, (c) => attributeEntities[c]);
}
function escapeText(text) {
  if (!needsWork.test(text)) return text;
  return xmlChars(text).replace(/[&<>]/g, (c) => textEntities[c]);
}
var piecesPerPart = 1024;
var XmlWriter = class {
  #emit;
  #chunks = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  /** `emit` receives the document in order, in parts that never split a tag or a text. */
  constructor(emit) {
    this.#emit = emit;
  }
  /** `<name a="…">` on a line of its own, for an element that holds elements. */
  open(name, attributes = {}) {
    this.#push(`${this.#tag(name, attributes)}>
`);
    return this;
  }
  close(name) {
    this.#push(`</${name}>
`);
    return this;
  }
  /** An element holding text only, or nothing: `<name a="…">text</name>` or `<name a="…"/>`. */
  element(name, attributes = {}, text = "") {
    const tag = this.#tag(name, attributes);
    this.#push(text === "" ? `${tag}/>
` : `${tag}>${escapeText(text)}</${name}>
`);
    return this;
  }
  /** Hands on what is left; the writer is done. */
  end() {
    this.#emit(this.#chunks.join(""));
    this.#chunks = [];
  }
  #push(piece) {
    if (this.#chunks.length >= piecesPerPart) {
      this.#emit(this.#chunks.join(""));
      this.#chunks = [];
    }
    this.#chunks.push(piece);
  }
  #tag(name, attributes) {
    let tag = `<${name}`;
    for (const key in attributes) {
      const value = attributes[key];
      if (value !== void 0)
        tag += ` ${key}="${typeof value === "string" ? escapeAttribute(value) : value}"`;
    }
    return tag;
  }
};

// src/report/junit.ts
var maxBodyChars = 4e4;
var toleranceSettings = {
  allowFailures: "gate.allowFailures",
  minProbeSuccess: "gate.minProbeSuccess",
  failOnFailure: "gate.failOnFailure: false"
};
function emitJUnit(report, decision, options, emit) {
  const xml = new XmlWriter(emit);
  const { passed, failed, errored, skipped } = decision.counts;
  xml.open("testsuites", {
    name: "chaos-gate",
    tests: passed + failed + errored + skipped,
    failures: failed,
    errors: errored,
    time: seconds(runSeconds(report.suites))
  });
  report.suites.forEach(
    (suite, i) => renderSuite(xml, suite, judgementsOf(decision, i, suite), decision.warnings ?? [], options)
  );
  xml.close("testsuites").end();
}
function renderSuite(xml, suite, judgements, gateWarnings, options) {
  const counts = { tests: suite.cases.length, failures: 0, errors: 0, skipped: 0 };
  for (const { status } of judgements) {
    if (status === "failed") counts.failures++;
    else if (status === "error") counts.errors++;
    else if (status === "skipped") counts.skipped++;
  }
  xml.open("testsuite", {
    name: suite.name,
    tests: counts.tests,
    failures: counts.failures,
    errors: counts.errors,
    skipped: counts.skipped,
    time: seconds(suiteSeconds(suite)),
    timestamp: suite.timestamp && isoUtc(suite.timestamp),
    hostname: options.hostname
  });
  renderProperties(xml, suite.properties);
  suite.cases.forEach((testCase, i) => renderCase(xml, testCase, judgements[i], options));
  const warnings = suite.warnings?.length ? [.../* @__PURE__ */ new Set([...suite.warnings, ...gateWarnings])] : gateWarnings;
  xml.element("system-out", {}, warnings.map((warning) => `WARNING: ${warning}`).join("\n"));
  xml.element("system-err").close("testsuite");
}
function renderProperties(xml, properties) {
  let empty = true;
  for (const name in properties) {
    if (empty) xml.open("properties");
    empty = false;
    xml.element("property", { name, value: properties[name] });
  }
  if (empty) xml.element("properties");
  else xml.close("properties");
}
function renderCase(xml, testCase, { status, tolerated }, options) {
  const attributes = {
    classname: testCase.className,
    name: testCase.name,
    time: seconds(testCase.durationSeconds ?? 0)
  };
  const properties = options.caseProperties ? caseProperties(testCase, tolerated) : void 0;
  if (status === "passed" && !properties && !testCase.details) {
    xml.element("testcase", attributes);
    return;
  }
  xml.open("testcase", attributes);
  if (properties) renderProperties(xml, properties);
  const message = testCase.message ?? `${testCase.kind} ${testCase.outcome}`;
  switch (status) {
    case "passed":
      if (testCase.details) xml.element("system-out", {}, truncate(testCase.details));
      break;
    case "failed":
    case "error":
      xml.element(
        status === "failed" ? "failure" : "error",
        { message, type: testCase.outcome },
        truncate([testCase.message, testCase.details].filter(unique).join("\n"))
      );
      break;
    case "skipped":
      xml.element("skipped", {
        message: skipReason(testCase, message, tolerated),
        type: tolerated ? "tolerated" : testCase.outcome
      });
  }
  xml.close("testcase");
}
function skipReason(testCase, message, tolerated) {
  if (tolerated) return `tolerated by ${toleranceSettings[tolerated]}: ${testCase.outcome}: ${message}`;
  if (testCase.outcome !== "skipped") return `${testCase.outcome}: ${message}`;
  return testCase.message ?? "not evaluated";
}
function caseProperties(testCase, tolerated) {
  return {
    kind: testCase.kind,
    ...testCase.properties,
    ...tolerated ? { "gate.tolerated": tolerated } : {}
  };
}
function unique(value, index, all) {
  return !!value && all.indexOf(value) === index;
}
function truncate(text) {
  return text.length <= maxBodyChars ? text : `${text.slice(0, maxBodyChars)}
\u2026 (${text.length - maxBodyChars} more characters cut)`;
}
function suiteSeconds(suite) {
  return suite.durationSeconds ?? suite.cases.reduce((sum, c) => sum + (c.durationSeconds ?? 0), 0);
}
function runSeconds(suites) {
  const starts = suites.map((s) => s.timestamp ? Date.parse(s.timestamp) : Number.NaN);
  if (suites.length === 0 || starts.some(Number.isNaN)) {
    return suites.reduce((sum, suite) => sum + suiteSeconds(suite), 0);
  }
  const first = extent(starts).min;
  const last = extent(suites.map((suite, i) => starts[i] + suiteSeconds(suite) * 1e3)).max;
  return (last - first) / 1e3;
}
function seconds(value) {
  return Math.max(0, Math.round(value * 1e3)) / 1e3;
}
var plainUtc = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
function isoUtc(timestamp) {
  if (plainUtc.test(timestamp)) return timestamp;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? void 0 : new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

// src/report/markdown.ts
var maxBytes = 9e5;
var icons = { passed: "\u2705 passed", failed: "\u274C failed", error: "\u26D4 error", skipped: "\u23ED\uFE0F skipped" };
function renderMarkdown(report, decision, reports) {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const rows = report.suites.flatMap(
    (suite, i) => judgedCases(decision, i, suite).map((judged) => ({ suite: suite.name, ...judged }))
  ).sort((a, b) => importanceOf(a.judgement) - importanceOf(b.judgement));
  const fromCases = caseReasons(decision);
  const ownReasons = decision.reasons.filter((reason) => !fromCases.has(reason));
  const head = [
    `## ${decision.verdict === "pass" ? "\u2705 Chaos gate passed" : "\u274C Chaos gate failed"}`,
    "",
    `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped` + (tolerated ? ` (${tolerated} tolerated)` : "") + (decision.probeSuccess === void 0 ? "" : ` \xB7 probe success ${decision.probeSuccess}%`),
    "",
    // The failed checks are in the table below; here only what is not one of them (thresholds, a pass).
    ...ownReasons.map((reason) => `- ${cell(reason)}`),
    ...warningsOf(report, decision).map((warning) => `- \u26A0\uFE0F ${cell(warning)}`)
  ];
  const load = report.suites.find((s) => s.kind === "load");
  const timeline = timelineOf(report, decision);
  const middle = [...load ? impactTable(load) : [], ...timeline ? gantt(timeline, reports) : []];
  let room = maxBytes - bytesOf(head) - bytesOf(middle);
  const failing = fitTable(
    rows.filter((r) => importanceOf(r.judgement) <= 1),
    room,
    "failed check(s)",
    reports
  );
  const failures = failing.lines.length > 0 ? ["", "### Failures", "", ...failing.lines] : [];
  room -= bytesOf(failures);
  const rest = rows.filter((r) => importanceOf(r.judgement) > 1);
  const passing = fitTable(rest, room, "passed or skipped check(s)", reports);
  const folded = rest.length > 0 ? [
    "",
    `<details><summary>${rest.length} passed or skipped check(s)</summary>`,
    "",
    ...passing.lines,
    "",
    "</details>"
  ] : [];
  return {
    markdown: `${[...head, ...failures, ...middle, ...folded].join("\n")}
`,
    failuresLeftOut: failing.leftOut
  };
}
function renderCannotRun(message, warnings = [], cancelled = false) {
  const longest = Math.max(0, ...[...message.matchAll(/`+/g)].map(([run]) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const listed = warnings.length > 0 ? `
${warnings.map((w) => `- \u26A0\uFE0F ${cell(w)}
`).join("")}` : "";
  const heading = cancelled ? "\u23F9\uFE0F Chaos gate cancelled" : "\u26D4 Chaos gate could not run";
  const whole = `## ${heading}

${fence}text
${message}
${fence}
${listed}`;
  if (Buffer.byteLength(whole) <= maxBytes) return whole;
  const cut = Buffer.from(whole).subarray(0, maxBytes - Buffer.byteLength(listed)).toString("utf8");
  return `${cut.slice(0, cut.lastIndexOf("\n") + 1)}${fence}

\u2026 summary cut at ${maxBytes} bytes; see the step log.
${listed}`;
}
var reserve = 300;
function fitTable(rows, room, what, reports) {
  if (rows.length === 0) return { lines: [], leftOut: 0 };
  const lines = table(rows);
  let used = reserve;
  let kept = 0;
  for (const line of lines) {
    used += Buffer.byteLength(line) + 1;
    if (used > room) break;
    kept++;
  }
  const shown = kept > 2 ? lines.slice(0, kept) : [];
  const leftOut = rows.length - Math.max(0, shown.length - 2);
  if (leftOut === 0) return { lines, leftOut };
  const more = `\u2026 and ${leftOut} more ${what}, for which the summary has no room: ${whereEvery(reports, "check")}.`;
  return { lines: [...shown, ...shown.length > 0 ? [""] : [], more], leftOut };
}
function bytesOf(lines) {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}
function table(rows) {
  return [
    "| suite | check | kind | status | duration | details |",
    "|---|---|---|---|---|---|",
    ...rows.map(({ suite, testCase, judgement: { status, tolerated } }) => {
      const shown = tolerated ? `\u26A0\uFE0F tolerated (${tolerated})` : icons[status];
      const duration = testCase.durationSeconds === void 0 ? "" : formatSeconds(testCase.durationSeconds);
      return `| ${cell(suite)} | ${cell(testCase.name)} | ${testCase.kind} | ${shown} | ${duration} | ${cell(testCase.message ?? "")} |`;
    })
  ];
}
function impactTable(load) {
  const periods = [
    ["baseline", "baseline (outside chaos)"],
    ["chaos", "during chaos"],
    ["overall", "overall"]
  ].filter(([key]) => load.properties[`${key}.requests`] !== void 0);
  if (periods.length === 0) return [];
  const value = (key, field, unit = "") => {
    const v = load.properties[`${key}.${field}`];
    return v === void 0 ? "" : `${v}${unit}`;
  };
  const rate = (key) => {
    const v = load.properties[`${key}.errorRate`];
    return v === void 0 ? "" : `${Number((Number(v) * 100).toFixed(2))}%`;
  };
  return [
    "",
    "### Load impact",
    "",
    "| period | requests | p50 | p95 | p99 | error rate |",
    "|---|---|---|---|---|---|",
    ...periods.map(
      ([key = "", label = ""]) => `| ${label} | ${value(key, "requests")} | ${value(key, "p50Ms", " ms")} | ${value(key, "p95Ms", " ms")} | ${value(key, "p99Ms", " ms")} | ${rate(key)} |`
    )
  ];
}
var maxBars2 = 100;
var maxLabel = 80;
function gantt(timeline, reports) {
  const task = (label, tag, span) => `    ${mermaidText(label)} :${tag}${Math.round(span.startMs)}, ${Math.round(Math.max(span.endMs, span.startMs + 1e3))}`;
  const drawn = drawnOf(
    timeline,
    timeline.rows.filter((r) => r.depth === 1),
    maxBars2
  );
  const loadAndChaos = [
    ...timeline.baseline ? [task("baseline", "done, ", timeline.baseline)] : [],
    ...drawn.windows.map(
      ({ number: number2, span }) => task(`chaos window ${number2} (${formatSeconds((span.endMs - span.startMs) / 1e3)})`, "crit, ", span)
    ),
    ...timeline.tail ? [task("tail", "done, ", timeline.tail)] : []
  ];
  const checks = drawn.rows.map(
    (row) => task(row.label, row.status === "failed" || row.status === "error" ? "crit, " : "active, ", row)
  );
  if (loadAndChaos.length + checks.length === 0) return [];
  return [
    "",
    "### Timeline",
    "",
    "```mermaid",
    "gantt",
    "    dateFormat x",
    "    axisFormat %H:%M:%S",
    "    section load and chaos",
    ...loadAndChaos,
    ...checks.length > 0 ? ["    section checks", ...checks] : [],
    "```",
    ...drawn.leftOut > 0 ? [
      "",
      `${drawn.leftOut} more chaos window(s) and check(s) are left out of the timeline, which draws the failed checks and their chaos windows first; ${whereEvery(reports, "window")}.`
    ] : []
  ];
}
function mermaidText(text) {
  const plain = text.replace(/[:#;]/g, " ").replace(/\s+/g, " ").trim() || "(unnamed)";
  const chars = [...plain];
  return chars.length <= maxLabel ? plain : `${chars.slice(0, maxLabel - 1).join("")}\u2026`;
}
function cell(text) {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}

// src/run/publish.ts
var reportNames = { junit: "JUnit report", json: "JSON report", html: "HTML report", summary: "summary" };
function configuredInputs(config) {
  return {
    "config file": [config.configFile],
    kubeconfig: [config.kubeconfig, ...config.targets.map((target) => target.kubeconfig)],
    "RBAC file": config.rbac,
    "experiment file": config.experiments,
    "engine file": config.engines,
    "Workflow file": [config.workflow?.file],
    "load result file": Object.values(config.load?.results ?? {}),
    "Chaos Toolkit journal": config.ctkJournals
  };
}
function realPath(file) {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    const folder = path.dirname(absolute);
    return folder === absolute ? absolute : path.join(realPath(folder), path.basename(absolute));
  }
}
function reportPathProblems(config, commandInputs = {}) {
  const problems = [];
  const inputs = /* @__PURE__ */ new Map();
  for (const named of [configuredInputs(config), commandInputs])
    for (const [what, files] of Object.entries(named))
      for (const file of files) if (file) inputs.set(realPath(file), `the ${what} ${file}`);
  const seen = /* @__PURE__ */ new Map();
  const check = (file, name, inFolderChecked = false) => {
    const where = `the ${name} ${file}`;
    const real = realPath(file);
    const input = inputs.get(real);
    if (input) problems.push(`${where}: the same file as ${input}, which it would overwrite`);
    const other = seen.get(real);
    if (other) problems.push(`${where}: the same file as the ${other}`);
    seen.set(real, name);
    if (inFolderChecked) return;
    const problem = unwritable(real);
    if (problem) problems.push(`${where}: ${problem}`);
  };
  for (const kind of ["junit", "json", "html", "summary"]) {
    const file = config.reports[kind];
    if (!file) continue;
    check(file, reportNames[kind]);
    if (kind === "html") check(stylesheetOf(file), "HTML report's stylesheet", true);
  }
  return problems;
}
var stylesheetOf = (file) => path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.css`);
function unwritable(file) {
  const kind = (at) => {
    const stats = statSync(at, { throwIfNoEntry: false });
    if (!stats) return void 0;
    return stats.isDirectory() ? "directory" : stats.isFile() ? "file" : "device";
  };
  if (kind(file) === "directory") return "is a directory";
  let existing = kind(file) === "device" ? file : path.dirname(file);
  while (!kind(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (existing !== file && kind(existing) !== "directory") return `${existing} is a file, not a directory`;
  try {
    accessSync(existing, constants.W_OK);
    return void 0;
  } catch {
    return `${existing} is not writable`;
  }
}
function refuseBadReportPaths(config, commandInputs) {
  const problems = reportPathProblems(config, commandInputs);
  if (problems.length > 0) throw new ConfigError(problems.join("\n"));
}
function refuseAllSkipped(report, policy) {
  const cases = report.suites.flatMap((suite) => suite.cases);
  if (cases.length === 0 || !cases.every((testCase) => isSkipped(testCase, policy))) return;
  const shown = cases.slice(0, 3).map((testCase) => {
    const setting = skippingSetting(testCase, policy);
    const why2 = `${testCase.message ?? testCase.outcome}${setting ? ` (skipped: ${setting})` : ""}`;
    return `${testCase.className} \u203A ${testCase.name}: ${why2}`;
  });
  const more = cases.length > shown.length ? `; ${cases.length - shown.length} more` : "";
  throw new CannotRunError(`nothing to judge (every case was skipped): ${shown.join("; ")}${more}`);
}
function conclude(config, report, meta, log) {
  if (!report.suites.some((suite) => suite.cases.length > 0)) {
    throw new CannotRunError(
      "nothing to judge: the run produced no experiment, workflow step or load result"
    );
  }
  const allowances = unmatchedAllowances(report, config.gate).map(
    ({ pattern, meant }) => `${settingName("gate.allowFailures")} "${pattern}" names no experiment in the report, so it tolerates nothing${meant ? `; did you mean "${meant}"?` : ""}`
  );
  const decision = { ...evaluateGate(report, config.gate), warnings: [...new Set(allowances)] };
  const published = publishReports(config.reports, report, decision, { policy: config.gate, meta });
  for (const kind of ["junit", "json", "html", "summary"]) {
    const file = published[kind];
    if (file) log(`chaos-gate: wrote ${kind} report ${file}`);
  }
  const holdsAll = (kind) => kind !== "summary" || published.markdown().failuresLeftOut === 0;
  const files = ["junit", "json", "html", "summary"].flatMap((kind) => {
    const file = published[kind];
    return file && holdsAll(kind) ? [file] : [];
  });
  warningsOf(report, decision).forEach((warning) => log(`chaos-gate: WARNING: ${warning}`));
  describeDecision(report, decision, files).forEach((line) => log(`chaos-gate: ${line}`));
  return { decision, published };
}
function publishReports(reports, report, decision, context) {
  const full = {
    junit: reports.junit,
    json: reports.json,
    jsonSetting: settingName("reports.json")
  };
  let summary;
  const markdown = () => {
    summary ??= renderMarkdown(report, decision, full);
    return { ...summary, markdown: redact(summary.markdown) };
  };
  const write = (file, render) => writeInParts(file, (emit) => emit(render()));
  const junitOptions = { hostname: os.hostname(), caseProperties: reports.junitCaseProperties };
  return {
    junit: writeInParts(reports.junit, (emit) => emitJUnit(report, decision, junitOptions, emit)),
    json: write(reports.json, () => renderJson(report, decision, context)),
    html: write(reports.html, () => writeHtml(reports.html, report, decision, context.meta, full)),
    summary: write(reports.summary, () => markdown().markdown),
    markdown,
    reports: full
  };
}
function writeInParts(file, produce) {
  if (!file) return void 0;
  const target = realPath(file);
  const existing = statSync(target, { throwIfNoEntry: false });
  const direct = existing !== void 0 && !existing.isFile();
  const written = direct ? target : path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  let fd;
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    fd = openSync(written, "w");
    if (existing && !direct) fchmodSync(fd, existing.mode & 4095);
    produce((part) => {
      const bytes = Buffer.from(redact(part));
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    });
    closeSync(fd);
    fd = void 0;
    if (!direct) renameSync(written, target);
  } catch (error) {
    if (fd !== void 0) closeSync(fd);
    if (!direct) rmSync(written, { force: true });
    throw new CannotRunError(`${file}: cannot write the report: ${errorMessage(error)}`);
  }
  return file;
}
function removeReports(published) {
  const files = ["junit", "json", "html", "summary"].flatMap((kind) => {
    const file = published[kind];
    return file ? [file, ...kind === "html" ? [stylesheetOf(file)] : []] : [];
  });
  const regular = (file) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  return files.filter(regular).map((file) => {
    rmSync(file, { force: true });
    return file;
  });
}
function writeHtml(file, report, decision, meta, reports) {
  const stylesheet = stylesheetOf(file);
  const { html, css: css2 } = renderHtml(report, decision, {
    stylesheet: path.basename(stylesheet),
    runId: meta.runId,
    generatedAt: /* @__PURE__ */ new Date(),
    reports
  });
  writeInParts(stylesheet, (emit) => emit(css2));
  return html;
}
function describeDecision(report, decision, files) {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const counts = `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped${tolerated ? ` (${tolerated} tolerated)` : ""}`;
  if (decision.verdict === "pass") return [`gate PASSED (${counts})`];
  const { shown, more } = leadingReasons(report, decision);
  const lines = [`gate FAILED (${counts}):`, ...shown.map((reason) => `  - ${reason}`)];
  if (more > 0) {
    const settings = ["reports.junit", "reports.json", "reports.html"].map(settingName);
    const where = files.length > 0 ? `every one is in ${files.join(", ")}` : `write a report to see them all: ${settings.join(", ")}`;
    lines.push(`  - \u2026 and ${more} more failed check(s) (${where})`);
  }
  return lines;
}
function runMeta(config, runId, cancelled) {
  return {
    ...runId ? { runId } : {},
    ...config.label ? { label: config.label } : {},
    ...cancelled ? { cancelled } : {}
  };
}
async function cancellableReports(say, body) {
  return withCancellation(
    say,
    async ({ cancel }) => {
      let outcome;
      try {
        outcome = await body(cancel);
        await new Promise(setImmediate);
      } catch (error) {
        if (cancel.aborted)
          throw new CancelledError(cancel.reason, "no report was written");
        throw error;
      }
      if (!cancel.aborted) return outcome;
      const removed = removeReports(outcome.published);
      throw new CancelledError(
        cancel.reason,
        removed.length > 0 ? `removed the reports it wrote: ${removed.join(", ")}` : "no report was written"
      );
    },
    reportSaid
  );
}

export {
  parseJsonReport,
  renderCannotRun,
  reportPathProblems,
  refuseBadReportPaths,
  refuseAllSkipped,
  conclude,
  removeReports,
  describeDecision,
  runMeta,
  cancellableReports
};
