import * as z from 'zod';
import { given } from '../schema-issues.ts';

// Durations as users write them in CI files: "90s", "15m", "1h30m", "500ms", always with a unit.
const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const durationPattern = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const bareNumber = /^\d+(?:\.\d+)?$/;

/** Milliseconds, or undefined when the text is not a duration. */
function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  if (!durationPattern.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(amount) * (unitMs[unit as string] ?? 0);
  }
  return total;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1000);
  const parts: string[] = [];
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) parts.push(`${h}h`);
  if (m) parts.push(`${m}m`);
  if (s || parts.length === 0) parts.push(`${s}s`);
  return parts.join('');
}

const dayMs = 24 * 3_600_000;

/**
 * A duration setting: text with its unit in, milliseconds out; from `minMs` to 24h (timers overflow
 * past 24.8 days). A problem quotes the value as written. A bare number other than 0 is refused: Litmus
 * counts seconds, GitHub's `timeout-minutes` and Jenkins' `timeout` minutes, and a user may mean either.
 */
const durationFrom = (minMs: number) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const refuse = (expected: string) => {
      ctx.addIssue({ code: 'custom', message: `expected ${expected}, got ${given(value)}` });
      return z.NEVER;
    };
    const text = String(value).trim();
    if (bareNumber.test(text) && Number(text) !== 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${text} has no unit: write ${text}s for seconds or ${text}m for minutes (GitHub's timeout-minutes and Jenkins' timeout count minutes, Litmus seconds)`,
      });
      return z.NEVER;
    }
    const ms = parseDuration(text);
    if (ms === undefined) return refuse('a duration such as 500ms, 90s, 15m or 1h30m');
    if (ms > dayMs) return refuse('a duration of 24h or less');
    if (ms < minMs) return refuse(`a duration of ${formatDuration(minMs)} or more`);
    return ms;
  });

export const duration = durationFrom(0);

/**
 * A latency threshold: a duration with its unit. A bare number is refused: `duration` reads 150 as
 * seconds, k6's `p(95)<150` means milliseconds, and a user may mean either.
 */
export const latency = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const text = String(value).trim();
    if (!bareNumber.test(text)) return value;
    ctx.addIssue({
      code: 'custom',
      message: `${text} has no unit: write ${text}ms (as k6 reads p(95)<${text}), or ${text}s if seconds are meant`,
    });
    return z.NEVER;
  })
  .pipe(duration);

/** How long a run or its stop may take: 1s to 24h. */
export const runDuration = durationFrom(1000);
