import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report, ReportSuite } from '../../../src/report/model.ts';
import { RunWarnings, withRunWarnings } from '../../../src/run/warnings.ts';

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
