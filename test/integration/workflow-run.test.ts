// `chaos-gate run --workflow` against a real API server and the real Argo workflow-controller
// (v4.0.5): the controller runs the steps, retries, exit handlers, DAGs and shutdowns itself. The test
// plays the kubelet and the executor (argo-controller.ts, each step's exit codes chosen here), the Litmus
// operator (fake-operator.ts) and, in chaos steps, litmus-checker creating the engine.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import { referenceOverrides } from '../../src/argo/restrictions.ts';
import type { Workflow, WorkflowNode } from '../../src/argo/types.ts';
import { startArgoController, stepAnnotations, type ArgoController } from '../support/argo-controller.ts';
import {
  outcomeAnnotation,
  startFakeOperator,
  type FakeOperator,
  type Outcome,
} from '../support/fake-operator.ts';
import { loadFixture, repoRoot } from '../support/fixtures.ts';
import { runEntry } from '../support/run-node.ts';
import {
  createFixtureTemplate,
  engineFile,
  exampleRbac,
  leftovers,
  uniqueName,
  useSandbox,
  workDir,
} from './helpers.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';

const namespace = 'argo-chaos';
const env = useSandbox(namespace, { stepMs: 300, argo: true });

interface Template {
  name: string;
  metadata?: { annotations?: Record<string, string> };
  inputs?: { artifacts?: { raw?: { data?: string } }[] };
  [key: string]: unknown;
}
type WorkflowManifest = Omit<Workflow, 'spec'> & { spec: { templates: Template[]; [key: string]: unknown } };

/** Annotations that tell the played kubelet what a template's pods do. */
const pods = (annotations: Record<string, string>) => ({ metadata: { annotations } });

/** The example chaos + load workflow, its engine told which verdict the Litmus stand-in plays. */
function exampleWorkflow(
  engine: Outcome,
  steps: Record<string, Record<string, string>> = {},
): WorkflowManifest {
  const workflow = parse(
    readFileSync(path.join(repoRoot, 'examples/argo/chaos-load-workflow.yaml'), 'utf8'),
  ) as WorkflowManifest;
  for (const template of workflow.spec.templates) {
    const raw = template.inputs?.artifacts?.[0]?.raw;
    if (raw?.data) {
      const manifest = parse(raw.data) as { metadata: { annotations?: Record<string, string> } };
      manifest.metadata.annotations = { [outcomeAnnotation]: engine };
      raw.data = stringify(manifest);
    }
    if (steps[template.name]) Object.assign(template, pods(steps[template.name] ?? {}));
  }
  return workflow;
}

/** Chaos that never ends and a load test that runs until the workflow is shut down, with an exit handler. */
function endlessWorkflowWithExitHandler(): WorkflowManifest {
  const workflow = exampleWorkflow('never', { 'load-test': { [stepAnnotations.run]: 'never' } });
  workflow.spec.onExit = 'cleanup';
  workflow.spec.templates.push({
    name: 'cleanup',
    container: { image: 'busybox:1.36', command: ['true'] },
  });
  return workflow;
}

function save(dir: string, workflow: object): string {
  const file = path.join(dir, `workflow-${uniqueName('wf')}.yaml`);
  writeFileSync(file, stringify(workflow));
  return file;
}

/** A small workflow of plain steps (each runs `true`; the played kubelet decides how it ends). */
function stepsWorkflow(spec: {
  entrypoint: string;
  templates: Template[];
  onExit?: string;
}): WorkflowManifest {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'steps-' },
    spec: {
      ...spec,
      templates: spec.templates.map((t) =>
        t.steps || t.dag ? t : { container: { image: 'busybox:1.36', command: ['sh', '-c', 'true'] }, ...t },
      ),
    },
  };
}

/** `chaos-gate run` keeping what it created (`--cleanup never`), so that the test can look at it. */
const run = (args: string[], options: { onStdout?: (text: string) => void } = {}) =>
  env.run(['--cleanup', 'never', ...args], options);

const api = () => env.sandbox.kc.makeApiClient(CustomObjectsApi);

/** A WorkflowTemplate in the test namespace, named uniquely after `prefix`: its name. */
async function createWorkflowTemplate(prefix: string, spec: WorkflowManifest['spec']): Promise<string> {
  const name = uniqueName(prefix);
  await api().createNamespacedCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    namespace,
    plural: 'workflowtemplates',
    body: { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name }, spec },
  });
  return name;
}

/** The workflows a run submitted (by its run label), as the API server has them now. */
async function workflowsOf(runId: string): Promise<Workflow[]> {
  const { items } = (await api().listNamespacedCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    namespace,
    plural: 'workflows',
    labelSelector: `chaos-gate.io/run=${runId}`,
  })) as { items: Workflow[] };
  return items;
}

/**
 * `run` of `workflow` beside a ChaosEngine, refused before any chaos: exit 2, no workflow submitted, the
 * engine not applied. Returns the workflow's file and stderr, for the test's own message.
 */
async function refusedBeforeChaos(dir: string, workflow: object): Promise<{ file: string; stderr: string }> {
  const file = save(dir, workflow);
  const engine = uniqueName('beside-workflow');
  const runId = uniqueName('wf-refused');
  const result = await run([
    '--workflow',
    file,
    '--engine',
    engineFile(dir, engine, 'pass', namespace),
    '--run-id',
    runId,
  ]).done;
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.deepEqual(await workflowsOf(runId), [], 'no workflow was submitted');
  assert.ok(
    !(await leftovers(env.sandbox.kc, namespace)).engines.includes(engine),
    'the ChaosEngine beside the workflow was not applied',
  );
  return { file, stderr: result.stderr };
}

/** The one workflow a run submitted. */
async function submitted(runId: string): Promise<Workflow> {
  const items = await workflowsOf(runId);
  assert.equal(items.length, 1, `one workflow of run ${runId}`);
  return items[0] as Workflow;
}

/** Polls the run's workflow until `done` holds. */
async function eventually(
  runId: string,
  done: (w: Workflow) => boolean,
  timeoutMs = 20_000,
): Promise<Workflow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const workflow = await submitted(runId);
    if (done(workflow)) return workflow;
    if (Date.now() > deadline) assert.fail(`workflow of ${runId}: ${JSON.stringify(workflow.status)}`);
    await sleep(200);
  }
}

const nodeNamed = (workflow: Workflow, name: string): WorkflowNode | undefined =>
  Object.values(workflow.status?.nodes ?? {}).find((n) => n.displayName === name);

/** Names of the ChaosEngines the run's workflow created (litmus-checker labels them with its uid). */
async function enginesOf(workflow: Workflow): Promise<string[]> {
  const { items } = (await api().listNamespacedCustomObject({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    namespace,
    plural: 'chaosengines',
    labelSelector: `workflow_run_id=${workflow.metadata.uid}`,
  })) as { items: { metadata: { name: string } }[] };
  return items.map((e) => e.metadata.name);
}

describe('a chaos workflow beside a load test', () => {
  test('a passing workflow and a passing chaos step pass the gate; steps and verdicts are reported', async () => {
    const dir = workDir();
    const runId = uniqueName('wf-pass');
    const junit = path.join(dir, 'junit.xml');
    const result = await env.run([
      '--workflow',
      save(dir, exampleWorkflow('pass')),
      '--run-id',
      runId,
      '--junit',
      junit,
      '--timeout',
      '60s',
    ]).done;
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /\[argo\] argo-chaos\/chaos-load-[a-z0-9]+: Succeeded/);
    const xml = await readCheckedJUnit(junit);
    const workflow = /<testsuite name="argo-chaos\/(chaos-load-[a-z0-9]+)"/.exec(xml)?.[1];
    assert.ok(workflow, xml);
    assert.match(xml, new RegExp(`<testcase classname="argo-chaos/${workflow}" name="pod-delete"`));
    assert.match(xml, new RegExp(`<testcase classname="argo-chaos/${workflow}" name="load-test"`));
    // The engine litmus-checker created from the step's artifact, with its verdict.
    assert.match(xml, /<testsuite name="argo-chaos\/checkout-pod-delete-[a-z0-9]+"[^>]*failures="0"/);
    assert.match(xml, /<testcase classname="argo-chaos\/checkout-pod-delete-[a-z0-9]+" name="pod-delete"/);
    // The default cleanup (always) removed the workflow the run submitted.
    assert.deepEqual(await workflowsOf(runId), [], 'the run deleted its workflow');
  });

  test('a workflow that succeeds with a failed chaos verdict fails the gate', async () => {
    const dir = workDir();
    const runId = uniqueName('wf-verdict');
    const result = await run(['--workflow', save(dir, exampleWorkflow('fail-probe')), '--run-id', runId])
      .done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      /\[argo\] argo-chaos\/chaos-load-[a-z0-9]+: Succeeded/,
      'Argo says it succeeded',
    );
    const [engine] = await enginesOf(await submitted(runId));
    assert.match(result.stdout, new RegExp(`experiment argo-chaos/${engine} › pod-delete failed`));
  });

  test('a step whose pod cannot start errors the workflow and fails the gate with the reason', async () => {
    const dir = workDir();
    const runId = uniqueName('wf-error');
    const workflow = exampleWorkflow('pass', {
      'load-test': { [stepAnnotations.failToStart]: 'ErrImagePull' },
    });
    const junit = path.join(dir, 'junit.xml');
    const result = await run(['--workflow', save(dir, workflow), '--run-id', runId, '--junit', junit]).done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /workflow-step argo-chaos\/chaos-load-[a-z0-9]+ › load-test errored/);
    assert.match(
      await readCheckedJUnit(junit),
      /name="load-test"[^>]*>[\s\S]*?<error message="Pod failed before main container starts due to ErrImagePull/,
    );
  });

  test('a Workflow from a WorkflowTemplate with parameters: its litmus-checker step creates the engine that is reported', async () => {
    await createFixtureTemplate(env.sandbox.kc, namespace);
    const dir = workDir();
    const junit = path.join(dir, 'junit.xml');
    const runId = uniqueName('wf-template');
    const result = await run([
      '--workflow-template',
      'chaos-load',
      '--parameter',
      `adminModeNamespace=${namespace}`,
      '--parameter',
      'appLabel=app=checkout',
      '--run-id',
      runId,
      '--junit',
      junit,
      '--timeout',
      '90s',
    ]).done;
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const workflow = await submitted(runId);
    const engine = (await api().getNamespacedCustomObject({
      group: 'litmuschaos.io',
      version: 'v1alpha1',
      namespace,
      plural: 'chaosengines',
      name: 'nginx-pod-delete',
    })) as { metadata: { labels: Record<string, string> }; spec: { appinfo: { applabel: string } } };
    assert.equal(
      engine.metadata.labels.workflow_run_id,
      workflow.metadata.uid,
      '{{workflow.uid}} substituted',
    );
    assert.equal(engine.spec.appinfo.applabel, 'app=checkout', 'the argument replaced the template default');
    const xml = await readCheckedJUnit(junit);
    assert.match(xml, /<property name="template" value="chaos-load"\/>/);
    assert.match(xml, /<testsuite name="argo-chaos\/nginx-pod-delete"/, 'the engine the chaos step created');
    assert.match(xml, /<testcase classname="argo-chaos\/nginx-pod-delete" name="pod-delete"/);
    assert.match(xml, /name="chaos-load-[a-z0-9]+\.onExit"/, 'the exit handler ran and is reported');
  });
});

describe('what Argo would refuse, said at once', () => {
  test('a missing WorkflowTemplate or ClusterWorkflowTemplate is refused by preflight, naming it, before anything is submitted', async () => {
    for (const [flag, message] of [
      [
        '--workflow-template',
        `WorkflowTemplate chaos-lod: not found in namespace ${namespace}, where the workflow is submitted (\`kubectl get workflowtemplates -n ${namespace}\` lists those there)`,
      ],
      [
        '--cluster-workflow-template',
        'ClusterWorkflowTemplate chaos-lod: not found in the cluster (`kubectl get clusterworkflowtemplates` lists those there)',
      ],
    ] as const) {
      const runId = uniqueName('wf-no-template');
      const result = await run([flag, 'chaos-lod', '--run-id', runId]).done;
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.ok(
        result.stderr.includes(`preflight failed, nothing was applied:\n${message}`),
        result.stdout + result.stderr,
      );
      assert.doesNotMatch(result.stdout, /submitted Workflow/);
      assert.deepEqual(await workflowsOf(runId), [], 'nothing was submitted');
    }
  });

  test('a templateRef to a missing WorkflowTemplate, or to a template it does not define, is refused by preflight, naming file, step and template: nothing is applied', async () => {
    const dir = workDir();
    const library = await createWorkflowTemplate(
      'chaos-lib',
      stepsWorkflow({ entrypoint: 'inject', templates: [{ name: 'inject' }] }).spec,
    );
    const workflow = (inject: string, verify: string) =>
      stepsWorkflow({
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            steps: [
              [{ name: 'inject', templateRef: { name: library, template: inject } }],
              [{ name: 'checks', template: 'checks' }],
            ],
          },
          {
            name: 'checks',
            dag: { tasks: [{ name: 'verify', templateRef: { name: verify, template: 'inject' } }] },
          },
        ],
      });
    const { file, stderr } = await refusedBeforeChaos(dir, workflow('injet', 'chaos-lod'));
    const message = [
      'preflight failed, nothing was applied:',
      `${file} (Workflow steps-): templates.main.steps[0].inject: WorkflowTemplate ${library} has no template "injet"; did you mean "inject"?`,
      `${file} (Workflow steps-): templates.checks.tasks.verify: WorkflowTemplate chaos-lod: not found in namespace ${namespace}, ` +
        `where the workflow is submitted (\`kubectl get workflowtemplates -n ${namespace}\` lists those there)`,
    ].join('\n');
    assert.ok(stderr.includes(message), stderr);

    // The same references, right: the controller finds them where preflight looked.
    const fixed = await run([
      '--workflow',
      save(dir, workflow('inject', library)),
      '--engine',
      engineFile(dir, uniqueName('beside-workflow'), 'pass', namespace),
    ]).done;
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stdout, /\[argo\] argo-chaos\/steps-[a-z0-9]+: Succeeded/);
  });

  test('a step that names a template the workflow does not define is refused before the cluster is touched: nothing is applied', async () => {
    const dir = workDir();
    const workflow = stepsWorkflow({
      entrypoint: 'main',
      templates: [{ name: 'main', steps: [[{ name: 'inject', template: 'injet' }]] }, { name: 'inject' }],
    });
    const { file, stderr } = await refusedBeforeChaos(dir, workflow);
    assert.equal(
      stderr,
      `chaos-gate: error: ${file} (Workflow steps-): templates.main.steps[0].inject: the workflow has no template "injet"; did you mean "inject"?\n`,
    );
  });

  test('inside an inline template, a step naming a template the workflow lacks is refused offline, a wrong templateRef in preflight: nothing is applied', async () => {
    const dir = workDir();
    const library = await createWorkflowTemplate(
      'inline-lib',
      stepsWorkflow({ entrypoint: 'notify', templates: [{ name: 'notify' }] }).spec,
    );
    // A step whose template is a DAG written in place (Argo 3.2 on), its tasks calling a template of
    // the workflow and one of the WorkflowTemplate.
    const workflow = (inject: string, notify: string) =>
      stepsWorkflow({
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            steps: [
              [
                {
                  name: 'chaos',
                  inline: {
                    dag: {
                      tasks: [
                        { name: 'inject', template: inject },
                        { name: 'tell', templateRef: { name: library, template: notify }, depends: 'inject' },
                      ],
                    },
                  },
                },
              ],
            ],
          },
          { name: 'inject' },
        ],
      });
    const refused = async (manifest: WorkflowManifest, message: string) => {
      const { file, stderr } = await refusedBeforeChaos(dir, manifest);
      assert.ok(stderr.includes(message.replaceAll('FILE', file)), stderr);
    };
    await refused(
      workflow('injet', 'notify'),
      'chaos-gate: error: FILE (Workflow steps-): templates.main.steps[0].chaos.inline.tasks.inject: the workflow has no template "injet"; did you mean "inject"?',
    );
    await refused(
      workflow('inject', 'notfy'),
      'preflight failed, nothing was applied:\nFILE (Workflow steps-): templates.main.steps[0].chaos.inline.tasks.tell: ' +
        `WorkflowTemplate ${library} has no template "notfy"; did you mean "notify"?`,
    );

    // Right, the controller runs both tasks of the inline DAG.
    const runId = uniqueName('wf-inline');
    const fixed = await run(['--workflow', save(dir, workflow('inject', 'notify')), '--run-id', runId]).done;
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    const ended = await submitted(runId);
    assert.equal(ended.status?.phase, 'Succeeded');
    assert.deepEqual(
      ['inject', 'tell'].map((task) => nodeNamed(ended, task)?.phase),
      ['Succeeded', 'Succeeded'],
    );
  });

  test('an entrypoint or onExit beside a workflowTemplateRef that the WorkflowTemplate does not define is refused by preflight, as the controller would fail it: nothing is applied', async () => {
    const dir = workDir();
    // Its own entrypoint is `inject`: a workflow that names `main` runs `main`.
    const chaos = await createWorkflowTemplate(
      'chaos-whole',
      stepsWorkflow({
        entrypoint: 'inject',
        templates: [
          { name: 'main', steps: [[{ name: 'inject', template: 'inject' }]] },
          { name: 'inject' },
          { name: 'cleanup' },
        ],
      }).spec,
    );
    const workflow = (entrypoint: string, onExit: string) => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'whole-' },
      spec: { workflowTemplateRef: { name: chaos }, entrypoint, onExit },
    });

    // What the controller does with them, submitted straight to it: it fails the workflow at once.
    for (const [entrypoint, onExit, message] of [
      ['mian', 'cleanup', `invalid spec: template reference ${chaos}.mian not found`],
      ['main', 'cleanp', `invalid spec: template reference ${chaos}.cleanp not found`],
    ] as const) {
      const runId = uniqueName('wf-direct');
      const direct = workflow(entrypoint, onExit);
      await api().createNamespacedCustomObject({
        group: 'argoproj.io',
        version: 'v1alpha1',
        namespace,
        plural: 'workflows',
        body: { ...direct, metadata: { ...direct.metadata, labels: { 'chaos-gate.io/run': runId } } },
      });
      const ended = await eventually(runId, (w) => Boolean(w.status?.phase && w.status.phase !== 'Running'));
      assert.deepEqual([ended.status?.phase, ended.status?.message], ['Failed', message]);
    }

    const { file, stderr } = await refusedBeforeChaos(dir, workflow('mian', 'cleanp'));
    const message = [
      'preflight failed, nothing was applied:',
      `${file} (Workflow whole-): spec.entrypoint: WorkflowTemplate ${chaos} has no template "mian"; did you mean "main"?`,
      `${file} (Workflow whole-): spec.onExit: WorkflowTemplate ${chaos} has no template "cleanp"; did you mean "cleanup"?`,
    ].join('\n');
    assert.ok(stderr.includes(message), stderr);

    // Right, the workflow's entrypoint and exit handler are the ones run.
    const fixedId = uniqueName('wf-whole');
    const fixed = await run(['--workflow', save(dir, workflow('main', 'cleanup')), '--run-id', fixedId]).done;
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    const ended = await submitted(fixedId);
    assert.equal(ended.status?.phase, 'Succeeded');
    const root = ended.status?.nodes?.[ended.metadata.name ?? ''];
    assert.deepEqual([root?.type, root?.templateName], ['Steps', 'main']);
    assert.equal(nodeNamed(ended, `${ended.metadata.name}.onExit`)?.phase, 'Succeeded');
  });

  test("a workflow that fails between steps, with no failed step, fails the gate at once with the controller's message", async () => {
    const dir = workDir();
    const junit = path.join(dir, 'junit.xml');
    const workflow = stepsWorkflow({
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          steps: [
            [{ name: 'pod-delete', template: 'pod-delete' }],
            [{ name: 'verify', template: 'pod-delete', withParam: '{{workflow.parameters.targets}}' }],
          ],
        },
        { name: 'pod-delete' },
      ],
    });
    Object.assign(workflow.spec, { arguments: { parameters: [{ name: 'targets', value: 'cart' }] } });
    const started = Date.now();
    const result = await run(['--workflow', save(dir, workflow), '--junit', junit]).done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.ok(Date.now() - started < 60_000, 'ended long before the 30m default timeout');
    assert.match(
      result.stdout,
      /workflow argo-chaos\/steps-[a-z0-9]+ › workflow failed: withParam value could not be parsed as a JSON list: cart/,
    );
    assert.doesNotMatch(result.stdout, /gate PASSED/);
    assert.match(
      await readCheckedJUnit(junit),
      /<testcase classname="argo-chaos\/steps-[a-z0-9]+" name="workflow"[^>]*>\s*<failure message="withParam value could not be parsed/,
    );
  });
});

describe('cancel and timeout', () => {
  test('a timeout stops the chaos engines first, then terminates the workflow (no exit handler)', async () => {
    const dir = workDir();
    const runId = uniqueName('wf-timeout');
    const workflow = endlessWorkflowWithExitHandler();
    const result = await run([
      '--workflow',
      save(dir, workflow),
      '--run-id',
      runId,
      '--timeout',
      '4s',
      '--workflow-shutdown',
      'Terminate',
    ]).done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    // Read as Argo writes a running workflow (its unreached times null): timed out, not unreadable.
    assert.match(result.stdout, /› workflow did not finish: still Running when the wait timed out/);
    const [engine] = await enginesOf(await submitted(runId));
    const stopped = result.stdout.indexOf(`stopped ChaosEngine ${namespace}/${engine}`);
    const terminated = result.stdout.search(/workflow argo-chaos\/chaos-load-[a-z0-9]+: shutdown Terminate/);
    assert.ok(
      stopped >= 0 && terminated > stopped,
      `engine stopped before the workflow shutdown:\n${result.stdout}`,
    );
    await env.operator.waitFor(engine ?? '', 'aborted', 10_000);
    const ended = await eventually(
      runId,
      (w) => w.metadata.labels?.['workflows.argoproj.io/completed'] === 'true',
    );
    assert.equal(ended.status?.phase, 'Failed');
    assert.equal(ended.status?.message, "Stopped with strategy 'Terminate'");
    assert.equal(
      Object.values(ended.status?.nodes ?? {}).some((n) => n.name?.endsWith('.onExit')),
      false,
      'Terminate runs no exit handler',
    );
  });

  test('SIGTERM stops the engines, then stops the workflow: its exit handler still runs', async () => {
    const dir = workDir();
    const runId = uniqueName('wf-stop');
    const workflow = endlessWorkflowWithExitHandler();
    let signalled = false;
    const started = run(['--workflow', save(dir, workflow), '--run-id', runId], {
      onStdout: (text) => {
        if (!signalled && /step pod-delete: Running/.test(text)) {
          signalled = true;
          started.kill('SIGTERM');
        }
      },
    });
    const result = await started.done;
    assert.equal(result.code, 143, result.stdout + result.stderr);
    assert.match(result.stdout, /stopped ChaosEngine argo-chaos\/[\s\S]*shutdown Stop/);
    // Cut short by the cancel, not outlasting the run: stopped, as its engine is.
    assert.match(
      result.stdout,
      /› pod-delete was stopped: still Running when the run was cancelled \(SIGTERM\)[\s\S]*› workflow was stopped: still Running when the run was cancelled \(SIGTERM\)/,
    );
    const ended = await eventually(
      runId,
      (w) => w.metadata.labels?.['workflows.argoproj.io/completed'] === 'true',
    );
    assert.equal(ended.status?.message, "Stopped with strategy 'Stop'");
    assert.equal(
      nodeNamed(ended, `${ended.metadata.name}.onExit`)?.phase,
      'Succeeded',
      'Stop runs the exit handler',
    );
  });
});

describe('a live engine of the wrong shape, once the chaos is over', () => {
  /**
   * Once the engine the run's workflow created has completed, rewrites its status.experiments, which
   * the API server leaves unchecked (as upstream's CRD does), into a mapping: a shape no Litmus writes
   * and the converter cannot read. Returns the engine's name.
   */
  async function garbleWhenCompleted(runId: string): Promise<string> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [workflow] = await workflowsOf(runId);
      const { items } = workflow
        ? ((await api().listNamespacedCustomObject({
            group: 'litmuschaos.io',
            version: 'v1alpha1',
            namespace,
            plural: 'chaosengines',
            labelSelector: `workflow_run_id=${workflow.metadata.uid}`,
          })) as { items: { metadata: { name: string }; status?: { engineStatus?: string } }[] })
        : { items: [] };
      const engine = items.find((e) => e.status?.engineStatus === 'completed');
      if (engine) {
        await api().patchNamespacedCustomObject(
          {
            group: 'litmuschaos.io',
            version: 'v1alpha1',
            namespace,
            plural: 'chaosengines',
            name: engine.metadata.name,
            body: { status: { experiments: { name: 'pod-delete' } } },
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        );
        return engine.metadata.name;
      }
      if (Date.now() > deadline) assert.fail(`no completed engine of run ${runId}`);
      await sleep(100);
    }
  }

  test('a chaos step engine whose status is of the wrong shape is an errored case naming the field: the run ends with its verdict (exit 1) and cleans up', async () => {
    const dir = workDir();
    const runId = uniqueName('wf-unread');
    // The load step runs on after the chaos, so the engine is rewritten before the workflow ends.
    const workflow = exampleWorkflow('pass', { 'load-test': { [stepAnnotations.runMs]: '6000' } });
    const started = env.run(['--workflow', save(dir, workflow), '--run-id', runId, '--timeout', '60s']);
    const garbled = garbleWhenCompleted(runId);
    const result = await started.done;
    const engine = await garbled;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.doesNotMatch(result.stderr, /chaos-gate: error|TypeError/);
    assert.match(result.stdout, /gate FAILED \(\d+ passed, 0 failed, 1 errored, 0 skipped\)/);
    assert.ok(
      result.stdout.includes(
        `${namespace}/${engine} › (engine) errored: ChaosEngine ${namespace}/${engine}: field status.experiments: expected a list, got a mapping`,
      ),
      result.stdout,
    );
    assert.match(
      result.stdout,
      /cleanup: removed \d+ object\(s\): .*Workflow argo-chaos\/chaos-load-[a-z0-9]+/,
    );
    assert.deepEqual(await workflowsOf(runId), [], 'the default cleanup (always) deleted the workflow');
  });
});

describe('what Argo decides, read right', () => {
  test('a step that fails once and passes on retry passes the gate and is reported as flaky', async () => {
    const dir = workDir();
    const runId = uniqueName('wf-retry');
    const junit = path.join(dir, 'junit.xml');
    const workflow = stepsWorkflow({
      entrypoint: 'main',
      templates: [
        { name: 'main', steps: [[{ name: 'smoke-test', template: 'smoke-test' }]] },
        {
          name: 'smoke-test',
          retryStrategy: { limit: 2 },
          ...pods({ [stepAnnotations.exitCodes]: '1,0' }),
        },
      ],
    });
    const result = await run(['--workflow', save(dir, workflow), '--run-id', runId, '--junit', junit]).done;
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /gate PASSED/);
    const xml = await readCheckedJUnit(junit);
    const smoke = /<testcase[^>]*name="smoke-test"[^>]*>[\s\S]*?<\/testcase>/.exec(xml)?.[0] ?? '';
    assert.doesNotMatch(smoke, /<failure|<error/);
    assert.match(
      smoke,
      /<system-out>passed on attempt 2 after 1 failed\nattempt 1 \(smoke-test\(0\)\): Failed — main: Error \(exit code 1\)\nattempt 2 \(smoke-test\(1\)\): Succeeded/,
    );
    assert.doesNotMatch(xml, /name="smoke-test\(0\)"/, 'the failed attempt is no testcase of its own');

    // The same workflow as recorded by `kubectl get -o yaml`, converted offline.
    const recorded = path.join(dir, 'recorded.yaml');
    writeFileSync(recorded, stringify(await submitted(runId)));
    const report = await runEntry('dist/cli.js', ['report', '--workflow', recorded]).done;
    assert.equal(report.code, 0, report.stdout + report.stderr);
  });

  test('a failed step the workflow tolerates (continueOn) does not fail the gate, and says so', async () => {
    const dir = workDir();
    const junit = path.join(dir, 'junit.xml');
    const workflow = stepsWorkflow({
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          steps: [
            [
              { name: 'optional-check', template: 'optional-check', continueOn: { failed: true } },
              { name: 'pod-delete', template: 'pod-delete' },
            ],
          ],
        },
        { name: 'optional-check', ...pods({ [stepAnnotations.exitCodes]: '2' }) },
        { name: 'pod-delete' },
      ],
    });
    const result = await run(['--workflow', save(dir, workflow), '--junit', junit]).done;
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /: Succeeded/);
    assert.match(
      await readCheckedJUnit(junit),
      /name="optional-check"[^>]*>\s*<skipped message="Failed, tolerated by the workflow \(it continued\): main: Error \(exit code 2\)"/,
    );
  });

  test('a failing exit handler fails the workflow and the gate, though every step passed', async () => {
    const dir = workDir();
    const junit = path.join(dir, 'junit.xml');
    const workflow = stepsWorkflow({
      entrypoint: 'main',
      onExit: 'cleanup',
      templates: [
        { name: 'main', steps: [[{ name: 'pod-delete', template: 'pod-delete' }]] },
        { name: 'pod-delete' },
        { name: 'cleanup', ...pods({ [stepAnnotations.exitCodes]: '1' }) },
      ],
    });
    const result = await run(['--workflow', save(dir, workflow), '--junit', junit]).done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /\[argo\] argo-chaos\/steps-[a-z0-9]+: Failed/);
    const xml = await readCheckedJUnit(junit);
    assert.match(xml, /<testcase [^>]*name="pod-delete"[^>]*\/>/, 'the step itself passed');
    assert.match(
      xml,
      /name="steps-[a-z0-9]+\.onExit"[^>]*>[\s\S]*?<failure message="main: Error \(exit code 1\)"/,
    );
  });

  test('a DAG with fail-fast: the failed task fails the gate, the task already running still finishes', async () => {
    const dir = workDir();
    const runId = uniqueName('wf-dag');
    const junit = path.join(dir, 'junit.xml');
    const workflow = stepsWorkflow({
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          dag: {
            failFast: true,
            tasks: [
              { name: 'inject', template: 'inject' },
              { name: 'load', template: 'load' },
              { name: 'verify', template: 'verify', dependencies: ['inject'] },
            ],
          },
        },
        { name: 'inject', ...pods({ [stepAnnotations.exitCodes]: '3' }) },
        { name: 'load', ...pods({ [stepAnnotations.runMs]: '1500' }) },
        { name: 'verify' },
      ],
    });
    const result = await run(['--workflow', save(dir, workflow), '--run-id', runId, '--junit', junit]).done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /workflow-step argo-chaos\/steps-[a-z0-9]+ › inject failed/);
    const ended = await submitted(runId);
    assert.equal(ended.status?.phase, 'Failed');
    assert.equal(
      nodeNamed(ended, 'verify')?.phase,
      'Omitted',
      'fail-fast scheduled nothing after the failure',
    );
    const xml = await readCheckedJUnit(junit);
    assert.match(xml, /<testcase [^>]*name="load"[^>]*\/>/, 'the running task finished and passed');
    assert.match(xml, /name="verify"[^>]*>\s*<skipped message="omitted: depends condition not met"/);
    assert.match(xml, /name="inject"[^>]*>[\s\S]*?<failure message="main: Error \(exit code 3\)"/);
  });
});

describe('under a controller that runs only WorkflowTemplates (templateReferencing: Secure)', () => {
  // A hardened installation: its controller errors a Workflow without a workflowTemplateRef, one that
  // references a template but sets spec fields only a template may set, and (Secure, which is Strict
  // and more) one whose template changes while it runs. One controller of its own, in its own namespace.
  const secure = 'argo-secure';
  let controller: ArgoController | undefined;
  let operator: FakeOperator | undefined;
  before(async () => {
    controller = await startArgoController({
      sandbox: env.sandbox,
      namespace: secure,
      config: { workflowRestrictions: { templateReferencing: 'Secure' } },
    });
    operator = await startFakeOperator({ kc: env.sandbox.kc, namespace: secure, stepMs: 300 });
  });
  after(async () => {
    await controller?.stop();
    await operator?.stop();
  });
  const runIn = (args: string[], options: { onStdout?: (text: string) => void } = {}) =>
    env.run(['--namespace', secure, ...args], options);
  const workflowsIn = async (runId: string): Promise<Workflow[]> =>
    (
      (await api().listNamespacedCustomObject({
        group: 'argoproj.io',
        version: 'v1alpha1',
        namespace: secure,
        plural: 'workflows',
        labelSelector: `chaos-gate.io/run=${runId}`,
      })) as { items: Workflow[] }
    ).items;

  /** The fixture WorkflowTemplate in the namespace, its engine named `engine` and playing `outcome`. */
  async function chaosTemplate(engine: string, outcome: Outcome, load: Record<string, string> = {}) {
    const template = loadFixture<{
      metadata: { name: string; namespace?: string };
      spec: WorkflowManifest['spec'];
    }>('argo/chaos-load-workflowtemplate.yaml');
    template.metadata = { name: uniqueName('chaos-load'), namespace: secure };
    for (const step of template.spec.templates) {
      const raw = step.inputs?.artifacts?.[0]?.raw;
      if (raw?.data) {
        const manifest = parse(raw.data) as {
          metadata: { name: string; annotations?: Record<string, string> };
        };
        manifest.metadata.name = engine;
        manifest.metadata.annotations = { [outcomeAnnotation]: outcome };
        raw.data = stringify(manifest);
      }
      if (step.name === 'load-test') Object.assign(step, pods(load));
    }
    await api().createNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: secure,
      plural: 'workflowtemplates',
      body: { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', ...template },
    });
    return template.metadata.name;
  }

  test('workflow.template runs and is judged as usual; the run adds to the Workflow only what such a controller lets it set', async () => {
    const engine = uniqueName('secure-pod-delete');
    const template = await chaosTemplate(engine, 'fail-probe');
    const runId = uniqueName('wf-secure');
    const result = await runIn([
      '--cleanup',
      'never',
      '--workflow-template',
      template,
      '--parameter',
      `adminModeNamespace=${secure}`,
      '--run-id',
      runId,
      '--timeout',
      '90s',
    ]).done;
    // Argo's Succeeded is not the verdict: the probe failed.
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /\[argo\] argo-secure\/chaos-load-[a-z0-9-]+: Succeeded/);
    assert.match(result.stdout, new RegExp(`experiment argo-secure/${engine} › pod-delete failed`));
    const [workflow] = await workflowsIn(runId);
    assert.equal(workflow && nodeNamed(workflow, `${workflow.metadata.name}.onExit`)?.phase, 'Succeeded');
    // Beside a workflowTemplateRef such a controller errors any other spec field (v4.0.5 on).
    assert.deepEqual(
      Object.keys(workflow?.spec ?? {}).filter(
        (field) => !(referenceOverrides as readonly string[]).includes(field),
      ),
      [],
      JSON.stringify(workflow?.spec),
    );
  });

  test("a timeout stops the engines, then stops the workflow: the template's exit handler runs, and the shutdown is no change of spec Secure refuses", async () => {
    const engine = uniqueName('secure-endless');
    const template = await chaosTemplate(engine, 'never', { [stepAnnotations.run]: 'never' });
    const runId = uniqueName('wf-secure-timeout');
    const result = await runIn([
      '--cleanup',
      'never',
      '--workflow-template',
      template,
      '--parameter',
      `adminModeNamespace=${secure}`,
      '--run-id',
      runId,
      '--timeout',
      '6s',
    ]).done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const stopped = result.stdout.indexOf(`stopped ChaosEngine ${secure}/${engine}`);
    const shutdown = result.stdout.search(/workflow argo-secure\/chaos-load-[a-z0-9-]+: shutdown Stop/);
    assert.ok(stopped >= 0 && shutdown > stopped, `engine stopped before the workflow:\n${result.stdout}`);
    const deadline = Date.now() + 20_000;
    let ended: Workflow | undefined;
    while (Date.now() < deadline) {
      [ended] = await workflowsIn(runId);
      if (ended?.metadata.labels?.['workflows.argoproj.io/completed'] === 'true') break;
      await sleep(200);
    }
    assert.deepEqual(
      [ended?.status?.phase, ended?.status?.message],
      ['Failed', "Stopped with strategy 'Stop'"],
    );
    assert.equal(ended && nodeNamed(ended, `${ended.metadata.name}.onExit`)?.phase, 'Succeeded');
  });

  test("a Workflow with templates of its own: the controller's refusal, naming the file, saying what to do; the gate fails and the run takes back what it applied", async () => {
    const dir = workDir();
    const runId = uniqueName('wf-secure-inline');
    const file = save(dir, exampleWorkflow('pass'));
    const result = await runIn([
      '--workflow',
      file,
      '--engine',
      engineFile(dir, uniqueName('beside'), 'pass', secure),
      '--rbac',
      exampleRbac,
      '--run-id',
      runId,
    ]).done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.ok(
      result.stdout.includes(
        `› workflow errored: ${file} (Workflow chaos-load-): the workflow controller refused to run it: ` +
          '"workflows must use workflowTemplateRef to be executed when the controller is in reference mode"; ' +
          'the controller runs only WorkflowTemplates (workflowRestrictions.templateReferencing Strict or Secure in its workflow-controller-configmap): ' +
          "put the workflow's templates in a WorkflowTemplate and run that with workflow.template (--workflow-template), or ask for the restriction to be lifted",
      ),
      result.stdout,
    );
    assert.deepEqual(await workflowsIn(runId), [], 'the refused workflow was deleted');
    const left = await leftovers(env.sandbox.kc, secure);
    assert.deepEqual(
      [
        left.engines.filter((e) => e.startsWith('beside-')),
        left.serviceAccounts,
        left.roles,
        left.roleBindings,
      ],
      [[], [], [], []],
      'no engine or RBAC of the run is left',
    );
  });

  test('a Workflow that references a WorkflowTemplate and sets a field only a template may set: refused, naming the file and the fields it may set', async () => {
    const dir = workDir();
    const template = await chaosTemplate(uniqueName('secure-unused'), 'pass');
    const runId = uniqueName('wf-secure-field');
    const file = save(dir, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'chaos-' },
      spec: { workflowTemplateRef: { name: template }, serviceAccountName: 'argo-chaos' },
    });
    const result = await runIn(['--workflow', file, '--run-id', runId]).done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.ok(
      result.stdout.includes(
        `› workflow errored: ${file} (Workflow chaos-): the workflow controller refused to run it: ` +
          '"fields [ServiceAccountName] are not permitted when using workflowTemplateRef with templateReferencing restriction"; ' +
          'the controller runs only WorkflowTemplates (workflowRestrictions.templateReferencing Strict or Secure in its workflow-controller-configmap), ' +
          'and a workflow that references one may set only arguments, entrypoint, shutdown, suspend, activeDeadlineSeconds, priority, ttlStrategy, podGC, volumeClaimGC, archiveLogs, workflowMetadata, workflowTemplateRef, metrics, artifactGC: ' +
          'move the other fields into the WorkflowTemplate, or ask for the restriction to be lifted',
      ),
      result.stdout,
    );
  });

  test('a WorkflowTemplate changed while its run goes on: the controller errors the workflow, and the chaos its step started is stopped, not left running', async () => {
    const engine = uniqueName('secure-changed');
    const template = await chaosTemplate(engine, 'never', { [stepAnnotations.run]: 'never' });
    const runId = uniqueName('wf-secure-changed');
    let changed: Promise<unknown> | undefined;
    const started = runIn(
      [
        '--workflow-template',
        template,
        '--parameter',
        `adminModeNamespace=${secure}`,
        '--run-id',
        runId,
        '--timeout',
        '60s',
      ],
      {
        onStdout: (text) => {
          if (changed || !/step pod-delete: Running/.test(text)) return;
          // A template default changed under the run (merge patch: the parameters list is replaced whole).
          changed = api().patchNamespacedCustomObject(
            {
              group: 'argoproj.io',
              version: 'v1alpha1',
              namespace: secure,
              plural: 'workflowtemplates',
              name: template,
              body: {
                spec: {
                  arguments: {
                    parameters: [
                      { name: 'adminModeNamespace', value: 'litmus' },
                      { name: 'appNamespace', value: 'default' },
                      { name: 'appLabel', value: 'app=changed' },
                    ],
                  },
                },
              },
            },
            setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
          );
        },
      },
    );
    const result = await started.done;
    await changed;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.ok(
      result.stdout.includes(
        '› workflow errored: the workflow controller stopped running it: ' +
          '"WorkflowSpec may not change during execution when the controller is set `templateReferencing: Secure`"; ' +
          "the WorkflowTemplate it runs (or the controller's workflowDefaults) changed while it ran",
      ),
      result.stdout,
    );
    assert.match(
      result.stdout,
      new RegExp(
        `workflow argo-secure/chaos-load-[a-z0-9-]+ ended \\(Error\\) while chaos its steps started still runs \\(ChaosEngine ${secure}/${engine}\\): stopping the chaos`,
      ),
    );
    assert.match(result.stdout, new RegExp(`stopped ChaosEngine ${secure}/${engine}`));
    // The workflow had already ended: nothing to shut down, and the log does not say it was.
    assert.doesNotMatch(result.stdout, /workflow argo-secure\/chaos-load-[a-z0-9-]+: shutdown/);
    assert.match(
      result.stdout,
      new RegExp(
        `experiment ${secure}/${engine} › pod-delete was stopped: stopped by chaos-gate when workflow argo-secure/chaos-load-[a-z0-9-]+ ended \\(Error\\) with it still running`,
      ),
    );
    await operator?.waitFor(engine, 'aborted', 10_000);
  });
});
