// `chaos-gate run` on several clusters (`targets:`, or repeated --context / --kubeconfig): the same
// gate on each, in parallel under a limit, a suite per cluster named after it, and one decision over
// all of them. Every cluster's configuration is checked before any is touched (inputs.ts), and every
// reachable cluster's preflight passes before any chaos starts; a cluster that cannot be reached is an
// error for that cluster, not the end of the others. The verdict comes before any cleanup, as with one
// cluster.
import pMap, { pMapSettled } from 'p-map';
import type { GateConfig, Target } from '../config/load.ts';
import { CancelledError, CannotRunError, errorMessage } from '../errors.ts';
import { mergeReports, underLabel, type Report, type ReportSuite } from '../report/model.ts';
import { collectJournal } from './collect.ts';
import { prepareTargets } from './inputs.ts';
import type { HeldLease } from './run-lock.ts';
import type { GateOutcome } from './outcome.ts';
import type { ProgressLog } from './progress.ts';
import { conclude, runMeta } from './publish.ts';
import { carryingStopCases, stopCasesCarriedBy, stopCasesIn } from './stop-report.ts';
import { carryingWarnings, warningsCarriedBy, withRunWarnings } from './warnings.ts';
import {
  cancelledLate,
  checkRun,
  newRunId,
  PreflightRefused,
  reportStopCases,
  runGate,
  stillCancelled,
  type CheckedRun,
  type RunContext,
  type RunSession,
} from './run.ts';

export interface TargetsContext extends RunContext {
  /** Like onLocked, per cluster: the leases a front must let go of if it is killed before the chaos. */
  onTargetLocked?: (target: Target, runId: string, leases: HeldLease[]) => void;
  /** Like onStarted, per cluster: what a front must record to stop a target's chaos if it is killed. */
  onTargetStarted?: (target: Target, runId: string, namespaces: string[], leases: HeldLease[]) => void;
  /** A log for each cluster, fed that cluster's phases: its lines show its own chaos clock (progress.ts). */
  clusterLog: () => ProgressLog;
}

export async function runTargets(config: GateConfig, context: TargetsContext): Promise<GateOutcome> {
  if (config.targets.length === 0) return runGate(config, context);
  // Every cluster's kube context and inputs before any is touched: a bad setting of one target is a
  // configuration error (exit 2) with nothing applied anywhere, not chaos on the others.
  const clusters = await prepareTargets(config, context.kubeconfigContent, context.log);
  const targets = clusters.map((cluster) => cluster.target);
  const runId = config.runId ?? newRunId();
  // Every reachable cluster's preflight before any chaos: a cluster that refuses the inputs (a dry run
  // rejected, a namespace missing) is a configuration error with nothing applied anywhere, as on one
  // cluster. A cluster out of reach is that cluster's error only.
  const checked = await pMapSettled(
    clusters,
    ({ target, ...cluster }) => {
      const own = context.clusterLog();
      return checkRun(
        // Two targets may be one cluster in two namespaces: each run keeps its own label and records.
        config.runId === undefined
          ? { ...cluster, generatedRunId: `${runId}-${target.name}` }
          : { ...cluster, config: { ...cluster.config, runId: `${runId}-${target.name}` } },
        {
          ...context,
          log: (line) => own.log(`[${target.name}] ${line}`),
          onLocked: (id, leases) => context.onTargetLocked?.(target, id, leases),
          onStarted: (id, namespaces, leases) => context.onTargetStarted?.(target, id, namespaces, leases),
          // Its own clock only: phases of clusters running at once would interleave the action's log
          // groups, and each cluster starts its chaos when the parallel limit lets it.
          onPhase: own.onPhase,
        },
      );
    },
    { concurrency: config.parallelTargets },
  );
  await refuseUnlessAllAccepted(targets, checked);
  const started = await pMapSettled(
    checked,
    async (check) => {
      if (check.status === 'rejected') throw check.reason;
      return check.value.start();
    },
    { concurrency: config.parallelTargets },
  );
  const sessions = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  // Past its preflight, a cluster's run fails once it began applying: no load runs before it here.
  const failures = targets.flatMap((target, i) => {
    const outcome = started[i];
    return outcome?.status === 'rejected'
      ? [{ target, error: outcome.reason as unknown, afterPreflight: checked[i]?.status === 'fulfilled' }]
      : [];
  });
  const raised = targets.flatMap((target, i) => ofTarget(target, warningsRaisedBy(started[i])));
  const stopCases = targets.map((target, i) => clusterStopCases(target, checked[i], started[i]));
  const allStopCases = mergeReports(...stopCases.map((cases) => cases ?? { suites: [] }));
  // An error that ends the run carries every cluster's stops, as one cluster's does: the action's post
  // step then leaves alone the clusters whose chaos they show stopped. Not when a cluster's run ended
  // in an error that does not say: its chaos may still run, and the post step stops every cluster's.
  const carryingStops = (error: unknown) =>
    stopCases.includes(undefined) ? error : carryingStopCases(error, allStopCases);
  if (sessions.length === 0) {
    // As on one cluster: no verdict, but the stops a cluster could not confirm are reported.
    const error = carryingWarnings(carryingStops(nothingRan(failures)), raised);
    throw reportStopCases(config, error, allStopCases, runMeta(config, runId), context.log);
  }
  // Each cluster's cleanup; its warnings, too late for the reports, named after it.
  const finish = async (passed: boolean) =>
    (
      await pMap(
        started,
        async (session, i) =>
          session.status === 'fulfilled'
            ? ofTarget(targets[i] as Target, await session.value.finish(passed))
            : [],
        { concurrency: config.parallelTargets },
      )
    ).flat();
  // The verdict first: a user waiting on the build should not wait for the deletes.
  let outcome: GateOutcome;
  const cancelled = sessions.find((s) => s.cancelled)?.cancelled;
  try {
    const report = mergeReports(...targets.map((target, i) => targetReport(target, started[i])), {
      suites: config.ctkJournals.map(collectJournal),
    });
    const { decision, published } = conclude(config, report, runMeta(config, runId, cancelled), context.log);
    outcome = { runId, report, decision, published, cancelled };
  } catch (error) {
    // No report written: the error is all the fronts show, so it carries every cluster's warnings.
    const late = await finish(false);
    throw carryingWarnings(carryingStops(stillCancelled(error, cancelled, context.signal)), [
      ...raised,
      ...late,
    ]);
  }
  const late = await finish(outcome.decision.verdict === 'pass');
  return cancelledLate({ ...outcome, warningsAfterReports: late }, context.signal);
}

/** What a cluster said, named after it: in the list of every warning, each says which cluster it is of. */
const named = (target: Target, text: string) => `target ${target.name}: ${text}`;

/** A cluster's warnings, named after it. */
const ofTarget = (target: Target, warnings: readonly string[]) =>
  warnings.map((warning) => named(target, warning));

/**
 * A cluster's report, its suites named after it. Its "chaos stopped" cases' messages name it too, as
 * its warnings do: under an error each is a line of its own (warningsUnderError), where the same
 * engine may be unconfirmed on two clusters.
 */
function ofTargetReport(target: Target, report: Report): Report {
  const { suites } = underLabel(report, target.name);
  return {
    suites: suites.map((suite) => ({
      ...suite,
      cases: suite.cases.map((testCase) =>
        testCase.kind === 'chaos-stop' && testCase.message
          ? { ...testCase, message: named(target, testCase.message) }
          : testCase,
      ),
    })),
  };
}

/** The warnings a cluster's run raised up to its report, or up to the error that ended it. */
function warningsRaisedBy(run: PromiseSettledResult<RunSession> | undefined): readonly string[] {
  if (run?.status === 'fulfilled') return run.value.warnings;
  return warningsCarriedBy(run?.reason);
}

/** A cluster's suites, named after it, each holding the cluster's run warnings. */
function targetReport(target: Target, started: PromiseSettledResult<RunSession> | undefined): Report {
  const warnings = ofTarget(target, warningsRaisedBy(started));
  if (started?.status === 'fulfilled')
    return withRunWarnings(ofTargetReport(target, started.value.report), warnings);
  const suite: ReportSuite = {
    kind: 'chaosengine',
    name: target.name,
    properties: { target: target.name, ...(target.context ? { context: target.context } : {}) },
    cases: [
      {
        // The cluster itself, not an experiment of it: the log says `cluster us › (cluster) errored`.
        kind: 'cluster',
        className: target.name,
        name: '(cluster)',
        outcome: 'error',
        message: `could not run on this cluster: ${errorMessage(started?.reason)}`,
        properties: {},
      },
    ],
  };
  // Its chaos not confirmed stopped, named after it as its other suites are: the gate cannot pass.
  const stopCases = ofTargetReport(target, stopCasesCarriedBy(started?.reason) ?? { suites: [] });
  // Its run id not locked, its cleanup after the error: as much the reader's to know as another cluster's.
  return withRunWarnings(mergeReports({ suites: [suite] }, stopCases), warnings);
}

/**
 * A cluster's "chaos stopped" cases, named after it: those of its report, or of the error that ended
 * its run; none if its preflight failed, as it started no chaos; undefined if that error does not say.
 */
function clusterStopCases(
  target: Target,
  check: PromiseSettledResult<CheckedRun> | undefined,
  run: PromiseSettledResult<RunSession> | undefined,
): Report | undefined {
  if (check?.status === 'rejected') return { suites: [] };
  const cases = run?.status === 'fulfilled' ? stopCasesIn(run.value.report) : stopCasesCarriedBy(run?.reason);
  return cases && ofTargetReport(target, cases);
}

/** Ends the run before any chaos, letting go of every checked cluster, if one refused or a cancel came. */
async function refuseUnlessAllAccepted(
  targets: Target[],
  checked: PromiseSettledResult<CheckedRun>[],
): Promise<void> {
  const rejected = checked.flatMap((check, i) =>
    check.status === 'rejected' ? [{ target: targets[i] as Target, error: check.reason as unknown }] : [],
  );
  const cancelled = rejected.find((r) => r.error instanceof CancelledError)?.error;
  const refused = rejected.filter((r) => r.error instanceof PreflightRefused);
  if (!cancelled && refused.length === 0) return;
  const raised = await Promise.all(
    checked.map(async (check, i) =>
      ofTarget(
        targets[i] as Target,
        check.status === 'fulfilled' ? await check.value.release() : warningsCarriedBy(check.reason),
      ),
    ),
  );
  throw carryingWarnings(
    cancelled ??
      new CannotRunError(
        `nothing was applied on any cluster, as ${refused.map((r) => r.target.name).join(', ')} refused the run:\n` +
          refused.map(({ target, error }) => `target ${target.name}: ${errorMessage(error)}`).join('\n'),
      ),
    raised.flat(),
  );
}

/**
 * Every cluster failed: a cancel, or nothing could be judged (exit 2). A cancel is the error of a
 * cluster whose chaos it came before; a cluster that had failed by then once its chaos started is
 * said with it, so the cancel is not told as one before any chaos.
 */
function nothingRan(failures: { target: Target; error: unknown; afterPreflight: boolean }[]): Error {
  const cancelled = failures.find((f) => f.error instanceof CancelledError)?.error as
    CancelledError | undefined;
  if (cancelled) {
    const failedOnceStarted = failures.filter(
      (f) => f.afterPreflight && !(f.error instanceof CancelledError),
    );
    if (failedOnceStarted.length === 0) return cancelled;
    return new CancelledError(
      cancelled.signal,
      failedOnceStarted
        .map(
          ({ target, error }) =>
            `target ${target.name} had failed once its chaos started: ${errorMessage(error)}`,
        )
        .join('; '),
    );
  }
  return new CannotRunError(
    `no cluster could be run:\n${failures.map(({ target, error }) => `${target.name}: ${errorMessage(error)}`).join('\n')}`,
  );
}
