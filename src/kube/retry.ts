// Calls that must get through — a stop patch, finding what a run left running — are tried again with
// backoff until they succeed or the caller's signal ends the attempts.
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  signal: AbortSignal;
  /** Each failure, for the log; the last one is what the caller reports. */
  onError?: (error: unknown) => void;
  /** An error retrying will not fix (a 403, a 404): stop at once. */
  isFinal?: (error: unknown) => boolean;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export type Attempted<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function retryUntil<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<Attempted<T>> {
  let delay = options.firstDelayMs ?? 500;
  let error: unknown = new Error('not attempted: the time was up');
  while (!options.signal.aborted) {
    try {
      return { ok: true, value: await attempt() };
    } catch (caught) {
      error = caught;
      options.onError?.(caught);
      if (options.isFinal?.(caught)) break;
    }
    await sleep(delay, undefined, { signal: options.signal }).catch(() => {});
    delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
  }
  return { ok: false, error };
}
