// The gate: a pure decision over a report. It classifies each case the way the JUnit file shows it
// and the build counts it, then applies the thresholds of the policy.
import type { Report, ReportCase } from '../report/model.ts';

export interface GatePolicy {
  /** Fail the gate when any case fails (default true). Off = only the thresholds below decide. */
  failOnFailure: boolean;
  /** Minimum share of passed probes, 0-100, over all probes in the report. */
  minProbeSuccess?: number;
  /** Experiments whose failure does not fail the gate: `experiment`, `engine/experiment` or `namespace/engine/experiment`. */
  allowFailures: string[];
  /** A Stopped (aborted) experiment: a failure (default) or a skipped case. */
  stopped: 'fail' | 'skip';
  /** A case still running at the timeout: an error that fails the gate (default) or a skipped case. */
  timeouts: 'fail' | 'skip';
}

export const defaultPolicy: GatePolicy = {
  failOnFailure: true,
  allowFailures: [],
  stopped: 'fail',
  timeouts: 'fail',
};

/** How a case is shown in JUnit and counted by the gate. */
export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface ClassifiedCase {
  status: CaseStatus;
  /** The case failed but the policy lets it; shown as skipped with this note. */
  allowedFailure: boolean;
}

export function classifyCase(testCase: ReportCase, policy: GatePolicy): ClassifiedCase {
  const status = rawStatus(testCase, policy);
  if ((status === 'failed' || status === 'error') && isAllowedToFail(testCase, policy)) {
    return { status: 'skipped', allowedFailure: true };
  }
  return { status, allowedFailure: false };
}

function rawStatus(testCase: ReportCase, policy: GatePolicy): CaseStatus {
  switch (testCase.outcome) {
    case 'pass':
      return 'passed';
    case 'fail':
      return 'failed';
    case 'error':
      return 'error';
    case 'skipped':
      return 'skipped';
    case 'stopped':
      return policy.stopped === 'fail' ? 'failed' : 'skipped';
    case 'timeout':
      return policy.timeouts === 'fail' ? 'error' : 'skipped';
  }
}

function isAllowedToFail(testCase: ReportCase, policy: GatePolicy): boolean {
  if (!testCase.experiment) return false;
  const [, engine, experiment] = testCase.experiment.split('/');
  return policy.allowFailures.some(
    (pattern) =>
      pattern === experiment || pattern === `${engine}/${experiment}` || pattern === testCase.experiment,
  );
}

export interface GateCounts {
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
}

export interface GateDecision {
  verdict: 'pass' | 'fail';
  /** One plain sentence per reason the gate failed; on a pass, what was checked. */
  reasons: string[];
  counts: GateCounts;
  /** Share of passed probes, 0-100, or undefined when there were no probes. */
  probeSuccess?: number;
}

export function evaluateGate(report: Report, policy: GatePolicy): GateDecision {
  const cases = report.suites.flatMap((suite) => suite.cases);
  const counts: GateCounts = { passed: 0, failed: 0, errored: 0, skipped: 0 };
  const failures: string[] = [];
  for (const testCase of cases) {
    const { status } = classifyCase(testCase, policy);
    if (status === 'passed') counts.passed++;
    else if (status === 'failed') counts.failed++;
    else if (status === 'error') counts.errored++;
    else counts.skipped++;
    if (status === 'failed' || status === 'error') failures.push(describeFailure(testCase));
  }

  const reasons: string[] = [];
  if (cases.length === 0) reasons.push('no results: nothing was checked');
  if (policy.failOnFailure) reasons.push(...failures);

  const probes = cases.filter((c) => c.kind === 'probe');
  const probeSuccess =
    probes.length === 0
      ? undefined
      : Math.floor((probes.filter((p) => p.outcome === 'pass').length * 100) / probes.length);
  if (policy.minProbeSuccess !== undefined) {
    if (probeSuccess === undefined) {
      reasons.push(`a minimum probe success of ${policy.minProbeSuccess}% was set, but no probe ran`);
    } else if (probeSuccess < policy.minProbeSuccess) {
      reasons.push(`probe success ${probeSuccess}% is below the minimum of ${policy.minProbeSuccess}%`);
    }
  }

  if (reasons.length > 0) return { verdict: 'fail', reasons, counts, probeSuccess };
  const checked = [`${counts.passed} passed`, `${counts.skipped} skipped`];
  if (probeSuccess !== undefined) checked.push(`probe success ${probeSuccess}%`);
  return { verdict: 'pass', reasons: [`all checks passed (${checked.join(', ')})`], counts, probeSuccess };
}

function describeFailure(testCase: ReportCase): string {
  const what = `${testCase.kind} ${testCase.className} › ${testCase.name}`;
  const why =
    testCase.outcome === 'timeout'
      ? 'did not finish before the timeout'
      : testCase.outcome === 'stopped'
        ? 'was stopped (aborted)'
        : testCase.outcome === 'error'
          ? 'errored'
          : 'failed';
  return testCase.message ? `${what} ${why}: ${testCase.message}` : `${what} ${why}`;
}
