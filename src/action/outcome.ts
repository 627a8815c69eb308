// An outcome, the GitHub way: step outputs, a job summary, an error annotation per failed check, and
// a failed step when the gate fails or the run was cancelled.
import * as core from '@actions/core';
import { judgementOf } from '../report/model.ts';
import type { GateOutcome } from '../run/outcome.ts';

export async function publishToGitHub(outcome: GateOutcome): Promise<void> {
  const { report, decision, published } = outcome;
  // Outside a GitHub runner (a local try-out) there is no summary file to write to.
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(published.markdown).write();
  for (const testCase of report.suites.flatMap((s) => s.cases)) {
    const { status } = judgementOf(decision, testCase);
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
  core.setOutput('junit-path', published.junit ?? '');
  core.setOutput('json-path', published.json ?? '');
  core.setOutput('run-id', outcome.runId ?? '');
  if (outcome.cancelled) core.setFailed(`cancelled by ${outcome.cancelled}; the chaos was stopped`);
  else if (decision.verdict === 'fail') core.setFailed(`chaos gate failed: ${decision.reasons.join('; ')}`);
}

/** The step could not run: nothing was judged. */
export function failToRun(message: string): void {
  core.setOutput('verdict', 'error');
  core.setFailed(message);
}
