import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPolicy, evaluateGate, type GatePolicy } from '../../../src/gate/policy.ts';
import { renderHtml } from '../../../src/report/html.ts';
import { renderJson } from '../../../src/report/json.ts';
import { renderCannotRun, renderMarkdown } from '../../../src/report/markdown.ts';
import { mergeReports, underLabel, type Report } from '../../../src/report/model.ts';
import { everyOutcome, failedProbe, manyFailures, manyTimed, withLoad } from '../../support/reports.ts';

/** The reports a CLI run with --junit and --json writes beside the summary or page. */
const written = { junit: 'out/junit.xml', json: 'out/report.json', jsonSetting: '--json' };
const decide = (report: Report, policy: Partial<GatePolicy> = {}) =>
  evaluateGate(report, { ...defaultPolicy, ...policy });

test('JSON report: verdict, reasons, counts and each case with its status', () => {
  const report = everyOutcome();
  const json = JSON.parse(
    renderJson(report, decide(report), {
      policy: defaultPolicy,
      meta: { runId: 'r1' },
      generatedAt: new Date('2026-11-20T11:00:00Z'),
    }),
  ) as {
    schemaVersion: number;
    verdict: string;
    counts: Record<string, number>;
    meta: Record<string, string>;
    suites: { cases: { name: string; status: string; outcome: string }[] }[];
  };
  assert.equal(json.schemaVersion, 1);
  assert.equal(json.verdict, 'fail');
  assert.deepEqual(json.counts, { passed: 1, failed: 2, errored: 2, skipped: 1, tolerated: 0 });
  assert.equal(json.meta.runId, 'r1');
  assert.deepEqual(json.suites[0]?.cases.map((c) => [c.name, c.outcome, c.status]).slice(3, 5), [
    ['container-kill', 'stopped', 'failed'],
    ['disk-fill', 'timeout', 'error'],
  ]);
});

test('Markdown: failures first, each reason once, passing checks folded away', () => {
  const report = withLoad();
  const markdown = renderMarkdown(report, decide(report), written).markdown;
  assert.match(markdown, /^## ❌ Chaos gate failed/);
  const failures = markdown.indexOf('### Failures');
  const folded = markdown.indexOf('<details><summary>4 passed or skipped check(s)</summary>');
  assert.ok(failures > 0 && folded > failures, 'the failures before the folded passing checks');
  assert.ok(
    markdown
      .slice(failures, folded)
      .includes('| shop/cart | pod-delete / probe cart-responds | probe | ❌ failed |'),
  );
  assert.ok(!markdown.slice(failures, folded).includes('✅'), 'nothing passing in the failures table');
  assert.equal(
    markdown.split('Actual value: 503').length - 1,
    2,
    'the probe message in its row and in the experiment’s, not again as a reason',
  );
});

test('Markdown: the load impact table and a Mermaid gantt of baseline, each chaos window and tail', () => {
  const report = withLoad();
  const markdown = renderMarkdown(report, decide(report), written).markdown;
  assert.match(markdown, /\| baseline \(outside chaos\) \| 1800 \| 40 ms \| 90 ms \| 120 ms \| 0% \|/);
  assert.match(markdown, /\| during chaos \| 900 \| 180 ms \| 620 ms \| 700 ms \| 15% \|/);
  const gantt = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  const t0 = Date.parse('2026-11-20T10:00:00Z');
  assert.match(gantt, /^gantt\n {4}dateFormat x\n/);
  assert.ok(gantt.includes(`baseline :done, ${t0}, ${t0 + 30_000}`), gantt);
  assert.ok(gantt.includes(`chaos window 1 (30s) :crit, ${t0 + 30_000}, ${t0 + 60_000}`), gantt);
  assert.ok(gantt.includes(`chaos window 2 (15s) :crit, ${t0 + 80_000}, ${t0 + 95_000}`), gantt);
  assert.ok(gantt.includes(`tail :done, ${t0 + 95_000}, ${t0 + 120_000}`), gantt);
  assert.ok(gantt.includes(`pod-delete :crit, ${t0}, ${t0 + 60_000}`), 'the failed experiment is marked');
  assert.doesNotMatch(markdown, /left out of the timeline/, 'a small run is drawn whole');
});

test('Markdown: two merged jobs that ran the same experiments an hour apart: each its own chaos windows', () => {
  const later = failedProbe();
  for (const testCase of later.suites[0]?.cases ?? [])
    testCase.startedAt = testCase.startedAt?.replace('T10:', 'T11:');
  const report = mergeReports(underLabel(failedProbe(), 'cluster-a'), underLabel(later, 'cluster-b'));
  const gantt =
    /```mermaid\n([\s\S]*?)```/.exec(renderMarkdown(report, decide(report), written).markdown)?.[1] ?? '';
  const t0 = Date.parse('2026-11-20T10:00:00Z');
  const windows = [...gantt.matchAll(/chaos window \d+ \([^)]+\) :crit, (\d+),/g)].map(([, at]) =>
    Number(at),
  );
  assert.deepEqual(windows, [t0, t0 + 30_000, t0 + 3_600_000, t0 + 3_630_000], gantt);
});

test('Markdown: 5,000 timed experiments: at most 100 bars, the failed ones first, a line that counts the rest', () => {
  const report = manyTimed(5_000);
  const markdown = renderMarkdown(report, decide(report), written).markdown;
  const gantt = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  // Mermaid's default maxTextSize: a longer diagram is refused and shows an error, not a timeline.
  assert.ok(gantt.length < 50_000 / 2, `${gantt.length} characters`);
  const bars = gantt.split('\n').filter((line) => / :\w+, \d+, \d+$/.test(line));
  assert.equal(bars.length, 100);
  const checks = bars.filter((bar) => !bar.includes('chaos window'));
  assert.ok(
    checks.every((bar) => Number(/^ {4}exp-(\d+) :crit, /.exec(bar)?.[1]) % 7 === 0),
    'only failed experiments while there are more of them than room',
  );
  // The windows keep their run-wide numbers: window 7 is the failed exp-7's.
  assert.match(gantt, /chaos window 7 \(30s\) :crit, /);
  assert.doesNotMatch(gantt, /chaos window 1 \(/);
  const after = markdown.slice(markdown.indexOf(gantt) + gantt.length).split('\n')[2] ?? '';
  assert.match(
    after,
    /^9900 more chaos window\(s\) and check\(s\) are left out of the timeline, .*the JSON report out\/report\.json has every one\.$/,
  );
  assert.ok(
    markdown.includes('<details><summary>8572 passed or skipped check(s)'),
    'room left for the passing',
  );
});

test('Markdown: a long experiment name is clipped in the gantt, whole in the tables', () => {
  const report = failedProbe();
  const long = `pod-delete-${'x'.repeat(200)}`;
  for (const c of report.suites[0]?.cases ?? []) if (c.kind === 'experiment') c.name = long;
  const markdown = renderMarkdown(report, decide(report), written).markdown;
  const gantt = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  assert.match(gantt, new RegExp(` {4}${long.slice(0, 79)}… :crit, `));
  assert.ok(markdown.includes(`| ${long} |`));
});

test('Markdown: a run cancelled before its chaos began has no empty Timeline', () => {
  // The suite knows when the run started; its experiment never ran, so it has no time of its own.
  const report: Report = {
    suites: [
      {
        kind: 'chaosengine',
        name: 'shop/cart-chaos',
        timestamp: '2026-11-20T10:00:00Z',
        durationSeconds: 3,
        properties: {},
        cases: [
          {
            kind: 'experiment',
            className: 'shop/cart-chaos',
            name: 'pod-delete',
            outcome: 'stopped',
            message: 'no verdict: the experiment had not started when the run was cancelled (SIGTERM)',
            properties: {},
          },
        ],
      },
    ],
  };
  const markdown = renderMarkdown(report, decide(report), written).markdown;
  assert.match(markdown, /pod-delete/);
  assert.doesNotMatch(markdown, /### Timeline|```mermaid/);
});

test('Markdown: pipes and line breaks cannot break a table row', () => {
  const report = everyOutcome();
  const markdown = renderMarkdown(report, decide(report), written).markdown;
  const row = markdown.split('\n').find((line) => line.startsWith('| shop/checkout | pod-cpu-hog |')) ?? '';
  assert.equal(row.split(/(?<!\\)\|/).length - 2, 6, `six cells: ${row}`);
  assert.ok(row.includes('\\| pipe'));
});

test('Markdown: a tolerated failure is listed with the failures, marked tolerated, and the gate passes', () => {
  const report = failedProbe();
  const markdown = renderMarkdown(
    report,
    decide(report, { allowFailures: ['pod-delete'] }),
    written,
  ).markdown;
  assert.match(markdown, /^## ✅ Chaos gate passed/);
  assert.match(markdown, /\| pod-delete \| experiment \| ⚠️ tolerated \(allowFailures\) \|/);
  assert.match(markdown, /- passed with 2 failure\(s\) the policy tolerates/);
});

test('Markdown: 10,000 failures in a non-Latin script stay under the 1 MiB GitHub takes as a step summary', () => {
  const report = manyFailures(10_000);
  // A probe that reads a localized page: each character is 2 to 3 bytes.
  for (const testCase of report.suites[0]?.cases ?? [])
    testCase.message = '服务返回 503：服务暂时不可用，请稍后重试。';
  const { markdown, failuresLeftOut } = renderMarkdown(report, decide(report), written);
  // GitHub refuses a larger summary whole, so the reader would get none at all.
  assert.ok(Buffer.byteLength(markdown) <= 1024 * 1024, `${Buffer.byteLength(markdown)} bytes`);
  assert.doesNotMatch(markdown, /\uFFFD/, 'no character cut in half');
  const rows = markdown.split('\n').filter((line) => line.startsWith('| shop/big |'));
  assert.ok(rows.length > 1000 && rows.length < 20_000, `${rows.length} rows`);
  assert.match(rows.at(-1) ?? '', /请稍后重试。 \|$/, 'the last row shown is whole');
  assert.equal(failuresLeftOut, 20_000 - rows.length);
  assert.ok(
    markdown.endsWith(
      `|\n\n… and ${failuresLeftOut} more failed check(s), for which the summary has no room: the JSON report out/report.json has every one.\n`,
    ),
    markdown.slice(-300),
  );
});

test('Markdown: failures past the budget are cut and counted, and the timeline and passing count still show', () => {
  const report = manyTimed(5_000);
  // A probe's output in each failed check: 1,428 of them are 1.4 MB, more than the summary may hold.
  for (const testCase of report.suites[0]?.cases ?? [])
    if (testCase.outcome === 'fail') testCase.message = `HTTP 503 ${'x'.repeat(1000)}`;
  const { markdown, failuresLeftOut } = renderMarkdown(report, decide(report), written);
  assert.ok(Buffer.byteLength(markdown) <= 1024 * 1024, `${Buffer.byteLength(markdown)} bytes`);
  assert.ok(failuresLeftOut > 0);
  const [failures = '', after = ''] = markdown.split('\n### Timeline\n');
  assert.ok(
    failures.includes(
      `\n\n… and ${failuresLeftOut} more failed check(s), for which the summary has no room: the JSON report out/report.json has every one.\n`,
    ),
  );
  assert.match(after, /^\n```mermaid\ngantt\n[\s\S]*\n```\n/);
  assert.ok(
    after.includes(
      '<details><summary>8572 passed or skipped check(s)</summary>\n\n… and 8572 more passed or skipped check(s), for which the summary has no room: the JSON report out/report.json has every one.\n\n</details>\n',
    ),
    after.slice(-400),
  );
});

test('Markdown of a run that could not be judged: the message whole, which no backticks in it can break out of', () => {
  assert.equal(
    renderCannotRun('engine.yaml: bad\n```\n<b>x</b>'),
    '## ⛔ Chaos gate could not run\n\n````text\nengine.yaml: bad\n```\n<b>x</b>\n````\n',
  );
});

test('Markdown of a run that could not be judged: the warnings it raised listed after the message, still there when a huge one is cut', () => {
  const warnings = ['run id r not locked in namespace shop: taking Lease x: forbidden', 'cleanup: a | b'];
  assert.equal(
    renderCannotRun('watching ChaosEngines: forbidden', warnings),
    '## ⛔ Chaos gate could not run\n\n```text\nwatching ChaosEngines: forbidden\n```\n\n' +
      '- ⚠️ run id r not locked in namespace shop: taking Lease x: forbidden\n- ⚠️ cleanup: a \\| b\n',
  );
  const markdown = renderCannotRun('namespace/payments: unavailable\n'.repeat(40_000), warnings);
  assert.ok(Buffer.byteLength(markdown) <= 1024 * 1024, `${Buffer.byteLength(markdown)} bytes`);
  assert.ok(
    markdown.endsWith(
      '```\n\n… summary cut at 900000 bytes; see the step log.\n\n' +
        '- ⚠️ run id r not locked in namespace shop: taking Lease x: forbidden\n- ⚠️ cleanup: a \\| b\n',
    ),
    markdown.slice(-300),
  );
});

test('HTML: no inline style or script; the stylesheet is linked and holds the look', () => {
  const report = withLoad();
  const { html, css } = renderHtml(report, decide(report), {
    stylesheet: 'report.css',
    runId: 'run-7',
    reports: written,
  });
  assert.match(html, /<link rel="stylesheet" href="report\.css">/);
  assert.doesNotMatch(html, /<style|style=|<script|\son[a-z]+=/i);
  assert.match(css, /\.banner\.fail\{background:#c62828\}/);
});

test('HTML: every string is escaped', () => {
  const report = everyOutcome();
  const { html } = renderHtml(report, decide(report), { stylesheet: 'r.css', reports: written });
  assert.ok(!html.includes('<tag>'));
  assert.ok(html.includes('&lt;tag&gt;'));
  assert.match(html, /class="banner fail"/);
});

test('HTML: run id, start, end and duration; the chaos windows as shaded bands over the chart', () => {
  const report = withLoad();
  const { html } = renderHtml(report, decide(report), {
    stylesheet: 'r.css',
    runId: 'run-7',
    reports: written,
  });
  assert.match(
    html,
    /<dt>run id<\/dt><dd>run-7<\/dd><dt>started<\/dt><dd>2026-11-20T10:00:00Z<\/dd><dt>ended<\/dt><dd>2026-11-20T10:02:00Z<\/dd><dt>duration<\/dt><dd>2m00s<\/dd>/,
  );
  const chart = /<section id="load">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  assert.equal(chart.match(/class="chaos-window"/g)?.length, 2);
  assert.equal(chart.match(/class="point p95"/g)?.length, 60);
  assert.equal(chart.match(/class="point errors"/g)?.length, 60);
});

test('HTML: 5,000 timed experiments: the timeline chart draws at most 200 bars, the failed first, and counts the rest', () => {
  const report = manyTimed(5_000);
  const { html } = renderHtml(report, decide(report), { stylesheet: 'r.css', reports: written });
  const chart = /<section id="timeline">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  const bars = chart.match(/<rect class="(?:phase|span)[^"]*"/g) ?? [];
  assert.equal(bars.length, 200);
  const height = Number(/<svg class="timeline" viewBox="0 0 960 (\d+)"/.exec(chart)?.[1]);
  assert.ok(height < 5_000, `${height} pixels tall`);
  assert.ok(
    (chart.match(/<rect class="span passed"/g) ?? []).length === 0,
    'no passing check while failed ones are left out',
  );
  assert.match(
    chart,
    /<p class="left-out">14800 more chaos window\(s\) and check\(s\) are left out of the chart, /,
  );
  const facts = /<dl class="facts">[\s\S]*?<\/dl>/.exec(html)?.[0] ?? '';
  assert.equal(facts.match(/<dt>chaos window \d+<\/dt>/g)?.length, 100);
  assert.match(
    facts,
    /<dt>other chaos windows<\/dt><dd>4900: the JSON report out\/report\.json has every one<\/dd>/,
  );
  assert.ok(html.includes('<td>exp-4999 / probe p4999</td>'), 'every check is still in the tables');
  // The reasons above the chart: the first 20 failed checks, not a page of them before the timeline.
  const reasons = /<ul class="reasons">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  const items = reasons.match(/<li>[^<]*<\/li>/g) ?? [];
  assert.equal(items.length, 21);
  assert.match(items.at(-1) ?? '', /^<li>… and \d+ more failed check\(s\): see Checks below<\/li>$/);
});

test('HTML: a small run draws every window and check, and says nothing is left out', () => {
  const report = withLoad();
  const { html } = renderHtml(report, decide(report), { stylesheet: 'r.css', reports: written });
  const chart = /<section id="timeline">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  assert.equal(chart.match(/<rect class="phase"/g)?.length, 4, 'baseline, two windows, tail');
  assert.doesNotMatch(html, /left-out|other chaos windows/);
});

test('HTML: an unreadable start is left out and an absurd duration is named, never a failed report', () => {
  const report = failedProbe();
  const [suite] = report.suites;
  assert.ok(suite);
  suite.timestamp = 'yesterday';
  const [experiment] = suite.cases;
  assert.ok(experiment);
  experiment.durationSeconds = 1e20; // ends past the last date a Date can hold
  const { html } = renderHtml(report, decide(report), { stylesheet: 'r.css', reports: written });
  assert.doesNotMatch(html, /started yesterday|Invalid/);
  assert.match(html, /<p class="suite-facts">took 1m30s · 5 check\(s\), 2 failing<\/p>/);
  assert.match(html, /2026-11-20T10:00:00Z – an unknown time/);
});

test('Markdown of a run that could not be judged: a huge message is cut at a whole line, its block closed', () => {
  // A message that quotes a fence of its own, so the block is opened with a longer one.
  const line = 'namespace/payments: 服务暂时不可用 ``` 请稍后重试\n';
  const markdown = renderCannotRun(line.repeat(40_000).trimEnd());
  // GitHub refuses a larger summary whole, so the reader would get none at all.
  assert.ok(Buffer.byteLength(markdown) <= 1024 * 1024, `${Buffer.byteLength(markdown)} bytes`);
  assert.doesNotMatch(markdown, /\uFFFD/, 'no character cut in half');
  const [kept = '', note] = markdown.split('````\n\n… summary cut');
  assert.equal(note, ` at 900000 bytes; see the step log.\n`);
  assert.match(kept, /^## ⛔ Chaos gate could not run\n\n````text\n/);
  assert.ok(kept.endsWith(line), 'the last line shown is whole');
});
