// Exact figures to check the streamed ones against, and seeded random data to check them on.
import assert from 'node:assert/strict';

/** A seeded generator (mulberry32), so a failure can be replayed. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest rank: the value at rank ceil(p/100 × n) of the sorted values. */
export function exactPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] as number;
}

/** The bound stated in src/load/histogram.ts: whole ms, then at most 1/1024 above. */
export function assertWithinBound(approx: number, exact: number, what: string): void {
  assert.ok(
    approx >= exact - 0.5 && approx <= (exact + 0.5) * (1 + 1 / 1024),
    `${what}: ${approx} against exact ${exact}`,
  );
}
