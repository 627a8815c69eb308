// The post step: runs even when the job was cancelled and the main step killed. If the main step was
// killed, failed after its chaos started, or could not confirm its chaos stopped (then, and after a
// failure that says how each stop went, with several clusters, on those whose chaos it did not confirm
// stopped), stop every engine and workflow of its run —
// confirmed, as `run` does — so no fault outlives the job, then clean up what the run recorded it
// created and its own cleanup did not remove, as that cleanup would have after a cancel (stop-run.ts).
// A main step killed in preflight started no chaos: its run id's leases are deleted, and that is all.
// (An inline kubeconfig is never on disk: nothing to remove.)
import * as core from '@actions/core';
import pMap from 'p-map';
import { loadConfig, type GateConfig } from '../config/load.ts';
import { errorMessage } from '../errors.ts';
import { runLabel } from '../kube/apply.ts';
import { withCancellation } from '../run/cancellation.ts';
import { allConfirmed } from '../run/stop.ts';
import { leaseDurationSeconds } from '../run/run-lock.ts';
import { freeRunId, stopRun } from '../run/stop-run.ts';
import { RunWarnings } from '../run/warnings.ts';
import { redact } from '../secrets.ts';
import { maxAnnotations, warningAnnotations } from './annotations.ts';
import { readInputs, type ActionInputs } from './inputs.ts';
import { logLine } from './log.ts';
import { state, type MainEnd, type RecordedRun } from './state.ts';

export async function runPost(): Promise<void> {
  await stopUnfinishedRun();
}

async function stopUnfinishedRun(): Promise<void> {
  const runs = state.unfinishedRuns();
  if (runs === 'unreadable') {
    core.setFailed(
      `the main step's record of its runs is unreadable: its chaos may still be running: look for ChaosEngines and Workflows labelled ${runLabel}`,
    );
    return;
  }
  if (runs.length === 0) return;
  const ids = (of: RecordedRun[]) => of.map((run) => run.runId).join(', ');
  const started = runs.filter((run) => !run.inPreflight);
  let inputs: ActionInputs;
  let config: GateConfig;
  try {
    inputs = readInputs();
    config = loadConfig(inputs.configFile, inputs.layer);
  } catch (error) {
    const what = started.length > 0 ? `stop the chaos of run ${ids(started)}` : `free run id ${ids(runs)}`;
    core.setFailed(`could not ${what}: ${redact(errorMessage(error))}`);
    return;
  }
  // One warning and one error for all runs: GitHub shows 10 of each a step, and a cluster past the
  // tenth must not be left out of the annotations. A run killed in preflight has no chaos to stop.
  if (started.length > 0)
    core.warning(`${whyStop[state.mainEnd()]}: stopping the chaos of run ${ids(started)}`);
  // All at once, as the main step runs its clusters: one after the other, each unreachable cluster
  // would hold the next for its whole stop-timeout.
  const stopped = await withCancellation(
    () => {},
    // Any signal here means the runner is about to kill the step: one last attempt, then out.
    ({ cancel }) =>
      pMap(runs, (run) => stopOne(run, inputs, config, cancel), {
        concurrency: config.parallelTargets,
      }),
  );
  // Logged as they came; annotated too, as the main step's are, in the room the warning above leaves.
  const warnings = stopped.flatMap((s) => s.warnings);
  for (const { title, message } of warningAnnotations(warnings, maxAnnotations - 1))
    core.warning(message, { title });
  const failed = stopped.flatMap((s) => (s.problem === undefined ? [] : [s.problem]));
  if (failed.length > 0) core.setFailed(failed.join('\n'));
}

/** Why the post step has chaos to stop, as the main step left it. */
const whyStop: Record<MainEnd, string> = {
  killed: 'the main step did not finish',
  failed: 'the main step failed after its chaos started',
  unconfirmed: 'the main step could not confirm that its chaos stopped',
};

/**
 * Stops one run's chaos, or frees the run id of one killed in preflight: what went wrong, if anything,
 * and the warnings raised meanwhile.
 */
async function stopOne(
  run: RecordedRun,
  inputs: ActionInputs,
  config: GateConfig,
  hurry: AbortSignal,
): Promise<{ problem: string | undefined; warnings: string[] }> {
  const cluster = {
    ...config,
    kubeconfig: run.target?.kubeconfig ?? config.kubeconfig,
    context: run.target?.context ?? config.context,
    kubeconfigContent: inputs.kubeconfigContent,
  };
  // Lines of clusters stopped at once are told apart by the run's id, as the main step's by the target;
  // so is a cluster's run left alone to stop, the others' stops confirmed by the main step.
  const several = run.target !== undefined;
  const log = several ? (line: string) => logLine(`[${run.runId}] ${line}`) : logLine;
  const warnings = new RunWarnings(log);
  const named = (warning: string) => (several ? `run ${run.runId}: ${warning}` : warning);
  if (run.inPreflight) {
    await freeRunId(cluster, run.leases ?? [], { hurry, log, warn: warnings.warn }).catch((error: unknown) =>
      warnings.warn(
        `could not free run id ${run.runId}: ${redact(errorMessage(error))}; its lease expires within ${leaseDurationSeconds}s`,
      ),
    );
    return { problem: undefined, warnings: warnings.take().map(named) };
  }
  let problem: string | undefined;
  try {
    const stops = await stopRun(cluster, run, {
      stopTimeoutMs: config.stopTimeoutMs,
      shutdown: config.workflow?.shutdown ?? 'Stop',
      cleanup: config.cleanup,
      hurry,
      log,
      warn: warnings.warn,
    });
    if (!allConfirmed(stops))
      problem = `chaos may still be running: the stop of run ${run.runId} was not confirmed (see above)`;
  } catch (error) {
    problem = `could not stop the chaos of run ${run.runId}: ${redact(errorMessage(error))}`;
  }
  return { problem, warnings: warnings.take().map(named) };
}
