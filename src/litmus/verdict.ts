// The one reading of a Litmus verdict, for the wait (is it final?) and the converter (what does it
// mean?). Litmus has written it in three generations of ChaosResult status (litmus.md §3).
import type { Outcome } from '../report/model.ts';
import type { ChaosEngine, ChaosResult, ExperimentStatus } from './types.ts';

/**
 * The experiment status, wherever its writer put it: `status.experimentStatus` (litmus-go 1.13.3 and
 * later), `status.experimentstatus` (before 1.13.3) or `spec.experimentstatus` (Litmus before 1.2).
 */
export function experimentStatusOf(result: ChaosResult): ExperimentStatus {
  return (
    result.status?.experimentStatus ?? result.status?.experimentstatus ?? result.spec?.experimentstatus ?? {}
  );
}

// Litmus before 1.2 wrote verdicts and phases in lower case ("pass", "running"), so they are compared
// without case.
const lower = (text: string | undefined) => (text ?? '').toLowerCase();

/**
 * A verdict is final once the experiment pod has written its end-of-test status: the phase has left
 * Running and the verdict is no longer Awaited.
 */
export function isVerdictFinal(status: ExperimentStatus): boolean {
  return !!status.verdict && lower(status.verdict) !== 'awaited' && lower(status.phase) !== 'running';
}

// Maps, not object literals: a verdict is text from a file, and "constructor" or "__proto__" would
// find Object.prototype's members in a literal and pass for a known verdict.
const verdictOutcomes = new Map<string, Outcome>([
  ['pass', 'pass'],
  ['fail', 'fail'],
  ['error', 'error'],
  ['stopped', 'stopped'],
]);

/** What a final verdict stands for; undefined for a verdict this version does not know. */
export function verdictOutcome(verdict: string | undefined): Outcome | undefined {
  return verdictOutcomes.get(lower(verdict));
}

/** The engine's operator is done with it: it completed, or it was stopped. */
export function isEngineFinished(engine: ChaosEngine): boolean {
  const state = engine.status?.engineStatus;
  return state === 'completed' || state === 'stopped';
}

/** Experiment run statuses (engine `status.experiments[].status`) that mean no result will ever come. */
const notRunStatuses = new Set(['ChaosExperiment Not Found', 'Skipped']);

export function isNotRun(runStatus: string | undefined): boolean {
  return notRunStatuses.has(runStatus ?? '');
}

/** 2.14 and later: probeStatuses[].status.verdict. */
const probeVerdicts = new Map<string, Outcome>([
  ['Passed', 'pass'],
  ['Failed', 'fail'],
  ['N/A', 'skipped'],
  ['Awaited', 'timeout'],
]);

export function probeOutcome(verdict: string): Outcome {
  return probeVerdicts.get(verdict) ?? 'error';
}

/** 2.0 to 2.13 wrote "Passed 👍 ", "Better Luck Next Time 👎 ", "N/A 🚫 " or "Awaited" per phase. */
const legacyProbePrefixes: [prefix: string, outcome: Outcome][] = [
  ['Passed', 'pass'],
  ['Better Luck', 'fail'],
  ['N/A', 'skipped'],
];

/** Which outcome of a legacy probe's phases wins: any failure, then anything unfinished. */
const legacyPrecedence: Outcome[] = ['fail', 'timeout', 'pass', 'skipped'];

export function legacyProbeOutcome(phaseTexts: string[]): Outcome {
  const outcomes = new Set(
    phaseTexts.map(
      (text) => legacyProbePrefixes.find(([prefix]) => text.startsWith(prefix))?.[1] ?? 'timeout',
    ),
  );
  return legacyPrecedence.find((outcome) => outcomes.has(outcome)) ?? 'timeout';
}
