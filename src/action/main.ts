// The GitHub Action's main step: inputs in, the same run or merge as the CLI's, the outcome out the
// GitHub way.
import * as core from '@actions/core';
import { loadConfig } from '../config/load.ts';
import { CancelledError, errorMessage } from '../errors.ts';
import { chaosMayStillRun, suitesUnder, type Report } from '../report/model.ts';
import { withCancellation } from '../run/cancellation.ts';
import { mergeGate } from '../run/merge.ts';
import { cancellableReports } from '../run/publish.ts';
import { expectedChaosMs, progressLog } from '../run/progress.ts';
import { stopCasesCarriedBy, warningsUnderError } from '../run/stop-report.ts';
import { runTargets } from '../run/targets.ts';
import { redact } from '../secrets.ts';
import { maxAnnotations } from './annotations.ts';
import { logGroups } from './groups.ts';
import { readInputs } from './inputs.ts';
import { logLine } from './log.ts';
import { failToRun, publishToGitHub } from './outcome.ts';
import { state, type RecordedRun } from './state.ts';

/** Where reports go when neither the inputs nor the config file say. */
const defaultReports = { junit: 'chaos-gate-results/junit.xml', json: 'chaos-gate-results/report.json' };

export async function runAction(): Promise<void> {
  const groups = logGroups();
  let started = false;
  // The label of what a single-cluster run applied, for the run-id output if the run then fails.
  let startedRunId: string | undefined;
  // What each signal does is a warning annotation too, in the 10 GitHub shows a step.
  let signalWarnings = 0;
  try {
    const inputs = readInputs();
    const config = loadConfig(inputs.configFile, inputs.layer, { reports: defaultReports });
    // No chaos, so nothing for the post step: it finds no run recorded.
    if (inputs.command === 'merge') {
      const merged = await cancellableReports(
        (line) => core.warning(line),
        () => mergeGate(config, inputs.reports, logLine),
      );
      await publishToGitHub(merged);
      return;
    }
    const progress = progressLog(logLine, expectedChaosMs(config));
    // Runs whose objects no longer fit the post step's record: said once each.
    const recordFull = new Set<string>();
    const outcome = await withCancellation(
      (line) => {
        signalWarnings++;
        core.warning(line);
      },
      ({ cancel, hurry }) =>
        runTargets(config, {
          log: progress.log,
          clusterLog: progress.clusterLog,
          signal: cancel,
          hurry,
          kubeconfigContent: inputs.kubeconfigContent,
          onLocked: (runId, leases) => state.saveRun({ runId, namespaces: [], leases, inPreflight: true }),
          onTargetLocked: (target, runId, leases) =>
            state.saveRun({ runId, namespaces: [], target, leases, inPreflight: true }),
          onStarted: (runId, namespaces, leases) => {
            started = true;
            startedRunId = runId;
            state.saveRun({ runId, namespaces, leases });
          },
          onTargetStarted: (target, runId, namespaces, leases) => {
            started = true;
            state.saveRun({ runId, namespaces, target, leases });
          },
          onCreated: (runId, created) => {
            if (state.saveCreated(runId, created) || recordFull.has(runId)) return;
            recordFull.add(runId);
            progress.log(
              `[chaos-gate] run ${runId}: too many objects (${created.applied.length}) to record for the post step: ` +
                'if this step is killed, it cleans up only those recorded before',
            );
          },
          onPhase: (phase) => {
            progress.onPhase(phase);
            groups.onPhase(phase);
          },
        }),
    );
    groups.end();
    // Chaos that was not confirmed stopped is the post step's to try again.
    const { report } = outcome;
    if (chaosMayStillRun(report)) state.markEnded('unconfirmed', mayStillRun(report));
    else state.markFinished();
    await publishToGitHub(outcome, maxAnnotations - signalWarnings);
  } catch (error) {
    groups.end();
    // Everything recorded is the post step's to stop, unless the error says how each stop went.
    const stopCases = stopCasesCarriedBy(error);
    if (started) state.markEnded('failed', stopCases && mayStillRun(stopCases));
    else state.markFinished();
    const cancelled = error instanceof CancelledError;
    const message = redact(errorMessage(error));
    await failToRun({
      message: cancelled && !error.left ? `${message} before any chaos started` : message,
      runId: startedRunId,
      verdict: cancelled ? 'cancelled' : 'error',
      warnings: warningsUnderError(error).map(redact),
      warningRoom: maxAnnotations - signalWarnings,
    });
  }
}

/**
 * Whether a recorded run's chaos may still run, as `report` (its "chaos stopped" cases) says: with
 * several clusters, only a cluster whose own suites say so. One cluster's run stays the post step's
 * whatever they say: after a failed main step, the post step also takes back what its cleanup left.
 */
function mayStillRun(report: Report): (run: RecordedRun) => boolean {
  return (run) => !run.target || chaosMayStillRun(suitesUnder(report, run.target.name));
}
