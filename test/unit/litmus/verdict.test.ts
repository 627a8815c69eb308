// One reading of a Litmus verdict, for every generation of ChaosResult status.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  experimentStatusOf,
  isVerdictFinal,
  legacyProbeOutcome,
  probeOutcome,
  verdictOutcome,
} from '../../../src/litmus/verdict.ts';

test('a verdict is final only once the phase has left Running and the verdict is not Awaited', () => {
  const table: [phase: string | undefined, verdict: string | undefined, final: boolean][] = [
    ['Running', 'Awaited', false],
    ['Running', 'Pass', false],
    ['Completed', 'Awaited', false],
    ['Completed', undefined, false],
    ['Completed', 'Pass', true],
    ['Completed_With_Probe_Failure', 'Fail', true],
    ['Error', 'Error', true],
    ['Stopped', 'Stopped', true],
    [undefined, 'Pass', true],
  ];
  for (const [phase, verdict, final] of table)
    assert.equal(isVerdictFinal({ phase, verdict }), final, `${phase} ${verdict}`);
});

test('final verdicts map to outcomes; an unknown one maps to nothing', () => {
  assert.deepEqual(['Pass', 'Fail', 'Error', 'Stopped', 'Maybe'].map(verdictOutcome), [
    'pass',
    'fail',
    'error',
    'stopped',
    undefined,
  ]);
});

test('probe verdicts of 2.14 and later', () => {
  assert.deepEqual(['Passed', 'Failed', 'N/A', 'Awaited', 'Bogus'].map(probeOutcome), [
    'pass',
    'fail',
    'skipped',
    'timeout',
    'error',
  ]);
});

test("verdicts named like an object's built-in members are unknown, not a pass", () => {
  const names = ['constructor', 'Constructor', '__proto__', 'toString', 'hasOwnProperty'];
  assert.deepEqual(
    names.map(verdictOutcome),
    names.map(() => undefined),
  );
  assert.deepEqual(
    names.map(probeOutcome),
    names.map(() => 'error'),
  );
});

test('legacy (2.0-2.13) probe phases: a failure wins, then anything unfinished, then a pass', () => {
  const table: [string[], string][] = [
    [['Passed 👍 ', 'Passed 👍 '], 'pass'],
    [['Passed 👍 ', 'Better Luck Next Time 👎 '], 'fail'],
    [['Passed 👍 ', 'Awaited'], 'timeout'],
    [['N/A 🚫 ', 'Passed 👍 '], 'pass'],
    [['N/A 🚫 '], 'skipped'],
    [[], 'timeout'],
  ];
  for (const [phases, expected] of table) assert.equal(legacyProbeOutcome(phases), expected, phases.join());
});

test('Litmus before 1.2: the status under spec, in lower case, is read like any other', () => {
  const status = experimentStatusOf({
    metadata: { name: 'nginx-chaos-pod-delete' },
    spec: {
      engine: 'nginx-chaos',
      experiment: 'pod-delete',
      experimentstatus: { phase: 'completed', verdict: 'pass' },
    },
  });
  assert.equal(isVerdictFinal(status), true);
  assert.equal(verdictOutcome(status.verdict), 'pass');
  assert.equal(isVerdictFinal({ phase: 'running', verdict: 'awaited' }), false);
});
