// What `report` can judge. Input that holds no verdict — results not final when read, or every case
// skipped by the gate's settings — cannot pass or fail the gate: exit 2 (could not judge), naming what
// is missing, rather than a failure that talks about a timeout that never happened, or a pass over
// nothing. Such input beside input with verdicts is named in a warning.
import { configFileName } from '../config/fields.ts';
import { CannotRunError } from '../errors.ts';
import { isSkipped, skippingSetting, type GatePolicy } from '../gate/policy.ts';
import type { ReportCase, ReportSuite } from '../report/model.ts';

/** A case that says how something went. A result not final when it was read never does. */
const isVerdict = (testCase: ReportCase, policy: GatePolicy) =>
  testCase.outcome !== 'timeout' && !isSkipped(testCase, policy);

/** One input as the user gave it — a file, a few files read together, a namespace — and what it held. */
export interface ReportInput {
  /** Where it was read from, as the user named it: the message must say which input held nothing. */
  source: string;
  suites: ReportSuite[];
  /** Where one suite came from, when the input is several files; asked only of a suite with nothing to judge. */
  sourceOf?: (suite: ReportSuite) => string;
}

export function checkVerdicts(inputs: ReportInput[], policy: GatePolicy, log: (line: string) => void): void {
  // Each suite on its own, so an engine without verdicts is named beside its file's judged engines.
  const missing: string[] = [];
  let parts = 0;
  for (const { source, suites, sourceOf } of inputs) {
    parts += Math.max(suites.length, 1);
    if (suites.length === 0) missing.push(`${source}: no results in it`);
    for (const suite of suites) {
      if (suite.cases.some((c) => isVerdict(c, policy))) continue;
      missing.push(`${sourceOf?.(suite) ?? source} (${suite.name}): ${whatIsMissing(suite, policy)}`);
    }
  }
  if (missing.length === parts) {
    const cases = inputs.flatMap(({ suites }) => suites.flatMap((suite) => suite.cases));
    const everySkipped = cases.length > 0 && cases.every((c) => isSkipped(c, policy));
    throw new CannotRunError(
      `nothing to judge${everySkipped ? ' (every case was skipped)' : ''}: ${missing.join('; ')}`,
    );
  }
  missing.forEach((line) => log(`chaos-gate: WARNING: nothing to judge in ${line}`));
}

function whatIsMissing(suite: ReportSuite, policy: GatePolicy): string {
  if (suite.kind === 'load' && suite.cases.length === 0) {
    // load.thresholds are checked against per-request results only, never against a summary's figures.
    if (suite.properties['overall.requests'] === undefined)
      return (
        'the k6 summary holds no thresholds or checks; add thresholds to the k6 script, ' +
        'or give per-request results (--jtl, k6 --out json, hey) with load.thresholds'
      );
    const requests = suite.properties['overall.requests'];
    const errorRate = Number(suite.properties['overall.errorRate'] ?? 0);
    return (
      `${requests} ${requests === '1' ? 'request' : 'requests'} read (error rate ${(errorRate * 100).toFixed(2)}%) but no threshold to check them against; ` +
      `set load.thresholds (p95, p99, errorRate) in the config file (${configFileName()})`
    );
  }
  const unjudged = suite.cases.map((c) => `${c.name}: ${c.message ?? c.outcome}${skippedBy(c, policy)}`);
  return unjudged.length > 0 ? unjudged.slice(0, 3).join(', ') : 'no results in it';
}

/** The flag that made the gate skip this case, so the user sees why it was not judged. */
function skippedBy(testCase: ReportCase, policy: GatePolicy): string {
  const setting = skippingSetting(testCase, policy);
  return setting ? ` (skipped: ${setting})` : '';
}
