#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  CORE_SCHEMA,
  CannotRunError,
  ConfigError,
  KubernetesObjectApi,
  MiB,
  PatchStrategy,
  __commonJS,
  __toESM,
  apiClient,
  chaosMayStillRun,
  describeApiError,
  describeSchemaIssues,
  errorMessage,
  external_exports,
  importanceOf,
  judgementOf,
  loadAll,
  maxLineChars,
  readInputFile,
  readInputLines,
  redact,
  require_dist,
  resultFileLimit,
  secondsBetween,
  statusCode
} from "./chunk-XYB5YWCU.js";

// node_modules/hdr-histogram-js/dist/HistogramIterationValue.js
var require_HistogramIterationValue = __commonJS({
  "node_modules/hdr-histogram-js/dist/HistogramIterationValue.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var HistogramIterationValue = class {
      constructor() {
        this.reset();
      }
      reset() {
        this.valueIteratedTo = 0;
        this.valueIteratedFrom = 0;
        this.countAtValueIteratedTo = 0;
        this.countAddedInThisIterationStep = 0;
        this.totalCountToThisValue = 0;
        this.totalValueToThisValue = 0;
        this.percentile = 0;
        this.percentileLevelIteratedTo = 0;
      }
    };
    exports.default = HistogramIterationValue;
  }
});

// node_modules/hdr-histogram-js/dist/JsHistogramIterator.js
var require_JsHistogramIterator = __commonJS({
  "node_modules/hdr-histogram-js/dist/JsHistogramIterator.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var HistogramIterationValue_1 = require_HistogramIterationValue();
    var JsHistogramIterator = class {
      constructor() {
        this.currentIterationValue = new HistogramIterationValue_1.default();
      }
      resetIterator(histogram) {
        this.histogram = histogram;
        this.savedHistogramTotalRawCount = histogram.totalCount;
        this.arrayTotalCount = histogram.totalCount;
        this.currentIndex = 0;
        this.currentValueAtIndex = 0;
        this.nextValueAtIndex = Math.pow(2, histogram.unitMagnitude);
        this.prevValueIteratedTo = 0;
        this.totalCountToPrevIndex = 0;
        this.totalCountToCurrentIndex = 0;
        this.totalValueToCurrentIndex = 0;
        this.countAtThisValue = 0;
        this.freshSubBucket = true;
        this.currentIterationValue.reset();
      }
      /**
       * Returns true if the iteration has more elements. (In other words, returns true if next would return an
       * element rather than throwing an exception.)
       *
       * @return true if the iterator has more elements.
       */
      hasNext() {
        if (this.histogram.totalCount !== this.savedHistogramTotalRawCount) {
          throw "Concurrent Modification Exception";
        }
        return this.totalCountToCurrentIndex < this.arrayTotalCount;
      }
      /**
       * Returns the next element in the iteration.
       *
       * @return the {@link HistogramIterationValue} associated with the next element in the iteration.
       */
      next() {
        while (!this.exhaustedSubBuckets()) {
          this.countAtThisValue = this.histogram.getCountAtIndex(this.currentIndex);
          if (this.freshSubBucket) {
            this.totalCountToCurrentIndex += this.countAtThisValue;
            this.totalValueToCurrentIndex += this.countAtThisValue * this.histogram.highestEquivalentValue(this.currentValueAtIndex);
            this.freshSubBucket = false;
          }
          if (this.reachedIterationLevel()) {
            const valueIteratedTo = this.getValueIteratedTo();
            Object.assign(this.currentIterationValue, {
              valueIteratedTo,
              valueIteratedFrom: this.prevValueIteratedTo,
              countAtValueIteratedTo: this.countAtThisValue,
              countAddedInThisIterationStep: this.totalCountToCurrentIndex - this.totalCountToPrevIndex,
              totalCountToThisValue: this.totalCountToCurrentIndex,
              totalValueToThisValue: this.totalValueToCurrentIndex,
              percentile: 100 * this.totalCountToCurrentIndex / this.arrayTotalCount,
              percentileLevelIteratedTo: this.getPercentileIteratedTo()
            });
            this.prevValueIteratedTo = valueIteratedTo;
            this.totalCountToPrevIndex = this.totalCountToCurrentIndex;
            this.incrementIterationLevel();
            if (this.histogram.totalCount !== this.savedHistogramTotalRawCount) {
              throw new Error("Concurrent Modification Exception");
            }
            return this.currentIterationValue;
          }
          this.incrementSubBucket();
        }
        throw new Error("Index Out Of Bounds Exception");
      }
      getPercentileIteratedTo() {
        return 100 * this.totalCountToCurrentIndex / this.arrayTotalCount;
      }
      getPercentileIteratedFrom() {
        return 100 * this.totalCountToPrevIndex / this.arrayTotalCount;
      }
      getValueIteratedTo() {
        return this.histogram.highestEquivalentValue(this.currentValueAtIndex);
      }
      exhaustedSubBuckets() {
        return this.currentIndex >= this.histogram.countsArrayLength;
      }
      incrementSubBucket() {
        this.freshSubBucket = true;
        this.currentIndex++;
        this.currentValueAtIndex = this.histogram.valueFromIndex(this.currentIndex);
        this.nextValueAtIndex = this.histogram.valueFromIndex(this.currentIndex + 1);
      }
    };
    exports.default = JsHistogramIterator;
  }
});

// node_modules/hdr-histogram-js/dist/RecordedValuesIterator.js
var require_RecordedValuesIterator = __commonJS({
  "node_modules/hdr-histogram-js/dist/RecordedValuesIterator.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var JsHistogramIterator_1 = require_JsHistogramIterator();
    var RecordedValuesIterator = class extends JsHistogramIterator_1.default {
      /**
       * @param histogram The histogram this iterator will operate on
       */
      constructor(histogram) {
        super();
        this.doReset(histogram);
      }
      /**
       * Reset iterator for re-use in a fresh iteration over the same histogram data set.
       */
      reset() {
        this.doReset(this.histogram);
      }
      doReset(histogram) {
        super.resetIterator(histogram);
        this.visitedIndex = -1;
      }
      incrementIterationLevel() {
        this.visitedIndex = this.currentIndex;
      }
      reachedIterationLevel() {
        const currentCount = this.histogram.getCountAtIndex(this.currentIndex);
        return currentCount != 0 && this.visitedIndex !== this.currentIndex;
      }
    };
    exports.default = RecordedValuesIterator;
  }
});

// node_modules/hdr-histogram-js/dist/PercentileIterator.js
var require_PercentileIterator = __commonJS({
  "node_modules/hdr-histogram-js/dist/PercentileIterator.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var JsHistogramIterator_1 = require_JsHistogramIterator();
    var { pow, floor, log2 } = Math;
    var PercentileIterator = class extends JsHistogramIterator_1.default {
      /**
       * @param histogram The histogram this iterator will operate on
       * @param percentileTicksPerHalfDistance The number of equal-sized iteration steps per half-distance to 100%.
       */
      constructor(histogram, percentileTicksPerHalfDistance) {
        super();
        this.percentileTicksPerHalfDistance = 0;
        this.percentileLevelToIterateTo = 0;
        this.percentileLevelToIterateFrom = 0;
        this.reachedLastRecordedValue = false;
        this.doReset(histogram, percentileTicksPerHalfDistance);
      }
      /**
       * Reset iterator for re-use in a fresh iteration over the same histogram data set.
       *
       * @param percentileTicksPerHalfDistance The number of iteration steps per half-distance to 100%.
       */
      reset(percentileTicksPerHalfDistance) {
        this.doReset(this.histogram, percentileTicksPerHalfDistance);
      }
      doReset(histogram, percentileTicksPerHalfDistance) {
        super.resetIterator(histogram);
        this.percentileTicksPerHalfDistance = percentileTicksPerHalfDistance;
        this.percentileLevelToIterateTo = 0;
        this.percentileLevelToIterateFrom = 0;
        this.reachedLastRecordedValue = false;
      }
      hasNext() {
        if (super.hasNext())
          return true;
        if (!this.reachedLastRecordedValue && this.arrayTotalCount > 0) {
          this.percentileLevelToIterateTo = 100;
          this.reachedLastRecordedValue = true;
          return true;
        }
        return false;
      }
      incrementIterationLevel() {
        this.percentileLevelToIterateFrom = this.percentileLevelToIterateTo;
        const percentileReportingTicks = this.percentileTicksPerHalfDistance * pow(2, floor(log2(100 / (100 - this.percentileLevelToIterateTo))) + 1);
        this.percentileLevelToIterateTo += 100 / percentileReportingTicks;
      }
      reachedIterationLevel() {
        if (this.countAtThisValue === 0) {
          return false;
        }
        const currentPercentile = 100 * this.totalCountToCurrentIndex / this.arrayTotalCount;
        return currentPercentile >= this.percentileLevelToIterateTo;
      }
      getPercentileIteratedTo() {
        return this.percentileLevelToIterateTo;
      }
      getPercentileIteratedFrom() {
        return this.percentileLevelToIterateFrom;
      }
    };
    exports.default = PercentileIterator;
  }
});

// node_modules/hdr-histogram-js/dist/formatters.js
var require_formatters = __commonJS({
  "node_modules/hdr-histogram-js/dist/formatters.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.floatFormatter = exports.keepSignificantDigits = exports.integerFormatter = void 0;
    var leftPadding = (size) => {
      return (input) => {
        if (input.length < size) {
          return " ".repeat(size - input.length) + input;
        }
        return input;
      };
    };
    var integerFormatter = (size) => {
      const padding = leftPadding(size);
      return (integer) => padding("" + integer);
    };
    exports.integerFormatter = integerFormatter;
    var { floor, log10, pow } = Math;
    var numberOfDigits = (n) => floor(log10(n) + 1);
    var keepSignificantDigits = (digits) => (value) => {
      const valueDigits = numberOfDigits(value);
      if (valueDigits > digits) {
        const extraDigits = valueDigits - digits;
        const magnitude = pow(10, extraDigits);
        return value - value % magnitude;
      }
      return value;
    };
    exports.keepSignificantDigits = keepSignificantDigits;
    var floatFormatter = (size, fractionDigits) => {
      const numberFormatter = new Intl.NumberFormat("en-US", {
        maximumFractionDigits: fractionDigits,
        minimumFractionDigits: fractionDigits,
        useGrouping: false
      });
      const padding = leftPadding(size);
      return (float) => padding(numberFormatter.format(float));
    };
    exports.floatFormatter = floatFormatter;
  }
});

// node_modules/hdr-histogram-js/dist/ulp.js
var require_ulp = __commonJS({
  "node_modules/hdr-histogram-js/dist/ulp.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ulp = (x) => Math.pow(2, Math.floor(Math.log2(x)) - 52);
    exports.default = ulp;
  }
});

// node_modules/hdr-histogram-js/dist/Histogram.js
var require_Histogram = __commonJS({
  "node_modules/hdr-histogram-js/dist/Histogram.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toSummary = exports.NO_TAG = void 0;
    var formatters_1 = require_formatters();
    exports.NO_TAG = "NO TAG";
    var toSummary = (histogram) => {
      const { totalCount, maxValue, numberOfSignificantValueDigits } = histogram;
      const round2 = (0, formatters_1.keepSignificantDigits)(numberOfSignificantValueDigits);
      return {
        p50: round2(histogram.getValueAtPercentile(50)),
        p75: round2(histogram.getValueAtPercentile(75)),
        p90: round2(histogram.getValueAtPercentile(90)),
        p97_5: round2(histogram.getValueAtPercentile(97.5)),
        p99: round2(histogram.getValueAtPercentile(99)),
        p99_9: round2(histogram.getValueAtPercentile(99.9)),
        p99_99: round2(histogram.getValueAtPercentile(99.99)),
        p99_999: round2(histogram.getValueAtPercentile(99.999)),
        max: maxValue,
        totalCount
      };
    };
    exports.toSummary = toSummary;
  }
});

// node_modules/hdr-histogram-js/dist/JsHistogram.js
var require_JsHistogram = __commonJS({
  "node_modules/hdr-histogram-js/dist/JsHistogram.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = exports.JsHistogram = void 0;
    var RecordedValuesIterator_1 = require_RecordedValuesIterator();
    var PercentileIterator_1 = require_PercentileIterator();
    var formatters_1 = require_formatters();
    var ulp_1 = require_ulp();
    var Histogram_1 = require_Histogram();
    var { pow, floor, ceil, log2, max, min } = Math;
    var JsHistogram = class _JsHistogram {
      incrementTotalCount() {
        this._totalCount++;
      }
      addToTotalCount(value) {
        this._totalCount += value;
      }
      setTotalCount(value) {
        this._totalCount = value;
      }
      /**
       * Get the total count of all recorded values in the histogram
       * @return the total count of all recorded values in the histogram
       */
      get totalCount() {
        return this._totalCount;
      }
      updatedMaxValue(value) {
        const internalValue = value + this.unitMagnitudeMask;
        this.maxValue = internalValue;
      }
      updateMinNonZeroValue(value) {
        if (value <= this.unitMagnitudeMask) {
          return;
        }
        const internalValue = floor(value / this.lowestDiscernibleValueRounded) * this.lowestDiscernibleValueRounded;
        this.minNonZeroValue = internalValue;
      }
      constructor(lowestDiscernibleValue, highestTrackableValue, numberOfSignificantValueDigits) {
        this.autoResize = false;
        this.startTimeStampMsec = Number.MAX_SAFE_INTEGER;
        this.endTimeStampMsec = 0;
        this.tag = Histogram_1.NO_TAG;
        this.maxValue = 0;
        this.minNonZeroValue = Number.MAX_SAFE_INTEGER;
        this.identity = 0;
        this.highestTrackableValue = 0;
        this.lowestDiscernibleValue = 0;
        this.numberOfSignificantValueDigits = 0;
        this.bucketCount = 0;
        this.subBucketCount = 0;
        this.countsArrayLength = 0;
        this.wordSizeInBytes = 0;
        if (lowestDiscernibleValue < 1) {
          throw new Error("lowestDiscernibleValue must be >= 1");
        }
        if (highestTrackableValue < 2 * lowestDiscernibleValue) {
          throw new Error(`highestTrackableValue must be >= 2 * lowestDiscernibleValue ( 2 * ${lowestDiscernibleValue} )`);
        }
        if (numberOfSignificantValueDigits < 0 || numberOfSignificantValueDigits > 5) {
          throw new Error("numberOfSignificantValueDigits must be between 0 and 5");
        }
        this.identity = _JsHistogram.identityBuilder++;
        this.init(lowestDiscernibleValue, highestTrackableValue, numberOfSignificantValueDigits);
      }
      init(lowestDiscernibleValue, highestTrackableValue, numberOfSignificantValueDigits) {
        this.lowestDiscernibleValue = lowestDiscernibleValue;
        this.highestTrackableValue = highestTrackableValue;
        this.numberOfSignificantValueDigits = numberOfSignificantValueDigits;
        const largestValueWithSingleUnitResolution = 2 * floor(pow(10, numberOfSignificantValueDigits));
        this.unitMagnitude = floor(log2(lowestDiscernibleValue));
        this.lowestDiscernibleValueRounded = pow(2, this.unitMagnitude);
        this.unitMagnitudeMask = this.lowestDiscernibleValueRounded - 1;
        const subBucketCountMagnitude = ceil(log2(largestValueWithSingleUnitResolution));
        this.subBucketHalfCountMagnitude = (subBucketCountMagnitude > 1 ? subBucketCountMagnitude : 1) - 1;
        this.subBucketCount = pow(2, this.subBucketHalfCountMagnitude + 1);
        this.subBucketHalfCount = this.subBucketCount / 2;
        this.subBucketMask = (floor(this.subBucketCount) - 1) * pow(2, this.unitMagnitude);
        this.establishSize(highestTrackableValue);
        this.leadingZeroCountBase = 53 - this.unitMagnitude - this.subBucketHalfCountMagnitude - 1;
        this.percentileIterator = new PercentileIterator_1.default(this, 1);
        this.recordedValuesIterator = new RecordedValuesIterator_1.default(this);
      }
      /**
       * The buckets (each of which has subBucketCount sub-buckets, here assumed to be 2048 as an example) overlap:
       *
       * <pre>
       * The 0'th bucket covers from 0...2047 in multiples of 1, using all 2048 sub-buckets
       * The 1'th bucket covers from 2048..4097 in multiples of 2, using only the top 1024 sub-buckets
       * The 2'th bucket covers from 4096..8191 in multiple of 4, using only the top 1024 sub-buckets
       * ...
       * </pre>
       *
       * Bucket 0 is "special" here. It is the only one that has 2048 entries. All the rest have 1024 entries (because
       * their bottom half overlaps with and is already covered by the all of the previous buckets put together). In other
       * words, the k'th bucket could represent 0 * 2^k to 2048 * 2^k in 2048 buckets with 2^k precision, but the midpoint
       * of 1024 * 2^k = 2048 * 2^(k-1) = the k-1'th bucket's end, so we would use the previous bucket for those lower
       * values as it has better precision.
       */
      establishSize(newHighestTrackableValue) {
        this.countsArrayLength = this.determineArrayLengthNeeded(newHighestTrackableValue);
        this.bucketCount = this.getBucketsNeededToCoverValue(newHighestTrackableValue);
        this.highestTrackableValue = newHighestTrackableValue;
      }
      determineArrayLengthNeeded(highestTrackableValue) {
        if (highestTrackableValue < 2 * this.lowestDiscernibleValue) {
          throw new Error("highestTrackableValue (" + highestTrackableValue + ") cannot be < (2 * lowestDiscernibleValue)");
        }
        const countsArrayLength = this.getLengthForNumberOfBuckets(this.getBucketsNeededToCoverValue(highestTrackableValue));
        return countsArrayLength;
      }
      /**
       * If we have N such that subBucketCount * 2^N > max value, we need storage for N+1 buckets, each with enough
       * slots to hold the top half of the subBucketCount (the lower half is covered by previous buckets), and the +1
       * being used for the lower half of the 0'th bucket. Or, equivalently, we need 1 more bucket to capture the max
       * value if we consider the sub-bucket length to be halved.
       */
      getLengthForNumberOfBuckets(numberOfBuckets) {
        const lengthNeeded = (numberOfBuckets + 1) * (this.subBucketCount / 2);
        return lengthNeeded;
      }
      getBucketsNeededToCoverValue(value) {
        let smallestUntrackableValue = this.subBucketCount * pow(2, this.unitMagnitude);
        let bucketsNeeded = 1;
        while (smallestUntrackableValue <= value) {
          if (smallestUntrackableValue > Number.MAX_SAFE_INTEGER / 2) {
            return bucketsNeeded + 1;
          }
          smallestUntrackableValue = smallestUntrackableValue * 2;
          bucketsNeeded++;
        }
        return bucketsNeeded;
      }
      /**
       * Record a value in the histogram
       *
       * @param value The value to be recorded
       * @throws may throw Error if value is exceeds highestTrackableValue
       */
      recordValue(value) {
        this.recordSingleValue(value);
      }
      recordSingleValue(value) {
        const countsIndex = this.countsArrayIndex(value);
        if (countsIndex >= this.countsArrayLength) {
          this.handleRecordException(1, value);
        } else {
          this.incrementCountAtIndex(countsIndex);
        }
        this.updateMinAndMax(value);
        this.incrementTotalCount();
      }
      handleRecordException(count, value) {
        if (!this.autoResize) {
          throw new Error("Value " + value + " is outside of histogram covered range");
        }
        this.resize(value);
        var countsIndex = this.countsArrayIndex(value);
        this.addToCountAtIndex(countsIndex, count);
        this.highestTrackableValue = this.highestEquivalentValue(this.valueFromIndex(this.countsArrayLength - 1));
      }
      countsArrayIndex(value) {
        if (value < 0) {
          throw new Error("Histogram recorded value cannot be negative.");
        }
        const bucketIndex = this.getBucketIndex(value);
        const subBucketIndex = this.getSubBucketIndex(value, bucketIndex);
        return this.computeCountsArrayIndex(bucketIndex, subBucketIndex);
      }
      computeCountsArrayIndex(bucketIndex, subBucketIndex) {
        const bucketBaseIndex = (bucketIndex + 1) * pow(2, this.subBucketHalfCountMagnitude);
        const offsetInBucket = subBucketIndex - this.subBucketHalfCount;
        return bucketBaseIndex + offsetInBucket;
      }
      /**
       * @return the lowest (and therefore highest precision) bucket index that can represent the value
       */
      getBucketIndex(value) {
        return max(floor(log2(value)) - this.subBucketHalfCountMagnitude - this.unitMagnitude, 0);
      }
      getSubBucketIndex(value, bucketIndex) {
        return floor(value / pow(2, bucketIndex + this.unitMagnitude));
      }
      updateMinAndMax(value) {
        if (value > this.maxValue) {
          this.updatedMaxValue(value);
        }
        if (value < this.minNonZeroValue && value !== 0) {
          this.updateMinNonZeroValue(value);
        }
      }
      /**
       * Get the value at a given percentile.
       * When the given percentile is &gt; 0.0, the value returned is the value that the given
       * percentage of the overall recorded value entries in the histogram are either smaller than
       * or equivalent to. When the given percentile is 0.0, the value returned is the value that all value
       * entries in the histogram are either larger than or equivalent to.
       * <p>
       * Note that two values are "equivalent" in this statement if
       * {@link org.HdrHistogram.JsHistogram#valuesAreEquivalent} would return true.
       *
       * @param percentile  The percentile for which to return the associated value
       * @return The value that the given percentage of the overall recorded value entries in the
       * histogram are either smaller than or equivalent to. When the percentile is 0.0, returns the
       * value that all value entries in the histogram are either larger than or equivalent to.
       */
      getValueAtPercentile(percentile) {
        const requestedPercentile = min(percentile, 100);
        const fpCountAtPercentile = requestedPercentile / 100 * this.totalCount;
        const countAtPercentile = max(
          ceil(fpCountAtPercentile - (0, ulp_1.default)(fpCountAtPercentile)),
          // round up
          1
          // Make sure we at least reach the first recorded entry
        );
        let totalToCurrentIndex = 0;
        for (let i = 0; i < this.countsArrayLength; i++) {
          totalToCurrentIndex += this.getCountAtIndex(i);
          if (totalToCurrentIndex >= countAtPercentile) {
            var valueAtIndex = this.valueFromIndex(i);
            return percentile === 0 ? this.lowestEquivalentValue(valueAtIndex) : this.highestEquivalentValue(valueAtIndex);
          }
        }
        return 0;
      }
      valueFromIndexes(bucketIndex, subBucketIndex) {
        return subBucketIndex * pow(2, bucketIndex + this.unitMagnitude);
      }
      valueFromIndex(index) {
        let bucketIndex = floor(index / this.subBucketHalfCount) - 1;
        let subBucketIndex = index % this.subBucketHalfCount + this.subBucketHalfCount;
        if (bucketIndex < 0) {
          subBucketIndex -= this.subBucketHalfCount;
          bucketIndex = 0;
        }
        return this.valueFromIndexes(bucketIndex, subBucketIndex);
      }
      /**
       * Get the lowest value that is equivalent to the given value within the histogram's resolution.
       * Where "equivalent" means that value samples recorded for any two
       * equivalent values are counted in a common total count.
       *
       * @param value The given value
       * @return The lowest value that is equivalent to the given value within the histogram's resolution.
       */
      lowestEquivalentValue(value) {
        const bucketIndex = this.getBucketIndex(value);
        const subBucketIndex = this.getSubBucketIndex(value, bucketIndex);
        const thisValueBaseLevel = this.valueFromIndexes(bucketIndex, subBucketIndex);
        return thisValueBaseLevel;
      }
      /**
       * Get the highest value that is equivalent to the given value within the histogram's resolution.
       * Where "equivalent" means that value samples recorded for any two
       * equivalent values are counted in a common total count.
       *
       * @param value The given value
       * @return The highest value that is equivalent to the given value within the histogram's resolution.
       */
      highestEquivalentValue(value) {
        return this.nextNonEquivalentValue(value) - 1;
      }
      /**
       * Get the next value that is not equivalent to the given value within the histogram's resolution.
       * Where "equivalent" means that value samples recorded for any two
       * equivalent values are counted in a common total count.
       *
       * @param value The given value
       * @return The next value that is not equivalent to the given value within the histogram's resolution.
       */
      nextNonEquivalentValue(value) {
        return this.lowestEquivalentValue(value) + this.sizeOfEquivalentValueRange(value);
      }
      /**
       * Get the size (in value units) of the range of values that are equivalent to the given value within the
       * histogram's resolution. Where "equivalent" means that value samples recorded for any two
       * equivalent values are counted in a common total count.
       *
       * @param value The given value
       * @return The size of the range of values equivalent to the given value.
       */
      sizeOfEquivalentValueRange(value) {
        const bucketIndex = this.getBucketIndex(value);
        const subBucketIndex = this.getSubBucketIndex(value, bucketIndex);
        const distanceToNextValue = pow(2, this.unitMagnitude + (subBucketIndex >= this.subBucketCount ? bucketIndex + 1 : bucketIndex));
        return distanceToNextValue;
      }
      /**
       * Get a value that lies in the middle (rounded up) of the range of values equivalent the given value.
       * Where "equivalent" means that value samples recorded for any two
       * equivalent values are counted in a common total count.
       *
       * @param value The given value
       * @return The value lies in the middle (rounded up) of the range of values equivalent the given value.
       */
      medianEquivalentValue(value) {
        return this.lowestEquivalentValue(value) + floor(this.sizeOfEquivalentValueRange(value) / 2);
      }
      /**
       * Get the computed mean value of all recorded values in the histogram
       *
       * @return the mean value (in value units) of the histogram data
       */
      get mean() {
        if (this.totalCount === 0) {
          return 0;
        }
        this.recordedValuesIterator.reset();
        let totalValue = 0;
        while (this.recordedValuesIterator.hasNext()) {
          const iterationValue = this.recordedValuesIterator.next();
          totalValue += this.medianEquivalentValue(iterationValue.valueIteratedTo) * iterationValue.countAtValueIteratedTo;
        }
        return totalValue / this.totalCount;
      }
      getStdDeviation(mean = this.mean) {
        if (this.totalCount === 0) {
          return 0;
        }
        let geometric_deviation_total = 0;
        this.recordedValuesIterator.reset();
        while (this.recordedValuesIterator.hasNext()) {
          const iterationValue = this.recordedValuesIterator.next();
          const deviation = this.medianEquivalentValue(iterationValue.valueIteratedTo) - mean;
          geometric_deviation_total += deviation * deviation * iterationValue.countAddedInThisIterationStep;
        }
        const std_deviation = Math.sqrt(geometric_deviation_total / this.totalCount);
        return std_deviation;
      }
      /**
       * Get the computed standard deviation of all recorded values in the histogram
       *
       * @return the standard deviation (in value units) of the histogram data
       */
      get stdDeviation() {
        if (this.totalCount === 0) {
          return 0;
        }
        const mean = this.mean;
        let geometric_deviation_total = 0;
        this.recordedValuesIterator.reset();
        while (this.recordedValuesIterator.hasNext()) {
          const iterationValue = this.recordedValuesIterator.next();
          const deviation = this.medianEquivalentValue(iterationValue.valueIteratedTo) - mean;
          geometric_deviation_total += deviation * deviation * iterationValue.countAddedInThisIterationStep;
        }
        const std_deviation = Math.sqrt(geometric_deviation_total / this.totalCount);
        return std_deviation;
      }
      /**
       * Produce textual representation of the value distribution of histogram data by percentile. The distribution is
       * output with exponentially increasing resolution, with each exponentially decreasing half-distance containing
       * <i>dumpTicksPerHalf</i> percentile reporting tick points.
       *
       * @param printStream    Stream into which the distribution will be output
       * <p>
       * @param percentileTicksPerHalfDistance  The number of reporting points per exponentially decreasing half-distance
       * <p>
       * @param outputValueUnitScalingRatio    The scaling factor by which to divide histogram recorded values units in
       *                                     output
       * @param useCsvFormat  Output in CSV format if true. Otherwise use plain text form.
       */
      outputPercentileDistribution(percentileTicksPerHalfDistance = 5, outputValueUnitScalingRatio = 1, useCsvFormat = false) {
        let result = "";
        if (useCsvFormat) {
          result += '"Value","Percentile","TotalCount","1/(1-Percentile)"\n';
        } else {
          result += "       Value     Percentile TotalCount 1/(1-Percentile)\n\n";
        }
        const iterator = this.percentileIterator;
        iterator.reset(percentileTicksPerHalfDistance);
        let lineFormatter;
        let lastLineFormatter;
        if (useCsvFormat) {
          const valueFormatter = (0, formatters_1.floatFormatter)(0, this.numberOfSignificantValueDigits);
          const percentileFormatter = (0, formatters_1.floatFormatter)(0, 12);
          const lastFormatter = (0, formatters_1.floatFormatter)(0, 2);
          lineFormatter = (iterationValue) => valueFormatter(iterationValue.valueIteratedTo / outputValueUnitScalingRatio) + "," + percentileFormatter(iterationValue.percentileLevelIteratedTo / 100) + "," + iterationValue.totalCountToThisValue + "," + lastFormatter(1 / (1 - iterationValue.percentileLevelIteratedTo / 100)) + "\n";
          lastLineFormatter = (iterationValue) => valueFormatter(iterationValue.valueIteratedTo / outputValueUnitScalingRatio) + "," + percentileFormatter(iterationValue.percentileLevelIteratedTo / 100) + "," + iterationValue.totalCountToThisValue + ",Infinity\n";
        } else {
          const valueFormatter = (0, formatters_1.floatFormatter)(12, this.numberOfSignificantValueDigits);
          const percentileFormatter = (0, formatters_1.floatFormatter)(2, 12);
          const totalCountFormatter = (0, formatters_1.integerFormatter)(10);
          const lastFormatter = (0, formatters_1.floatFormatter)(14, 2);
          lineFormatter = (iterationValue) => valueFormatter(iterationValue.valueIteratedTo / outputValueUnitScalingRatio) + " " + percentileFormatter(iterationValue.percentileLevelIteratedTo / 100) + " " + totalCountFormatter(iterationValue.totalCountToThisValue) + " " + lastFormatter(1 / (1 - iterationValue.percentileLevelIteratedTo / 100)) + "\n";
          lastLineFormatter = (iterationValue) => valueFormatter(iterationValue.valueIteratedTo / outputValueUnitScalingRatio) + " " + percentileFormatter(iterationValue.percentileLevelIteratedTo / 100) + " " + totalCountFormatter(iterationValue.totalCountToThisValue) + "\n";
        }
        while (iterator.hasNext()) {
          const iterationValue = iterator.next();
          if (iterationValue.percentileLevelIteratedTo < 100) {
            result += lineFormatter(iterationValue);
          } else {
            result += lastLineFormatter(iterationValue);
          }
        }
        if (!useCsvFormat) {
          const formatter = (0, formatters_1.floatFormatter)(12, this.numberOfSignificantValueDigits);
          const _mean = this.mean;
          const mean = formatter(_mean / outputValueUnitScalingRatio);
          const std_deviation = formatter(this.getStdDeviation(_mean) / outputValueUnitScalingRatio);
          const max2 = formatter(this.maxValue / outputValueUnitScalingRatio);
          const intFormatter = (0, formatters_1.integerFormatter)(12);
          const totalCount = intFormatter(this.totalCount);
          const bucketCount = intFormatter(this.bucketCount);
          const subBucketCount = intFormatter(this.subBucketCount);
          result += `#[Mean    = ${mean}, StdDeviation   = ${std_deviation}]
#[Max     = ${max2}, Total count    = ${totalCount}]
#[Buckets = ${bucketCount}, SubBuckets     = ${subBucketCount}]
`;
        }
        return result;
      }
      get summary() {
        return (0, Histogram_1.toSummary)(this);
      }
      toJSON() {
        return this.summary;
      }
      inspect() {
        return this.toString();
      }
      [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
        return this.toString();
      }
      /**
       * Provide a (conservatively high) estimate of the Histogram's total footprint in bytes
       *
       * @return a (conservatively high) estimate of the Histogram's total footprint in bytes
       */
      get estimatedFootprintInBytes() {
        return this._getEstimatedFootprintInBytes();
      }
      recordSingleValueWithExpectedInterval(value, expectedIntervalBetweenValueSamples) {
        this.recordSingleValue(value);
        if (expectedIntervalBetweenValueSamples <= 0) {
          return;
        }
        for (let missingValue = value - expectedIntervalBetweenValueSamples; missingValue >= expectedIntervalBetweenValueSamples; missingValue -= expectedIntervalBetweenValueSamples) {
          this.recordSingleValue(missingValue);
        }
      }
      recordCountAtValue(count, value) {
        const countsIndex = this.countsArrayIndex(value);
        if (countsIndex >= this.countsArrayLength) {
          this.handleRecordException(count, value);
        } else {
          this.addToCountAtIndex(countsIndex, count);
        }
        this.updateMinAndMax(value);
        this.addToTotalCount(count);
      }
      /**
       * Record a value in the histogram (adding to the value's current count)
       *
       * @param value The value to be recorded
       * @param count The number of occurrences of this value to record
       * @throws ArrayIndexOutOfBoundsException (may throw) if value is exceeds highestTrackableValue
       */
      recordValueWithCount(value, count) {
        this.recordCountAtValue(count, value);
      }
      /**
       * Record a value in the histogram.
       * <p>
       * To compensate for the loss of sampled values when a recorded value is larger than the expected
       * interval between value samples, Histogram will auto-generate an additional series of decreasingly-smaller
       * (down to the expectedIntervalBetweenValueSamples) value records.
       * <p>
       * Note: This is a at-recording correction method, as opposed to the post-recording correction method provided
       * by {@link #copyCorrectedForCoordinatedOmission(long)}.
       * The two methods are mutually exclusive, and only one of the two should be be used on a given data set to correct
       * for the same coordinated omission issue.
       * <p>
       * See notes in the description of the Histogram calls for an illustration of why this corrective behavior is
       * important.
       *
       * @param value The value to record
       * @param expectedIntervalBetweenValueSamples If expectedIntervalBetweenValueSamples is larger than 0, add
       *                                           auto-generated value records as appropriate if value is larger
       *                                           than expectedIntervalBetweenValueSamples
       * @throws ArrayIndexOutOfBoundsException (may throw) if value is exceeds highestTrackableValue
       */
      recordValueWithExpectedInterval(value, expectedIntervalBetweenValueSamples) {
        this.recordSingleValueWithExpectedInterval(value, expectedIntervalBetweenValueSamples);
      }
      recordValueWithCountAndExpectedInterval(value, count, expectedIntervalBetweenValueSamples) {
        this.recordCountAtValue(count, value);
        if (expectedIntervalBetweenValueSamples <= 0) {
          return;
        }
        for (let missingValue = value - expectedIntervalBetweenValueSamples; missingValue >= expectedIntervalBetweenValueSamples; missingValue -= expectedIntervalBetweenValueSamples) {
          this.recordCountAtValue(count, missingValue);
        }
      }
      /**
       * Add the contents of another histogram to this one, while correcting the incoming data for coordinated omission.
       * <p>
       * To compensate for the loss of sampled values when a recorded value is larger than the expected
       * interval between value samples, the values added will include an auto-generated additional series of
       * decreasingly-smaller (down to the expectedIntervalBetweenValueSamples) value records for each count found
       * in the current histogram that is larger than the expectedIntervalBetweenValueSamples.
       *
       * Note: This is a post-recording correction method, as opposed to the at-recording correction method provided
       * by {@link #recordValueWithExpectedInterval(long, long) recordValueWithExpectedInterval}. The two
       * methods are mutually exclusive, and only one of the two should be be used on a given data set to correct
       * for the same coordinated omission issue.
       * by
       * <p>
       * See notes in the description of the Histogram calls for an illustration of why this corrective behavior is
       * important.
       *
       * @param otherHistogram The other histogram. highestTrackableValue and largestValueWithSingleUnitResolution must match.
       * @param expectedIntervalBetweenValueSamples If expectedIntervalBetweenValueSamples is larger than 0, add
       *                                           auto-generated value records as appropriate if value is larger
       *                                           than expectedIntervalBetweenValueSamples
       * @throws ArrayIndexOutOfBoundsException (may throw) if values exceed highestTrackableValue
       */
      addWhileCorrectingForCoordinatedOmission(otherHistogram, expectedIntervalBetweenValueSamples) {
        const toHistogram = this;
        const otherValues = new RecordedValuesIterator_1.default(otherHistogram);
        while (otherValues.hasNext()) {
          const v = otherValues.next();
          toHistogram.recordValueWithCountAndExpectedInterval(v.valueIteratedTo, v.countAtValueIteratedTo, expectedIntervalBetweenValueSamples);
        }
      }
      /**
       * Add the contents of another histogram to this one.
       * <p>
       * As part of adding the contents, the start/end timestamp range of this histogram will be
       * extended to include the start/end timestamp range of the other histogram.
       *
       * @param otherHistogram The other histogram.
       * @throws (may throw) if values in fromHistogram's are
       * higher than highestTrackableValue.
       */
      add(otherHistogram) {
        if (!(otherHistogram instanceof _JsHistogram)) {
          throw new Error("Cannot add a WASM histogram to a regular JS histogram");
        }
        const highestRecordableValue = this.highestEquivalentValue(this.valueFromIndex(this.countsArrayLength - 1));
        if (highestRecordableValue < otherHistogram.maxValue) {
          if (!this.autoResize) {
            throw new Error("The other histogram includes values that do not fit in this histogram's range.");
          }
          this.resize(otherHistogram.maxValue);
        }
        if (this.bucketCount === otherHistogram.bucketCount && this.subBucketCount === otherHistogram.subBucketCount && this.unitMagnitude === otherHistogram.unitMagnitude) {
          let observedOtherTotalCount = 0;
          for (let i = 0; i < otherHistogram.countsArrayLength; i++) {
            const otherCount = otherHistogram.getCountAtIndex(i);
            if (otherCount > 0) {
              this.addToCountAtIndex(i, otherCount);
              observedOtherTotalCount += otherCount;
            }
          }
          this.setTotalCount(this.totalCount + observedOtherTotalCount);
          this.updatedMaxValue(max(this.maxValue, otherHistogram.maxValue));
          this.updateMinNonZeroValue(min(this.minNonZeroValue, otherHistogram.minNonZeroValue));
        } else {
          const otherMaxIndex = otherHistogram.countsArrayIndex(otherHistogram.maxValue);
          let otherCount = otherHistogram.getCountAtIndex(otherMaxIndex);
          this.recordCountAtValue(otherCount, otherHistogram.valueFromIndex(otherMaxIndex));
          for (let i = 0; i < otherMaxIndex; i++) {
            otherCount = otherHistogram.getCountAtIndex(i);
            if (otherCount > 0) {
              this.recordCountAtValue(otherCount, otherHistogram.valueFromIndex(i));
            }
          }
        }
        this.startTimeStampMsec = min(this.startTimeStampMsec, otherHistogram.startTimeStampMsec);
        this.endTimeStampMsec = max(this.endTimeStampMsec, otherHistogram.endTimeStampMsec);
      }
      /**
       * Get the count of recorded values at a specific value (to within the histogram resolution at the value level).
       *
       * @param value The value for which to provide the recorded count
       * @return The total count of values recorded in the histogram within the value range that is
       * {@literal >=} lowestEquivalentValue(<i>value</i>) and {@literal <=} highestEquivalentValue(<i>value</i>)
       */
      getCountAtValue(value) {
        const index = min(max(0, this.countsArrayIndex(value)), this.countsArrayLength - 1);
        return this.getCountAtIndex(index);
      }
      /**
       * Subtract the contents of another histogram from this one.
       * <p>
       * The start/end timestamps of this histogram will remain unchanged.
       *
       * @param otherHistogram The other histogram.
       * @throws ArrayIndexOutOfBoundsException (may throw) if values in otherHistogram's are higher than highestTrackableValue.
       *
       */
      subtract(otherHistogram) {
        const highestRecordableValue = this.valueFromIndex(this.countsArrayLength - 1);
        if (!(otherHistogram instanceof _JsHistogram)) {
          throw new Error("Cannot subtract a WASM histogram to a regular JS histogram");
        }
        if (highestRecordableValue < otherHistogram.maxValue) {
          if (!this.autoResize) {
            throw new Error("The other histogram includes values that do not fit in this histogram's range.");
          }
          this.resize(otherHistogram.maxValue);
        }
        if (this.bucketCount === otherHistogram.bucketCount && this.subBucketCount === otherHistogram.subBucketCount && this.unitMagnitude === otherHistogram.unitMagnitude) {
          let observedOtherTotalCount = 0;
          for (let i = 0; i < otherHistogram.countsArrayLength; i++) {
            const otherCount = otherHistogram.getCountAtIndex(i);
            if (otherCount > 0) {
              this.addToCountAtIndex(i, -otherCount);
              observedOtherTotalCount += otherCount;
            }
          }
          this.setTotalCount(this.totalCount - observedOtherTotalCount);
        } else {
          for (let i = 0; i < otherHistogram.countsArrayLength; i++) {
            const otherCount = otherHistogram.getCountAtIndex(i);
            if (otherCount > 0) {
              const otherValue = otherHistogram.valueFromIndex(i);
              if (this.getCountAtValue(otherValue) < otherCount) {
                throw new Error("otherHistogram count (" + otherCount + ") at value " + otherValue + " is larger than this one's (" + this.getCountAtValue(otherValue) + ")");
              }
              this.recordCountAtValue(-otherCount, otherValue);
            }
          }
        }
        if (this.getCountAtValue(this.maxValue) <= 0 || this.getCountAtValue(this.minNonZeroValue) <= 0) {
          this.establishInternalTackingValues();
        }
      }
      establishInternalTackingValues(lengthToCover = this.countsArrayLength) {
        this.maxValue = 0;
        this.minNonZeroValue = Number.MAX_VALUE;
        let maxIndex = -1;
        let minNonZeroIndex = -1;
        let observedTotalCount = 0;
        for (let index = 0; index < lengthToCover; index++) {
          const countAtIndex = this.getCountAtIndex(index);
          if (countAtIndex > 0) {
            observedTotalCount += countAtIndex;
            maxIndex = index;
            if (minNonZeroIndex == -1 && index != 0) {
              minNonZeroIndex = index;
            }
          }
        }
        if (maxIndex >= 0) {
          this.updatedMaxValue(this.highestEquivalentValue(this.valueFromIndex(maxIndex)));
        }
        if (minNonZeroIndex >= 0) {
          this.updateMinNonZeroValue(this.valueFromIndex(minNonZeroIndex));
        }
        this.setTotalCount(observedTotalCount);
      }
      reset() {
        this.clearCounts();
        this.setTotalCount(0);
        this.startTimeStampMsec = 0;
        this.endTimeStampMsec = 0;
        this.tag = Histogram_1.NO_TAG;
        this.maxValue = 0;
        this.minNonZeroValue = Number.MAX_SAFE_INTEGER;
      }
      destroy() {
      }
    };
    exports.JsHistogram = JsHistogram;
    exports.default = JsHistogram;
  }
});

// node_modules/hdr-histogram-js/dist/TypedArrayHistogram.js
var require_TypedArrayHistogram = __commonJS({
  "node_modules/hdr-histogram-js/dist/TypedArrayHistogram.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var JsHistogram_1 = require_JsHistogram();
    var TypedArrayHistogram = class _TypedArrayHistogram extends JsHistogram_1.default {
      constructor(arrayCtr, lowestDiscernibleValue, highestTrackableValue, numberOfSignificantValueDigits) {
        super(lowestDiscernibleValue, highestTrackableValue, numberOfSignificantValueDigits);
        this.arrayCtr = arrayCtr;
        this._totalCount = 0;
        this._counts = new arrayCtr(this.countsArrayLength);
      }
      clearCounts() {
        this._counts.fill(0);
      }
      incrementCountAtIndex(index) {
        const currentCount = this._counts[index];
        const newCount = currentCount + 1;
        if (newCount < 0) {
          throw newCount + " would overflow short integer count";
        }
        this._counts[index] = newCount;
      }
      addToCountAtIndex(index, value) {
        const currentCount = this._counts[index];
        const newCount = currentCount + value;
        if (newCount < Number.MIN_SAFE_INTEGER || newCount > Number.MAX_SAFE_INTEGER) {
          throw newCount + " would overflow integer count";
        }
        this._counts[index] = newCount;
      }
      setCountAtIndex(index, value) {
        if (value < Number.MIN_SAFE_INTEGER || value > Number.MAX_SAFE_INTEGER) {
          throw value + " would overflow integer count";
        }
        this._counts[index] = value;
      }
      resize(newHighestTrackableValue) {
        this.establishSize(newHighestTrackableValue);
        const newCounts = new this.arrayCtr(this.countsArrayLength);
        newCounts.set(this._counts);
        this._counts = newCounts;
      }
      getCountAtIndex(index) {
        return this._counts[index];
      }
      _getEstimatedFootprintInBytes() {
        return 1024 + this._counts.BYTES_PER_ELEMENT * this._counts.length;
      }
      copyCorrectedForCoordinatedOmission(expectedIntervalBetweenValueSamples) {
        const copy = new _TypedArrayHistogram(this.arrayCtr, this.lowestDiscernibleValue, this.highestTrackableValue, this.numberOfSignificantValueDigits);
        copy.addWhileCorrectingForCoordinatedOmission(this, expectedIntervalBetweenValueSamples);
        return copy;
      }
      toString() {
        return `Histogram ${this._counts.BYTES_PER_ELEMENT * 8}b ${JSON.stringify(this, null, 2)}`;
      }
    };
    exports.default = TypedArrayHistogram;
  }
});

// node_modules/hdr-histogram-js/dist/Int32Histogram.js
var require_Int32Histogram = __commonJS({
  "node_modules/hdr-histogram-js/dist/Int32Histogram.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var TypedArrayHistogram_1 = require_TypedArrayHistogram();
    var Int32Histogram2 = class extends TypedArrayHistogram_1.default {
      constructor(lowestDiscernibleValue, highestTrackableValue, numberOfSignificantValueDigits) {
        super(Uint32Array, lowestDiscernibleValue, highestTrackableValue, numberOfSignificantValueDigits);
      }
    };
    exports.default = Int32Histogram2;
  }
});

// node_modules/p-map/index.js
function pMap(iterable, mapper, options) {
  return mapConcurrently(iterable, mapper, options, false);
}
function pMapSettled(iterable, mapper, options) {
  return mapConcurrently(iterable, mapper, options, true);
}
async function mapConcurrently(iterable, mapper, {
  concurrency: concurrency2 = Number.POSITIVE_INFINITY,
  stopOnError = true,
  signal
} = {}, isSettled) {
  return new Promise((resolve_, reject_) => {
    validateOptions(iterable, mapper, concurrency2);
    const result = [];
    const errors = [];
    let skippedCount = 0;
    let isResolved = false;
    let isIterableDone = false;
    const pendingIndexes = /* @__PURE__ */ new Set();
    let doneIndex = Number.POSITIVE_INFINITY;
    let currentIndex = 0;
    const iterator = getIterator(iterable);
    const signalListener = () => {
      reject(signal.reason);
    };
    const cleanup = () => {
      signal?.removeEventListener("abort", signalListener);
    };
    const resolve = (value) => {
      resolve_(value);
      cleanup();
    };
    const reject = (reason) => {
      if (isResolved) {
        return;
      }
      isResolved = true;
      reject_(reason);
      cleanup();
      if (!isIterableDone) {
        closeIterator(iterator);
      }
    };
    if (signal) {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      signal.addEventListener("abort", signalListener, { once: true });
    }
    const pull = createPuller(iterator);
    const settleIfFinished = () => {
      if (isResolved || doneIndex === Number.POSITIVE_INFINITY) {
        return;
      }
      for (const index of pendingIndexes) {
        if (index < doneIndex) {
          return;
        }
      }
      if (!stopOnError) {
        const collectedErrors = [];
        for (let index = 0; index < Math.min(doneIndex, errors.length); index++) {
          if (index in errors) {
            collectedErrors.push(errors[index]);
          }
        }
        if (collectedErrors.length > 0) {
          reject(new AggregateError(collectedErrors));
          return;
        }
      }
      isResolved = true;
      if (!isIterableDone) {
        closeIterator(iterator);
      }
      const lastIndex = Math.min(doneIndex, result.length);
      if (lastIndex === result.length && skippedCount === 0) {
        resolve(result);
        return;
      }
      resolve(result.slice(0, lastIndex).filter((value) => value !== pMapSkip));
    };
    const next = async () => {
      if (isResolved || currentIndex >= doneIndex) {
        return;
      }
      const index = currentIndex++;
      pendingIndexes.add(index);
      let nextItem;
      try {
        nextItem = await pull();
      } catch (error) {
        pendingIndexes.delete(index);
        if (index < doneIndex) {
          throw error;
        }
        settleIfFinished();
        return;
      }
      if (nextItem.done) {
        pendingIndexes.delete(index);
        doneIndex = Math.min(doneIndex, index);
        isIterableDone = true;
        settleIfFinished();
        return;
      }
      const runner = (async () => {
        try {
          const element = await nextItem.value;
          if (isResolved || index >= doneIndex) {
            return;
          }
          const value = await mapper(element, index);
          if (index >= doneIndex) {
            return;
          }
          if (value === pMapStop) {
            doneIndex = index;
            return;
          }
          if (value === pMapSkip) {
            skippedCount++;
          }
          result[index] = isSettled && value !== pMapSkip ? { status: "fulfilled", value } : value;
        } catch (error) {
          if (index >= doneIndex) {
            return;
          }
          if (isSettled) {
            result[index] = { status: "rejected", reason: error };
          } else if (stopOnError) {
            reject(error);
            return;
          } else {
            errors[index] = error;
          }
        } finally {
          pendingIndexes.delete(index);
          settleIfFinished();
        }
        try {
          await next();
        } catch (error) {
          reject(error);
        }
      })();
      runner.then(() => new Promise(() => {
      })).then(resolve_);
    };
    (async () => {
      for (let index = 0; index < concurrency2; index++) {
        try {
          await next();
        } catch (error) {
          reject(error);
          break;
        }
        if (isResolved || currentIndex >= doneIndex) {
          break;
        }
      }
    })();
  });
}
var pMapSkip = /* @__PURE__ */ Symbol("skip");
var pMapStop = /* @__PURE__ */ Symbol("stop");
function validateOptions(iterable, mapper, concurrency2) {
  if (iterable?.[Symbol.iterator] === void 0 && iterable?.[Symbol.asyncIterator] === void 0) {
    throw new TypeError(`Expected \`input\` to be either an \`Iterable\` or \`AsyncIterable\`, got (${typeof iterable})`);
  }
  if (typeof mapper !== "function") {
    throw new TypeError("Mapper function is required");
  }
  if (!isLimit(concurrency2, 1)) {
    throw new TypeError(`Expected \`concurrency\` to be an integer from 1 and up or \`Infinity\`, got \`${concurrency2}\` (${typeof concurrency2})`);
  }
}
function isLimit(value, minimum) {
  return Number.isSafeInteger(value) && value >= minimum || value === Number.POSITIVE_INFINITY;
}
function getIterator(iterable) {
  return iterable[Symbol.asyncIterator] === void 0 ? iterable[Symbol.iterator]() : iterable[Symbol.asyncIterator]();
}
async function closeIterator(iterator) {
  try {
    await iterator.return?.();
  } catch {
  }
}
function createPuller(iterator) {
  let isSourceDone = false;
  const markDone = (item) => {
    if (item?.done) {
      isSourceDone = true;
    }
  };
  return () => {
    if (isSourceDone) {
      return { done: true };
    }
    const result = iterator.next();
    markDone(result);
    if (typeof result?.then !== "function") {
      return result;
    }
    const promise = Promise.resolve(result);
    promise.then(markDone, () => {
    });
    return promise;
  };
}

// src/run/publish.ts
import { accessSync, constants, mkdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// src/gate/policy.ts
var defaultPolicy = {
  failOnFailure: true,
  allowFailures: [],
  stopped: "fail",
  timeouts: "fail"
};
var fixedStatuses = {
  pass: "passed",
  fail: "failed",
  error: "error",
  skipped: "skipped"
};
function statusOf(testCase, policy) {
  switch (testCase.outcome) {
    case "stopped":
      return policy.stopped === "fail" ? "failed" : "skipped";
    case "timeout":
      return policy.timeouts === "fail" ? "error" : "skipped";
    default:
      return fixedStatuses[testCase.outcome];
  }
}
var isUnexcusable = (testCase) => testCase.kind === "chaos-stop";
function judge(testCase, policy, probeFloorHolds) {
  const status = statusOf(testCase, policy);
  if (!isFailing(status)) return { status };
  if (isUnexcusable(testCase)) return { status, reason: describeFailure(testCase) };
  const tolerated = toleranceOf(testCase, policy, probeFloorHolds);
  if (tolerated) return { status: "skipped", tolerated };
  return policy.failOnFailure ? { status, reason: describeFailure(testCase) } : { status };
}
function toleranceOf(testCase, policy, probeFloorHolds) {
  if (isAllowedToFail(testCase, policy)) return "allowFailures";
  if (policy.failOnFailure) return void 0;
  if (testCase.kind !== "probe" || policy.minProbeSuccess === void 0) return "failOnFailure";
  return probeFloorHolds ? "minProbeSuccess" : void 0;
}
var isFailing = (status) => status === "failed" || status === "error";
function isAllowedToFail(testCase, policy) {
  if (!testCase.experiment) return false;
  const [, engine, experiment] = testCase.experiment.split("/");
  return policy.allowFailures.some(
    (pattern) => pattern === experiment || pattern === `${engine}/${experiment}` || pattern === testCase.experiment
  );
}
var countKeys = {
  passed: "passed",
  failed: "failed",
  error: "errored",
  skipped: "skipped"
};
function evaluateGate(report, policy) {
  const all = report.suites.flatMap((suite) => suite.cases);
  const probes = all.filter((c) => c.kind === "probe");
  const probeSuccess = probes.length === 0 ? void 0 : Math.floor(probes.filter((p) => p.outcome === "pass").length * 100 / probes.length);
  const { minProbeSuccess } = policy;
  const probeFloorHolds = minProbeSuccess === void 0 || probeSuccess !== void 0 && probeSuccess >= minProbeSuccess;
  const cases = new Map(all.map((testCase) => [testCase, judge(testCase, policy, probeFloorHolds)]));
  const counts = { passed: 0, failed: 0, errored: 0, skipped: 0, tolerated: 0 };
  const reasons = [];
  if (all.length === 0) reasons.push("no results: nothing was checked");
  for (const [testCase, { status, tolerated, reason }] of cases) {
    counts[countKeys[status]]++;
    if (tolerated) counts.tolerated++;
    if (reason && isUnexcusable(testCase)) reasons.unshift(reason);
    else if (reason) reasons.push(reason);
  }
  if (minProbeSuccess !== void 0) {
    if (probeSuccess === void 0) {
      reasons.push(`a minimum probe success of ${minProbeSuccess}% was set, but no probe ran`);
    } else if (probeSuccess < minProbeSuccess) {
      reasons.push(`probe success ${probeSuccess}% is below the minimum of ${minProbeSuccess}%`);
    }
  }
  if (reasons.length > 0) return { verdict: "fail", reasons, counts, probeSuccess, cases };
  const checked = [`${counts.passed} passed`, `${counts.skipped} skipped`];
  if (probeSuccess !== void 0) checked.push(`probe success ${probeSuccess}%`);
  const summary = counts.tolerated === 0 ? "all checks passed" : `passed with ${counts.tolerated} failure(s) the policy tolerates`;
  return {
    verdict: "pass",
    reasons: [`${summary} (${checked.join(", ")})`],
    counts,
    probeSuccess,
    cases
  };
}
var failureWords = {
  timeout: "did not finish before the timeout",
  stopped: "was stopped (aborted)",
  error: "errored"
};
function describeFailure(testCase) {
  const what = `${testCase.kind} ${testCase.className} \u203A ${testCase.name}`;
  const why = failureWords[testCase.outcome] ?? "failed";
  return testCase.message ? `${what} ${why}: ${testCase.message}` : `${what} ${why}`;
}

// src/report/timeline.ts
function timelineOf(report, decision) {
  const rows = [];
  const experimentSpans = /* @__PURE__ */ new Map();
  let load;
  let series;
  for (const suite of report.suites) {
    const suiteSpan = spanOf(suite.timestamp, suite.durationSeconds);
    if (suite.kind === "load") {
      load = suiteSpan ?? load;
      series = suite.series ?? series;
      continue;
    }
    if (suiteSpan) rows.push({ label: suite.name, depth: 0, tolerated: false, ...suiteSpan });
    for (const testCase of suite.cases) {
      const span = caseSpan(testCase, experimentSpans);
      if (!span) continue;
      if (testCase.kind === "experiment" && testCase.experiment)
        experimentSpans.set(testCase.experiment, span);
      const { status, tolerated } = judgementOf(decision, testCase);
      const depth = testCase.kind === "probe" ? 2 : 1;
      rows.push({ label: testCase.name, depth, status, tolerated: !!tolerated, ...span });
    }
  }
  const chaosWindows = series?.chaosWindows.length ? series.chaosWindows : [...experimentSpans.values()].sort((a, b) => a.startMs - b.startMs);
  const spans = [...rows, ...chaosWindows, ...load ? [load] : []];
  for (const bucket of series?.buckets ?? []) {
    spans.push({ startMs: bucket.startMs, endMs: bucket.startMs + (series?.bucketMs ?? 0) });
  }
  if (spans.length === 0) return void 0;
  const first = chaosWindows[0];
  const last = chaosWindows.at(-1);
  const chaosEnd = Math.max(...chaosWindows.map((w) => w.endMs));
  return {
    startMs: Math.min(...spans.map((s) => s.startMs)),
    endMs: Math.max(...spans.map((s) => s.endMs)),
    rows,
    chaosWindows,
    baseline: load && first && load.startMs < first.startMs ? { startMs: load.startMs, endMs: first.startMs } : void 0,
    tail: load && last && load.endMs > chaosEnd ? { startMs: chaosEnd, endMs: load.endMs } : void 0,
    series
  };
}
function spanOf(start, seconds2) {
  const startMs = start ? Date.parse(start) : Number.NaN;
  if (Number.isNaN(startMs)) return void 0;
  return { startMs, endMs: startMs + (seconds2 ?? 0) * 1e3 };
}
function caseSpan(testCase, experiments) {
  if (testCase.kind === "probe")
    return testCase.experiment ? experiments.get(testCase.experiment) : void 0;
  return spanOf(testCase.startedAt, testCase.durationSeconds);
}
function formatSeconds(seconds2) {
  if (seconds2 < 10) return `${Number(seconds2.toFixed(1))}s`;
  const whole = Math.round(seconds2);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor(whole % 3600 / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, "0")}m${String(rest).padStart(2, "0")}s`;
  return minutes > 0 ? `${minutes}m${String(rest).padStart(2, "0")}s` : `${rest}s`;
}

// src/report/html.ts
var colours = {
  failed: "#c62828",
  error: "#c62828",
  skipped: "#9e9e9e",
  passed: "#2e7d32",
  tolerated: "#ef6c00"
};
var chaosFill = "#f8bbd0";
function renderHtml(report, decision, context) {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const timeline = timelineOf(report, decision);
  const verdict = decision.verdict === "pass" ? "passed" : "failed";
  const counts = `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped${tolerated ? ` (${tolerated} tolerated)` : ""}${decision.probeSuccess === void 0 ? "" : `, probe success ${decision.probeSuccess}%`}`;
  const suites = report.suites.map((suite) => ({
    suite,
    rank: Math.min(4, ...suite.cases.map((c) => importanceOf(judgementOf(decision, c))))
  })).sort((a, b) => a.rank - b.rank);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>chaos-gate ${verdict}${context.runId ? ` \xB7 ${escape(context.runId)}` : ""}</title>
<link rel="stylesheet" href="${escape(context.stylesheet)}"></head>
<body>
<header class="banner ${decision.verdict}"><h1>Chaos gate ${verdict}</h1><p>${escape(counts)}</p></header>
${runFacts(timeline, context)}
<ul class="reasons">${decision.reasons.map((reason) => `<li>${escape(reason)}</li>`).join("")}</ul>
${timeline ? timelineSection(timeline) : ""}
${timeline?.series ? loadSection(timeline.series, timeline) : ""}
<section id="suites"><h2>Checks</h2>
${suites.map(({ suite, rank }) => suiteSection(suite, decision, rank > 0)).join("\n")}
</section>
</body></html>
`;
  return { html, css };
}
function runFacts(timeline, context) {
  const facts = [];
  if (context.runId) facts.push(["run id", context.runId]);
  if (timeline) {
    facts.push(["started", iso(timeline.startMs)], ["ended", iso(timeline.endMs)]);
    facts.push(["duration", formatSeconds((timeline.endMs - timeline.startMs) / 1e3)]);
    timeline.chaosWindows.forEach(
      (w, i) => facts.push([
        `chaos window ${i + 1}`,
        `${iso(w.startMs)} \u2013 ${iso(w.endMs)} (${formatSeconds((w.endMs - w.startMs) / 1e3)})`
      ])
    );
  }
  if (context.generatedAt) facts.push(["report written", iso(context.generatedAt.getTime())]);
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join("")}</dl>`;
}
function suiteSection(suite, decision, passing) {
  const cases = suite.cases.map((testCase) => ({ testCase, judgement: judgementOf(decision, testCase) })).sort((a, b) => importanceOf(a.judgement) - importanceOf(b.judgement));
  const failing = cases.filter(({ judgement }) => importanceOf(judgement) === 0).length;
  const facts = [
    suite.timestamp ? `started ${iso(Date.parse(suite.timestamp))}` : void 0,
    suite.durationSeconds === void 0 ? void 0 : `took ${formatSeconds(suite.durationSeconds)}`,
    `${cases.length} check(s)${failing ? `, ${failing} failing` : ""}`
  ].filter(Boolean);
  const properties = Object.entries(suite.properties).map(([name, value]) => `<dt>${escape(name)}</dt><dd>${escape(value)}</dd>`).join("");
  const body = `<p class="suite-facts">${escape(facts.join(" \xB7 "))}</p>
<table><thead><tr><th>check</th><th>kind</th><th>status</th><th>duration</th><th>details</th></tr></thead><tbody>
${cases.map(({ testCase, judgement }) => caseRow(testCase, judgement)).join("\n")}
</tbody></table>${properties ? `<details class="properties"><summary>properties</summary><dl>${properties}</dl></details>` : ""}`;
  const title = escape(suite.name);
  return passing ? `<details class="suite passing"><summary><h3>${title}</h3> <span class="passed">all passed or skipped</span></summary>${body}</details>` : `<section class="suite failing"><h3>${title}</h3>${body}</section>`;
}
function caseRow(testCase, { status, tolerated }) {
  const shown = tolerated ? `tolerated (${tolerated})` : status;
  const why = testCase.message ?? "";
  const details = testCase.details && testCase.details !== why ? `<details><summary>${escape(why || "details")}</summary><pre>${escape(testCase.details)}</pre></details>` : escape(why);
  const duration = testCase.durationSeconds === void 0 ? "" : formatSeconds(testCase.durationSeconds);
  return `<tr class="${status}${tolerated ? " tolerated" : ""}"><td>${escape(testCase.name)}</td><td>${testCase.kind}</td><td class="status">${escape(shown)}</td><td>${duration}</td><td>${details}</td></tr>`;
}
var width = 960;
var labelWidth = 240;
var plotWidth = width - labelWidth - 20;
function scaleOf(timeline) {
  const span = Math.max(1, timeline.endMs - timeline.startMs);
  return (ms) => round(labelWidth + (ms - timeline.startMs) / span * plotWidth);
}
function chaosBands(timeline, x, top, height) {
  return timeline.chaosWindows.map(
    (w, i) => `<rect class="chaos-window" x="${x(w.startMs)}" y="${top}" width="${Math.max(1, x(w.endMs) - x(w.startMs))}" height="${height}" fill="${chaosFill}" fill-opacity="0.55"><title>chaos window ${i + 1}: ${iso(w.startMs)} \u2013 ${iso(w.endMs)}</title></rect>`
  ).join("");
}
function timeAxis(timeline, x, y) {
  const ticks = 6;
  const parts = [];
  for (let i = 0; i <= ticks; i++) {
    const ms = timeline.startMs + (timeline.endMs - timeline.startMs) * i / ticks;
    const seconds2 = (ms - timeline.startMs) / 1e3;
    parts.push(
      `<line x1="${x(ms)}" y1="${y}" x2="${x(ms)}" y2="${y + 4}" stroke="#666"/><text x="${x(ms)}" y="${y + 16}" font-size="11" text-anchor="middle" fill="#444">+${formatSeconds(seconds2)}</text>`
    );
  }
  return `<line x1="${labelWidth}" y1="${y}" x2="${labelWidth + plotWidth}" y2="${y}" stroke="#666"/>${parts.join("")}`;
}
function timelineSection(timeline) {
  const rowHeight = 20;
  const phases = [
    ...timeline.baseline ? [{ label: "load baseline", span: timeline.baseline, fill: "#90caf9" }] : [],
    ...timeline.chaosWindows.map((w, i) => ({ label: `chaos window ${i + 1}`, span: w, fill: "#e57373" })),
    ...timeline.tail ? [{ label: "load tail", span: timeline.tail, fill: "#90caf9" }] : []
  ];
  const rows = [
    ...phases.map((p) => ({ label: p.label, depth: 0, span: p.span, fill: p.fill, cls: "phase" })),
    ...timeline.rows.map((r) => ({
      label: r.label,
      depth: r.depth,
      span: r,
      fill: r.status ? r.tolerated ? colours.tolerated : colours[r.status] : "#607d8b",
      cls: r.status ? `span ${r.status}` : "span suite"
    }))
  ];
  const height = rows.length * rowHeight + 30;
  const x = scaleOf(timeline);
  const bars = rows.map((row, i) => {
    const y = i * rowHeight + 4;
    const label = `<text x="${8 + row.depth * 12}" y="${y + 12}" font-size="12" fill="#222">${escape(clip(row.label, 34 - row.depth * 2))}</text>`;
    const bar = `<rect class="${row.cls}" x="${x(row.span.startMs)}" y="${y}" width="${Math.max(2, x(row.span.endMs) - x(row.span.startMs))}" height="${rowHeight - 6}" rx="2" fill="${row.fill}"><title>${escape(row.label)}: ${iso(row.span.startMs)} \u2013 ${iso(row.span.endMs)} (${formatSeconds((row.span.endMs - row.span.startMs) / 1e3)})</title></rect>`;
    return label + bar;
  }).join("\n");
  return `<section id="timeline"><h2>Timeline</h2>
<svg class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="timeline of the run">
${chaosBands(timeline, x, 0, rows.length * rowHeight + 4)}
${bars}
${timeAxis(timeline, x, rows.length * rowHeight + 6)}
</svg></section>`;
}
function loadSection(series, timeline) {
  const x = scaleOf(timeline);
  const latency = { top: 10, height: 170 };
  const errors = { top: 210, height: 80 };
  const height = errors.top + errors.height + 30;
  const maxMs = Math.max(1, ...series.buckets.map((b) => b.p95Ms ?? 0)) * 1.1;
  const maxRate = Math.max(0.05, ...series.buckets.map((b) => b.requests ? b.errors / b.requests : 0));
  const mid = (startMs) => x(startMs + series.bucketMs / 2);
  const yLatency = (ms) => round(latency.top + latency.height - ms / maxMs * latency.height);
  const yRate = (rate2) => round(errors.top + errors.height - rate2 / maxRate * errors.height);
  const withRequests = series.buckets.filter((b) => b.requests > 0);
  const line = (name, colour, points) => `<polyline class="line ${name}" fill="none" stroke="${colour}" stroke-width="1.5" points="${points.map((p) => `${p.cx},${p.cy}`).join(" ")}"/>` + points.map(
    (p) => `<circle class="point ${name}" cx="${p.cx}" cy="${p.cy}" r="2.5" fill="${colour}"><title>${escape(p.text)}</title></circle>`
  ).join("");
  const at = (b) => `+${formatSeconds((b.startMs - timeline.startMs) / 1e3)}`;
  const p50 = withRequests.map((b) => ({
    cx: mid(b.startMs),
    cy: yLatency(b.p50Ms ?? 0),
    text: `${at(b)} p50 ${b.p50Ms}ms`
  }));
  const p95 = withRequests.map((b) => ({
    cx: mid(b.startMs),
    cy: yLatency(b.p95Ms ?? 0),
    text: `${at(b)} p95 ${b.p95Ms}ms`
  }));
  const rate = withRequests.map((b) => ({
    cx: mid(b.startMs),
    cy: yRate(b.errors / b.requests),
    text: `${at(b)} ${b.errors} of ${b.requests} failed (${percent(b.errors / b.requests)})`
  }));
  const axisLabel = (y, text) => `<text x="${labelWidth - 8}" y="${y}" font-size="11" text-anchor="end" fill="#444">${escape(text)}</text>`;
  return `<section id="load"><h2>Load during the chaos</h2>
<p class="legend"><span class="key p50">p50 latency</span> <span class="key p95">p95 latency</span> <span class="key errors">error rate</span> <span class="key chaos">chaos window</span> \xB7 ${series.buckets.length} buckets of ${formatSeconds(series.bucketMs / 1e3)}</p>
<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="latency and error rate over time">
${chaosBands(timeline, x, latency.top, errors.top + errors.height - latency.top)}
<line x1="${labelWidth}" y1="${latency.top + latency.height}" x2="${labelWidth + plotWidth}" y2="${latency.top + latency.height}" stroke="#bbb"/>
${axisLabel(latency.top + 10, `${Math.round(maxMs)} ms`)}${axisLabel(latency.top + latency.height, "0 ms")}
${axisLabel(errors.top + 10, percent(maxRate))}${axisLabel(errors.top + errors.height, "0 %")}
<text x="8" y="${latency.top + latency.height / 2}" font-size="12" fill="#222">latency</text>
<text x="8" y="${errors.top + errors.height / 2}" font-size="12" fill="#222">error rate</text>
${line("p50", "#1565c0", p50)}
${line("p95", "#6a1b9a", p95)}
${line("errors", "#c62828", rate)}
${timeAxis(timeline, x, errors.top + errors.height)}
</svg></section>`;
}
function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function clip(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}\u2026`;
}
var iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
var round = (value) => Math.round(value * 10) / 10;
var percent = (share) => `${Number((share * 100).toFixed(1))} %`;
var css = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5em 2em;color:#222;max-width:1100px}
h1{font-size:1.4em;margin:0}h2{font-size:1.15em;margin:1.4em 0 .4em}h3{font-size:1.05em;margin:.2em 0;display:inline}
.banner{padding:.8em 1em;border-radius:6px;color:#fff}.banner p{margin:.2em 0 0}.banner.pass{background:#2e7d32}.banner.fail{background:#c62828}
dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;color:#444;margin:.6em 0}dd{margin:0}
.reasons li{margin:.15em 0}
svg{max-width:100%;height:auto;display:block;background:#fafafa;border:1px solid #e0e0e0;border-radius:4px}
.legend .key::before{content:"";display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em;border-radius:2px}
.legend .p50::before{background:#1565c0}.legend .p95::before{background:#6a1b9a}.legend .errors::before{background:#c62828}.legend .chaos::before{background:${chaosFill}}
.suite{margin:.8em 0;padding:.4em .8em;border:1px solid #e0e0e0;border-radius:6px}.suite.failing{border-color:#ef9a9a;background:#fff8f8}
.suite>summary{cursor:pointer}.suite-facts{color:#555;margin:.3em 0}
table{border-collapse:collapse;width:100%;margin:.4em 0 .8em}th,td{border:1px solid #ddd;padding:.3em .55em;text-align:left;vertical-align:top}
th{background:#f5f5f5}tr.failed .status,tr.error .status{color:#c62828;font-weight:600}tr.passed .status{color:#2e7d32}
tr.skipped .status{color:#757575}tr.tolerated .status{color:#ef6c00;font-weight:600}
span.passed{color:#2e7d32}pre{white-space:pre-wrap;margin:.3em 0}
`;

// src/report/json.ts
var jsonSchemaVersion = 1;
function renderJson(report, decision, context) {
  const document = {
    schemaVersion: jsonSchemaVersion,
    tool: "chaos-gate",
    generatedAt: (context.generatedAt ?? /* @__PURE__ */ new Date()).toISOString(),
    verdict: decision.verdict,
    // For tools that must not report success while faults may be left behind (the Jenkins step).
    chaosMayStillRun: chaosMayStillRun(report),
    reasons: decision.reasons,
    counts: decision.counts,
    probeSuccess: decision.probeSuccess ?? null,
    policy: context.policy,
    meta: context.meta,
    suites: report.suites.map((suite) => ({
      ...suite,
      cases: suite.cases.map((testCase) => ({ ...testCase, ...judgementOf(decision, testCase) }))
    }))
  };
  return `${JSON.stringify(document, null, 2)}
`;
}
var caseSchema = external_exports.looseObject({
  kind: external_exports.string(),
  className: external_exports.string(),
  name: external_exports.string(),
  outcome: external_exports.enum(["pass", "fail", "error", "stopped", "timeout", "skipped"]),
  message: external_exports.string().optional(),
  details: external_exports.string().optional(),
  startedAt: external_exports.string().optional(),
  durationSeconds: external_exports.number().optional(),
  properties: external_exports.record(external_exports.string(), external_exports.string()),
  experiment: external_exports.string().optional()
});
var documentSchema = external_exports.looseObject({
  tool: external_exports.literal("chaos-gate"),
  schemaVersion: external_exports.literal(jsonSchemaVersion),
  meta: external_exports.record(external_exports.string(), external_exports.string()).default({}),
  suites: external_exports.array(
    external_exports.looseObject({
      kind: external_exports.string(),
      name: external_exports.string(),
      timestamp: external_exports.string().optional(),
      durationSeconds: external_exports.number().optional(),
      properties: external_exports.record(external_exports.string(), external_exports.string()),
      cases: external_exports.array(caseSchema)
    })
  )
});
var judgementFields = { status: true, tolerated: true, reason: true };
function withoutJudgement(testCase) {
  return Object.fromEntries(Object.entries(testCase).filter(([key]) => !(key in judgementFields)));
}
function parseJsonReport(text, source) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source}: not JSON: ${errorMessage(error)}`);
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "(top level)";
    throw new ConfigError(
      `${source}: not a chaos-gate JSON report (schemaVersion ${jsonSchemaVersion}, written by --json): field ${field}: ${issue?.message ?? "invalid"}`
    );
  }
  const suites = parsed.data.suites.map((suite) => ({
    ...suite,
    cases: suite.cases.map(withoutJudgement)
  }));
  return { report: { suites }, meta: parsed.data.meta };
}

// src/report/xml.ts
var notXml = (
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
);
var attributeEntities = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  // A parser normalises raw tab, newline and carriage return in an attribute to spaces; references keep them.
  "	": "&#x9;",
  "\n": "&#xA;",
  "\r": "&#xD;"
};
var textEntities = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
var needsWork = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
function xmlChars(text) {
  return text.replace(notXml, "");
}
function escapeAttribute(value) {
  if (!needsWork.test(value)) return value;
  return xmlChars(value).replace(/[&<>"\t\n\r]/g, (c) => attributeEntities[c]);
}
function escapeText(text) {
  if (!needsWork.test(text)) return text;
  return xmlChars(text).replace(/[&<>]/g, (c) => textEntities[c]);
}
var piecesPerPart = 4096;
var XmlWriter = class {
  #parts = [];
  #chunks = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  /** `<name a="…">` on a line of its own, for an element that holds elements. */
  open(name, attributes = []) {
    this.#tag(name, attributes).push(">\n");
    return this;
  }
  close(name) {
    this.#chunks.push("</", name, ">\n");
    return this;
  }
  /** An element holding text only, or nothing: `<name a="…">text</name>` or `<name a="…"/>`. */
  element(name, attributes, text = "") {
    if (text === "") this.#tag(name, attributes).push("/>\n");
    else this.#tag(name, attributes).push(">", escapeText(text), "</", name, ">\n");
    return this;
  }
  toString() {
    return this.#parts.join("") + this.#chunks.join("");
  }
  #tag(name, attributes) {
    if (this.#chunks.length >= piecesPerPart) {
      this.#parts.push(this.#chunks.join(""));
      this.#chunks = [];
    }
    const chunks = this.#chunks;
    chunks.push("<", name);
    for (const [key, value] of attributes) {
      if (value !== void 0) chunks.push(" ", key, '="', escapeAttribute(String(value)), '"');
    }
    return chunks;
  }
};

// src/report/junit.ts
var maxBodyChars = 4e4;
var toleranceSettings = {
  allowFailures: "gate.allowFailures",
  minProbeSuccess: "gate.minProbeSuccess",
  failOnFailure: "gate.failOnFailure: false"
};
function renderJUnit(report, decision, options = {}) {
  const xml = new XmlWriter();
  const { passed, failed, errored, skipped } = decision.counts;
  xml.open("testsuites", [
    ["name", "chaos-gate"],
    ["tests", passed + failed + errored + skipped],
    ["failures", failed],
    ["errors", errored],
    ["time", seconds(runSeconds(report.suites))]
  ]);
  for (const suite of report.suites) renderSuite(xml, suite, decision, options);
  return xml.close("testsuites").toString();
}
function renderSuite(xml, suite, decision, options) {
  const counts = { tests: suite.cases.length, failures: 0, errors: 0, skipped: 0 };
  for (const testCase of suite.cases) {
    const { status } = judgementOf(decision, testCase);
    if (status === "failed") counts.failures++;
    else if (status === "error") counts.errors++;
    else if (status === "skipped") counts.skipped++;
  }
  xml.open("testsuite", [
    ["name", suite.name],
    ["tests", counts.tests],
    ["failures", counts.failures],
    ["errors", counts.errors],
    ["skipped", counts.skipped],
    ["time", seconds(suiteSeconds(suite))],
    ["timestamp", suite.timestamp && isoUtc(suite.timestamp)],
    ["hostname", options.hostname]
  ]);
  renderProperties(xml, Object.entries(suite.properties));
  for (const testCase of suite.cases) {
    renderCase(xml, testCase, judgementOf(decision, testCase), options);
  }
  xml.element("system-out", []).element("system-err", []).close("testsuite");
}
function renderProperties(xml, properties) {
  if (properties.length === 0) {
    xml.element("properties", []);
    return;
  }
  xml.open("properties");
  for (const [name, value] of properties) {
    xml.element("property", [
      ["name", name],
      ["value", value]
    ]);
  }
  xml.close("properties");
}
function renderCase(xml, testCase, { status, tolerated }, options) {
  const attributes = [
    ["classname", testCase.className],
    ["name", testCase.name],
    ["time", seconds(testCase.durationSeconds ?? 0)]
  ];
  const properties = options.caseProperties ? caseProperties(testCase, tolerated) : [];
  if (status === "passed" && properties.length === 0 && !testCase.details) {
    xml.element("testcase", attributes);
    return;
  }
  xml.open("testcase", attributes);
  if (properties.length > 0) renderProperties(xml, properties);
  const message = testCase.message ?? `${testCase.kind} ${testCase.outcome}`;
  switch (status) {
    case "passed":
      if (testCase.details) xml.element("system-out", [], truncate(testCase.details));
      break;
    case "failed":
    case "error":
      xml.element(
        status === "failed" ? "failure" : "error",
        [
          ["message", message],
          ["type", testCase.outcome]
        ],
        truncate([testCase.message, testCase.details].filter(unique).join("\n"))
      );
      break;
    case "skipped":
      xml.element("skipped", [
        ["message", skipReason(testCase, message, tolerated)],
        ["type", tolerated ? "tolerated" : testCase.outcome]
      ]);
  }
  xml.close("testcase");
}
function skipReason(testCase, message, tolerated) {
  if (tolerated) return `tolerated by ${toleranceSettings[tolerated]}: ${testCase.outcome}: ${message}`;
  if (testCase.outcome !== "skipped") return `${testCase.outcome}: ${message}`;
  return testCase.message ?? "not evaluated";
}
function caseProperties(testCase, tolerated) {
  return [
    ["kind", testCase.kind],
    ...Object.entries(testCase.properties),
    ...tolerated ? [["gate.tolerated", tolerated]] : []
  ];
}
function unique(value, index, all) {
  return !!value && all.indexOf(value) === index;
}
function truncate(text) {
  return text.length <= maxBodyChars ? text : `${text.slice(0, maxBodyChars)}
\u2026 (${text.length - maxBodyChars} more characters cut)`;
}
function suiteSeconds(suite) {
  return suite.durationSeconds ?? suite.cases.reduce((sum, c) => sum + (c.durationSeconds ?? 0), 0);
}
function runSeconds(suites) {
  const starts = suites.map((s) => s.timestamp ? Date.parse(s.timestamp) : Number.NaN);
  if (suites.length === 0 || starts.some(Number.isNaN)) {
    return suites.reduce((sum, suite) => sum + suiteSeconds(suite), 0);
  }
  const ends = suites.map((suite, i) => starts[i] + suiteSeconds(suite) * 1e3);
  return (Math.max(...ends) - Math.min(...starts)) / 1e3;
}
function seconds(value) {
  return String(Math.max(0, Math.round(value * 1e3)) / 1e3);
}
function isoUtc(timestamp) {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? void 0 : new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

// src/report/markdown.ts
var maxChars = 9e5;
var icons = { passed: "\u2705 passed", failed: "\u274C failed", error: "\u26D4 error", skipped: "\u23ED\uFE0F skipped" };
function renderMarkdown(report, decision) {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const rows = report.suites.flatMap(
    (suite) => suite.cases.map((testCase) => ({
      suite: suite.name,
      testCase,
      judgement: judgementOf(decision, testCase)
    }))
  ).sort((a, b) => importanceOf(a.judgement) - importanceOf(b.judgement));
  const caseReasons = new Set([...decision.cases.values()].map((j) => j.reason));
  const lines = [
    `## ${decision.verdict === "pass" ? "\u2705 Chaos gate passed" : "\u274C Chaos gate failed"}`,
    "",
    `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped` + (tolerated ? ` (${tolerated} tolerated)` : "") + (decision.probeSuccess === void 0 ? "" : ` \xB7 probe success ${decision.probeSuccess}%`),
    "",
    // The failed checks are in the table below; here only what is not one of them (thresholds, a pass).
    ...decision.reasons.filter((reason) => !caseReasons.has(reason)).map((reason) => `- ${cell(reason)}`)
  ];
  const failing = rows.filter((r) => importanceOf(r.judgement) <= 1);
  if (failing.length > 0) {
    lines.push("", "### Failures", "", ...table(failing));
  }
  const load = report.suites.find((s) => s.kind === "load");
  if (load) lines.push(...impactTable(load));
  const timeline = timelineOf(report, decision);
  if (timeline) lines.push(...gantt(timeline));
  const rest = rows.filter((r) => importanceOf(r.judgement) > 1);
  if (rest.length > 0) {
    lines.push(
      "",
      `<details><summary>${rest.length} passed or skipped check(s)</summary>`,
      "",
      ...table(rest),
      "",
      "</details>"
    );
  }
  const text = `${lines.join("\n")}
`;
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}

\u2026 summary cut at ${maxChars} characters; see the JSON report.
`;
}
function table(rows) {
  return [
    "| suite | check | kind | status | duration | details |",
    "|---|---|---|---|---|---|",
    ...rows.map(({ suite, testCase, judgement: { status, tolerated } }) => {
      const shown = tolerated ? `\u26A0\uFE0F tolerated (${tolerated})` : icons[status];
      const duration = testCase.durationSeconds === void 0 ? "" : formatSeconds(testCase.durationSeconds);
      return `| ${cell(suite)} | ${cell(testCase.name)} | ${testCase.kind} | ${shown} | ${duration} | ${cell(testCase.message ?? "")} |`;
    })
  ];
}
function impactTable(load) {
  const periods = [
    ["baseline", "baseline (outside chaos)"],
    ["chaos", "during chaos"],
    ["overall", "overall"]
  ].filter(([key]) => load.properties[`${key}.requests`] !== void 0);
  if (periods.length === 0) return [];
  const value = (key, field, unit = "") => {
    const v = load.properties[`${key}.${field}`];
    return v === void 0 ? "" : `${v}${unit}`;
  };
  const rate = (key) => {
    const v = load.properties[`${key}.errorRate`];
    return v === void 0 ? "" : `${Number((Number(v) * 100).toFixed(2))}%`;
  };
  return [
    "",
    "### Load impact",
    "",
    "| period | requests | p50 | p95 | p99 | error rate |",
    "|---|---|---|---|---|---|",
    ...periods.map(
      ([key = "", label = ""]) => `| ${label} | ${value(key, "requests")} | ${value(key, "p50Ms", " ms")} | ${value(key, "p95Ms", " ms")} | ${value(key, "p99Ms", " ms")} | ${rate(key)} |`
    )
  ];
}
function gantt(timeline) {
  const task = (label, tag, span) => `    ${mermaidText(label)} :${tag}${Math.round(span.startMs)}, ${Math.round(Math.max(span.endMs, span.startMs + 1e3))}`;
  const lines = [
    "",
    "### Timeline",
    "",
    "```mermaid",
    "gantt",
    "    dateFormat x",
    "    axisFormat %H:%M:%S"
  ];
  lines.push("    section load and chaos");
  if (timeline.baseline) lines.push(task("baseline", "done, ", timeline.baseline));
  timeline.chaosWindows.forEach(
    (w, i) => lines.push(task(`chaos window ${i + 1} (${formatSeconds((w.endMs - w.startMs) / 1e3)})`, "crit, ", w))
  );
  if (timeline.tail) lines.push(task("tail", "done, ", timeline.tail));
  const experiments = timeline.rows.filter((r) => r.depth === 1);
  if (experiments.length > 0) {
    lines.push("    section checks");
    for (const row of experiments) {
      const failing = row.status === "failed" || row.status === "error";
      lines.push(task(row.label, failing ? "crit, " : "active, ", row));
    }
  }
  lines.push("```");
  return lines;
}
function mermaidText(text) {
  return text.replace(/[:#;]/g, " ").replace(/\s+/g, " ").trim() || "(unnamed)";
}
function cell(text) {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}

// src/run/publish.ts
var reportNames = { junit: "JUnit report", json: "JSON report", html: "HTML report", summary: "summary" };
function reportPathProblems(reports) {
  const problems = [];
  const seen = /* @__PURE__ */ new Map();
  for (const kind of ["junit", "json", "html", "summary"]) {
    const file = reports[kind];
    if (!file) continue;
    const where = `the ${reportNames[kind]} ${file}`;
    const absolute = path.resolve(file);
    const other = seen.get(absolute);
    if (other) problems.push(`${where}: the same file as the ${other}`);
    seen.set(absolute, reportNames[kind]);
    const problem = unwritable(absolute);
    if (problem) problems.push(`${where}: ${problem}`);
  }
  return problems;
}
function unwritable(file) {
  const kind = (at) => {
    try {
      return statSync(at).isDirectory() ? "directory" : "file";
    } catch {
      return void 0;
    }
  };
  if (kind(file) === "directory") return "is a directory";
  let existing = kind(file) ? file : path.dirname(file);
  while (!kind(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (existing !== file && kind(existing) === "file") return `${existing} is a file, not a directory`;
  try {
    accessSync(existing, constants.W_OK);
    return void 0;
  } catch {
    return `${existing} is not writable`;
  }
}
function conclude(config, report, meta, log) {
  if (!report.suites.some((suite) => suite.cases.length > 0)) {
    throw new CannotRunError(
      "nothing to judge: the run produced no experiment, workflow step or load result"
    );
  }
  const decision = evaluateGate(report, config.gate);
  const published = publishReports(config.reports, report, decision, { policy: config.gate, meta });
  for (const kind of ["junit", "json", "html", "summary"]) {
    const file = published[kind];
    if (file) log(`chaos-gate: wrote ${kind} report ${file}`);
  }
  describeDecision(decision).forEach((line) => log(`chaos-gate: ${line}`));
  return { decision, published };
}
function publishReports(reports, report, decision, context) {
  let markdownText;
  const markdown = () => markdownText ??= redact(renderMarkdown(report, decision));
  const write = (file, render) => {
    if (!file) return void 0;
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, redact(render()));
    return file;
  };
  const junitOptions = { hostname: os.hostname(), caseProperties: reports.junitCaseProperties };
  return {
    junit: write(reports.junit, () => renderJUnit(report, decision, junitOptions)),
    json: write(reports.json, () => renderJson(report, decision, context)),
    html: write(reports.html, () => writeHtml(reports.html, report, decision, context.meta)),
    summary: write(reports.summary, markdown),
    markdown
  };
}
function writeHtml(file, report, decision, meta) {
  const stylesheet = `${path.basename(file, path.extname(file))}.css`;
  const { html, css: css2 } = renderHtml(report, decision, {
    stylesheet,
    runId: meta.runId,
    generatedAt: /* @__PURE__ */ new Date()
  });
  writeFileSync(path.join(path.dirname(file), stylesheet), css2);
  return html;
}
function describeDecision(decision) {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const counts = `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped${tolerated ? ` (${tolerated} tolerated)` : ""}`;
  const head = decision.verdict === "pass" ? `gate PASSED (${counts})` : `gate FAILED (${counts}):`;
  return decision.verdict === "pass" ? [head] : [head, ...decision.reasons.map((r) => `  - ${r}`)];
}

// src/argo/submit.ts
import path2 from "node:path";

// src/kube/manifests.ts
var import_yaml = __toESM(require_dist(), 1);
var expectedKinds = {
  rbac: void 0,
  experiment: ["ChaosExperiment"],
  engine: ["ChaosEngine"],
  input: void 0
};
function readManifests(files, role, maxBytes) {
  return files.flatMap((file) => {
    const manifests = parseManifests(
      readInputFile(file, role === "input" ? "input" : "manifest", maxBytes),
      file,
      role
    );
    if (manifests.length === 0)
      throw new ConfigError(`${file}: holds no objects (the file is empty or only comments)`);
    return manifests;
  });
}
function duplicateProblems(manifests, namespaceOf = (m) => m.object.metadata.namespace ?? "") {
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  for (const manifest of manifests) {
    const { apiVersion = "", kind = "", metadata } = manifest.object;
    if (!metadata.name) continue;
    const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
    const key = `${group}/${kind}/${namespaceOf(manifest)}/${metadata.name}`;
    const first = seen.get(key);
    if (first)
      problems.push(
        `${manifest.source}: the same ${kind} as ${first.source}; each object may be given only once`
      );
    else seen.set(key, manifest);
  }
  return problems;
}
function parseManifests(text, file, role) {
  refuseDescribeOutput(text, file);
  return loadDocuments(text, file).flatMap(
    (value, index) => (
      // An empty document between separators holds nothing.
      value === null || value === void 0 ? [] : toManifests(value, `${file}, document ${index + 1}`, role)
    )
  );
}
function loadDocuments(text, file) {
  if (/^\s*[{[]/.test(text)) {
    try {
      return [JSON.parse(text)];
    } catch {
    }
  }
  try {
    return loadAll(text, null, { schema: CORE_SCHEMA });
  } catch (error) {
    throw locateYamlError(text, file, error);
  }
}
function locateYamlError(text, file, error) {
  const documents = (0, import_yaml.parseAllDocuments)(text);
  const list = Array.isArray(documents) ? documents : [documents];
  const index = list.findIndex((document) => document.errors.length > 0);
  const problem = list[index]?.errors[0];
  if (problem) return new ConfigError(`${file}, document ${index + 1}: invalid YAML: ${problem.message}`);
  return new ConfigError(`${file}: invalid YAML: ${errorMessage(error)}`);
}
function refuseDescribeOutput(text, file) {
  const head = text.slice(0, 4096);
  if (!/^API Version:[ \t]+\S/m.test(head) || !/^Kind:[ \t]+\S/m.test(head)) return;
  const kind = /^Kind:[ \t]+(\S+)/m.exec(head)?.[1] ?? "OBJECT";
  const name = /^Name:[ \t]+(\S+)/m.exec(head)?.[1] ?? "NAME";
  throw new ConfigError(
    `${file}: this is \`kubectl describe\` output, which cannot be read back; save the object itself with \`kubectl get ${kind.toLowerCase()} ${name} -o yaml\``
  );
}
function toManifests(value, where, role) {
  if (!isRecord(value)) throw new ConfigError(`${where}: expected a Kubernetes object (a mapping)`);
  if (value.kind === "List" || typeof value.kind === "string" && value.kind.endsWith("List")) {
    if (!Array.isArray(value.items)) throw new ConfigError(`${where}: field items: expected a list`);
    return value.items.flatMap((item, i) => toManifests(item, `${where}, items[${i}]`, role));
  }
  for (const field of role === "input" ? ["kind"] : ["apiVersion", "kind"]) {
    if (typeof value[field] !== "string" || value[field] === "") {
      throw new ConfigError(`${where}: field ${field}: required`);
    }
  }
  const metadata = value.metadata;
  if (!isRecord(metadata)) throw new ConfigError(`${where}: field metadata: required`);
  const name = metadata.name ?? metadata.generateName;
  if (typeof name !== "string" || name === "") {
    throw new ConfigError(`${where}: field metadata.name: required`);
  }
  const kind = value.kind;
  const source = `${where} (${kind} ${name})`;
  const allowed = expectedKinds[role];
  if (allowed && !allowed.includes(kind)) {
    throw new ConfigError(`${source}: field kind: expected ${allowed.join(" or ")} in ${role} files`);
  }
  if (role === "engine" && typeof metadata.name === "string" && metadata.name.length > 63) {
    throw new ConfigError(
      `${source}: field metadata.name: a ChaosEngine name must be at most 63 characters (it becomes a label value)`
    );
  }
  return [{ role, source, object: value }];
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/argo/submit.ts
var argoApiVersion = "argoproj.io/v1alpha1";
function readWorkflow(source) {
  return source.file ? fromFile(source.file) : fromTemplate(source);
}
function prepareWorkflow(base, source, defaultNamespace, labels) {
  const namespace = source.namespace ?? base.metadata.namespace ?? defaultNamespace;
  return {
    ...base,
    metadata: { ...base.metadata, namespace, labels: { ...base.metadata.labels, ...labels } },
    spec: {
      ...base.spec,
      arguments: { ...base.spec.arguments, parameters: withParameters(base, source.parameters) }
    }
  };
}
function fromFile(file) {
  const workflows = readManifests([file], "input");
  const [first, ...rest] = workflows;
  if (!first || rest.length > 0)
    throw new ConfigError(`${file}: expected exactly one Workflow, found ${workflows.length} objects`);
  if (first.object.kind !== "Workflow")
    throw new ConfigError(`${first.source}: field kind: expected Workflow`);
  const workflow = first.object;
  if (typeof workflow.spec !== "object" || workflow.spec === null)
    throw new ConfigError(`${first.source}: field spec: required`);
  return workflow;
}
function fromTemplate(source) {
  const template = source.template;
  if (!template) throw new ConfigError("workflow: set file or template");
  const label = template.clusterScope ? "workflows.argoproj.io/cluster-workflow-template" : "workflows.argoproj.io/workflow-template";
  return {
    apiVersion: argoApiVersion,
    kind: "Workflow",
    metadata: { generateName: `${path2.basename(template.name)}-`, labels: { [label]: template.name } },
    spec: {
      workflowTemplateRef: { name: template.name, ...template.clusterScope ? { clusterScope: true } : {} }
    }
  };
}
function withParameters(workflow, overrides) {
  const parameters = [...workflow.spec.arguments?.parameters ?? []];
  for (const [name, value] of Object.entries(overrides)) {
    const index = parameters.findIndex((p) => p.name === name);
    if (index >= 0) parameters[index] = { ...parameters[index], name, value };
    else parameters.push({ name, value });
  }
  return parameters;
}

// src/litmus/crd-rules.ts
var oneOf = (values) => external_exports.string().regex(new RegExp(`^(${values.join("|")})$`), `must be one of ${values.join(", ")}`);
var nonEmpty = external_exports.string().min(1, "must not be empty");
var appkind = external_exports.string().regex(
  /^(|deployment|statefulset|daemonset|deploymentconfig|rollout)$/,
  "must be one of deployment, statefulset, daemonset, deploymentconfig, rollout"
);
var durationText = external_exports.string({ error: 'must be a string such as "5s" (Litmus 3 refuses numbers here)' });
var probeRules = external_exports.looseObject({
  name: external_exports.string(),
  type: oneOf(["k8sProbe", "httpProbe", "cmdProbe", "promProbe", "sloProbe"]),
  mode: oneOf(["SOT", "EOT", "Edge", "Continuous", "OnChaos"]),
  runProperties: external_exports.looseObject({
    probeTimeout: durationText,
    interval: durationText,
    evaluationTimeout: durationText.optional(),
    probePollingInterval: durationText.optional(),
    initialDelay: durationText.optional(),
    retry: external_exports.int().optional(),
    attempt: external_exports.int().optional(),
    initialDelaySeconds: external_exports.int().optional(),
    verbosity: external_exports.string().optional(),
    stopOnFailure: external_exports.boolean().optional()
  }),
  "k8sProbe/inputs": external_exports.looseObject({
    version: external_exports.string(),
    resource: external_exports.string(),
    operation: oneOf(["present", "absent", "create", "delete"])
  }).optional(),
  "cmdProbe/inputs": external_exports.looseObject({
    command: nonEmpty,
    comparator: external_exports.looseObject({
      type: oneOf(["int", "float", "string"]),
      criteria: external_exports.string(),
      value: external_exports.string()
    })
  }).optional(),
  "httpProbe/inputs": external_exports.looseObject({
    url: nonEmpty,
    method: external_exports.looseObject({
      get: external_exports.looseObject({ criteria: nonEmpty, responseCode: nonEmpty }).optional(),
      post: external_exports.looseObject({ criteria: nonEmpty, responseCode: nonEmpty }).optional()
    }).refine((method) => Object.keys(method).length > 0, "needs get or post")
  }).optional(),
  "promProbe/inputs": external_exports.looseObject({
    endpoint: external_exports.string(),
    comparator: external_exports.looseObject({ criteria: external_exports.string(), value: external_exports.string() })
  }).optional()
});
var engineCrdRules = external_exports.looseObject({
  spec: external_exports.looseObject({
    engineState: oneOf(["active", "stop"]).optional(),
    jobCleanUpPolicy: oneOf(["delete", "retain"]).optional(),
    defaultHealthCheck: external_exports.boolean().optional(),
    chaosServiceAccount: external_exports.string().optional(),
    terminationGracePeriodSeconds: external_exports.int().optional(),
    appinfo: external_exports.looseObject({
      appkind: appkind.optional(),
      applabel: external_exports.string().optional(),
      appns: external_exports.string().optional()
    }).optional(),
    experiments: external_exports.array(
      external_exports.looseObject({
        name: external_exports.string(),
        spec: external_exports.looseObject({ probe: external_exports.array(probeRules).optional() }).optional()
      })
    ).optional()
  }).optional()
});

// src/kube/apply.ts
var fieldManager = "chaos-gate";
var usersFieldManager = "chaos-gate-users";
var runLabel = "chaos-gate.io/run";
var managedBy = { "app.kubernetes.io/managed-by": "chaos-gate" };
var usersPrefix = "users.chaos-gate.io/";
var applyOrder = ["rbac", "experiment", "engine"];
var concurrency = 10;
var inOrder = (manifests) => applyOrder.map((role) => manifests.filter((m) => m.role === role)).filter((group) => group.length > 0);
var isShared = (manifest) => manifest.role !== "engine" && !!manifest.object.metadata.name;
var isManaged = (object) => object?.metadata?.labels?.["app.kubernetes.io/managed-by"] === managedBy["app.kubernetes.io/managed-by"];
var describe = (object) => `${object.kind ?? ""} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ""}${object.metadata?.name ?? ""}`;
var ObjectApi = class extends KubernetesObjectApi {
  #discovering = /* @__PURE__ */ new Map();
  scopeOf(apiVersion, kind) {
    return this.resource(apiVersion, kind);
  }
  async resource(apiVersion, kind) {
    const underWay = this.#discovering.get(apiVersion);
    if (underWay) {
      await underWay.catch(() => void 0);
      return super.resource(apiVersion, kind);
    }
    const lookup = super.resource(apiVersion, kind);
    this.#discovering.set(apiVersion, lookup);
    try {
      return await lookup;
    } finally {
      this.#discovering.delete(apiVersion);
    }
  }
};
var ManifestApplier = class {
  #api;
  #defaultNamespace;
  #runId;
  /** What preflight read of each named object, so apply reads nothing again. */
  #existing = /* @__PURE__ */ new Map();
  constructor(connection, defaultNamespace, runId) {
    this.#api = apiClient(connection, ObjectApi);
    this.#defaultNamespace = defaultNamespace;
    this.#runId = runId;
  }
  /** Sets namespace and run labels as they will be applied. Pure, so preflight and apply see the same object. */
  prepare(manifests) {
    return manifests.map((manifest) => {
      const { object } = manifest;
      const namespaced = object.metadata.namespace ?? (isClusterScopedKind(object.kind) ? void 0 : this.#defaultNamespace);
      return {
        ...manifest,
        object: {
          ...object,
          metadata: {
            ...object.metadata,
            ...namespaced ? { namespace: namespaced } : {},
            labels: { ...object.metadata.labels, ...managedBy, [runLabel]: this.#runId }
          }
        }
      };
    });
  }
  /** Whether the server serves this kind cluster-scoped; undefined for a kind it does not serve. */
  async isClusterScoped(object) {
    const resource = await this.#api.scopeOf(object.apiVersion ?? "", object.kind ?? "");
    return resource && !resource.namespaced;
  }
  /**
   * Everything that can be checked without changing the cluster: each object passes a server-side
   * dry-run apply (schema, admission, permissions), and no engine of the same name is still there.
   * Returns every problem, so the user fixes them in one go.
   */
  async preflight(manifests) {
    const problems = await pMap(manifests, (manifest) => this.#check(manifest), { concurrency });
    return problems.filter((problem) => problem !== void 0);
  }
  async #check(manifest) {
    try {
      const existing = manifest.object.metadata.name ? await this.#read(manifest.object) : void 0;
      this.#existing.set(manifest.source, existing);
      if (existing && manifest.role === "engine") {
        return `${manifest.source}: a ChaosEngine with this name already exists in namespace ${existing.metadata?.namespace}; delete it, or use metadata.generateName so each run gets its own engine`;
      }
      if (existing && !isManaged(existing)) return void 0;
      await this.#write(manifest.object, true);
      return void 0;
    } catch (error) {
      return describeApiError(`${manifest.source}: rejected by the server`, error);
    }
  }
  /**
   * Applies RBAC, then ChaosExperiments, then ChaosEngines, each group in parallel. `onApplied` hears of
   * every object that landed, in the order of the manifests, also when another of its group failed, so
   * what the run put into the cluster is known before anything is taken back.
   */
  async apply(manifests, onApplied) {
    for (const group of inOrder(manifests)) {
      const landed = await pMapSettled(group, (manifest) => this.#applyOne(manifest), { concurrency });
      for (const result of landed) if (result.status === "fulfilled") onApplied(...result.value);
      const failed = landed.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
    }
  }
  async #applyOne(manifest) {
    const { object } = manifest;
    try {
      const existing = isShared(manifest) ? await this.#existingOf(manifest) : void 0;
      if (existing && !isManaged(existing))
        return [
          applied(manifest, existing, "foreign"),
          "exists and was not created by chaos-gate: used as it is"
        ];
      const result = isShared(manifest) ? await this.#applyShared(object) : await this.#write(object, false);
      return [applied(manifest, result, isShared(manifest) ? "shared" : "run")];
    } catch (error) {
      throw new CannotRunError(describeApiError(`${manifest.source}: apply failed`, error), { cause: error });
    }
  }
  /**
   * Takes back what this run applied: engines, then experiments, then RBAC (the experiments need their
   * RBAC to revert), each group in parallel. Reports, never throws.
   */
  async remove(objects) {
    const removal = { removed: [], kept: [], alreadyGone: [], problems: [] };
    const newestFirst = [...objects].reverse().filter((object) => object.ownership !== "foreign");
    for (const role of [...applyOrder].reverse()) {
      const group = newestFirst.filter((object) => object.role === role);
      const outcomes = await pMap(group, (object) => this.#removeOne(object), { concurrency });
      group.forEach((object, i) => {
        const what = describe(refOf(object));
        const outcome = outcomes[i];
        if (outcome === "removed") removal.removed.push(what);
        else if (outcome === "gone") removal.alreadyGone.push(what);
        else if (Array.isArray(outcome)) removal.kept.push(`${what} (still used by ${outcome.join(", ")})`);
        else removal.problems.push(describeApiError(`deleting ${what}`, outcome.error));
      });
    }
    return removal;
  }
  async #removeOne(object) {
    const ref = refOf(object);
    try {
      return object.ownership === "run" ? await this.#delete(ref) : await this.#release(ref);
    } catch (error) {
      return { error };
    }
  }
  /** What preflight read of the object; one that preflight did not see is read now. */
  async #existingOf(manifest) {
    if (this.#existing.has(manifest.source)) return this.#existing.get(manifest.source);
    return this.#read(manifest.object);
  }
  /** Applies a shared object and records this run on it; again if another run deleted it in between. */
  async #applyShared(object) {
    for (let attempt = 1; ; attempt++) {
      const result = await this.#write(object, false);
      try {
        await this.#annotate(object, this.#runId);
        return result;
      } catch (error) {
        if (statusCode(error) !== 404 || attempt >= 3) throw error;
      }
    }
  }
  /** Removes this run's record; deletes the object if no other run's is left. */
  async #release(ref) {
    try {
      await this.#annotate(ref, null);
    } catch (error) {
      if (statusCode(error) === 404) return "gone";
      throw error;
    }
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read(ref);
      if (!current) return "gone";
      const users = Object.keys(current.metadata?.annotations ?? {}).filter((key) => key.startsWith(usersPrefix)).map((key) => `run ${key.slice(usersPrefix.length)}`);
      if (users.length > 0) return users;
      try {
        return await this.#delete(ref, current.metadata?.resourceVersion);
      } catch (error) {
        if (statusCode(error) !== 409 || attempt >= 5) throw error;
      }
    }
  }
  async #annotate(ref, value) {
    const key = `${usersPrefix}${this.#runId}`;
    await this.#api.patch(
      {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: {
          name: ref.metadata?.name,
          namespace: ref.metadata?.namespace,
          annotations: { [key]: value }
        }
      },
      void 0,
      void 0,
      usersFieldManager,
      void 0,
      PatchStrategy.MergePatch
    );
  }
  async #write(object, dryRun) {
    const dry = dryRun ? "All" : void 0;
    return object.metadata?.name ? this.#api.patch(object, void 0, dry, fieldManager, true, PatchStrategy.ServerSideApply) : this.#api.create(object, void 0, dry, fieldManager);
  }
  async #delete(ref, resourceVersion) {
    try {
      await this.#api.delete(ref, void 0, void 0, void 0, void 0, "Background", {
        ...resourceVersion ? { preconditions: { resourceVersion } } : {}
      });
      return "removed";
    } catch (error) {
      if (statusCode(error) === 404) return "gone";
      throw error;
    }
  }
  async #read(object) {
    try {
      return await this.#api.read({
        apiVersion: object.apiVersion ?? "",
        kind: object.kind ?? "",
        metadata: { name: object.metadata?.name ?? "", namespace: object.metadata?.namespace }
      });
    } catch (error) {
      if (statusCode(error) === 404) return void 0;
      throw error;
    }
  }
};
function refOf(object) {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata: { name: object.name, namespace: object.namespace }
  };
}
function applied(manifest, result, ownership) {
  return {
    role: manifest.role,
    apiVersion: manifest.object.apiVersion ?? "",
    kind: manifest.object.kind ?? "",
    namespace: result.metadata?.namespace,
    name: result.metadata?.name ?? "",
    uid: result.metadata?.uid,
    ownership,
    source: manifest.source
  };
}
var clusterScopedKinds = /* @__PURE__ */ new Set([
  "Namespace",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "PersistentVolume",
  "StorageClass",
  "PriorityClass",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "APIService",
  "ClusterWorkflowTemplate"
]);
function isClusterScopedKind(kind) {
  return clusterScopedKinds.has(kind ?? "");
}

// src/run/blast-radius.ts
function isSystemNamespace(namespace) {
  return namespace.startsWith("kube-") || namespace.startsWith("openshift-");
}
function allowedNamespaces(policy) {
  const allowed = policy.allowNamespaces ?? (policy.defaultNamespace ? [policy.defaultNamespace] : []);
  return [...new Set(allowed)];
}
function blastRadiusProblems(manifests, workflowNamespace, policy, clusterScoped = (m) => isClusterScopedKind(m.object.kind)) {
  const listed = new Set(policy.allowNamespaces ?? []);
  const allowed = new Set(allowedNamespaces(policy));
  const hint = "add it to allowNamespaces (--allow-namespace) if the run may reach it";
  const checkNamespace = (where, namespace) => {
    if (namespace === void 0 || namespace === "") return void 0;
    if (isSystemNamespace(namespace) && !listed.has(namespace))
      return `${where}: namespace ${namespace} is a system namespace; chaos there is refused unless allowNamespaces lists it`;
    if (!allowed.has(namespace) && (policy.defaultNamespace !== void 0 || policy.allowNamespaces))
      return `${where}: namespace ${namespace} is not allowed (allowed: ${[...allowed].join(", ") || "none"}); ${hint}`;
    return void 0;
  };
  const problems = [];
  for (const manifest of manifests) {
    const { object, source } = manifest;
    const namespace = object.metadata.namespace ?? policy.defaultNamespace;
    if (clusterScoped(manifest)) {
      if (!policy.allowClusterScoped)
        problems.push(
          `${source}: ${object.kind} is cluster-scoped; cluster-wide objects are refused unless allowClusterScoped is true`
        );
    } else problems.push(checkNamespace(source, namespace));
    if (object.kind === "Secret" && !policy.allowClusterScoped)
      problems.push(`${source}: Secrets are refused unless allowClusterScoped is true`);
    if (bindsClusterAdmin(object))
      problems.push(`${source}: a binding to the cluster-admin ClusterRole is always refused`);
    if (object.kind === "ChaosEngine")
      for (const target of targetNamespaces(object))
        problems.push(checkNamespace(`${source}: its chaos targets`, target));
  }
  if (workflowNamespace !== void 0) problems.push(checkNamespace("the Workflow", workflowNamespace));
  return problems.filter((p) => !!p);
}
function bindsClusterAdmin(object) {
  if (object.kind !== "RoleBinding" && object.kind !== "ClusterRoleBinding") return false;
  const roleRef = object.roleRef;
  return roleRef?.kind === "ClusterRole" && roleRef.name === "cluster-admin";
}
function targetNamespaces(engine) {
  const selectors = engine.spec?.selectors;
  return [
    engine.spec?.appinfo?.appns,
    ...(selectors?.workloads ?? []).map((w) => w.namespace),
    ...(selectors?.pods ?? []).map((p) => p.namespace)
  ].filter((ns) => typeof ns === "string" && ns !== "");
}

// src/run/inputs.ts
function readRunInputs(config) {
  const manifests = [
    ...readManifests(config.rbac, "rbac"),
    ...readManifests(config.experiments, "experiment"),
    ...readManifests(config.engines, "engine")
  ];
  const workflow = config.workflow && readWorkflow(config.workflow);
  if (!manifests.some((m) => m.role === "engine") && !workflow) {
    throw new ConfigError(
      "nothing to run: give ChaosEngines (engines, --engine) or an Argo Workflow (workflow, --workflow, --workflow-template)"
    );
  }
  const namespaceOf = (m) => m.object.metadata.namespace ?? config.namespace ?? "";
  const problems = [
    ...manifests.filter((m) => m.role === "engine").flatMap(crdProblems),
    ...duplicateProblems(manifests, namespaceOf),
    ...blastRadiusProblems(manifests, config.workflow?.namespace ?? workflow?.metadata.namespace, {
      ...config,
      defaultNamespace: config.namespace
    }),
    ...reportPathProblems(config.reports)
  ];
  if (problems.length > 0) throw new ConfigError(problems.join("\n"));
  return { manifests, workflow };
}
function crdProblems(manifest) {
  const checked = engineCrdRules.safeParse(manifest.object);
  return checked.success ? [] : [describeSchemaIssues(manifest.source, checked.error)];
}
function describeRunInputs(config) {
  const { manifests, workflow } = readRunInputs(config);
  return [
    ...manifests.map((m) => m.source),
    ...workflow ? [`Workflow ${workflow.metadata.name ?? workflow.metadata.generateName}`] : []
  ];
}

// src/ctk/journal.ts
function ctkJournalToSuite(value, source) {
  if (typeof value !== "object" || value === null || !("status" in value)) {
    throw new ConfigError(`${source}: not a Chaos Toolkit journal: field status: required`);
  }
  const journal = value;
  const name = `chaostoolkit/${journal.experiment?.title ?? source}`;
  const cases = [];
  for (const phase of ["before", "after"]) {
    for (const probe of journal.steady_states?.[phase]?.probes ?? []) {
      const met = probe.tolerance_met === true;
      cases.push({
        kind: "ctk-hypothesis",
        className: name,
        name: `steady state ${phase}: ${probe.activity?.name ?? "probe"}`,
        outcome: met ? "pass" : probe.status === "failed" ? "error" : "fail",
        message: met ? void 0 : probe.status === "failed" ? exceptionText(probe) : `tolerance not met: ${short(probe.output)}`,
        details: met ? void 0 : `output: ${short(probe.output)}
tolerance: ${short(probe.activity?.tolerance)}`,
        startedAt: probe.start,
        durationSeconds: probe.duration ?? secondsBetween(probe.start, probe.end),
        properties: { phase }
      });
    }
  }
  for (const activity of journal.run ?? []) {
    const ok = activity.status === "succeeded";
    cases.push({
      kind: "ctk-activity",
      className: name,
      name: `${activity.activity?.type ?? "activity"}: ${activity.activity?.name ?? ""}`,
      outcome: ok ? "pass" : "fail",
      message: ok ? void 0 : exceptionText(activity),
      startedAt: activity.start,
      durationSeconds: activity.duration ?? secondsBetween(activity.start, activity.end),
      properties: { status: activity.status ?? "" }
    });
  }
  if (journal.status !== "completed" || journal.deviated) {
    cases.push({
      kind: "ctk-hypothesis",
      className: name,
      name: "experiment",
      outcome: "fail",
      message: journal.deviated ? "the system deviated from its steady state" : `experiment ${journal.status}`,
      properties: {}
    });
  }
  return {
    kind: "chaostoolkit",
    name,
    timestamp: journal.start,
    durationSeconds: journal.duration ?? secondsBetween(journal.start, journal.end),
    properties: { status: journal.status ?? "", deviated: String(journal.deviated ?? false) },
    cases
  };
}
function exceptionText(activity) {
  const exception = Array.isArray(activity.exception) ? activity.exception.join("") : activity.exception;
  return (exception?.trim().split("\n").at(-1) ?? `status ${activity.status ?? "unknown"}`).slice(0, 500);
}
function short(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === void 0 ? "none" : text.length > 300 ? `${text.slice(0, 300)}\u2026` : text;
}

// src/ctk/read.ts
function readCtkJournal(file) {
  const text = readInputFile(file, "Chaos Toolkit journal", resultFileLimit);
  let journal;
  try {
    journal = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: the Chaos Toolkit journal is not JSON: ${errorMessage(error)}`);
  }
  return ctkJournalToSuite(journal, file);
}

// src/load/csv.ts
function csvRecords(source, required, onRecord) {
  let columns;
  const rows = csvRows(source, (row, line) => {
    if (columns) {
      const at = columns;
      const field = typeof row === "string" ? (column) => fieldOf(row, at.get(column) ?? -1) : (column) => row[at.get(column) ?? -1] ?? "";
      onRecord({ line, get: field });
      return;
    }
    const fields = typeof row === "string" ? row.split(",") : row;
    columns = new Map(fields.map((name, index) => [name.trim(), index]));
    const missing = required.filter((name) => !columns?.has(name));
    if (missing.length > 0) {
      throw new ConfigError(
        `${source}: line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} in the CSV header`
      );
    }
  });
  return {
    line: rows.line,
    end() {
      rows.end();
      if (!columns) throw new ConfigError(`${source}: empty file, expected a CSV header`);
    }
  };
}
function fieldOf(row, index) {
  if (index < 0) return "";
  let start = 0;
  for (let i = 0; i < index; i++) {
    start = row.indexOf(",", start) + 1;
    if (start === 0) return "";
  }
  const end = row.indexOf(",", start);
  return end === -1 ? row.slice(start) : row.slice(start, end);
}
function csvRows(source, onRow) {
  let fields = [];
  let field = "";
  let quoted = false;
  let rowLine = 0;
  let rowChars = 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") onRow(fields, rowLine);
    fields = [];
    field = "";
  };
  return {
    line(text, number) {
      if (!quoted) {
        if (!text.includes('"')) {
          if (text !== "") onRow(text, number);
          return;
        }
        rowLine = number;
        rowChars = 0;
      } else {
        field += "\n";
        rowChars += text.length;
        if (rowChars > maxLineChars) {
          throw new ConfigError(
            `${source}: line ${rowLine}: a quoted field goes on for more than ${maxLineChars / MiB} MiB; is a quote not closed?`
          );
        }
      }
      for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (quoted) {
          if (char === '"' && text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (char === '"') quoted = false;
          else field += char;
        } else if (char === '"') quoted = true;
        else if (char === ",") {
          fields.push(field);
          field = "";
        } else field += char;
      }
      if (!quoted) endRow();
    },
    end() {
      if (quoted) endRow();
    }
  };
}

// src/load/hey.ts
function heyReader(source, startedAtMs, onSample) {
  return csvRecords(source, ["response-time", "status-code", "offset"], (record) => {
    const seconds2 = Number(record.get("response-time"));
    const offset = Number(record.get("offset"));
    const status = Number(record.get("status-code"));
    if (![seconds2, offset, status].every(Number.isFinite)) {
      throw new ConfigError(
        `${source}: line ${record.line}: expected numbers in response-time, status-code and offset`
      );
    }
    const success = status > 0 && status < 400;
    onSample({
      startMs: startedAtMs + offset * 1e3,
      elapsedMs: seconds2 * 1e3,
      success,
      // hey writes status 0 when no response came back at all.
      ...success ? {} : { failure: status === 0 ? "no response" : `HTTP ${status}` }
    });
  });
}

// src/load/jtl.ts
function jtlReader(source, onSample) {
  const records = csvRecords(source, ["timeStamp", "elapsed", "success"], (record) => {
    const startMs = Number(record.get("timeStamp"));
    const elapsedMs = Number(record.get("elapsed"));
    const success = record.get("success").trim().toLowerCase();
    if (!Number.isFinite(startMs) || !Number.isFinite(elapsedMs) || success !== "true" && success !== "false") {
      throw new ConfigError(
        `${source}: line ${record.line}: expected numeric timeStamp and elapsed and success true or false`
      );
    }
    onSample(
      success === "true" ? { startMs, elapsedMs, success: true } : { startMs, elapsedMs, success: false, failure: jtlFailure(record.get) }
    );
  });
  let first = true;
  return {
    line(text, number) {
      if (first && text.trimStart().startsWith("<")) {
        throw new ConfigError(
          `${source}: these JMeter results are XML; chaos-gate reads CSV results with a header: run JMeter with -Jjmeter.save.saveservice.output_format=csv -Jjmeter.save.saveservice.print_field_names=true`
        );
      }
      first = false;
      records.line(text, number);
    },
    end: records.end
  };
}
function jtlFailure(get) {
  const why = get("failureMessage") || `${get("responseCode")} ${get("responseMessage")}`.trim() || "failed";
  const label = get("label");
  return label ? `${label}: ${why}` : why;
}

// src/load/k6-json.ts
var maxWaiting = 1e4;
function k6JsonReader(source, onSample) {
  const waiting = /* @__PURE__ */ new Map();
  const settle = (key, { duration, failed }) => {
    waiting.delete(key);
    if (!duration) return;
    const { startMs, elapsedMs, tags } = duration;
    if (!failed) return onSample({ startMs, elapsedMs, success: true });
    const why = tags.status === "0" ? "no response" : `HTTP ${tags.status ?? "?"}`;
    onSample({
      startMs,
      elapsedMs,
      success: false,
      failure: `${tags.name ?? tags.url ?? "request"}: ${why}`
    });
  };
  return {
    line(text, number) {
      const trimmed = text.trim();
      if (!trimmed) return;
      const notJson = () => new ConfigError(
        number === 1 && trimmed === "{" ? `${source}: this is one JSON document (a k6 end-of-test summary?), not k6's \`--out json\` stream; give a summary as load.results.k6Summary (--k6)` : `${source}: line ${number}: not JSON; expected k6's \`--out json=FILE\` stream, one JSON object a line`
      );
      if (!text.includes("http_req_duration") && !text.includes("http_req_failed")) {
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) return;
        throw notJson();
      }
      let point;
      try {
        point = JSON.parse(text);
      } catch {
        throw notJson();
      }
      if (point.type !== "Point" || point.metric !== "http_req_duration" && point.metric !== "http_req_failed")
        return;
      const time = point.data?.time;
      const value = point.data?.value;
      const endMs = Date.parse(time ?? "");
      if (!Number.isFinite(endMs) || typeof value !== "number" || !Number.isFinite(value))
        throw new ConfigError(`${source}: line ${number}: a Point needs data.time and data.value`);
      const tags = point.data?.tags ?? {};
      const key = `${time} ${tags.url ?? tags.name ?? ""}`;
      const half = point.metric === "http_req_duration" ? "duration" : "failed";
      let request = waiting.get(key);
      if (request?.[half] !== void 0) {
        settle(key, request);
        request = void 0;
      }
      if (!request) {
        request = {};
        waiting.set(key, request);
        const oldest = waiting.size > maxWaiting && waiting.entries().next().value;
        if (oldest) settle(...oldest);
      }
      if (half === "failed") request.failed = value === 1;
      else request.duration = { startMs: endMs - value, elapsedMs: value, tags };
      if (request.duration && request.failed !== void 0) settle(key, request);
    },
    end() {
      for (const [key, request] of waiting) settle(key, request);
    }
  };
}

// src/load/k6.ts
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function parseK6Summary(json, source) {
  if (!isObject(json) || !isObject(json.metrics)) {
    throw new ConfigError(`${source}: not a k6 summary: field metrics: expected an object`);
  }
  const metrics = json.metrics;
  const handleSummaryShape = Object.values(metrics).some((m) => isObject(m) && isObject(m.values));
  const thresholds = [];
  const valuesOf = (name) => {
    const metric = metrics[name];
    if (!isObject(metric)) return void 0;
    return handleSummaryShape ? isObject(metric.values) ? metric.values : void 0 : metric;
  };
  for (const [metric, body] of Object.entries(metrics)) {
    if (!isObject(body) || !isObject(body.thresholds)) continue;
    for (const [expression, state] of Object.entries(body.thresholds)) {
      if (handleSummaryShape) {
        if (!isObject(state) || typeof state.ok !== "boolean") {
          throw new ConfigError(
            `${source}: field metrics.${metric}.thresholds["${expression}"].ok: expected true or false`
          );
        }
        thresholds.push({ metric, expression, ok: state.ok });
      } else {
        if (typeof state !== "boolean") {
          throw new ConfigError(
            `${source}: field metrics.${metric}.thresholds["${expression}"]: expected true or false`
          );
        }
        thresholds.push({ metric, expression, ok: !state });
      }
    }
  }
  const duration = valuesOf("http_req_duration");
  const failed = valuesOf("http_req_failed");
  const iterations = valuesOf("iterations");
  return {
    thresholds,
    checks: isObject(json.root_group) ? checksOf(json.root_group) : [],
    httpReqDuration: duration && numbersOf(duration),
    httpReqFailed: failed ? num(handleSummaryShape ? failed.rate : failed.value) : void 0,
    iterations: iterations ? num(iterations.count) : void 0
  };
}
function checksOf(group) {
  const list = (value) => Array.isArray(value) ? value.filter(isObject) : isObject(value) ? Object.values(value).filter(isObject) : [];
  const own = list(group.checks).map((check) => ({
    name: String(check.name ?? ""),
    path: String(check.path ?? ""),
    passes: num(check.passes) ?? 0,
    fails: num(check.fails) ?? 0
  }));
  return [...own, ...list(group.groups).flatMap(checksOf)];
}
function numbersOf(values) {
  return Object.fromEntries(
    Object.entries(values).filter((e) => typeof e[1] === "number")
  );
}
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}

// src/load/histogram.ts
var import_Int32Histogram = __toESM(require_Int32Histogram(), 1);
var Int32Histogram = import_Int32Histogram.default.default;
var LatencyHistogram = class {
  counts = new Int32Histogram(1, 2, 3);
  constructor() {
    this.counts.autoResize = true;
  }
  get count() {
    return this.counts.totalCount;
  }
  record(elapsedMs) {
    this.counts.recordValue(Math.max(0, Math.round(elapsedMs)));
  }
  add(other) {
    this.counts.add(other.counts);
  }
  /** The nearest-rank percentile in ms, NaN when nothing was recorded. */
  percentile(p) {
    return this.count === 0 ? Number.NaN : this.counts.getValueAtPercentile(p);
  }
};

// src/load/series.ts
var maxBuckets = 120;
var LoadTimeline = class {
  bucketMs = 1e3;
  /** By index: start time ÷ bucket width, rounded down. */
  buckets = /* @__PURE__ */ new Map();
  first = Infinity;
  last = -Infinity;
  add({ startMs, elapsedMs, success }) {
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
  series(windows) {
    if (this.buckets.size === 0) return void 0;
    const buckets = [];
    for (let index = this.first; index <= this.last; index++) {
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
          p95Ms: latency.percentile(95)
        });
      }
    }
    return {
      bucketMs: this.bucketMs,
      buckets,
      chaosWindows: windows.map(({ startMs, endMs }) => ({ startMs, endMs }))
    };
  }
  /** Twice as wide: buckets 2i and 2i+1 become bucket i. */
  widen() {
    const merged = /* @__PURE__ */ new Map();
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
};
function bucketAt(buckets, index) {
  let bucket = buckets.get(index);
  if (!bucket) {
    bucket = { requests: 0, errors: 0, latency: new LatencyHistogram() };
    buckets.set(index, bucket);
  }
  return bucket;
}

// src/load/samples.ts
var Part = class {
  latency = new LatencyHistogram();
  failed = 0;
  stats() {
    const count = this.latency.count;
    return {
      count,
      p50Ms: this.latency.percentile(50),
      p95Ms: this.latency.percentile(95),
      p99Ms: this.latency.percentile(99),
      errorRate: count === 0 ? 0 : this.failed / count
    };
  }
};
var RequestFigureBuilder = class {
  baseline = new Part();
  chaos = new Part();
  failures = new FailureCounts();
  chaosFailures = new FailureCounts();
  timeline = new LoadTimeline();
  windows;
  constructor(windows) {
    this.windows = windows;
  }
  add(sample) {
    const { startMs } = sample;
    const inChaos = this.windows.some((w) => startMs >= w.startMs && startMs <= w.endMs);
    const part = inChaos ? this.chaos : this.baseline;
    part.latency.record(sample.elapsedMs);
    this.timeline.add(sample);
    if (sample.success) return;
    part.failed++;
    const reason = sample.failure ?? "failed (no reason recorded)";
    this.failures.add(reason);
    if (inChaos) this.chaosFailures.add(reason);
  }
  figures() {
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
      series: this.timeline.series(this.windows)
    };
  }
};
var maxFailureReasons = 1e3;
var otherReasons = `other reasons (past the first ${maxFailureReasons} distinct ones)`;
var FailureCounts = class {
  counts = /* @__PURE__ */ new Map();
  add(reason) {
    const count = this.counts.get(reason);
    if (count !== void 0) this.counts.set(reason, count + 1);
    else if (this.counts.size < maxFailureReasons) this.counts.set(ownCopy(reason), 1);
    else this.counts.set(otherReasons, (this.counts.get(otherReasons) ?? 0) + 1);
  }
  /** "12 × GET /cart: 503 Service Unavailable", most frequent first. */
  top(limit = 5) {
    return [...this.counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([reason, count]) => `${count} \xD7 ${reason}`);
  }
};
var ownCopy = (text) => JSON.parse(JSON.stringify(text));

// src/load/read.ts
function readText(file, what) {
  const text = readInputFile(file, what, resultFileLimit);
  if (text.trim() === "") throw new ConfigError(`${file}: the ${what} is empty`);
  return text;
}
function readK6Summary(file) {
  const text = readText(file, "k6 summary");
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (looksLikeK6Stream(text)) {
      throw new ConfigError(
        `${file}: this is k6's \`--out json\` stream (one data point a line), not an end-of-test summary; write a summary with \`k6 run --summary-export=FILE\` or a handleSummary() function, and give the stream as load.results.k6Json for per-request figures`
      );
    }
    throw new ConfigError(`${file}: not JSON: ${errorMessage(error)}`);
  }
  return parseK6Summary(json, file);
}
function looksLikeK6Stream(text) {
  const [firstLine = ""] = text.split("\n", 1);
  try {
    const type = JSON.parse(firstLine).type;
    return type === "Metric" || type === "Point";
  } catch {
    return false;
  }
}
function readRequestFigures(results, startedAtMs, windows) {
  const figures = new RequestFigureBuilder(windows);
  return readRequests(results, startedAtMs, (sample) => figures.add(sample)) ? figures.figures() : void 0;
}
function readRequests(results, startedAtMs, onSample) {
  const { jtl, k6Json, heyCsv } = results;
  if (jtl) readLines(jtl, "JMeter results", jtlReader(jtl, onSample));
  if (k6Json) readLines(k6Json, "k6 JSON output", k6JsonReader(k6Json, onSample));
  if (heyCsv) readLines(heyCsv, "hey CSV", heyReader(heyCsv, startedAtMs, onSample));
  return Boolean(jtl || k6Json || heyCsv);
}
function readLines(file, what, reader) {
  let blank = true;
  readInputLines(file, what, (line, number) => {
    if (blank && line.trim() === "") return;
    blank = false;
    reader.line(line, number);
  });
  if (blank) throw new ConfigError(`${file}: the ${what} is empty`);
  reader.end();
}

// src/load/suite.ts
var suiteName = "load";
function commandOutcome({ code, stoppedBy }) {
  if (stoppedBy === "at the timeout") return "timeout";
  if (stoppedBy === "on cancel") return "stopped";
  return code === 0 || stoppedBy === "after the tail" ? "pass" : "fail";
}
function loadSuite(results) {
  const cases = [];
  const properties = {};
  const add = (kind, name, ok, message, more = {}) => cases.push({
    kind,
    className: suiteName,
    name,
    outcome: ok ? "pass" : "fail",
    message: ok ? void 0 : message,
    details: ok ? void 0 : more.details,
    properties: more.properties ?? {}
  });
  if (results.exit) {
    const { code, signal, stoppedBy, lastLines } = results.exit;
    const outcome = commandOutcome(results.exit);
    const ok = outcome === "pass";
    cases.push({
      kind: "load-command",
      className: suiteName,
      name: results.command ?? "load command",
      outcome,
      message: ok ? void 0 : stoppedBy && stoppedBy !== "after the tail" ? `the load command was still running and was stopped ${stoppedBy}` : `the load command ${signal ? `was killed by ${signal}` : `exited with ${code}`}`,
      details: ok ? void 0 : lastLines.join("\n"),
      startedAt: new Date(results.exit.startedAtMs).toISOString(),
      durationSeconds: (results.exit.endedAtMs - results.exit.startedAtMs) / 1e3,
      properties: stoppedBy ? { stopped: stoppedBy } : {}
    });
  }
  for (const threshold of results.k6?.thresholds ?? []) {
    add(
      "load-threshold",
      `${threshold.metric}: ${threshold.expression}`,
      threshold.ok,
      `k6 threshold crossed: ${threshold.metric} ${threshold.expression}`,
      { properties: { metric: threshold.metric } }
    );
  }
  for (const check of results.k6?.checks ?? []) {
    const total = check.passes + check.fails;
    add("load-check", `check: ${check.name}`, check.fails === 0, `${check.fails} of ${total} failed`, {
      properties: { path: check.path }
    });
  }
  if (results.k6?.httpReqDuration?.["p(95)"] !== void 0)
    properties["k6.http_req_duration.p95Ms"] = fixed(results.k6.httpReqDuration["p(95)"]);
  if (results.k6?.httpReqFailed !== void 0)
    properties["k6.http_req_failed.rate"] = fixed(results.k6.httpReqFailed, 4);
  const requests = results.requests;
  if (requests && requests.overall.count > 0) {
    const { overall } = requests;
    describe2(properties, "overall", overall);
    const { p95, p99, errorRate } = results.thresholds;
    if (p95 !== void 0)
      add("load-threshold", `p95 < ${p95}ms`, overall.p95Ms < p95, `p95 was ${fixed(overall.p95Ms)}ms`);
    if (p99 !== void 0)
      add("load-threshold", `p99 < ${p99}ms`, overall.p99Ms < p99, `p99 was ${fixed(overall.p99Ms)}ms`);
    if (errorRate !== void 0) {
      add(
        "load-threshold",
        `error rate <= ${percent2(errorRate)}`,
        overall.errorRate <= errorRate,
        `error rate was ${percent2(overall.errorRate)} (${failedOf(overall)})`,
        { details: failureDetails(requests.topFailures) }
      );
    }
    if (results.windows.length > 0) impactCases(requests, results, properties, add);
  }
  const started = results.exit ? new Date(results.exit.startedAtMs).toISOString() : void 0;
  return {
    kind: "load",
    name: suiteName,
    timestamp: started,
    durationSeconds: results.exit ? (results.exit.endedAtMs - results.exit.startedAtMs) / 1e3 : void 0,
    properties,
    cases,
    series: requests?.series
  };
}
function impactCases(requests, results, properties, add) {
  const { baseline, duringChaos } = requests;
  describe2(properties, "baseline", baseline);
  describe2(properties, "chaos", duringChaos);
  properties["chaos.windows"] = results.windows.map((w) => `${new Date(w.startMs).toISOString()}/${new Date(w.endMs).toISOString()}`).join(",");
  const { maxP95Ratio, maxErrorRateDuringChaos } = results.impact;
  if (maxP95Ratio !== void 0) {
    const enough = baseline.count > 0 && duringChaos.count > 0;
    const ratio = duringChaos.p95Ms / baseline.p95Ms;
    add(
      "load-impact",
      `p95 during chaos <= ${maxP95Ratio}x baseline`,
      enough && ratio <= maxP95Ratio,
      enough ? `p95 during chaos ${fixed(duringChaos.p95Ms)}ms is ${fixed(ratio, 2)}x the baseline ${fixed(baseline.p95Ms)}ms` : `not enough requests to compare (baseline ${baseline.count}, during chaos ${duringChaos.count})`
    );
  }
  if (maxErrorRateDuringChaos !== void 0) {
    add(
      "load-impact",
      `error rate during chaos <= ${percent2(maxErrorRateDuringChaos)}`,
      duringChaos.count > 0 && duringChaos.errorRate <= maxErrorRateDuringChaos,
      duringChaos.count > 0 ? `error rate during chaos was ${percent2(duringChaos.errorRate)} (${failedOf(duringChaos)})` : "no request ran during the chaos",
      { details: failureDetails(requests.chaosTopFailures) }
    );
  }
}
function describe2(properties, prefix, stats) {
  properties[`${prefix}.requests`] = String(stats.count);
  if (stats.count === 0) return;
  properties[`${prefix}.p50Ms`] = fixed(stats.p50Ms);
  properties[`${prefix}.p95Ms`] = fixed(stats.p95Ms);
  properties[`${prefix}.p99Ms`] = fixed(stats.p99Ms);
  properties[`${prefix}.errorRate`] = fixed(stats.errorRate, 4);
}
var failedOf = (stats) => `${Math.round(stats.errorRate * stats.count)} of ${stats.count} requests failed`;
function failureDetails(top) {
  return top.length > 0 ? `most frequent failures:
${top.join("\n")}` : void 0;
}
var fixed = (value, digits = 1) => String(Number(value.toFixed(digits)));
var percent2 = (share) => `${fixed(share * 100, 2)}%`;

// src/load/collect.ts
function readLoadSuite(config, exit, windows) {
  return loadSuite({
    exit,
    command: commandText(config),
    k6: config.results.k6Summary ? readK6Summary(config.results.k6Summary) : void 0,
    requests: readRequestFigures(config.results, exit?.startedAtMs ?? Date.now(), windows),
    windows,
    thresholds: config.thresholds,
    impact: config.impact
  });
}
function commandOnlySuite(config, exit, windows) {
  return loadSuite({ exit, command: commandText(config), windows, thresholds: {}, impact: {} });
}
function commandText(config) {
  return Array.isArray(config.command) ? config.command.join(" ") : config.command;
}

// src/argo/convert.ts
import { gunzipSync } from "node:zlib";

// src/argo/condition.ts
var completedPhases = /* @__PURE__ */ new Set(["Succeeded", "Failed", "Error"]);
function isWorkflowCompleted(workflow) {
  return completedPhases.has(workflow.status?.phase ?? "") || workflow.metadata.labels?.["workflows.argoproj.io/completed"] === "true";
}
function workflowCondition(key, workflows) {
  const workflow = workflows.get(key);
  if (workflow && isWorkflowCompleted(workflow)) return { pending: [] };
  return { pending: [{ key, label: `workflow ${key} (${workflow?.status?.phase || "not started"})` }] };
}

// src/argo/convert.ts
var nodeOutcomes = {
  Succeeded: "pass",
  Failed: "fail",
  Error: "error",
  Skipped: "skipped",
  Omitted: "skipped",
  Pending: void 0,
  Running: void 0
};
var isStep = (node) => node.type === "Pod" || node.type === "Container" || node.type === "Suspend" || node.type === "Skipped";
function workflowToSuite(workflow, options = {}) {
  const name = `${workflow.metadata.namespace ?? ""}/${workflow.metadata.name ?? ""}`;
  const status = workflow.status;
  const byId = nodesOf(workflow);
  const nodes = Object.values(byId);
  const retries = nodes.filter(
    (node) => node.type === "Retry" && (node.children ?? []).length > 0 && (node.children ?? []).every((id) => byId[id] && isStep(byId[id]))
  );
  const attempts = new Set(retries.flatMap((node) => node.children ?? []));
  const steps = [...retries, ...nodes.filter((node) => isStep(node) && !attempts.has(node.id ?? ""))];
  const displayNames = steps.map((n) => n.displayName ?? n.name ?? "");
  const cases = steps.sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? "")).map((node) => stepCase(name, node, byId, displayNames, options.timedOut ?? false));
  if (status?.offloadNodeStatusVersion && nodes.length === 0) {
    cases.push({
      kind: "workflow",
      className: name,
      name: "steps",
      outcome: "error",
      message: "the step statuses are offloaded to the Argo database and not readable through the Kubernetes API",
      properties: {}
    });
  }
  if (!isWorkflowCompleted(workflow)) {
    cases.push({
      kind: "workflow",
      className: name,
      name: "workflow",
      outcome: "timeout",
      message: status?.phase ? `still ${status.phase}` : "no status: is the workflow controller running (and its instance ID matching)?",
      properties: {}
    });
  }
  return {
    kind: "workflow",
    name,
    timestamp: status?.startedAt,
    durationSeconds: secondsBetween(status?.startedAt, status?.finishedAt),
    properties: Object.fromEntries(
      Object.entries({
        phase: status?.phase,
        message: status?.message,
        template: workflow.spec?.workflowTemplateRef?.name,
        progress: status?.progress
      }).filter((e) => !!e[1])
    ),
    cases
  };
}
function nodesOf(workflow) {
  const status = workflow.status;
  if (status?.nodes && Object.keys(status.nodes).length > 0) return status.nodes;
  if (!status?.compressedNodes) return {};
  try {
    return JSON.parse(gunzipSync(Buffer.from(status.compressedNodes, "base64")).toString("utf8"));
  } catch {
    return {};
  }
}
function stepCase(suite, node, byId, displayNames, timedOut) {
  const display = node.displayName ?? node.name ?? node.id ?? "";
  const unique2 = displayNames.filter((n) => n === display).length === 1;
  const phaseOutcome = nodeOutcomes[node.phase ?? "Pending"] ?? "timeout";
  const tries = (node.type === "Retry" ? node.children ?? [] : []).map((id) => byId[id]).filter((attempt) => !!attempt).sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? ""));
  const last = tries.at(-1);
  const failedTries = tries.filter((t) => t.phase === "Failed" || t.phase === "Error");
  const why = (last?.phase === "Failed" || last?.phase === "Error" ? last : node).message;
  const boundary = node.boundaryID ? byId[node.boundaryID] : void 0;
  const tolerated = (phaseOutcome === "fail" || phaseOutcome === "error") && boundary?.phase === "Succeeded";
  const outcome = tolerated ? "skipped" : phaseOutcome;
  const failure = why ?? `step ${node.phase}`;
  const exitCode = (last ?? node).outputs?.exitCode;
  const triesText = tries.map(
    (t, i) => `attempt ${i + 1} (${t.displayName ?? t.name}): ${t.phase ?? "Pending"}${t.message ? ` \u2014 ${t.message}` : ""}`
  );
  const flaky = phaseOutcome === "pass" && failedTries.length > 0;
  return {
    kind: "workflow-step",
    className: suite,
    name: unique2 ? display : node.name ?? display,
    outcome,
    message: stepMessage({ node, outcome, tolerated, failure, attempts: tries.length, timedOut }),
    details: [
      // Argo's messages name the exit code since v3.7 ("main: Error (exit code 1)"); older ones do not.
      exitCode && phaseOutcome !== "pass" && !failure.includes("exit code") ? `${failure} (exit code ${exitCode})` : void 0,
      flaky ? `passed on attempt ${tries.length} after ${failedTries.length} failed` : void 0,
      ...triesText
    ].filter((line) => !!line).join("\n") || void 0,
    startedAt: node.startedAt,
    durationSeconds: secondsBetween(node.startedAt, node.finishedAt),
    properties: Object.fromEntries(
      Object.entries({
        template: node.templateName,
        phase: node.phase,
        node: node.name,
        ...tries.length > 0 && {
          attempts: String(tries.length),
          failedAttempts: String(failedTries.length),
          ...Object.fromEntries(
            triesText.map((text, i) => [`attempt.${i + 1}`, text.replace(/^attempt \d+ /, "")])
          )
        },
        ...flaky && { flaky: "true" },
        ...tolerated && { tolerated: "true" }
      }).filter((e) => !!e[1])
    )
  };
}
function stepMessage(step) {
  const { node, outcome, failure } = step;
  if (outcome === "pass") return void 0;
  if (step.tolerated) return `${node.phase}, tolerated by the workflow (it continued): ${failure}`;
  if (outcome === "timeout")
    return `still ${node.phase ?? "Pending"} when ${step.timedOut ? "the wait timed out" : "the workflow ended"}`;
  return step.attempts > 1 ? `${failure} (after ${step.attempts} attempts)` : failure;
}

export {
  defaultPolicy,
  readManifests,
  duplicateProblems,
  pMap,
  pMapSettled,
  readCtkJournal,
  readLoadSuite,
  commandOnlySuite,
  parseJsonReport,
  conclude,
  isWorkflowCompleted,
  workflowCondition,
  workflowToSuite,
  prepareWorkflow,
  runLabel,
  managedBy,
  ManifestApplier,
  allowedNamespaces,
  blastRadiusProblems,
  readRunInputs,
  describeRunInputs
};
