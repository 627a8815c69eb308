import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { defaultPolicy, evaluateGate, type GatePolicy } from '../../../src/gate/policy.ts';
import { renderHtml } from '../../../src/report/html.ts';
import { renderJson } from '../../../src/report/json.ts';
import { renderJUnit } from '../../../src/report/junit.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import type { Report, ReportCase } from '../../../src/report/model.ts';
import { repoRoot } from '../../support/fixtures.ts';

const hostile = 'a "quote" <tag> & ]]> \u0000nul \u0007bell | pipe\nnew line 🧨 </testcase>';

function caseOf(name: string, outcome: ReportCase['outcome'], extra: Partial<ReportCase> = {}): ReportCase {
  return {
    kind: 'experiment',
    className: 'shop/checkout',
    name,
    outcome,
    properties: {},
    experiment: `shop/checkout/${name}`,
    ...extra,
  };
}

const report: Report = {
  suites: [
    {
      kind: 'chaosengine',
      name: 'shop/checkout',
      timestamp: '2026-11-20T10:00:05Z',
      durationSeconds: 75.5,
      properties: { engine: 'shop/checkout', 'chaos.duration': '60s' },
      cases: [
        caseOf('pod-delete', 'pass', { durationSeconds: 70 }),
        caseOf('pod-cpu-hog', 'fail', { message: hostile, details: `failStep: ${hostile}` }),
        caseOf('pod-network-loss', 'error', { message: 'TARGET_SELECTION_ERROR: no target pods found' }),
        caseOf('container-kill', 'stopped', { message: 'aborted' }),
        caseOf('disk-fill', 'timeout', { message: 'still Awaited' }),
        caseOf('pod-delete / probe http', 'skipped', { kind: 'probe' }),
      ],
    },
  ],
};

/** Parses the XML with Python's parser: a real well-formedness check. */
function parseXml(xml: string): string {
  return execFileSync(
    'python3',
    [
      '-c',
      'import sys, xml.etree.ElementTree as E; r = E.fromstring(sys.stdin.buffer.read()); print(r.get("tests"), r.get("failures"), r.get("errors"), r.get("skipped"))',
    ],
    {
      input: xml,
    },
  )
    .toString()
    .trim();
}

test('JUnit counts follow the gate policy: Stopped is a failure by default, skipped when configured', () => {
  assert.equal(parseXml(renderJUnit(report, evaluateGate(report, defaultPolicy))), '6 2 2 1');
  assert.equal(
    parseXml(
      renderJUnit(report, evaluateGate(report, { ...defaultPolicy, stopped: 'skip', timeouts: 'skip' })),
    ),
    '6 1 1 3',
  );
});

test('JUnit stays well-formed with quotes, markup, CDATA ends, control characters and emoji in messages', () => {
  const xml = renderJUnit(report, evaluateGate(report, defaultPolicy));
  parseXml(xml);
  // Control characters are dropped; the rest survives, escaped where XML needs it.
  assert.match(
    xml,
    /<failure message="a &quot;quote&quot; &lt;tag> &amp; \]\]> nul bell \| pipe&#xA;new line/,
  );
  assert.ok(xml.includes('🧨'));
});

test('an allowed failure is skipped in JUnit and says why in system-out', () => {
  const policy: GatePolicy = { ...defaultPolicy, allowFailures: ['pod-cpu-hog'] };
  const xml = renderJUnit(report, evaluateGate(report, policy));
  assert.match(
    xml,
    /name="pod-cpu-hog"[\s\S]*?<skipped\/>[\s\S]*?<system-out><!\[CDATA\[allowed to fail by the gate policy: a "quote"/,
  );
});

test('timestamps are UTC with a Z whatever the machine time zone', () => {
  const script = `import { renderJUnit } from './src/report/junit.ts'; import { defaultPolicy, evaluateGate } from './src/gate/policy.ts';
    const report = ${JSON.stringify(report)};
    process.stdout.write(renderJUnit(report, evaluateGate(report, defaultPolicy)));`;
  for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
    const xml = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, TZ: tz },
    }).toString();
    assert.match(xml, /timestamp="2026-11-20T10:00:05Z"/, tz);
  }
});

test('JSON report: verdict, reasons, counts and each case with its status', () => {
  const decision = evaluateGate(report, defaultPolicy);
  const json = JSON.parse(
    renderJson(report, decision, {
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
  assert.deepEqual(json.counts, { passed: 1, failed: 2, errored: 2, skipped: 1 });
  assert.equal(json.meta.runId, 'r1');
  assert.deepEqual(json.suites[0]?.cases.map((c) => [c.name, c.outcome, c.status]).slice(3, 5), [
    ['container-kill', 'stopped', 'failed'],
    ['disk-fill', 'timeout', 'error'],
  ]);
});

test('Markdown: pipes and line breaks cannot break a table row', () => {
  const markdown = renderMarkdown(report, evaluateGate(report, defaultPolicy));
  assert.match(markdown, /^## ❌ Chaos gate failed/);
  const row = markdown.split('\n').find((line) => line.startsWith('| pod-cpu-hog |')) ?? '';
  assert.equal(row.split(/(?<!\\)\|/).length - 2, 4, `four cells: ${row}`);
  assert.ok(row.includes('\\| pipe'));
});

test('HTML: every string is escaped', () => {
  const html = renderHtml(report, evaluateGate(report, defaultPolicy));
  assert.ok(!html.includes('<tag>'));
  assert.ok(html.includes('&lt;tag&gt;'));
  assert.ok(!/<script/i.test(html));
  assert.match(html, /class="banner fail"/);
});
