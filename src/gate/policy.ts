// The gate: a pure decision over a report. It judges each case once — the status every report shows
// and the build counts, and whether the policy tolerates its failure — then applies the thresholds.
import type {
  CaseJudgement,
  CaseStatus,
  GateCounts,
  GateDecision,
  Outcome,
  Report,
  ReportCase,
  Tolerance,
} from '../report/model.ts';
import { closestName } from '../suggest.ts';

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

const fixedStatuses: Record<Exclude<Outcome, 'stopped' | 'timeout'>, CaseStatus> = {
  pass: 'passed',
  fail: 'failed',
  error: 'error',
  skipped: 'skipped',
};

/** How the policy counts a case's outcome, before any tolerance of a failure. */
function caseStatus(testCase: ReportCase, policy: GatePolicy): CaseStatus {
  switch (testCase.outcome) {
    case 'stopped':
      return policy.stopped === 'fail' ? 'failed' : 'skipped';
    case 'timeout':
      return policy.timeouts === 'fail' ? 'error' : 'skipped';
    default:
      return fixedStatuses[testCase.outcome];
  }
}

/** The gate counts this case as skipped: it says nothing about how the chaos went. */
export const isSkipped = (testCase: ReportCase, policy: GatePolicy) =>
  caseStatus(testCase, policy) === 'skipped';

/** The setting, as a user gives it on the command line, that made the gate skip this case; if any did. */
export function skippingSetting(testCase: ReportCase, policy: GatePolicy): string | undefined {
  if (testCase.outcome === 'stopped' && policy.stopped === 'skip') return '--stopped-as skip';
  if (testCase.outcome === 'timeout' && policy.timeouts === 'skip') return '--timeouts-as skip';
  return undefined;
}

/**
 * Never excused, whatever the policy says: chaos that may still be running, and a cluster the gate
 * could not run on at all, which nothing was judged on (failOnFailure: false would pass it unseen).
 */
const isUnexcusable = (testCase: ReportCase) => testCase.kind === 'chaos-stop' || testCase.kind === 'cluster';

// Judgements of cases that do not fail, shared: most cases of a large report are these.
const passedCase: CaseJudgement = Object.freeze({ status: 'passed' });
const skippedCase: CaseJudgement = Object.freeze({ status: 'skipped' });

function judge(testCase: ReportCase, policy: GatePolicy, probeFloorHolds: boolean): CaseJudgement {
  const status = caseStatus(testCase, policy);
  if (!isFailing(status)) return status === 'passed' ? passedCase : skippedCase;
  if (isUnexcusable(testCase)) return { status, reason: describeFailure(testCase) };
  const tolerated = toleranceOf(testCase, policy, probeFloorHolds);
  if (tolerated) return { status: 'skipped', tolerated };
  // With failOnFailure off a case fails the gate only through a threshold, which is its own reason.
  return policy.failOnFailure ? { status, reason: describeFailure(testCase) } : { status };
}

/** Which setting lets this failed case pass, if any. */
function toleranceOf(
  testCase: ReportCase,
  policy: GatePolicy,
  probeFloorHolds: boolean,
): Tolerance | undefined {
  if (isAllowedToFail(testCase, policy)) return 'allowFailures';
  if (policy.failOnFailure) return undefined;
  // Only the thresholds decide. A failed probe is within the probe floor while it holds; once it does
  // not, the failed probes are why the gate fails and are shown as failures.
  if (testCase.kind !== 'probe' || policy.minProbeSuccess === undefined) return 'failOnFailure';
  return probeFloorHolds ? 'minProbeSuccess' : undefined;
}

const isFailing = (status: CaseStatus) => status === 'failed' || status === 'error';

function isAllowedToFail(testCase: ReportCase, policy: GatePolicy): boolean {
  const { experiment } = testCase;
  return !!experiment && policy.allowFailures.some((pattern) => allows(pattern, experiment));
}

/** `pattern` names the experiment `namespace/engine/experiment` by its last one, two or three parts. */
function allows(pattern: string, qualified: string): boolean {
  const [, engine, experiment] = qualified.split('/');
  return pattern === experiment || pattern === `${engine}/${experiment}` || pattern === qualified;
}

/**
 * The allowFailures entries that name no experiment of the report, each with the experiment it was
 * likely meant for: a misspelt one tolerates nothing, without a word. None when the report holds no
 * experiment at all (a run that never got to its chaos).
 */
export function unmatchedAllowances(
  report: Report,
  policy: GatePolicy,
): { pattern: string; meant?: string }[] {
  if (policy.allowFailures.length === 0) return [];
  const experiments = new Set(
    report.suites.flatMap((suite) => suite.cases.flatMap((c) => (c.experiment ? [c.experiment] : []))),
  );
  if (experiments.size === 0) return [];
  const names = [...experiments].flatMap((qualified) => {
    const [, engine, experiment] = qualified.split('/');
    return [qualified, `${engine}/${experiment}`, experiment ?? ''];
  });
  return policy.allowFailures
    .filter((pattern) => ![...experiments].some((qualified) => allows(pattern, qualified)))
    .map((pattern) => ({ pattern, meant: closestName(pattern, names) }));
}

const countKeys: Record<CaseStatus, keyof GateCounts> = {
  passed: 'passed',
  failed: 'failed',
  error: 'errored',
  skipped: 'skipped',
};

export function evaluateGate(report: Report, policy: GatePolicy): GateDecision {
  let probeCount = 0;
  let probesPassed = 0;
  for (const suite of report.suites) {
    for (const testCase of suite.cases) {
      if (testCase.kind !== 'probe') continue;
      probeCount++;
      if (testCase.outcome === 'pass') probesPassed++;
    }
  }
  const probeSuccess = probeCount === 0 ? undefined : Math.floor((probesPassed * 100) / probeCount);
  const { minProbeSuccess } = policy;
  const probeFloorHolds =
    minProbeSuccess === undefined || (probeSuccess !== undefined && probeSuccess >= minProbeSuccess);

  const counts: GateCounts = { passed: 0, failed: 0, errored: 0, skipped: 0, tolerated: 0 };
  const reasons: string[] = [];
  const judgements = report.suites.map((suite) =>
    suite.cases.map((testCase) => {
      const judgement = judge(testCase, policy, probeFloorHolds);
      const { status, tolerated, reason } = judgement;
      counts[countKeys[status]]++;
      if (tolerated) counts.tolerated++;
      // Chaos that may still be running is said first.
      if (reason && isUnexcusable(testCase)) reasons.unshift(reason);
      else if (reason) reasons.push(reason);
      return judgement;
    }),
  );
  if (!report.suites.some((suite) => suite.cases.length > 0)) reasons.push('no results: nothing was checked');
  if (minProbeSuccess !== undefined) {
    if (probeSuccess === undefined) {
      reasons.push(`a minimum probe success of ${minProbeSuccess}% was set, but no probe ran`);
    } else if (probeSuccess < minProbeSuccess) {
      reasons.push(`probe success ${probeSuccess}% is below the minimum of ${minProbeSuccess}%`);
    }
  }

  if (reasons.length > 0) return { verdict: 'fail', reasons, counts, probeSuccess, judgements };
  const checked = [`${counts.passed} passed`, `${counts.skipped} skipped`];
  if (probeSuccess !== undefined) checked.push(`probe success ${probeSuccess}%`);
  const summary =
    counts.tolerated === 0
      ? 'all checks passed'
      : `passed with ${counts.tolerated} failure(s) the policy tolerates`;
  return {
    verdict: 'pass',
    reasons: [`${summary} (${checked.join(', ')})`],
    counts,
    probeSuccess,
    judgements,
  };
}

const failureWords: Partial<Record<Outcome, string>> = {
  timeout: 'did not finish',
  // Who stopped it (chaos-gate, someone in the cluster, a probe) is the case's message.
  stopped: 'was stopped',
  error: 'errored',
};

function describeFailure(testCase: ReportCase): string {
  const what = `${testCase.kind} ${testCase.className} › ${testCase.name}`;
  const why = failureWords[testCase.outcome] ?? 'failed';
  return testCase.message ? `${what} ${why}: ${testCase.message}` : `${what} ${why}`;
}
