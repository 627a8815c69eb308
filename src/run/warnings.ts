// The run's own warnings (a run id not locked, a template that cannot be checked, a cleanup that left
// an object): each is logged the moment it is raised, as it always was, and kept, so that those known
// before the reports join the gate's in every report, and those after (the cleanup's) reach the fronts.
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
