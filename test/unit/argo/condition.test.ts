// When a submitted workflow is over, decided from Workflow objects alone (no HTTP).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workflowCondition } from '../../../src/argo/condition.ts';
import type { LiveWorkflow, WorkflowPhase } from '../../../src/argo/types.ts';

function workflow(phase?: WorkflowPhase, labels?: Record<string, string>): LiveWorkflow {
  return {
    metadata: { name: 'chaos-x', namespace: 'ci', labels },
    status: phase === undefined ? undefined : { phase },
  };
}

const table: [string, LiveWorkflow | undefined, string][] = [
  ['not created yet (or the controller ignores it)', undefined, 'workflow ci/chaos-x (not started)'],
  ['created, no status', workflow(), 'workflow ci/chaos-x (not started)'],
  ['Pending', workflow('Pending'), 'workflow ci/chaos-x (Pending)'],
  ['Running', workflow('Running'), 'workflow ci/chaos-x (Running)'],
  ['Succeeded', workflow('Succeeded'), 'done'],
  ['Failed', workflow('Failed'), 'done'],
  ['Error', workflow('Error'), 'done'],
  [
    'the completed label, phase not yet read back',
    workflow('', { 'workflows.argoproj.io/completed': 'true' }),
    'done',
  ],
];

for (const [name, object, expected] of table) {
  test(name, () => {
    const { pending } = workflowCondition('ci/chaos-x', new Map(object ? [['ci/chaos-x', object]] : []));
    assert.equal(pending.map((p) => p.label).join('; ') || 'done', expected);
  });
}
