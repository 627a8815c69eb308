// The report model: what every converter produces and every renderer (JUnit, JSON, Markdown, HTML)
// and the gate consume. A case records what happened, not what the gate makes of it: its outcome is
// neutral. `gate/policy.ts` decides how each case counts and hands the renderers a GateDecision, whose
// shape is defined here so the renderers depend on the model only.

/** What happened to one checked thing. */
export type Outcome =
  | 'pass'
  | 'fail'
  | 'error'
  /** Stopped before it finished: by chaos-gate (timeout, cancel), in the cluster, or by a stopOnFailure probe. */
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
  | 'ctk-activity'
  /** The run could not confirm that the chaos it started stopped: it may still be running. */
  | 'chaos-stop'
  /** One of several clusters on which the gate could not run at all (unreachable, preflight refused). */
  | 'cluster';

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
  /** The load over time (load suites with per-request samples), for charts. */
  series?: LoadSeries;
  /** What a reader of these checks must know and no verdict shows (a figure that leaves something out). */
  warnings?: string[];
}

/** Requests in one time bucket. Latencies are absent when no request started in it. */
export interface LoadBucket {
  /** Epoch ms. */
  startMs: number;
  requests: number;
  errors: number;
  p50Ms?: number;
  p95Ms?: number;
}

/** Per-bucket load figures (a bounded number of buckets, whatever the number of requests). */
export interface LoadSeries {
  bucketMs: number;
  buckets: LoadBucket[];
  /** The chaos windows the impact figures were computed over, epoch ms. */
  chaosWindows: { startMs: number; endMs: number }[];
}

export interface Report {
  suites: ReportSuite[];
}

/**
 * Every warning, each once: the suites' (clusters that read the same file warn alike), then the
 * gate's own. The log, the Action's annotations and every report show these same ones.
 */
export function warningsOf(report: Report, decision: GateDecision): string[] {
  return [
    ...new Set([...report.suites.flatMap((suite) => suite.warnings ?? []), ...(decision.warnings ?? [])]),
  ];
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

/** How a case is shown in JUnit and counted by the gate. */
export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped';

/** Which setting lets a failed case pass the gate. */
export type Tolerance = 'allowFailures' | 'minProbeSuccess' | 'failOnFailure';

export interface CaseJudgement {
  status: CaseStatus;
  /**
   * Set when the case failed but the gate tolerates it. Such a case is `skipped`: no reader may count
   * a failure the gate does not (it would turn Jenkins yellow and dorny red under a passing gate).
   */
  tolerated?: Tolerance;
  /** Why this case fails the gate, as listed in the decision's reasons; unset when it does not. */
  reason?: string;
}

export interface GateCounts {
  passed: number;
  failed: number;
  errored: number;
  /** Includes the tolerated failures. */
  skipped: number;
  /** Failed cases the gate tolerates (counted as skipped too). */
  tolerated: number;
}

export interface GateDecision {
  verdict: 'pass' | 'fail';
  /** One plain sentence per reason the gate failed; on a pass, what was checked. */
  reasons: string[];
  counts: GateCounts;
  /** Share of passed probes, 0-100, or undefined when there were no probes. */
  probeSuccess?: number;
  /**
   * How the gate counted each case of the report it decided on: `judgements[s][c]` for case `c` of
   * suite `s`. Arrays in the report's order rather than a map keyed by case: a map costs about 25 ms
   * to fill and read on 60,000 cases.
   */
  judgements: readonly (readonly CaseJudgement[])[];
  /**
   * What a reader must know of how the gate decided, which changes no verdict: a setting that did
   * nothing (an allowFailures entry that names no experiment of the report).
   */
  warnings?: readonly string[];
}

/** The gate's judgements of the `index`-th suite's cases, in their order. */
export function judgementsOf(
  decision: GateDecision,
  index: number,
  suite: ReportSuite,
): readonly CaseJudgement[] {
  const judgements = decision.judgements[index];
  // A decision taken on another report would judge the wrong cases: never render that.
  if (judgements?.length !== suite.cases.length)
    throw new Error(`suite ${suite.name} is not the one the gate decided on`);
  return judgements;
}

export interface JudgedCase {
  testCase: ReportCase;
  judgement: CaseJudgement;
}

/** The `index`-th suite's cases, each with the gate's judgement of it. */
export function judgedCases(decision: GateDecision, index: number, suite: ReportSuite): JudgedCase[] {
  const judgements = judgementsOf(decision, index, suite);
  return suite.cases.map((testCase, i) => ({ testCase, judgement: judgements[i] as CaseJudgement }));
}

/** The reasons given by a failing case (the rest are the decision's own: thresholds, no results). */
export function caseReasons(decision: GateDecision): Set<string | undefined> {
  return new Set(decision.judgements.flatMap((suite) => suite.map((judgement) => judgement.reason)));
}

/** Failed checks listed one by one at the top of a log or page: thousands of them help nobody there. */
const maxListedCheckReasons = 20;

/**
 * The decision's reasons as a log or a page lists them first, in order: every one that is not a failed
 * check's (a threshold, chaos that may still be running) and the first 20 failed checks'. `more`: how
 * many failed checks are left out.
 */
export function leadingReasons(report: Report, decision: GateDecision): { shown: string[]; more: number } {
  const failedChecks = new Set<string>();
  report.suites.forEach((suite, i) =>
    judgementsOf(decision, i, suite).forEach(({ reason }, c) => {
      if (reason && suite.cases[c]?.kind !== 'chaos-stop') failedChecks.add(reason);
    }),
  );
  let listed = 0;
  const shown = decision.reasons.filter(
    (reason) => !failedChecks.has(reason) || listed++ < maxListedCheckReasons,
  );
  return { shown, more: decision.reasons.length - shown.length };
}

/**
 * The reports a page, summary or log can send its reader to for what it leaves out: the files written
 * beside it, and how the running front asks for a JSON report (the CLI's `--json`, the action's
 * `json-path`). Without `--json` there is no JSON report to point to.
 */
export interface FullReports {
  junit?: string;
  json?: string;
  jsonSetting: string;
}

/**
 * Where every one of the checks (or chaos windows) left out is: the JSON report has both, the JUnit one
 * every check but no window. With neither written, how to write the JSON report.
 */
export function whereEvery(reports: FullReports, what: 'check' | 'window'): string {
  if (reports.json) return `the JSON report ${reports.json} has every one`;
  if (reports.junit && what === 'check') return `the JUnit report ${reports.junit} has every one`;
  return `a JSON report would have every one: write one with ${reports.jsonSetting}`;
}

/** Failures and errors first, then tolerated failures, skipped and passed: the order people read in. */
export function importanceOf({ status, tolerated }: CaseJudgement): number {
  if (status === 'error' || status === 'failed') return 0;
  if (tolerated) return 1;
  return status === 'skipped' ? 2 : 3;
}

/** The run could not confirm that its chaos stopped: it has an errored `chaos-stop` case. */
export function chaosMayStillRun(report: Report): boolean {
  return report.suites.some((suite) => suite.cases.some((testCase) => testCase.kind === 'chaos-stop'));
}

/**
 * The case's experiment under the label its suite was given (`cluster-b/default/nginx-chaos/pod-delete`),
 * from its className (`namespace/engine`, labelled). `experiment` itself stays unlabelled: the gate's
 * allowFailures matches it as the user wrote it, whichever job ran it.
 */
export function labelledExperiment({ className, experiment }: ReportCase): string | undefined {
  return experiment && `${className}/${experiment.slice(experiment.lastIndexOf('/') + 1)}`;
}

/**
 * The suites of one `label` in a report of several: those `underLabel` named after it, and one named
 * as the label itself (a cluster that could not run at all).
 */
export function suitesUnder(report: Report, label: string): Report {
  return { suites: report.suites.filter(({ name }) => name === label || name.startsWith(`${label}/`)) };
}

/** The report with every suite and case named under `label` (a cluster, a CI job): `label/suite`. */
export function underLabel(report: Report, label: string): Report {
  return {
    suites: report.suites.map((suite) => ({
      ...suite,
      name: `${label}/${suite.name}`,
      cases: suite.cases.map((testCase) => ({ ...testCase, className: `${label}/${testCase.className}` })),
    })),
  };
}
