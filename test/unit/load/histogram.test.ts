// Percentiles from the histogram against the exact nearest-rank ones: equal for whole milliseconds
// below 2048 ms, within the stated bound for any duration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LatencyHistogram, maxTrackableMs } from '../../../src/load/histogram.ts';
import { assertWithinBound, exactPercentile, random } from '../../support/exact.ts';

const percentiles = [0.1, 1, 10, 50, 90, 95, 99, 99.9, 100];

test('whole milliseconds below 2048 ms: every percentile is the exact nearest-rank figure', () => {
  const next = random(7);
  const values = Array.from({ length: 20_000 }, () => Math.floor(next() * 2048));
  const histogram = new LatencyHistogram();
  values.forEach((v) => histogram.record(v));
  for (const p of percentiles) assert.equal(histogram.percentile(p), exactPercentile(values, p), `p${p}`);
  const ten = new LatencyHistogram();
  for (let v = 1; v <= 10; v++) ten.record(v);
  assert.deepEqual([ten.percentile(10), ten.percentile(50), ten.percentile(95)], [1, 5, 10]);
  assert.ok(Number.isNaN(new LatencyHistogram().percentile(95)), 'no requests, no percentile');
});

test('fractional durations from 0.1 ms to 10 min: every percentile within 0.5 ms + 0.1% of the exact one', () => {
  const next = random(11);
  // Spread evenly over the magnitudes, as k6 and hey write them (fractions of a millisecond).
  const values = Array.from({ length: 50_000 }, () => 0.1 * Math.exp(next() * Math.log(6_000_000)));
  const histogram = new LatencyHistogram();
  values.forEach((v) => histogram.record(v));
  for (const p of percentiles)
    assertWithinBound(histogram.percentile(p), exactPercentile(values, p), `p${p}`);
});

test('a duration past the histogram range is counted at its top, also once added to another histogram', () => {
  const histogram = new LatencyHistogram();
  for (let i = 0; i < 95; i++) histogram.record(100);
  for (let i = 0; i < 5; i++) histogram.record(1e20);
  const overall = new LatencyHistogram();
  overall.add(histogram);
  for (const [name, h] of [
    ['recorded', histogram],
    ['added', overall],
  ] as const) {
    assert.equal(h.count, 100, `${name}: every duration counted`);
    assert.deepEqual([h.percentile(95), h.percentile(99)], [100, maxTrackableMs], name);
  }
});
