// The load over time for the charts, kept in fixed memory while the requests stream in: per time
// bucket the requests, errors and a latency histogram for p50/p95. Buckets start 1 s wide, aligned to
// multiples of their width, and double in width (neighbours merged) whenever the requests would span
// more than `maxBuckets` of them, so however long the run there are at most that many.
import type { LoadBucket, LoadSeries } from '../report/model.ts';
import { LatencyHistogram } from './histogram.ts';
import type { Sample, Window } from './samples.ts';

/** At most this many points per chart line, whatever the number of requests. */
export const maxBuckets = 120;

interface Bucket {
  requests: number;
  errors: number;
  latency: LatencyHistogram;
}

export class LoadTimeline {
  private bucketMs = 1000;
  /** By index: start time ÷ bucket width, rounded down. */
  private buckets = new Map<number, Bucket>();
  private first = Infinity;
  private last = -Infinity;

  add({ startMs, elapsedMs, success }: Sample): void {
    let index = Math.floor(startMs / this.bucketMs);
    while (Math.max(this.last, index) - Math.min(this.first, index) >= maxBuckets) {
      this.widen();
      index = Math.floor(startMs / this.bucketMs);
    }
    this.first = Math.min(this.first, index);
    this.last = Math.max(this.last, index);
    const bucket = bucketAt(this.buckets, index);
    bucket.requests++;
    if (!success) bucket.errors++;
    bucket.latency.record(elapsedMs);
  }

  /** Every bucket from the first request to the last, empty ones included; undefined without requests. */
  series(windows: Window[]): LoadSeries | undefined {
    if (this.buckets.size === 0) return undefined;
    const buckets: LoadBucket[] = [];
    // Counted rather than stepped to `last`: past 2^53 (a start of 1e20 ms, from a k6 duration that
    // long) an index plus 1 is the same index, and the loop would never end.
    for (let step = 0; step <= this.last - this.first; step++) {
      const index = this.first + step;
      const bucket = this.buckets.get(index);
      const startMs = index * this.bucketMs;
      if (!bucket) buckets.push({ startMs, requests: 0, errors: 0 });
      else {
        const { requests, errors, latency } = bucket;
        buckets.push({
          startMs,
          requests,
          errors,
          p50Ms: latency.percentile(50),
          p95Ms: latency.percentile(95),
        });
      }
    }
    return {
      bucketMs: this.bucketMs,
      buckets,
      chaosWindows: windows.map(({ startMs, endMs }) => ({ startMs, endMs })),
    };
  }

  /** Twice as wide: buckets 2i and 2i+1 become bucket i. */
  private widen(): void {
    const merged = new Map<number, Bucket>();
    for (const [index, { requests, errors, latency }] of this.buckets) {
      const into = bucketAt(merged, Math.floor(index / 2));
      into.requests += requests;
      into.errors += errors;
      into.latency.add(latency);
    }
    this.buckets = merged;
    this.bucketMs *= 2;
    this.first = Math.floor(this.first / 2);
    this.last = Math.floor(this.last / 2);
  }
}

function bucketAt(buckets: Map<number, Bucket>, index: number): Bucket {
  let bucket = buckets.get(index);
  if (!bucket) {
    bucket = { requests: 0, errors: 0, latency: new LatencyHistogram() };
    buckets.set(index, bucket);
  }
  return bucket;
}
