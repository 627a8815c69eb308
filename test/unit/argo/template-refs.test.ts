// The templateRefs preflight follows, read through a stand-in for the API server: those of hooks and
// exit handlers too, which the controller runs as steps, though Argo's validation does not look at them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TemplateRef, WorkflowObject } from '../../../src/argo/submit.ts';
import { templateRefProblems, type WorkflowTemplateObject } from '../../../src/argo/template-refs.ts';

/** The (Cluster)WorkflowTemplates there are, by name: `lib` defines `notify` and `cleanup`. */
const library: Record<string, WorkflowTemplateObject> = {
  lib: { spec: { templates: [{ name: 'notify' }, { name: 'cleanup' }] } },
};

async function problemsOf(spec: WorkflowObject['spec'], templates = library): Promise<string[]> {
  const workflow: WorkflowObject = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'chaos-' },
    spec,
  };
  return templateRefProblems(workflow, 'wf.yaml (Workflow chaos-)', {
    namespace: 'ci',
    read: (ref: TemplateRef) => Promise.resolve(templates[ref.name]),
    warn: (line) => assert.fail(line),
  });
}

const ref = (template: string, name = 'lib') => ({ templateRef: { name, template } });

test("a templateRef in a step's or a DAG task's hooks or exit handler is followed", async () => {
  const problems = await problemsOf({
    entrypoint: 'main',
    templates: [
      {
        name: 'main',
        steps: [[{ name: 'inject', template: 'inject', hooks: { exit: ref('cleanp') } }]],
      },
      {
        name: 'checks',
        dag: {
          tasks: [
            {
              name: 'verify',
              template: 'inject',
              hooks: { running: { expression: 'true', ...ref('notfy') } },
            },
          ],
        },
      },
      { name: 'inject', container: { image: 'alpine' } },
    ],
  });
  assert.deepEqual(problems, [
    'wf.yaml (Workflow chaos-): templates.main.steps[0].inject.hooks.exit: WorkflowTemplate lib has no template "cleanp"; did you mean "cleanup"?',
    'wf.yaml (Workflow chaos-): templates.checks.tasks.verify.hooks.running: WorkflowTemplate lib has no template "notfy"; did you mean "notify"?',
  ]);
});

test("a templateRef in the workflow's own hooks is followed, also beside a workflowTemplateRef", async () => {
  const hooks = { exit: ref('cleanup', 'lib-v2'), running: { expression: 'true', ...ref('notify') } };
  assert.deepEqual(await problemsOf({ entrypoint: 'main', hooks, templates: [{ name: 'main' }] }), [
    'wf.yaml (Workflow chaos-): spec.hooks.exit: WorkflowTemplate lib-v2: not found in namespace ci, where the workflow is submitted (`kubectl get workflowtemplates -n ci` lists those there)',
  ]);
  // One resolved only when the hook fires is Argo's.
  const later = { exit: ref('cleanup', '{{workflow.parameters.lib}}') };
  assert.deepEqual(await problemsOf({ entrypoint: 'main', hooks: later, templates: [{ name: 'main' }] }), []);
  assert.deepEqual(await problemsOf({ workflowTemplateRef: { name: 'lib' }, hooks }), [
    'wf.yaml (Workflow chaos-): spec.hooks.exit: WorkflowTemplate lib-v2: not found in namespace ci, where the workflow is submitted (`kubectl get workflowtemplates -n ci` lists those there)',
  ]);
});

test('the hooks of a WorkflowTemplate the workflow runs by workflowTemplateRef are followed', async () => {
  const problems = await problemsOf(
    { workflowTemplateRef: { name: 'chaos' } },
    {
      ...library,
      chaos: { spec: { entrypoint: 'main', hooks: { exit: ref('cleanpu') }, templates: [{ name: 'main' }] } },
    },
  );
  assert.deepEqual(problems, [
    'wf.yaml (Workflow chaos-): spec.workflowTemplateRef → WorkflowTemplate chaos: spec.hooks.exit: WorkflowTemplate lib has no template "cleanpu"; did you mean "cleanup"?',
  ]);
});

test('a step of a WorkflowTemplate naming a template that one lacks is refused: the controller would fail it', async () => {
  const chaos = {
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'main', steps: [[{ name: 'kill', template: 'kil' }], [{ name: 'tell', ...ref('notify') }]] },
        { name: 'kill', container: { image: 'alpine' } },
      ],
    },
  };
  const viaRef = await problemsOf(
    {
      entrypoint: 'main',
      templates: [{ name: 'main', steps: [[{ name: 'chaos', ...ref('main', 'chaos') }]] }],
    },
    { ...library, chaos },
  );
  assert.deepEqual(viaRef, [
    'wf.yaml (Workflow chaos-): templates.main.steps[0].chaos → WorkflowTemplate chaos: templates.main.steps[0].kill: WorkflowTemplate chaos has no template "kil"; did you mean "kill"?',
  ]);
  // Run whole by workflowTemplateRef, with the entrypoint named anew by the workflow: that one is the workflow's.
  const renamed = { spec: { ...chaos.spec, entrypoint: 'start' } };
  assert.deepEqual(
    await problemsOf(
      { workflowTemplateRef: { name: 'chaos' }, entrypoint: 'main' },
      { ...library, chaos: renamed },
    ),
    [
      'wf.yaml (Workflow chaos-): spec.workflowTemplateRef → WorkflowTemplate chaos: templates.main.steps[0].kill: WorkflowTemplate chaos has no template "kil"; did you mean "kill"?',
    ],
  );
});

test('a templateRef inside an inline template is followed, as is a template an inline step calls', async () => {
  const problems = await problemsOf({
    entrypoint: 'main',
    templates: [
      {
        name: 'main',
        dag: {
          tasks: [
            {
              name: 'chaos',
              inline: {
                steps: [
                  [
                    { name: 'tell', ...ref('notfy') },
                    { name: 'check', template: 'checks' },
                  ],
                ],
              },
            },
          ],
        },
      },
      { name: 'checks', steps: [[{ name: 'clean', ...ref('cleanp') }]] },
    ],
  });
  assert.deepEqual(problems, [
    'wf.yaml (Workflow chaos-): templates.main.tasks.chaos.inline.steps[0].tell: WorkflowTemplate lib has no template "notfy"; did you mean "notify"?',
    'wf.yaml (Workflow chaos-): templates.checks.steps[0].clean: WorkflowTemplate lib has no template "cleanp"; did you mean "cleanup"?',
  ]);
});

test("a workflow's entrypoint and onExit beside a workflowTemplateRef name templates of the template it runs", async () => {
  const chaos = {
    spec: { entrypoint: 'main', onExit: 'cleanup', templates: [{ name: 'main' }, { name: 'cleanup' }] },
  };
  const templates = { ...library, chaos };
  assert.deepEqual(
    await problemsOf(
      { workflowTemplateRef: { name: 'chaos' }, entrypoint: 'mian', onExit: 'notify' },
      templates,
    ),
    [
      'wf.yaml (Workflow chaos-): spec.entrypoint: WorkflowTemplate chaos has no template "mian"; did you mean "main"?',
      'wf.yaml (Workflow chaos-): spec.onExit: WorkflowTemplate chaos has no template "notify"; it has "main", "cleanup"',
    ],
  );
  assert.deepEqual(
    await problemsOf(
      { workflowTemplateRef: { name: 'chaos' }, entrypoint: 'cleanup', onExit: 'main' },
      templates,
    ),
    [],
  );
  // Unset by the workflow, the template's own are run, and checked.
  const broken = { spec: { ...chaos.spec, entrypoint: 'start', onExit: 'cleanpu' } };
  assert.deepEqual(
    await problemsOf({ workflowTemplateRef: { name: 'chaos' } }, { ...library, chaos: broken }),
    [
      'wf.yaml (Workflow chaos-): spec.workflowTemplateRef → WorkflowTemplate chaos: spec.entrypoint: WorkflowTemplate chaos has no template "start"; it has "main", "cleanup"',
      'wf.yaml (Workflow chaos-): spec.workflowTemplateRef → WorkflowTemplate chaos: spec.onExit: WorkflowTemplate chaos has no template "cleanpu"; did you mean "cleanup"?',
    ],
  );
});
