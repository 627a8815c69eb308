// What every use case returns, and the one rule that turns it, or the error that ended it, into an
// exit code (README "Exit codes").
import { CancelledError } from '../errors.ts';
import type { GateDecision, Report } from '../report/model.ts';
import type { Publication } from './publish.ts';

export interface GateOutcome {
  report: Report;
  decision: GateDecision;
  published: Publication;
  /** Set by `run`: the value of the run label on everything it applied. */
  runId?: string;
  /** Set when the run was cancelled; the report then holds what was known at that point. */
  cancelled?: NodeJS.Signals;
  /**
   * Set by `run`: its warnings raised after the reports were written (the cleanup's), which no report
   * holds; the log has them, and the action annotates them.
   */
  warningsAfterReports?: string[];
}

export const exitCodes = { pass: 0, fail: 1, cannotRun: 2, SIGINT: 130, SIGTERM: 143 } as const;

const signalExit = (signal: NodeJS.Signals) => exitCodes[signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM'];

export function exitCodeOf(outcome: GateOutcome): number {
  if (outcome.cancelled) return signalExit(outcome.cancelled);
  return outcome.decision.verdict === 'pass' ? exitCodes.pass : exitCodes.fail;
}

/** A use case that threw: cancelled before any chaos started, or it could not run. */
export function exitCodeOfError(error: unknown): number {
  return error instanceof CancelledError ? signalExit(error.signal) : exitCodes.cannotRun;
}
