// Which chaos windows a chart too small for the whole run keeps: those in which a check failed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPolicy, evaluateGate } from '../../../src/gate/policy.ts';
import type { Report } from '../../../src/report/model.ts';
import {
  drawnOf,
  timelineOf as timelineOfReport,
  type Span,
  type Timeline,
  type TimelineRow,
} from '../../../src/report/timeline.ts';

const row = (startMs: number, endMs: number, failed: boolean): TimelineRow => ({
  label: `${startMs}-${endMs}`,
  depth: 1,
  status: failed ? 'failed' : 'passed',
  tolerated: false,
  startMs,
  endMs,
});

const timelineOf = (chaosWindows: Span[]): Timeline => ({
  startMs: 0,
  endMs: 10_000,
  rows: [],
  chaosWindows,
});

test('a chart with room for few windows keeps those that overlap a failed check, touching ends not counted', () => {
  const windows = [
    { startMs: 0, endMs: 100 }, // holds a passed check only
    { startMs: 100, endMs: 200 }, // ends where the failed check starts: no overlap
    { startMs: 250, endMs: 260 }, // inside the long failed check
    { startMs: 600, endMs: 700 }, // overlaps the short failed check's end
    { startMs: 800, endMs: 850 }, // starts where the short failed check ends: no overlap
    { startMs: 900, endMs: 950 }, // after every check
  ];
  const rows = [row(0, 100, false), row(200, 500, true), row(650, 800, true)];
  // Room for three windows: the two that overlap a failed check, then the first of the others.
  const drawn = drawnOf(timelineOf(windows), rows, 6);
  assert.deepEqual(
    drawn.windows.map((w) => w.number),
    [1, 3, 4],
  );
  assert.equal(drawn.rows.length, 3);
  assert.equal(drawn.leftOut, 3);
});

test('the windows kept are exactly those a check-by-check comparison finds, on many random runs', () => {
  let seed = 7;
  const random = (limit: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % limit;
  };
  for (let run = 0; run < 50; run++) {
    const span = () => {
      const startMs = random(10_000);
      return { startMs, endMs: startMs + 1 + random(300) };
    };
    const windows = Array.from({ length: 200 }, span);
    // More rows than the chart has room for, so windows get half of it.
    const rows = Array.from({ length: 400 }, () => {
      const { startMs, endMs } = span();
      return row(startMs, endMs, random(3) === 0);
    });
    const failed = rows.filter((r) => r.status === 'failed');
    const expected = windows.flatMap((w, i) =>
      failed.some((r) => r.startMs < w.endMs && w.startMs < r.endMs) ? [i + 1] : [],
    );
    // Half the room for windows: exactly as many as overlap a failed check.
    const drawn = drawnOf(timelineOf(windows), rows, expected.length * 2);
    assert.deepEqual(
      drawn.windows.map((w) => w.number),
      expected,
    );
  }
});

test('the timeline of a merged report with more spans than a call takes as arguments is still worked out', () => {
  // 100,000 suites of three timed cases: 400,000 spans, past where Math.min(...spans) overflows the stack.
  const start = Date.parse('2026-11-20T10:00:00Z');
  const report: Report = {
    suites: Array.from({ length: 100_000 }, (_, i) => ({
      kind: 'chaosengine',
      name: `job-${i}`,
      timestamp: new Date(start + i * 1000).toISOString(),
      durationSeconds: 30,
      properties: {},
      cases: (['experiment', 'probe', 'probe'] as const).map((kind, c) => ({
        kind,
        className: `job-${i}`,
        name: `case-${c}`,
        outcome: 'pass',
        startedAt: new Date(start + i * 1000 + c).toISOString(),
        durationSeconds: 10,
        properties: {},
      })),
    })),
  };
  const timeline = timelineOfReport(report, evaluateGate(report, defaultPolicy));
  assert.equal(timeline?.startMs, start);
  assert.equal(timeline?.endMs, start + 99_999 * 1000 + 30_000);
});
