// Per-request samples from any load tool, and the figures computed from them as they stream in, in
// fixed memory: latency percentiles and error rate overall, inside and outside the chaos windows, the
// most frequent failure reasons, and the load over time.
import type { LoadSeries } from '../report/model.ts';
import { LatencyHistogram } from './histogram.ts';
import { LoadTimeline } from './series.ts';

export interface Sample {
  /** When the request started, epoch ms. */
  startMs: number;
  elapsedMs: number;
  success: boolean;
  /** Why a failed request failed, as the tool said it: "GET /cart: 503 Service Unavailable". */
  failure?: string;
}

/** Epoch ms a Date can hold (±8.64e15, about 270,000 years either side of 1970). */
export const isTime = (ms: number): boolean => Math.abs(ms) <= 8.64e15;

/** A request's duration in ms; one longer than the histograms hold is counted at their top (histogram.ts). */
export const isDuration = (ms: number): boolean => Number.isFinite(ms) && ms >= 0;

export interface Window {
  startMs: number;
  endMs: number;
}

export interface LatencyStats {
  count: number;
  /** Within 0.5 ms + 0.1% of the exact nearest-rank figure; see histogram.ts. NaN without requests. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** 0-1. */
  errorRate: number;
}

/** What the requests showed; the baseline is every request when there was no chaos window. */
export interface RequestFigures {
  overall: LatencyStats;
  baseline: LatencyStats;
  duringChaos: LatencyStats;
  /** The most frequent failure reasons, most frequent first: "12 × GET /cart: 503 Service Unavailable". */
  topFailures: string[];
  chaosTopFailures: string[];
  series: LoadSeries | undefined;
  /** When the first and the last request started: says why none fell inside a chaos window. */
  span: { firstMs: number; lastMs: number } | undefined;
}

/** Requests and failures of one part of the test. */
class Part {
  readonly latency = new LatencyHistogram();
  failed = 0;

  stats(): LatencyStats {
    const count = this.latency.count;
    return {
      count,
      p50Ms: this.latency.percentile(50),
      p95Ms: this.latency.percentile(95),
      p99Ms: this.latency.percentile(99),
      errorRate: count === 0 ? 0 : this.failed / count,
    };
  }
}

/** Takes the samples one at a time; a request belongs to the chaos when it started inside a window. */
export class RequestFigureBuilder {
  private readonly baseline = new Part();
  private readonly chaos = new Part();
  private readonly failures = new FailureCounts();
  private readonly chaosFailures = new FailureCounts();
  private readonly timeline = new LoadTimeline();
  private readonly windows: Window[];
  private firstMs = Infinity;
  private lastMs = -Infinity;

  constructor(windows: Window[]) {
    this.windows = windows;
  }

  add(sample: Sample): void {
    const { startMs } = sample;
    if (startMs < this.firstMs) this.firstMs = startMs;
    if (startMs > this.lastMs) this.lastMs = startMs;
    const inChaos = this.windows.some((w) => startMs >= w.startMs && startMs <= w.endMs);
    const part = inChaos ? this.chaos : this.baseline;
    part.latency.record(sample.elapsedMs);
    this.timeline.add(sample);
    if (sample.success) return;
    part.failed++;
    const reason = sample.failure ?? 'failed (no reason recorded)';
    this.failures.add(reason);
    if (inChaos) this.chaosFailures.add(reason);
  }

  figures(): RequestFigures {
    const overall = new Part();
    overall.latency.add(this.baseline.latency);
    overall.latency.add(this.chaos.latency);
    overall.failed = this.baseline.failed + this.chaos.failed;
    return {
      overall: overall.stats(),
      baseline: this.baseline.stats(),
      duringChaos: this.chaos.stats(),
      topFailures: this.failures.top(),
      chaosTopFailures: this.chaosFailures.top(),
      series: this.timeline.series(this.windows),
      span: this.firstMs <= this.lastMs ? { firstMs: this.firstMs, lastMs: this.lastMs } : undefined,
    };
  }
}

/** Distinct reasons counted one by one; past this many, the rest are counted together. */
export const maxFailureReasons = 1000;
const otherReasons = `other reasons (past the first ${maxFailureReasons} distinct ones)`;

/** How often each failure reason came, for at most `maxFailureReasons` distinct reasons. */
class FailureCounts {
  private readonly counts = new Map<string, number>();

  add(reason: string): void {
    const count = this.counts.get(reason);
    if (count !== undefined) this.counts.set(reason, count + 1);
    else if (this.counts.size < maxFailureReasons) this.counts.set(ownCopy(reason), 1);
    else this.counts.set(otherReasons, (this.counts.get(otherReasons) ?? 0) + 1);
  }

  /** "12 × GET /cart: 503 Service Unavailable", most frequent first. */
  top(limit = 5): string[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([reason, count]) => `${count} × ${reason}`);
  }
}

/**
 * A copy of the text that shares no memory with the chunk it was cut from: V8 may keep a substring as
 * a view of its whole source string, and a kept reason must not hold a megabyte chunk of the file.
 */
const ownCopy = (text: string): string => JSON.parse(JSON.stringify(text)) as string;
