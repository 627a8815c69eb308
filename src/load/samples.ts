// Per-request samples from any load tool, and the figures computed from them: latency percentiles and
// error rate, overall, split into inside and outside the chaos windows, and over time.
import type { LoadBucket, LoadSeries } from '../report/model.ts';

export interface Sample {
  /** When the request started, epoch ms. */
  startMs: number;
  elapsedMs: number;
  success: boolean;
  /** Why a failed request failed, as the tool said it: "GET /cart: 503 Service Unavailable". */
  failure?: string;
}

export interface Window {
  startMs: number;
  endMs: number;
}

export interface LatencyStats {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** 0-1. */
  errorRate: number;
}

/** Nearest-rank percentile (the value at rank ceil(p/100 × n) of the sorted list), as JMeter reports it. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedMs.length));
  return sortedMs[rank - 1] as number;
}

export function summarize(samples: Sample[]): LatencyStats {
  const sorted = samples.map((s) => s.elapsedMs).sort((a, b) => a - b);
  const failed = samples.filter((s) => !s.success).length;
  return {
    count: samples.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    errorRate: samples.length === 0 ? 0 : failed / samples.length,
  };
}

/** The most frequent failure reasons, most frequent first: "12 × GET /cart: 503 Service Unavailable". */
export function topFailures(samples: Sample[], limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const sample of samples) {
    if (sample.success) continue;
    const reason = sample.failure ?? 'failed (no reason recorded)';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([reason, count]) => `${count} × ${reason}`);
}

export interface Impact {
  baseline: LatencyStats;
  duringChaos: LatencyStats;
  /** The requests that started inside a chaos window. */
  chaosSamples: Sample[];
}

/** A request belongs to the chaos when it started inside any chaos window. */
export function computeImpact(samples: Sample[], windows: Window[]): Impact {
  const inChaos = (s: Sample) => windows.some((w) => s.startMs >= w.startMs && s.startMs <= w.endMs);
  const chaosSamples = samples.filter(inChaos);
  return {
    baseline: summarize(samples.filter((s) => !inChaos(s))),
    duringChaos: summarize(chaosSamples),
    chaosSamples,
  };
}

/** At most this many points per chart line, whatever the number of requests. */
export const maxBuckets = 120;

/** The load over time in whole-second buckets, at most `maxBuckets` of them, by request start. */
export function loadSeries(samples: Sample[], windows: Window[]): LoadSeries | undefined {
  if (samples.length === 0) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const { startMs } of samples) {
    first = Math.min(first, startMs);
    last = Math.max(last, startMs);
  }
  const bucketMs = Math.max(1, Math.ceil((last - first + 1) / maxBuckets / 1000)) * 1000;
  const origin = Math.floor(first / 1000) * 1000;
  const count = Math.floor((last - origin) / bucketMs) + 1;
  const latencies: number[][] = Array.from({ length: count }, () => []);
  const errors = new Array<number>(count).fill(0);
  for (const sample of samples) {
    const index = Math.floor((sample.startMs - origin) / bucketMs);
    (latencies[index] as number[]).push(sample.elapsedMs);
    if (!sample.success) errors[index] = (errors[index] as number) + 1;
  }
  const buckets = latencies.map((elapsed, index): LoadBucket => {
    const bucket: LoadBucket = {
      startMs: origin + index * bucketMs,
      requests: elapsed.length,
      errors: errors[index] as number,
    };
    if (elapsed.length === 0) return bucket;
    elapsed.sort((a, b) => a - b);
    return { ...bucket, p50Ms: percentile(elapsed, 50), p95Ms: percentile(elapsed, 95) };
  });
  return { bucketMs, buckets, chaosWindows: windows.map(({ startMs, endMs }) => ({ startMs, endMs })) };
}
