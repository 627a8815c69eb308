// The report model: what every converter produces and every renderer (JUnit, JSON, Markdown, HTML)
// and the gate consume. It records what happened, not what the gate makes of it: a case's outcome is
// neutral, and `gate/policy.ts` decides how a Stopped experiment or a timeout counts.

/** What happened to one checked thing. */
export type Outcome =
  | 'pass'
  | 'fail'
  | 'error'
  /** Aborted (Litmus verdict Stopped, or a probe with stopOnFailure stopped the experiment). */
  | 'stopped'
  /** Still running when chaos-gate stopped waiting. */
  | 'timeout'
  /** Not evaluated (probe N/A, skipped workflow step). */
  | 'skipped';

export type CaseKind =
  | 'experiment'
  | 'probe'
  | 'workflow'
  | 'workflow-step'
  | 'load-command'
  | 'load-threshold'
  | 'load-check'
  | 'load-impact'
  | 'ctk-hypothesis'
  | 'ctk-activity';

export interface ReportCase {
  kind: CaseKind;
  /** Groups cases in a JUnit reader (GitLab shows it as the suite column); classname+name is unique. */
  className: string;
  name: string;
  outcome: Outcome;
  /** One line: why it did not pass. */
  message?: string;
  /** Longer diagnostics (failure body). */
  details?: string;
  /** ISO-8601 UTC. */
  startedAt?: string;
  durationSeconds?: number;
  properties: Record<string, string>;
  /** The experiment this case belongs to, as `namespace/engine/experiment`, for per-experiment gate rules. */
  experiment?: string;
}

export type SuiteKind = 'chaosengine' | 'workflow' | 'load' | 'chaostoolkit';

export interface ReportSuite {
  kind: SuiteKind;
  name: string;
  /** ISO-8601 UTC. */
  timestamp?: string;
  durationSeconds?: number;
  properties: Record<string, string>;
  cases: ReportCase[];
}

export interface Report {
  suites: ReportSuite[];
}

export function mergeReports(...reports: Report[]): Report {
  return { suites: reports.flatMap((r) => r.suites) };
}

/** Seconds between two ISO timestamps, or undefined when either is missing or they are out of order. */
export function secondsBetween(start: string | undefined, end: string | undefined): number | undefined {
  if (!start || !end) return undefined;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : undefined;
}
