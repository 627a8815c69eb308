// The run's own warnings (a run id not locked, a template that cannot be checked, a cleanup that left
// an object): each is logged the moment it is raised, as it always was, and kept, so that those known
// before the reports join the gate's in every report, those after (the cleanup's) reach the fronts, and
// those of a run that ends in an error go with the error.
import { errorCarrier } from '../errors.ts';
import type { Report } from '../report/model.ts';

/** Takes one warning, in words without a prefix. */
export type Warn = (warning: string) => void;

export class RunWarnings {
  readonly #log: (line: string) => void;
  #kept: string[] = [];

  constructor(log: (line: string) => void) {
    this.#log = log;
  }

  /** Logs `[chaos-gate] WARNING: …` and keeps the warning. */
  readonly warn: Warn = (warning) => {
    this.#log(`[chaos-gate] WARNING: ${warning}`);
    this.#kept.push(warning);
  };

  /** The warnings raised since the last take, each once, in order. */
  take(): string[] {
    const taken = [...new Set(this.#kept)];
    this.#kept = [];
    return taken;
  }
}

/**
 * The report with the run's warnings in each of its suites: a JUnit reader shows a suite's output on
 * its own page, and `merge`, which reads suites, carries them on. The JSON report, the summary, the
 * page and the log list each once.
 */
export function withRunWarnings(report: Report, warnings: readonly string[]): Report {
  if (warnings.length === 0) return report;
  return {
    suites: report.suites.map((suite) => ({
      ...suite,
      warnings: [...new Set([...(suite.warnings ?? []), ...warnings])],
    })),
  };
}

/** What an error that ended a run carries: the warnings the run raised before it ended. */
const carriedWarnings = errorCarrier<readonly string[]>();

/**
 * `error`, carrying `warnings` (in place of any it carried: a cluster's error that ends a run of
 * several carries every cluster's, each named), for the fronts to show beside it.
 */
export function carryingWarnings(error: unknown, warnings: readonly string[]): unknown {
  const isObject = typeof error === 'object' && error !== null;
  return !isObject && warnings.length === 0 ? error : carriedWarnings.carrying(error, [...new Set(warnings)]);
}

/** The warnings an error that ended a run carries, each once, in the order they were raised. */
export function warningsCarriedBy(error: unknown): readonly string[] {
  return carriedWarnings.carriedBy(error) ?? [];
}
