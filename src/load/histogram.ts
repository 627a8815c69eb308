// Latency percentiles in fixed memory: an HDR histogram from hdr-histogram-js (its plain typed-array
// histogram, no WebAssembly) at 3 significant digits, growing its range to the largest value seen.
//
// Accuracy. Each duration is rounded to a whole millisecond. Below 2048 ms every millisecond has its
// own count, so a percentile is exactly the nearest-rank percentile of the rounded durations (the value
// at rank ceil(p/100 × n), as JMeter reports it). From 2048 ms on, counts are kept per 2^k ms for values
// of 1024·2^k ms and up, and a percentile reports the top of its value's range: at most 1/1024 (under
// 0.1%) above the exact figure, never below it. So a percentile is within 0.5 ms + 0.1% of the exact one.
import Int32HistogramModule from 'hdr-histogram-js/dist/Int32Histogram.js';

// The package is CommonJS; its class is the `default` of module.exports. Importing this one file, not
// the package's index, leaves its WebAssembly build out of the bundle.
const Int32Histogram = Int32HistogramModule.default;

/**
 * The longest duration the histogram holds. hdr-histogram-js grows its range up to here; a value past
 * it would be counted in its total but in no bucket, so lost from the percentiles and from add().
 */
export const maxTrackableMs = Number.MAX_SAFE_INTEGER;

export class LatencyHistogram {
  private readonly counts = new Int32Histogram(1, 2, 3);

  constructor() {
    this.counts.autoResize = true;
  }

  get count(): number {
    return this.counts.totalCount;
  }

  /** A duration outside 0 to `maxTrackableMs` is counted at the nearer end: never lost, and a longer one still fails a threshold. */
  record(elapsedMs: number): void {
    this.counts.recordValue(Math.min(maxTrackableMs, Math.max(0, Math.round(elapsedMs))));
  }

  add(other: LatencyHistogram): void {
    this.counts.add(other.counts);
  }

  /** The nearest-rank percentile in ms, NaN when nothing was recorded. */
  percentile(p: number): number {
    return this.count === 0 ? Number.NaN : this.counts.getValueAtPercentile(p);
  }
}
