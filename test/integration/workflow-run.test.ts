// `chaos-gate run --workflow` against a real API server, with the test playing the Argo workflow
// controller, the Litmus operator, and (for the chaos step) litmus-checker creating the engine.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import type { Workflow } from '../../src/argo/types.ts';
import {
  outcomeAnnotation,
  startFakeOperator,
  startFakeWorkflowController,
  type FakeController,
  type FakeOperator,
  type Outcome,
  type WorkflowOutcome,
  type ArgoEventType,
} from '../support/fake-operator.ts';
import { repoRoot, sharedFixture } from '../support/fixtures.ts';
import { runEntry } from '../support/run-node.ts';
import { startSandbox, type Sandbox } from '../support/sandbox.ts';
import { uniqueName, workDir } from './helpers.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';

let sandbox: Sandbox;
let operator: FakeOperator;
let controller: FakeController<ArgoEventType>;
const namespace = 'argo-chaos';

before(async () => {
  sandbox = await startSandbox();
  await sandbox.createNamespace(namespace);
  operator = await startFakeOperator({ kc: sandbox.kc, namespace });
  controller = await startFakeWorkflowController({ kc: sandbox.kc, namespace, stepMs: 400 });
});

after(async () => {
  await controller?.stop();
  await operator?.stop();
  await sandbox?.stop();
});

function workflowFile(dir: string, outcome: WorkflowOutcome): string {
  const workflow = parse(
    readFileSync(path.join(repoRoot, 'examples/argo/chaos-load-workflow.yaml'), 'utf8'),
  ) as Workflow;
  workflow.metadata = {
    ...workflow.metadata,
    annotations: { [outcomeAnnotation]: outcome },
  } as Workflow['metadata'];
  const file = path.join(dir, `workflow-${outcome}.yaml`);
  writeFileSync(file, stringify(workflow));
  return file;
}

/** Plays litmus-checker: once the run's workflow exists, creates the engine its chaos step would. */
async function chaosStepCreatesEngine(runId: string, engineOutcome: Outcome): Promise<string> {
  const api = sandbox.kc.makeApiClient(CustomObjectsApi);
  for (let i = 0; i < 100; i++) {
    const { items } = (await api.listNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace,
      plural: 'workflows',
      labelSelector: `chaos-gate.io/run=${runId}`,
    })) as { items: Workflow[] };
    const workflow = items[0];
    if (workflow?.metadata.uid) {
      const name = uniqueName('wf-engine');
      await api.createNamespacedCustomObject({
        group: 'litmuschaos.io',
        version: 'v1alpha1',
        namespace,
        plural: 'chaosengines',
        body: {
          apiVersion: 'litmuschaos.io/v1alpha1',
          kind: 'ChaosEngine',
          metadata: {
            name,
            labels: { workflow_run_id: workflow.metadata.uid },
            annotations: { [outcomeAnnotation]: engineOutcome },
          },
          spec: {
            engineState: 'active',
            chaosServiceAccount: 'pod-delete-sa',
            experiments: [{ name: 'pod-delete' }],
          },
        },
      });
      return name;
    }
    await sleep(100);
  }
  throw new Error(`no workflow of run ${runId} appeared`);
}

function run(args: string[]) {
  return runEntry('dist/cli.js', [
    'run',
    '--kubeconfig',
    sandbox.kubeconfigPath,
    '--namespace',
    namespace,
    ...args,
  ]);
}

test('a passing workflow and a passing chaos step pass the gate; steps and verdicts are reported', async () => {
  const dir = workDir();
  const runId = uniqueName('wf-pass');
  const junit = path.join(dir, 'junit.xml');
  const finished = run([
    '--workflow',
    workflowFile(dir, 'pass'),
    '--run-id',
    runId,
    '--junit',
    junit,
    '--timeout',
    '60s',
  ]);
  const engine = await chaosStepCreatesEngine(runId, 'pass');
  const result = await finished.done;
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /\[argo\] argo-chaos\/chaos-load-[a-z0-9]+: Succeeded/);
  const xml = await readCheckedJUnit(junit);
  assert.match(xml, /<testsuite name="argo-chaos\/chaos-load-[a-z0-9]+"/);
  assert.match(xml, /name="pod-delete"[\s\S]*name="load-test"|name="load-test"[\s\S]*name="pod-delete"/);
  assert.match(xml, new RegExp(`<testsuite name="argo-chaos/${engine}"`));
});

test('a workflow that succeeds with a failed chaos verdict fails the gate', async () => {
  const dir = workDir();
  const runId = uniqueName('wf-verdict');
  const finished = run(['--workflow', workflowFile(dir, 'pass'), '--run-id', runId, '--timeout', '60s']);
  const engine = await chaosStepCreatesEngine(runId, 'fail-probe');
  const result = await finished.done;
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /: Succeeded/, 'Argo says the workflow succeeded');
  assert.match(result.stdout, new RegExp(`experiment argo-chaos/${engine} › pod-delete failed`));
});

test('an errored workflow fails the gate with the step error', async () => {
  const dir = workDir();
  const runId = uniqueName('wf-error');
  const finished = run(['--workflow', workflowFile(dir, 'error'), '--run-id', runId, '--timeout', '60s']);
  await chaosStepCreatesEngine(runId, 'pass');
  const result = await finished.done;
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /workflow-step argo-chaos\/chaos-load-[a-z0-9]+ › [^ ]+ errored/);
});

test('a Workflow from a WorkflowTemplate with parameters: its litmus-checker step creates the engine that is reported', async () => {
  // The shared chaos-load template, installed in the test namespace.
  const template = parse(
    readFileSync(sharedFixture('argo/templates/chaos-load-workflowtemplate.yaml'), 'utf8'),
  ) as {
    metadata: { namespace?: string };
  };
  template.metadata.namespace = namespace;
  await sandbox.kc.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    namespace,
    plural: 'workflowtemplates',
    body: template,
  });
  const dir = workDir();
  const junit = path.join(dir, 'junit.xml');
  const result = await run([
    '--workflow-template',
    'chaos-load',
    '--parameter',
    `adminModeNamespace=${namespace}`,
    '--parameter',
    'appLabel=app=checkout',
    '--junit',
    junit,
    '--timeout',
    '90s',
  ]).done;
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const xml = await readCheckedJUnit(junit);
  assert.match(xml, /<property name="template" value="chaos-load"\/>/);
  assert.match(xml, /<testsuite name="argo-chaos\/nginx-pod-delete"/, 'the engine the chaos step created');
  assert.match(xml, /<testcase classname="argo-chaos\/nginx-pod-delete" name="pod-delete"/);
});

test('a timeout stops the chaos engines first, then terminates the workflow', async () => {
  const dir = workDir();
  const runId = uniqueName('wf-timeout');
  const finished = run([
    '--workflow',
    workflowFile(dir, 'never'),
    '--run-id',
    runId,
    '--timeout',
    '3s',
    '--workflow-shutdown',
    'Terminate',
  ]);
  const engine = await chaosStepCreatesEngine(runId, 'never');
  const result = await finished.done;
  assert.equal(result.code, 1, result.stdout + result.stderr);
  const stopped = result.stdout.indexOf(`stopped ChaosEngine ${namespace}/${engine}`);
  const terminated = result.stdout.search(/workflow argo-chaos\/chaos-load-[a-z0-9]+: shutdown Terminate/);
  assert.ok(
    stopped >= 0 && terminated > stopped,
    `engine stopped before the workflow shutdown:\n${result.stdout}`,
  );
  await operator.waitFor(engine, 'aborted', 10_000);
  const shutdown = controller.events.find((e) => e.type === 'shutdown');
  assert.equal(shutdown?.detail, 'Terminate');
});
