// The GitHub Action's main step: inputs in, the same run as the CLI, the outcome out the GitHub way.
import * as core from '@actions/core';
import { loadConfig } from '../config/load.ts';
import { errorMessage } from '../errors.ts';
import { withCancellation } from '../run/cancellation.ts';
import { expectedChaosMs, progressLog } from '../run/progress.ts';
import { runGate } from '../run/run.ts';
import { logGroups } from './groups.ts';
import { readInputs } from './inputs.ts';
import { failToRun, publishToGitHub } from './outcome.ts';
import { state } from './state.ts';

/** Where reports go when neither the inputs nor the config file say. */
const defaultReports = { junit: 'chaos-gate-results/junit.xml', json: 'chaos-gate-results/report.json' };

export async function runAction(): Promise<void> {
  const groups = logGroups();
  try {
    const inputs = readInputs();
    const config = loadConfig(inputs.configFile, inputs.layer, { reports: defaultReports });
    const onSignal = (signal: NodeJS.Signals, already: boolean) =>
      core.warning(
        `received ${signal}: ${already ? 'still stopping' : 'stopping'} the chaos and cleaning up`,
      );
    const progress = progressLog((line) => core.info(line), expectedChaosMs(config));
    const outcome = await withCancellation(onSignal, (signal) =>
      runGate(config, {
        log: progress.log,
        signal,
        kubeconfigContent: inputs.kubeconfigContent,
        onStarted: (runId, namespaces) => state.saveRun(runId, namespaces),
        onPhase: (phase) => {
          progress.onPhase(phase);
          groups.onPhase(phase);
        },
      }),
    );
    groups.end();
    state.markFinished();
    await publishToGitHub(outcome);
  } catch (error) {
    groups.end();
    state.markFinished();
    failToRun(errorMessage(error));
  }
}
