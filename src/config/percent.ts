// Error rates and percentages as users write them. A number with `%` is always a percentage. A bare
// number is read in the field's own unit — a share of 1 for error rates, as k6's `rate<0.01`, and a
// percentage for minProbeSuccess — and refused where it reads as well in the other unit, since either
// misreading would gate on a limit a hundred times off.
import * as z from 'zod';
import { given } from '../schema-issues.ts';

/** "90", " 0.5 ", "1%" (also a number from YAML); undefined for anything else: a sign, hex, an exponent, a blank. */
function readDecimal(value: number | string): { amount: number; percent: boolean } | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? { amount: value, percent: false } : undefined;
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(%?)\s*$/.exec(value);
  return match ? { amount: Number(match[1]), percent: match[2] === '%' } : undefined;
}

/** An error rate, as a share 0-1: "1%" or a share below 1 (0.01). A bare 1 or 5 is refused: meant as 1% or 5%? */
export const rate = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const read = readDecimal(value);
  if (!read || read.amount < 0 || (read.percent && read.amount > 100)) {
    ctx.addIssue({ code: 'custom', message: `expected a rate such as 1% or 0.01, got ${given(value)}` });
    return z.NEVER;
  }
  if (!read.percent && read.amount >= 1) {
    ctx.addIssue({
      code: 'custom',
      message: `a bare error rate is a share below 1 (0.01 = 1%): for ${read.amount} percent write ${read.amount}%`,
    });
    return z.NEVER;
  }
  return read.percent ? read.amount / 100 : read.amount;
});

/** A percentage 0-100: 90 or "90%". A bare number above 0 up to 1 is refused: it reads as a share (0.9 = 90%). */
export const percentage = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const read = readDecimal(value);
  if (!read || read.amount < 0 || read.amount > 100) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a percentage 0-100 such as 90 or 90%, got ${given(value)}`,
    });
    return z.NEVER;
  }
  if (!read.percent && read.amount > 0 && read.amount <= 1) {
    ctx.addIssue({
      code: 'custom',
      message: `${read.amount} would be ${read.amount}%, but reads as a share of 1 (0.9 = 90%): write the percentage, 90 or 90%, or ${read.amount}% if that is meant`,
    });
    return z.NEVER;
  }
  return read.amount;
});
