// The GitHub Action: the same run as the CLI, reported the GitHub way — outputs, a job summary,
// an error annotation per failed check, and a failed step when the gate fails.
import * as core from '@actions/core';
import { readConfigFile, resolveConfig, type GateConfig } from '../config/load.ts';
import { errorMessage } from '../errors.ts';
import { classifyCase, evaluateGate } from '../gate/policy.ts';
import { describeDecision, publishReports } from '../gate/publish.ts';
import { runGate } from '../gate/run.ts';
import { readInputs } from './inputs.ts';
import { state } from './state.ts';

/** Where reports go when neither the inputs nor the config file say. */
const defaultReports = { junit: 'chaos-gate-results/junit.xml', json: 'chaos-gate-results/report.json' };

export async function runAction(): Promise<void> {
  let config: GateConfig;
  let kubeconfigContent: string | undefined;
  try {
    const inputs = readInputs();
    kubeconfigContent = inputs.kubeconfigContent;
    const layers = inputs.configFile ? [readConfigFile(inputs.configFile), inputs.layer] : [inputs.layer];
    config = resolveConfig({ reports: defaultReports }, ...layers);
  } catch (error) {
    return fail(errorMessage(error));
  }

  const controller = new AbortController();
  // Kept for the whole run: the runner sends SIGINT, then SIGTERM 7.5 s later, then kills.
  const onSignal = (signal: NodeJS.Signals) => {
    core.warning(
      `received ${signal}: ${controller.signal.aborted ? 'still stopping' : 'stopping'} the chaos and cleaning up`,
    );
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const outcome = await runGate(config, {
      log: (line) => core.info(line),
      signal: controller.signal,
      kubeconfigContent,
      onStarted: (runId, namespaces) => state.saveRun(runId, namespaces),
    });
    state.markFinished();
    const { report } = outcome;
    const decision = evaluateGate(report, config.gate);
    const written = publishReports(config.reports, report, decision, config.gate, { runId: outcome.runId });
    // Outside a GitHub runner (a local try-out) there is no summary file to write to.
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(written.markdown).write();
    for (const testCase of report.suites.flatMap((s) => s.cases)) {
      const { status } = classifyCase(testCase, config.gate);
      if (status === 'failed' || status === 'error') {
        core.error(testCase.message ?? `${testCase.kind} ${status}`, {
          title: `${testCase.className} › ${testCase.name}`,
        });
      }
    }
    core.setOutput('verdict', decision.verdict);
    core.setOutput('passed', decision.counts.passed);
    core.setOutput('failed', decision.counts.failed);
    core.setOutput('errored', decision.counts.errored);
    core.setOutput('skipped', decision.counts.skipped);
    core.setOutput('probe-success', decision.probeSuccess ?? '');
    core.setOutput('junit-path', written.junit ?? '');
    core.setOutput('json-path', written.json ?? '');
    core.setOutput('run-id', outcome.runId);
    describeDecision(decision).forEach((line) => core.info(`chaos-gate: ${line}`));
    if (outcome.cancelled) core.setFailed(`cancelled by ${outcome.cancelled}; the chaos was stopped`);
    else if (decision.verdict === 'fail') core.setFailed(`chaos gate failed: ${decision.reasons.join('; ')}`);
  } catch (error) {
    state.markFinished();
    fail(errorMessage(error));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function fail(message: string): void {
  core.setOutput('verdict', 'error');
  core.setFailed(message);
}
