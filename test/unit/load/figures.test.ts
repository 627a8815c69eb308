// The figures computed while the requests stream in, against the exact ones computed from all of them
// at once: counts and error rates exact, percentiles within the bound, the series bounded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maxFailureReasons, type Sample, type Window } from '../../../src/load/samples.ts';
import { maxBuckets } from '../../../src/load/series.ts';
import { assertWithinBound, exactPercentile, random } from '../../support/exact.ts';
import { figuresOf } from '../../support/load.ts';

test('baseline and chaos figures from a stream: counts and error rates exact, percentiles within the bound', () => {
  const next = random(23);
  const t0 = 1_795_000_000_000;
  const windows: Window[] = [
    { startMs: t0 + 60_000, endMs: t0 + 90_000 },
    { startMs: t0 + 150_000, endMs: t0 + 160_000 },
  ];
  const inChaos = (s: Sample) => windows.some((w) => s.startMs >= w.startMs && s.startMs <= w.endMs);
  const samples: Sample[] = Array.from({ length: 30_000 }, () => {
    const startMs = t0 + next() * 200_000;
    const slow = windows.some((w) => startMs >= w.startMs && startMs <= w.endMs);
    const success = next() > (slow ? 0.2 : 0.01);
    const elapsedMs = (slow ? 3000 : 80) * (0.5 + next() * next() * 4);
    return success ? { startMs, elapsedMs, success } : { startMs, elapsedMs, success, failure: 'HTTP 503' };
  });
  const figures = figuresOf(samples, windows);
  const parts = {
    overall: samples,
    baseline: samples.filter((s) => !inChaos(s)),
    duringChaos: samples.filter(inChaos),
  };
  for (const [name, part] of Object.entries(parts)) {
    const stats = figures[name as keyof typeof parts];
    assert.equal(stats.count, part.length, `${name} requests`);
    assert.equal(stats.errorRate, part.filter((s) => !s.success).length / part.length, `${name} error rate`);
    const elapsed = part.map((s) => s.elapsedMs);
    assertWithinBound(stats.p50Ms, exactPercentile(elapsed, 50), `${name} p50`);
    assertWithinBound(stats.p95Ms, exactPercentile(elapsed, 95), `${name} p95`);
    assertWithinBound(stats.p99Ms, exactPercentile(elapsed, 99), `${name} p99`);
  }
  const chaosFailures = parts.duringChaos.filter((s) => !s.success).length;
  assert.deepEqual(figures.chaosTopFailures, [`${chaosFailures} × HTTP 503`]);
});

test('series: a 100 s run in 1 s buckets, each with its exact requests, errors and p95', () => {
  const t0 = 1_795_000_000_000;
  // A request every 100 ms for 100 s; every tenth fails; latency grows with the second.
  const samples: Sample[] = Array.from({ length: 1000 }, (_, i) => ({
    startMs: t0 + 50 + i * 100,
    elapsedMs: 100 + Math.floor(i / 10) + (i % 10),
    success: i % 10 !== 0,
  }));
  const series = figuresOf(samples, []).series;
  assert.equal(series?.bucketMs, 1000);
  assert.equal(series?.buckets.length, 100);
  series?.buckets.forEach((bucket, second) => {
    assert.equal(bucket.startMs, t0 + second * 1000);
    const inside = samples.filter((s) => s.startMs >= bucket.startMs && s.startMs < bucket.startMs + 1000);
    assert.deepEqual(
      [bucket.requests, bucket.errors, bucket.p95Ms],
      [
        inside.length,
        1,
        exactPercentile(
          inside.map((s) => s.elapsedMs),
          95,
        ),
      ],
      `second ${second}`,
    );
  });
});

test(`series: ten hours of requests, read out of order, in at most ${maxBuckets} buckets`, () => {
  const next = random(5);
  const t0 = 1_795_000_000_000;
  const hours = 10;
  const samples: Sample[] = Array.from({ length: 40_000 }, () => ({
    startMs: t0 + next() * hours * 3_600_000,
    elapsedMs: 50 + next() * 200,
    success: next() > 0.05,
  }));
  const series = figuresOf(samples, [{ startMs: t0, endMs: t0 + 60_000 }]).series;
  assert.ok(series);
  // The narrowest width of 2^k seconds under which the run fits in the buckets.
  const width = 1000 * 2 ** Math.ceil(Math.log2((hours * 3600) / (maxBuckets - 1)));
  assert.equal(series.bucketMs, width);
  assert.ok(series.buckets.length <= maxBuckets, `${series.buckets.length} buckets`);
  assert.equal(
    series.buckets[0]?.startMs,
    Math.floor(Math.min(...samples.map((s) => s.startMs)) / width) * width,
  );
  for (const bucket of series.buckets) {
    const inside = samples.filter((s) => s.startMs >= bucket.startMs && s.startMs < bucket.startMs + width);
    assert.equal(bucket.requests, inside.length);
    assert.equal(bucket.errors, inside.filter((s) => !s.success).length);
  }
  assert.deepEqual(series.chaosWindows, [{ startMs: t0, endMs: t0 + 60_000 }]);
});

test(`failure reasons: past ${maxFailureReasons} distinct ones the rest are counted together`, () => {
  const failed = (failure: string): Sample => ({ startMs: 0, elapsedMs: 1, success: false, failure });
  const samples = [
    ...Array.from({ length: 2000 }, () => failed('GET /cart: 503 Service Unavailable')),
    ...Array.from({ length: 1500 }, (_, i) => failed(`GET /order/${i}: timeout`)),
    ...Array.from({ length: 3 }, () => failed('GET /cart: 503 Service Unavailable')),
  ];
  const { topFailures, overall } = figuresOf(samples, []);
  assert.equal(overall.count, 3503);
  assert.deepEqual(topFailures.slice(0, 3), [
    '2003 × GET /cart: 503 Service Unavailable',
    `501 × other reasons (past the first ${maxFailureReasons} distinct ones)`,
    '1 × GET /order/0: timeout',
  ]);
});

test('series: requests whose start is past 2^53 ms (a k6 duration of 1e20 ms) give a bucket, not an endless loop', () => {
  const samples: Sample[] = [
    { startMs: -1e20, elapsedMs: 1e20, success: true },
    { startMs: -1e20 + 500, elapsedMs: 1e20, success: true },
  ];
  const series = figuresOf(samples, []).series;
  assert.equal(series?.buckets.length, 1);
  assert.equal(series.buckets[0]?.requests, 2);
});
