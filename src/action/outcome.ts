// An outcome, the GitHub way: step outputs, a job summary, the error annotations of the decision
// (verdict first, at most 10), and a failed step when the gate fails or the run was cancelled.
import * as core from '@actions/core';
import { chaosMayStillRun, warningsOf, type GateDecision } from '../report/model.ts';
import { renderCannotRun } from '../report/markdown.ts';
import type { GateOutcome } from '../run/outcome.ts';
import { annotationsOf, maxAnnotations, warningAnnotations } from './annotations.ts';

/** `warningRoom`: how many of the step's 10 warning annotations are left (a signal's take one each). */
export async function publishToGitHub(outcome: GateOutcome, warningRoom = maxAnnotations): Promise<void> {
  const { report, decision, published } = outcome;
  const cancel =
    outcome.cancelled &&
    (chaosMayStillRun(report)
      ? `cancelled by ${outcome.cancelled}; chaos may still be running: the post step tries again, and the log names the command that stops it`
      : `cancelled by ${outcome.cancelled}; the chaos was stopped`);
  // Outside a GitHub runner (a local try-out) there is no summary file to write to. A cancel heads
  // the summary, whose verdict does not say it.
  if (process.env.GITHUB_STEP_SUMMARY) {
    const markdown = published.markdown().markdown;
    await core.summary
      .addRaw(
        cancel ? `> ⏹️ ${cancel}. The step failed, whatever the verdict below.\n\n${markdown}` : markdown,
      )
      .write();
  }
  setOutputs({
    // A later `if: always()` step must tell a cancelled job from a failed gate: the cases of a
    // cancelled run are what was known when it was cut short, not a verdict.
    verdict: outcome.cancelled ? 'cancelled' : decision.verdict,
    passed: decision.counts.passed,
    failed: decision.counts.failed,
    errored: decision.counts.errored,
    skipped: decision.counts.skipped,
    'probe-success': decision.probeSuccess ?? '',
    'junit-path': published.junit ?? '',
    'json-path': published.json ?? '',
    'html-path': published.html ?? '',
    'run-id': outcome.runId ?? '',
  });
  // Warning annotations, whatever the verdict, which they do not change: the reports' (the gate's, the
  // suites', the run's), then the run's that came too late for any report (the cleanup's).
  const warnings = [...new Set([...warningsOf(report, decision), ...(outcome.warningsAfterReports ?? [])])];
  for (const { title, message } of warningAnnotations(warnings, warningRoom))
    core.warning(message, { title });
  if (cancel) {
    core.setFailed(cancel);
    return;
  }
  for (const { title, message } of annotationsOf(report, decision, published.markdown(), published.reports)) {
    core.error(message, { title });
  }
  // The verdict is already the first annotation: setFailed would add an 11th, last, and dropped one.
  if (decision.verdict === 'fail') process.exitCode = core.ExitCode.Failure;
}

/** What stopped a step that could not run, and what the run had warned of before. */
export interface CannotRun {
  message: string;
  /** Set when the run got as far as labelling objects with it. */
  runId?: string;
  verdict?: 'error' | 'cancelled';
  /** Chaos not confirmed stopped, then the run's warnings: no report may hold them. */
  warnings?: readonly string[];
  /** How many of the step's 10 warning annotations are left (a signal's take one each). */
  warningRoom?: number;
}

/**
 * The step could not run, or was cancelled before its chaos started or its reports could be written:
 * nothing was judged, so every count is 0 and no report was written. The summary says which.
 */
export async function failToRun({
  message,
  runId,
  verdict = 'error',
  warnings = [],
  warningRoom = maxAnnotations,
}: CannotRun): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(renderCannotRun(message, warnings, verdict === 'cancelled')).write();
  setOutputs({
    verdict,
    passed: 0,
    failed: 0,
    errored: 0,
    skipped: 0,
    'probe-success': '',
    'junit-path': '',
    'json-path': '',
    'html-path': '',
    'run-id': runId ?? '',
  });
  core.setFailed(message);
  // After the error they did not cause, as beside a verdict they do not change.
  for (const { title, message: warning } of warningAnnotations(warnings, warningRoom))
    core.warning(warning, { title });
}

/** The outputs action.yml declares: all of them in every outcome, so a later step can read any. */
interface StepOutputs {
  verdict: GateDecision['verdict'] | 'error' | 'cancelled';
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  'probe-success': number | '';
  'junit-path': string;
  'json-path': string;
  'html-path': string;
  'run-id': string;
}

function setOutputs(outputs: StepOutputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}
