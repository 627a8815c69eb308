import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPolicy, evaluateGate } from '../../../src/gate/policy.ts';
import { parseK6Summary } from '../../../src/load/k6.ts';
import { loadSchema } from '../../../src/load/schema.ts';
import { loadSuite } from '../../../src/load/suite.ts';
import { readFixture } from '../../support/fixtures.ts';
import { figuresOf } from '../../support/load.ts';

const t0 = 1795000000000;
const chaos = [{ startMs: t0 + 20_000, endMs: t0 + 29_999 }];
/** A request every 100 ms for 60 s; inside the chaos (20 s to 30 s) 450 ms and every tenth failing. */
const samples = () =>
  Array.from({ length: 600 }, (_, i) => {
    const inChaos = i >= 200 && i < 300;
    return {
      startMs: t0 + i * 100,
      elapsedMs: inChaos ? 450 : 90 + (i % 7),
      success: !(inChaos && i % 10 === 0),
    };
  });

test('each k6 threshold and check is a case; a crossed one fails the gate naming the expression', () => {
  const k6 = parseK6Summary(JSON.parse(readFixture('load/k6-summary-export.json')), 'k6.json');
  const suite = loadSuite({ k6, windows: [], thresholds: {}, impact: {} });
  assert.deepEqual(
    suite.cases.map((c) => [c.kind, c.name, c.outcome]),
    [
      ['load-threshold', 'http_req_duration: p(95)<500', 'fail'],
      ['load-threshold', 'http_req_duration: avg<300', 'pass'],
      ['load-threshold', 'http_req_failed: rate<0.01', 'pass'],
      ['load-check', 'check: status is 200', 'pass'],
      ['load-check', 'check: order accepted', 'fail'],
    ],
  );
  const decision = evaluateGate({ suites: [suite] }, defaultPolicy);
  assert.equal(decision.verdict, 'fail');
  assert.match(
    decision.reasons.join('\n'),
    /load › http_req_duration: p\(95\)<500 failed: k6 threshold crossed/,
  );
  assert.match(decision.reasons.join('\n'), /check: order accepted failed: 3 of 300 failed/);
});

test('impact figures go into the properties and gate the degradation', () => {
  const suite = loadSuite({
    requests: figuresOf(samples(), chaos),
    windows: chaos,
    thresholds: {},
    impact: { maxP95Ratio: 2, maxErrorRateDuringChaos: 0.01 },
  });
  assert.equal(suite.properties['chaos.requests'], '100');
  assert.equal(suite.properties['baseline.requests'], '500');
  assert.equal(suite.properties['chaos.errorRate'], '0.1');
  assert.ok(Number(suite.properties['chaos.p95Ms']) > 2 * Number(suite.properties['baseline.p95Ms']));
  const impact = suite.cases.filter((c) => c.kind === 'load-impact');
  assert.deepEqual(
    impact.map((c) => [c.name, c.outcome]),
    [
      ['p95 during chaos <= 2x baseline', 'fail'],
      ['error rate during chaos <= 1%', 'fail'],
    ],
  );
  assert.match(impact[1]?.message ?? '', /error rate during chaos was 10%/);
});

test('a generous impact limit passes', () => {
  const suite = loadSuite({
    requests: figuresOf(samples(), chaos),
    windows: chaos,
    thresholds: {},
    impact: { maxP95Ratio: 10, maxErrorRateDuringChaos: 0.2 },
  });
  assert.ok(suite.cases.every((c) => c.outcome === 'pass'));
});

test('a load that missed the chaos says on which side: one slow to start needs a longer lead', () => {
  const messages = (window: { startMs: number; endMs: number }) =>
    loadSuite({
      requests: figuresOf(samples(), [window]),
      windows: [window],
      thresholds: {},
      impact: { maxP95Ratio: 2, maxErrorRateDuringChaos: 0.01 },
    }).cases.map((c) => c.message);
  // The load ran from t0 to t0 + 59.9 s.
  assert.deepEqual(messages({ startMs: t0 - 10_000, endMs: t0 - 2_500 }), [
    "not enough requests to compare (baseline 600, during chaos 0): the load's first request started 2.5 s after the chaos ended (a load slow to start needs a longer load.leadTime)",
    "no request ran during the chaos: the load's first request started 2.5 s after the chaos ended (a load slow to start needs a longer load.leadTime)",
  ]);
  assert.equal(
    messages({ startMs: t0 + 65_000, endMs: t0 + 70_000 })[1],
    "no request ran during the chaos: the load's last request started 5.1 s before the chaos began",
  );
  assert.equal(
    messages({ startMs: t0 + 20_010, endMs: t0 + 20_050 })[1],
    'no request ran during the chaos: none started inside a chaos window',
  );
});

test('JTL thresholds from the config: p95 and error rate over the whole test', () => {
  const config = loadSchema.parse({ thresholds: { p95: '800ms', errorRate: '1%' } });
  const suite = loadSuite({
    requests: figuresOf(samples(), []),
    windows: [],
    thresholds: config.thresholds,
    impact: {},
  });
  assert.deepEqual(
    suite.cases.map((c) => [c.name, c.outcome]),
    [
      ['p95 < 800ms', 'pass'],
      ['error rate <= 1%', 'fail'],
    ],
  );
});

test('the load command: exit 0 or stopped by us after the tail passes; another exit fails with its output', () => {
  const exit = {
    code: 99,
    signal: null,
    startedAtMs: t0,
    endedAtMs: t0 + 60_000,
    lastLines: ['thresholds on metrics have been crossed'],
  };
  const failed = loadSuite({ exit, command: 'k6 run x.js', windows: [], thresholds: {}, impact: {} })
    .cases[0];
  assert.equal(failed?.outcome, 'fail');
  assert.equal(failed?.message, 'the load command exited with 99');
  assert.match(failed?.details ?? '', /thresholds on metrics have been crossed/);
  const stopped = loadSuite({
    exit: { ...exit, code: null, signal: 'SIGTERM', stoppedBy: 'after the tail' },
    windows: [],
    thresholds: {},
    impact: {},
  }).cases[0];
  assert.equal(stopped?.outcome, 'pass');
  const cutShort = loadSuite({
    exit: { ...exit, code: null, signal: 'SIGTERM', stoppedBy: 'at the timeout' },
    windows: [],
    thresholds: {},
    impact: {},
  }).cases[0];
  assert.equal(cutShort?.outcome, 'timeout', 'stop: wait that ran into the timeout did not finish');
  assert.equal(cutShort?.message, 'the load command was still running and was stopped at the timeout');
});

test('load settings: bad durations and rates are rejected', () => {
  assert.equal(loadSchema.safeParse({ leadTime: 'soon' }).success, false);
  assert.equal(loadSchema.safeParse({ thresholds: { errorRate: '150%' } }).success, false);
  assert.equal(loadSchema.parse({ thresholds: { errorRate: '0.5%' } }).thresholds.errorRate, 0.005);
  assert.equal(loadSchema.safeParse({ comand: 'k6' }).success, false);
});

/** The messages a loadSchema parse fails with, each after the path of its field. */
const problems = (settings: unknown) =>
  (loadSchema.safeParse(settings).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

test('a latency threshold needs its unit: a bare 150 is ms to k6 and seconds to a duration', () => {
  assert.deepEqual(problems({ thresholds: { p95: 150, p99: '0.2' } }), [
    'thresholds.p95: 150 has no unit: write 150ms (as k6 reads p(95)<150), or 150s if seconds are meant',
    'thresholds.p99: 0.2 has no unit: write 0.2ms (as k6 reads p(95)<0.2), or 0.2s if seconds are meant',
  ]);
  const { thresholds } = loadSchema.parse({ thresholds: { p95: '150ms', p99: '0.15s' } });
  assert.deepEqual(thresholds, { p95: 150, p99: 150 });
  const suite = loadSuite({ requests: figuresOf(samples(), []), windows: [], thresholds, impact: {} });
  assert.deepEqual(
    suite.cases.map((c) => [c.name, c.outcome]),
    [
      ['p95 < 150ms', 'fail'],
      ['p99 < 150ms', 'fail'],
    ],
  );
  // Other durations refuse a bare number too, naming both units it may mean.
  assert.deepEqual(problems({ leadTime: 30 }), [
    "leadTime: 30 has no unit: write 30s for seconds or 30m for minutes (GitHub's timeout-minutes and Jenkins' timeout count minutes, Litmus seconds)",
  ]);
  assert.equal(loadSchema.parse({ leadTime: '30s' }).leadTime, 30_000);
});

test('an error rate is a share below 1 or a percentage: a bare 1 or 5 is refused, as it may mean 1% or 5%', () => {
  assert.deepEqual(problems({ thresholds: { errorRate: 1 }, impact: { maxErrorRateDuringChaos: 5 } }), [
    'thresholds.errorRate: a bare error rate is a share below 1 (0.01 = 1%): for 1 percent write 1%',
    'impact.maxErrorRateDuringChaos: a bare error rate is a share below 1 (0.01 = 1%): for 5 percent write 5%',
  ]);
  for (const [given, share] of [
    [0.01, 0.01],
    [0, 0],
    ['1%', 0.01],
    ['100%', 1],
  ] as const)
    assert.equal(loadSchema.parse({ thresholds: { errorRate: given } }).thresholds.errorRate, share);
});

test('a hey CSV under an error-rate setting: one warning naming the file and each setting; the verdict is the same', () => {
  const requests = figuresOf(samples(), chaos);
  const results = {
    requests,
    windows: chaos,
    thresholds: { p95: 800, errorRate: 0.5 },
    impact: { maxErrorRateDuringChaos: 0.5 },
  };
  const both = loadSuite({ ...results, heyCsv: 'out/hey.csv' });
  assert.equal(both.warnings?.length, 1);
  assert.match(
    both.warnings?.[0] ?? '',
    /^out\/hey\.csv: load\.thresholds\.errorRate and load\.impact\.maxErrorRateDuringChaos counted HTTP error statuses only: hey's CSV has no row for a request that got no response .*JMeter's JTL, k6 --out json/,
  );
  const without = loadSuite(results);
  assert.equal(without.warnings, undefined, 'a JTL or k6 stream records those requests');
  assert.deepEqual(
    evaluateGate({ suites: [both] }, defaultPolicy),
    evaluateGate({ suites: [without] }, defaultPolicy),
  );
  // Latency alone is measured right from the rows hey writes; report, knowing no chaos window, checks no impact.
  assert.equal(
    loadSuite({ requests, windows: chaos, thresholds: { p95: 800 }, impact: {}, heyCsv: 'h.csv' }).warnings,
    undefined,
  );
  assert.equal(
    loadSuite({
      requests,
      windows: [],
      thresholds: {},
      impact: { maxErrorRateDuringChaos: 0.5 },
      heyCsv: 'h.csv',
    }).warnings,
    undefined,
  );
});
