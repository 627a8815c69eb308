// The post step: runs even when the job was cancelled and the main step killed. If the main step never
// reached its end, stop every engine and workflow of its run — confirmed, as `run` does — so no fault
// outlives the job. (An inline kubeconfig is never on disk: nothing to remove.)
import * as core from '@actions/core';
import { loadConfig, type GateConfig } from '../config/load.ts';
import { errorMessage } from '../errors.ts';
import { runLabel } from '../kube/apply.ts';
import { withCancellation } from '../run/cancellation.ts';
import { allConfirmed } from '../run/stop.ts';
import { stopRun } from '../run/stop-run.ts';
import { redact } from '../secrets.ts';
import { readInputs } from './inputs.ts';
import { logLine } from './log.ts';
import { state } from './state.ts';

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
  let inputs: ReturnType<typeof readInputs>;
  let config: GateConfig;
  try {
    inputs = readInputs();
    config = loadConfig(inputs.configFile, inputs.layer);
  } catch (error) {
    const ids = runs.map((run) => run.runId).join(', ');
    core.setFailed(`could not stop the chaos of run ${ids}: ${redact(errorMessage(error))}`);
    return;
  }
  for (const run of runs) {
    core.warning(`the main step did not finish: stopping the chaos of run ${run.runId}`);
    try {
      const cluster = {
        ...config,
        kubeconfig: run.target?.kubeconfig ?? config.kubeconfig,
        context: run.target?.context ?? config.context,
        kubeconfigContent: inputs.kubeconfigContent,
      };
      const stops = await withCancellation(
        () => {},
        // Any signal here means the runner is about to kill the step: one last attempt, then out.
        ({ cancel }) =>
          stopRun(cluster, run, {
            stopTimeoutMs: config.stopTimeoutMs,
            shutdown: config.workflow?.shutdown ?? 'Stop',
            hurry: cancel,
            log: logLine,
          }),
      );
      if (!allConfirmed(stops))
        core.setFailed(
          `chaos may still be running: the stop of run ${run.runId} was not confirmed (see above)`,
        );
    } catch (error) {
      core.setFailed(`could not stop the chaos of run ${run.runId}: ${redact(errorMessage(error))}`);
    }
  }
}
