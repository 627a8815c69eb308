import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { isWorkflowCompleted } from '../../../src/argo/condition.ts';
import { workflowToSuite } from '../../../src/argo/convert.ts';
import type { Workflow } from '../../../src/argo/types.ts';
import { loadFixture } from '../../support/fixtures.ts';

const workflow = (name: string) => loadFixture<Workflow>(`argo/status/${name}.yaml`);
const outcomes = (w: Workflow) => workflowToSuite(w).cases.map((c) => [c.name, c.outcome]);

test('a succeeded chaos-and-load workflow: a passed case per pod step, none for step groups', () => {
  const succeeded = workflow('constructed/chaos-load-succeeded');
  assert.ok(isWorkflowCompleted(succeeded));
  const suite = workflowToSuite(succeeded);
  assert.equal(suite.name, 'litmus/chaos-load-9xr4t');
  assert.equal(suite.properties.phase, 'Succeeded');
  assert.ok(
    suite.cases.length > 0 && suite.cases.every((c) => c.kind === 'workflow-step' && c.outcome === 'pass'),
  );
  assert.ok(suite.cases.every((c) => c.durationSeconds !== undefined));
});

test('a failed step carries the node message', () => {
  const failed = workflowToSuite(workflow('constructed/chaos-load-failed')).cases.find(
    (c) => c.outcome === 'fail',
  );
  assert.equal(failed?.name, 'pod-delete');
  assert.equal(failed?.message, 'main: Error (exit code 1)');
});

test('a stopped workflow: steps cut by the shutdown fail with its message', () => {
  const cases = workflowToSuite(workflow('constructed/chaos-load-stopped')).cases.filter(
    (c) => c.outcome === 'fail',
  );
  assert.ok(cases.length > 0);
  assert.ok(cases.every((c) => /workflow shutdown with strategy: +Stop/.test(c.message ?? '')));
});

test('a running workflow whose nodes all succeeded is not complete: the gate cannot pass it', () => {
  const running = workflow('real/argo-dag-running-all-nodes-succeeded');
  assert.equal(isWorkflowCompleted(running), false);
  assert.deepEqual(outcomes(running).at(-1), ['workflow', 'timeout']);
});

test('DAG with fail-fast disabled: each failed task is its own case', () => {
  const failed = outcomes(workflow('real/argo-dag-failed-disable-fail-fast')).filter(([, o]) => o === 'fail');
  assert.deepEqual(failed.map(([n]) => n).sort(), ['C(0)', 'C(1)']);
});

test('compressedNodes are read like nodes', () => {
  const plain = workflow('constructed/chaos-load-failed');
  const compressed: Workflow = {
    ...plain,
    status: {
      ...plain.status,
      nodes: undefined,
      compressedNodes: gzipSync(JSON.stringify(plain.status?.nodes)).toString('base64'),
    },
  };
  assert.deepEqual(outcomes(compressed), outcomes(plain));
});

test('offloaded node status is reported as unreadable, not as a pass', () => {
  const plain = workflow('constructed/chaos-load-succeeded');
  const offloaded: Workflow = {
    ...plain,
    status: { ...plain.status, nodes: undefined, offloadNodeStatusVersion: 'fnv:123' },
  };
  assert.deepEqual(outcomes(offloaded), [['steps', 'error']]);
});
