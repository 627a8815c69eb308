// `chaos-gate run` on several clusters (`targets:`, or repeated --context / --kubeconfig): the same
// gate on each, in parallel under a limit, a suite per cluster named after it, and one decision over
// all of them. A cluster that cannot be reached is an error for that cluster, not the end of the
// others; the verdict comes before any cleanup, as with one cluster.
import pMap, { pMapSettled } from 'p-map';
import type { GateConfig, Target } from '../config/load.ts';
import { CancelledError, CannotRunError, ConfigError, errorMessage } from '../errors.ts';
import { mergeReports, underLabel, type Report, type ReportSuite } from '../report/model.ts';
import { collectJournal } from './collect.ts';
import type { GateOutcome } from './outcome.ts';
import { conclude } from './publish.ts';
import { newRunId, runGate, startRun, type RunContext, type RunSession } from './run.ts';

export interface TargetsContext extends RunContext {
  /** Like onStarted, per cluster: what a front must record to stop a target's chaos if it is killed. */
  onTargetStarted?: (target: Target, runId: string, namespaces: string[]) => void;
}

export async function runTargets(config: GateConfig, context: TargetsContext): Promise<GateOutcome> {
  if (context.kubeconfigContent) refuseKubeconfigFiles(config);
  if (config.targets.length === 0) return runGate(config, context);
  const runId = config.runId ?? newRunId();
  const started = await pMapSettled(
    config.targets,
    (target) =>
      startRun(configFor(config, target, runId), {
        ...context,
        log: (line) => context.log(`[${target.name}] ${line}`),
        onStarted: (id, namespaces) => context.onTargetStarted?.(target, id, namespaces),
        // Phases of clusters running at once would interleave; the log lines say which is which.
        onPhase: undefined,
      }),
    { concurrency: config.parallelTargets },
  );
  const sessions = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failures = config.targets.flatMap((target, i) => {
    const outcome = started[i];
    return outcome?.status === 'rejected' ? [{ target, error: outcome.reason as unknown }] : [];
  });
  if (sessions.length === 0) throw nothingRan(failures);
  // The verdict first: a user waiting on the build should not wait for the deletes.
  let passed = false;
  try {
    const report = mergeReports(...config.targets.map((target, i) => targetReport(target, started[i])), {
      suites: config.ctkJournals.map(collectJournal),
    });
    const { decision, published } = conclude(config, report, { runId }, context.log);
    passed = decision.verdict === 'pass';
    const cancelled = sessions.find((s) => s.cancelled)?.cancelled;
    return { runId, report, decision, published, cancelled };
  } finally {
    await pMap(sessions, (session) => session.finish(passed), { concurrency: config.parallelTargets });
  }
}

/**
 * Inline kubeconfig content (the Action's secret) is used for every cluster, so a kubeconfig file named
 * in the config file would be silently ignored, and its cluster's gate run on the content's cluster.
 */
function refuseKubeconfigFiles(config: GateConfig): void {
  const targets = config.targets.filter((target) => target.kubeconfig).map((target) => `"${target.name}"`);
  const where = [
    ...(config.kubeconfig ? ['the top level'] : []),
    ...(targets.length ? [`targets ${targets.join(', ')}`] : []),
  ];
  if (where.length > 0)
    throw new ConfigError(
      `the kubeconfig input (inline content) and the kubeconfig file the config file gives (${where.join('; ')}) exclude each other: give one; with inline content, choose each target's cluster by its context`,
    );
}

/** One cluster's settings: the top level's, with the target's connection and a run id of its own. */
function configFor(config: GateConfig, target: Target, runId: string): GateConfig {
  return {
    ...config,
    kubeconfig: target.kubeconfig ?? config.kubeconfig,
    context: target.context ?? config.context,
    namespace: target.namespace ?? config.namespace,
    // Two targets may be one cluster in two namespaces: each run keeps its own label and records.
    runId: `${runId}-${target.name}`,
    targets: [],
    // Read once for all clusters, below.
    ctkJournals: [],
  };
}

function targetReport(target: Target, started: PromiseSettledResult<RunSession> | undefined): Report {
  if (started?.status === 'fulfilled') return underLabel(started.value.report, target.name);
  const suite: ReportSuite = {
    kind: 'chaosengine',
    name: target.name,
    properties: { target: target.name, ...(target.context ? { context: target.context } : {}) },
    cases: [
      {
        kind: 'experiment',
        className: target.name,
        name: '(cluster)',
        outcome: 'error',
        message: `could not run on this cluster: ${errorMessage(started?.reason)}`,
        properties: {},
      },
    ],
  };
  return { suites: [suite] };
}

/** Every cluster failed before any chaos: a cancel, or nothing could be judged (exit 2). */
function nothingRan(failures: { target: Target; error: unknown }[]): Error {
  const cancelled = failures.find((f) => f.error instanceof CancelledError)?.error;
  if (cancelled) return cancelled as CancelledError;
  return new CannotRunError(
    `no cluster could be run:\n${failures.map(({ target, error }) => `${target.name}: ${errorMessage(error)}`).join('\n')}`,
  );
}
