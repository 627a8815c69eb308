// Why a run's verdicts stopped coming before they were all in, told the same way for the engines
// (litmus/convert.ts) and the workflow (argo/convert.ts) of a run.
import type { Outcome } from './model.ts';

/** How the run's wait ended, when it did not end on its own. */
export interface RunEnd {
  /** chaos-gate stopped waiting at its timeout: what is still running timed out. */
  timedOut?: boolean;
  /**
   * The run was cancelled, by this signal: what is still running was stopped by chaos-gate. With
   * `timedOut`, the signal came during the stop that followed the timeout.
   */
  cancelled?: string;
}

export interface Interruption {
  outcome: Extract<Outcome, 'timeout' | 'stopped'>;
  why: string;
}

export function interruptionOf({ timedOut, cancelled }: RunEnd): Interruption | undefined {
  // What was unfinished at the timeout timed out; the later cancel cut the stop short (and gives the
  // exit code, 130/143): a reader must learn both, not just one.
  if (timedOut && cancelled)
    return {
      outcome: 'timeout',
      why: `the wait timed out, and the run was then cancelled (${cancelled}) while chaos-gate stopped the chaos`,
    };
  if (cancelled) return { outcome: 'stopped', why: `the run was cancelled (${cancelled})` };
  if (timedOut) return { outcome: 'timeout', why: 'the wait timed out' };
  return undefined;
}
