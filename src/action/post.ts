// The post step: runs even when the job was cancelled and the main step killed. If the main step never
// reached its end, stop every engine this run labelled, so no fault outlives the job.
import * as core from '@actions/core';
import { loadConfig } from '../config/load.ts';
import { errorMessage } from '../errors.ts';
import { stopRun } from '../run/stop-run.ts';
import { readInputs } from './inputs.ts';
import { state } from './state.ts';

export async function runPost(): Promise<void> {
  const run = state.unfinishedRun();
  if (!run) return;
  core.warning(`the main step did not finish: stopping the ChaosEngines of run ${run.runId}`);
  try {
    const inputs = readInputs();
    const config = loadConfig(inputs.configFile, inputs.layer);
    await stopRun(
      { ...config, kubeconfigContent: inputs.kubeconfigContent },
      run.runId,
      run.namespaces,
      (l) => core.info(l),
    );
  } catch (error) {
    core.setFailed(`could not stop the chaos of run ${run.runId}: ${errorMessage(error)}`);
  }
}
