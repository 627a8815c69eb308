// Per-request samples from any load tool, and the figures computed from them: latency percentiles and
// error rate, overall and split into inside and outside the chaos windows.

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
