// An outcome, the GitHub way: step outputs, a job summary, the error annotations of the decision
// (verdict first, at most 10), and a failed step when the gate fails or the run was cancelled.
import * as core from '@actions/core';
import { chaosMayStillRun } from '../report/model.ts';
import type { GateOutcome } from '../run/outcome.ts';
import { annotationsOf } from './annotations.ts';

export async function publishToGitHub(outcome: GateOutcome): Promise<void> {
  const { report, decision, published } = outcome;
  // Outside a GitHub runner (a local try-out) there is no summary file to write to.
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(published.markdown()).write();
  core.setOutput('verdict', decision.verdict);
  core.setOutput('passed', decision.counts.passed);
  core.setOutput('failed', decision.counts.failed);
  core.setOutput('errored', decision.counts.errored);
  core.setOutput('skipped', decision.counts.skipped);
  core.setOutput('probe-success', decision.probeSuccess ?? '');
  core.setOutput('junit-path', published.junit ?? '');
  core.setOutput('json-path', published.json ?? '');
  core.setOutput('html-path', published.html ?? '');
  core.setOutput('run-id', outcome.runId ?? '');
  if (outcome.cancelled) {
    core.setFailed(
      chaosMayStillRun(report)
        ? `cancelled by ${outcome.cancelled}; chaos may still be running: the post step tries again, and the log names the command that stops it`
        : `cancelled by ${outcome.cancelled}; the chaos was stopped`,
    );
    return;
  }
  for (const { title, message } of annotationsOf(report, decision)) core.error(message, { title });
  // The verdict is already the first annotation: setFailed would add an 11th, last, and dropped one.
  if (decision.verdict === 'fail') process.exitCode = core.ExitCode.Failure;
}

/** The step could not run: nothing was judged. */
export function failToRun(message: string): void {
  core.setOutput('verdict', 'error');
  core.setFailed(message);
}
