#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeSchemaIssues
} from "./chunk-LGG3MZVO.js";
import {
  MiB,
  array,
  boolean,
  looseObject,
  maxLineChars,
  number,
  readInputFile,
  readInputLines,
  record,
  resultFileLimit,
  string,
  union
} from "./chunk-D5XYJZ5A.js";
import {
  ConfigError,
  __commonJS,
  __toESM,
  errorMessage
} from "./chunk-RHZBZGPM.js";

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
      const round = (0, formatters_1.keepSignificantDigits)(numberOfSignificantValueDigits);
      return {
        p50: round(histogram.getValueAtPercentile(50)),
        p75: round(histogram.getValueAtPercentile(75)),
        p90: round(histogram.getValueAtPercentile(90)),
        p97_5: round(histogram.getValueAtPercentile(97.5)),
        p99: round(histogram.getValueAtPercentile(99)),
        p99_9: round(histogram.getValueAtPercentile(99.9)),
        p99_99: round(histogram.getValueAtPercentile(99.99)),
        p99_999: round(histogram.getValueAtPercentile(99.999)),
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
      handleRecordException(count2, value) {
        if (!this.autoResize) {
          throw new Error("Value " + value + " is outside of histogram covered range");
        }
        this.resize(value);
        var countsIndex = this.countsArrayIndex(value);
        this.addToCountAtIndex(countsIndex, count2);
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
      recordCountAtValue(count2, value) {
        const countsIndex = this.countsArrayIndex(value);
        if (countsIndex >= this.countsArrayLength) {
          this.handleRecordException(count2, value);
        } else {
          this.addToCountAtIndex(countsIndex, count2);
        }
        this.updateMinAndMax(value);
        this.addToTotalCount(count2);
      }
      /**
       * Record a value in the histogram (adding to the value's current count)
       *
       * @param value The value to be recorded
       * @param count The number of occurrences of this value to record
       * @throws ArrayIndexOutOfBoundsException (may throw) if value is exceeds highestTrackableValue
       */
      recordValueWithCount(value, count2) {
        this.recordCountAtValue(count2, value);
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
      recordValueWithCountAndExpectedInterval(value, count2, expectedIntervalBetweenValueSamples) {
        this.recordCountAtValue(count2, value);
        if (expectedIntervalBetweenValueSamples <= 0) {
          return;
        }
        for (let missingValue = value - expectedIntervalBetweenValueSamples; missingValue >= expectedIntervalBetweenValueSamples; missingValue -= expectedIntervalBetweenValueSamples) {
          this.recordCountAtValue(count2, missingValue);
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

// src/load/read.ts
import { statSync } from "node:fs";

// src/load/csv.ts
function csvNumber(record2, column, valid, expected) {
  const text = record2.get(column);
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (!valid(value)) throw badField(record2, column, expected);
  return value;
}
function badField(record2, column, expected) {
  const text = record2.get(column);
  const shown = text.length > 40 ? `${text.slice(0, 40)}\u2026` : text;
  return new ConfigError(
    `${record2.source}: line ${record2.line}: ${column} ${JSON.stringify(shown)}: expected ${expected}`
  );
}
function csvRecords(source, required, onRecord) {
  let columns;
  let records = 0;
  const rows = csvRows(source, (row, line) => {
    if (columns) {
      const at = columns;
      const field = typeof row === "string" ? (column) => fieldOf(row, at.get(column) ?? -1) : (column) => row[at.get(column) ?? -1] ?? "";
      records++;
      onRecord({ source, line, get: field });
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
      if (records === 0) throw new ConfigError(`${source}: no samples: only the CSV header, no row after it`);
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
    line(text, number2) {
      if (!quoted) {
        if (!text.includes('"')) {
          if (text !== "") onRow(text, number2);
          return;
        }
        rowLine = number2;
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

// src/load/histogram.ts
var import_Int32Histogram = __toESM(require_Int32Histogram(), 1);
var Int32Histogram = import_Int32Histogram.default.default;
var maxTrackableMs = Number.MAX_SAFE_INTEGER;
var LatencyHistogram = class {
  counts = new Int32Histogram(1, 2, 3);
  constructor() {
    this.counts.autoResize = true;
  }
  get count() {
    return this.counts.totalCount;
  }
  /** A duration outside 0 to `maxTrackableMs` is counted at the nearer end: never lost, and a longer one still fails a threshold. */
  record(elapsedMs) {
    this.counts.recordValue(Math.min(maxTrackableMs, Math.max(0, Math.round(elapsedMs))));
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
var isTime = (ms) => Math.abs(ms) <= 864e13;
var isDuration = (ms) => Number.isFinite(ms) && ms >= 0;
var Part = class {
  latency = new LatencyHistogram();
  failed = 0;
  stats() {
    const count2 = this.latency.count;
    return {
      count: count2,
      p50Ms: this.latency.percentile(50),
      p95Ms: this.latency.percentile(95),
      p99Ms: this.latency.percentile(99),
      errorRate: count2 === 0 ? 0 : this.failed / count2
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
    const count2 = this.counts.get(reason);
    if (count2 !== void 0) this.counts.set(reason, count2 + 1);
    else if (this.counts.size < maxFailureReasons) this.counts.set(ownCopy(reason), 1);
    else this.counts.set(otherReasons, (this.counts.get(otherReasons) ?? 0) + 1);
  }
  /** "12 × GET /cart: 503 Service Unavailable", most frequent first. */
  top(limit = 5) {
    return [...this.counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([reason, count2]) => `${count2} \xD7 ${reason}`);
  }
};
var ownCopy = (text) => JSON.parse(JSON.stringify(text));

// src/load/hey.ts
function heyReader(source, startedAtMs, onSample) {
  return csvRecords(source, ["response-time", "status-code", "offset"], (record2) => {
    const seconds = csvNumber(record2, "response-time", isDuration, "seconds, 0 or more");
    const status = csvNumber(
      record2,
      "status-code",
      (code) => Number.isInteger(code) && code >= 0,
      "an HTTP status, or 0 for no response"
    );
    const offset = csvNumber(record2, "offset", isDuration, "seconds since hey started, 0 or more");
    const success = status > 0 && status < 400;
    onSample({
      startMs: startedAtMs + offset * 1e3,
      elapsedMs: seconds * 1e3,
      success,
      // hey writes status 0 when no response came back at all.
      ...success ? {} : { failure: status === 0 ? "no response" : `HTTP ${status}` }
    });
  });
}

// src/load/jtl.ts
function jtlReader(source, onSample) {
  const records = csvRecords(source, ["timeStamp", "elapsed", "success"], (record2) => {
    const startMs = csvNumber(
      record2,
      "timeStamp",
      isTime,
      "epoch milliseconds (jmeter.save.saveservice.timestamp_format=ms)"
    );
    const elapsedMs = csvNumber(record2, "elapsed", isDuration, "milliseconds, 0 or more");
    const success = record2.get("success").trim().toLowerCase();
    if (success !== "true" && success !== "false") throw badField(record2, "success", "true or false");
    onSample(
      success === "true" ? { startMs, elapsedMs, success: true } : { startMs, elapsedMs, success: false, failure: jtlFailure(record2.get) }
    );
  });
  let first = true;
  return {
    line(text, number2) {
      if (first && text.trimStart().startsWith("<")) {
        throw new ConfigError(
          `${source}: these JMeter results are XML; chaos-gate reads CSV results with a header: run JMeter with -Jjmeter.save.saveservice.output_format=csv -Jjmeter.save.saveservice.print_field_names=true`
        );
      }
      first = false;
      records.line(text, number2);
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
  let samples = 0;
  const settle = (key, { duration, failed }) => {
    waiting.delete(key);
    if (!duration) return;
    samples++;
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
    line(text, number2) {
      const trimmed = text.trim();
      if (!trimmed) return;
      const notJson = () => new ConfigError(
        number2 === 1 && trimmed === "{" ? `${source}: this is one JSON document (a k6 end-of-test summary?), not k6's \`--out json\` stream; give a summary as load.results.k6Summary (--k6)` : `${source}: line ${number2}: not JSON; expected k6's \`--out json=FILE\` stream, one JSON object a line`
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
        throw new ConfigError(`${source}: line ${number2}: a Point needs data.time and data.value`);
      const half = point.metric === "http_req_duration" ? "duration" : "failed";
      if (half === "duration" ? !isDuration(value) : value !== 0 && value !== 1) {
        const expected = half === "duration" ? "milliseconds, 0 or more" : "0 or 1";
        throw new ConfigError(
          `${source}: line ${number2}: ${point.metric} data.value ${value}: expected ${expected}`
        );
      }
      const tags = point.data?.tags ?? {};
      const key = `${time} ${tags.url ?? tags.name ?? ""}`;
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
      if (samples === 0) {
        throw new ConfigError(
          `${source}: no samples: no http_req_duration point (did the test make no HTTP request?)`
        );
      }
    }
  };
}

// src/load/k6.ts
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var count = number().int().nonnegative();
var checkSchema = looseObject({
  name: string(),
  path: string().optional(),
  passes: count,
  fails: count
});
var listOrMap = (item) => union([array(item), record(string(), item)], { error: "expected a list or an object" }).optional();
var groupSchema = looseObject({
  checks: listOrMap(checkSchema),
  get groups() {
    return listOrMap(groupSchema);
  }
});
var summarySchema = (threshold) => looseObject({
  metrics: record(string(), looseObject({ thresholds: record(string(), threshold).optional() })),
  root_group: groupSchema.optional()
});
var trueOrFalse = { error: "expected true or false" };
var exportSchema = summarySchema(boolean(trueOrFalse));
var handleSummarySchema = summarySchema(looseObject({ ok: boolean(trueOrFalse) }));
function parseK6Summary(json, source) {
  if (!isObject(json) || !isObject(json.metrics)) {
    throw new ConfigError(`${source}: not a k6 summary: field metrics: expected an object`);
  }
  const handleSummaryShape = Object.values(json.metrics).some((m) => isObject(m) && isObject(m.values));
  const parsed = (handleSummaryShape ? handleSummarySchema : exportSchema).safeParse(json);
  if (!parsed.success)
    throw new ConfigError(describeSchemaIssues(`${source}: not a k6 summary`, parsed.error));
  const metrics = parsed.data.metrics;
  const thresholds = Object.entries(metrics).flatMap(
    ([metric, body]) => Object.entries(body.thresholds ?? {}).map(([expression, state]) => ({
      metric,
      expression,
      ok: typeof state === "boolean" ? !state : state.ok
    }))
  );
  const valuesOf = (name) => {
    const metric = metrics[name];
    if (!metric) return void 0;
    return handleSummaryShape ? isObject(metric.values) ? metric.values : void 0 : metric;
  };
  const duration = valuesOf("http_req_duration");
  const failed = valuesOf("http_req_failed");
  const iterations = valuesOf("iterations");
  return {
    thresholds,
    checks: parsed.data.root_group ? checksOf(parsed.data.root_group) : [],
    httpReqDuration: duration && numbersOf(duration),
    httpReqFailed: failed ? num(handleSummaryShape ? failed.rate : failed.value) : void 0,
    iterations: iterations ? num(iterations.count) : void 0
  };
}
function checksOf(group) {
  const own = listed(group.checks).map(({ name, path = "", passes, fails }) => ({
    name,
    path,
    passes,
    fails
  }));
  return [...own, ...listed(group.groups).flatMap(checksOf)];
}
var listed = (items) => Array.isArray(items) ? items : Object.values(items ?? {});
function numbersOf(values) {
  return Object.fromEntries(
    Object.entries(values).filter((e) => typeof e[1] === "number")
  );
}
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}

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
function readRequestFigures(results, ran, windows) {
  const figures = new RequestFigureBuilder(windows);
  return readRequests(results, ran, (sample) => figures.add(sample)) ? figures.figures() : void 0;
}
function readRequests(results, ran, onSample) {
  const { jtl, k6Json, heyCsv } = results;
  if (jtl) readLines(jtl, "JMeter results", jtlReader(jtl, onSample));
  if (k6Json) readLines(k6Json, "k6 JSON output", k6JsonReader(k6Json, onSample));
  if (heyCsv) readLines(heyCsv, "hey CSV", heyReader(heyCsv, heyStartMs(heyCsv, ran), onSample));
  return Boolean(jtl || k6Json || heyCsv);
}
function heyStartMs(file, ran) {
  let lastEndMs = 0;
  readLines(
    file,
    "hey CSV",
    heyReader(file, 0, ({ startMs, elapsedMs }) => lastEndMs = Math.max(lastEndMs, startMs + elapsedMs))
  );
  const fromFile = statSync(file).mtimeMs - lastEndMs;
  if (!ran) return fromFile;
  return Math.max(ran.startedAtMs, Math.min(fromFile, ran.endedAtMs - lastEndMs));
}
function readLines(file, what, reader) {
  let blank = true;
  readInputLines(file, what, (line, number2) => {
    if (blank && line.trim() === "") return;
    blank = false;
    reader.line(line, number2);
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
    describe(properties, "overall", overall);
    const { p95, p99, errorRate } = results.thresholds;
    if (p95 !== void 0)
      add("load-threshold", `p95 < ${p95}ms`, overall.p95Ms < p95, `p95 was ${fixed(overall.p95Ms)}ms`);
    if (p99 !== void 0)
      add("load-threshold", `p99 < ${p99}ms`, overall.p99Ms < p99, `p99 was ${fixed(overall.p99Ms)}ms`);
    if (errorRate !== void 0) {
      add(
        "load-threshold",
        `error rate <= ${percent(errorRate)}`,
        overall.errorRate <= errorRate,
        `error rate was ${percent(overall.errorRate)} (${failedOf(overall)})`,
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
  describe(properties, "baseline", baseline);
  describe(properties, "chaos", duringChaos);
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
      `error rate during chaos <= ${percent(maxErrorRateDuringChaos)}`,
      duringChaos.count > 0 && duringChaos.errorRate <= maxErrorRateDuringChaos,
      duringChaos.count > 0 ? `error rate during chaos was ${percent(duringChaos.errorRate)} (${failedOf(duringChaos)})` : "no request ran during the chaos",
      { details: failureDetails(requests.chaosTopFailures) }
    );
  }
}
function describe(properties, prefix, stats) {
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
var percent = (share) => `${fixed(share * 100, 2)}%`;

// src/load/collect.ts
function readLoadSuite(config, exit, windows) {
  return loadSuite({
    exit,
    command: commandText(config),
    k6: config.results.k6Summary ? readK6Summary(config.results.k6Summary) : void 0,
    requests: readRequestFigures(config.results, exit, windows),
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

export {
  readLoadSuite,
  commandOnlySuite
};
