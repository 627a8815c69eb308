import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report, ReportSuite } from '../../../src/report/model.ts';
import { CancelledError, CannotRunError, errorMessage } from '../../../src/errors.ts';
import { exitCodeOfError } from '../../../src/run/outcome.ts';
import {
  carryingWarnings,
  RunWarnings,
  warningsCarriedBy,
  withRunWarnings,
} from '../../../src/run/warnings.ts';

test("the run's warning channel logs each warning as it always did, and hands each on once", () => {
  const lines: string[] = [];
  const warnings = new RunWarnings((line) => lines.push(line));
  warnings.warn('run id x not locked');
  warnings.warn('run id x not locked');
  warnings.warn('cannot check that WorkflowTemplate t exists');
  assert.deepEqual(lines, [
    '[chaos-gate] WARNING: run id x not locked',
    '[chaos-gate] WARNING: run id x not locked',
    '[chaos-gate] WARNING: cannot check that WorkflowTemplate t exists',
  ]);
  assert.deepEqual(warnings.take(), ['run id x not locked', 'cannot check that WorkflowTemplate t exists']);
  warnings.warn('cleanup: deleting Role ns/r: forbidden');
  assert.deepEqual(warnings.take(), ['cleanup: deleting Role ns/r: forbidden'], 'only what came since');
});

test("the run's warnings join every suite's own, each once", () => {
  const suite: ReportSuite = { kind: 'load', name: 'load', properties: {}, cases: [] };
  const report: Report = {
    suites: [
      { ...suite, warnings: ['own', 'run'] },
      { ...suite, name: 'other' },
    ],
  };
  assert.deepEqual(
    withRunWarnings(report, ['run']).suites.map((s) => s.warnings),
    [['own', 'run'], ['run']],
  );
  assert.equal(withRunWarnings(report, []), report);
});

test('an error that ends a run carries its warnings and keeps its class, which decides the exit code', () => {
  const cancel = new CancelledError('SIGTERM');
  assert.equal(carryingWarnings(cancel, ['run id x not locked', 'run id x not locked']), cancel);
  assert.equal(exitCodeOfError(cancel), 143);
  assert.deepEqual(warningsCarriedBy(cancel), ['run id x not locked']);
  // A cluster's error that ends a run of several: every cluster's warnings, named, in place of its own.
  carryingWarnings(cancel, ['target eu: run id x-eu not locked', 'target us: run id x-us not locked']);
  assert.deepEqual(warningsCarriedBy(cancel), [
    'target eu: run id x-eu not locked',
    'target us: run id x-us not locked',
  ]);
  assert.deepEqual(warningsCarriedBy(new CannotRunError('preflight failed')), []);
  // Something thrown that is no object becomes an error of the same message, to carry them.
  const thrown = carryingWarnings('boom', ['cleanup: deleting Role ns/r: forbidden']);
  assert.equal(errorMessage(thrown), 'boom');
  assert.deepEqual(warningsCarriedBy(thrown), ['cleanup: deleting Role ns/r: forbidden']);
  assert.equal(carryingWarnings('boom', []), 'boom');
});
