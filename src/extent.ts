// The smallest and largest of many numbers. Math.min(...values) passes each value as an argument and
// overflows the stack at about 100,000 of them: a merged report's timeline has more spans than that.

/** The smallest and largest value; Infinity and -Infinity for none, as Math.min() and Math.max(). */
export function extent(values: Iterable<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}
