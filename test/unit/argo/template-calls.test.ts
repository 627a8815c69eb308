// The one walker over the templates a spec calls: into inline templates, and with a workflow's own
// entrypoint, onExit and hooks taking the place of those of the template it runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { callsOf, specOf, type Call } from '../../../src/argo/template-calls.ts';

const where = (calls: Call[]) =>
  calls.map((c) => `${c.path} → ${c.ref ? `${c.ref.name}.` : ''}${c.template}`);

test('the steps, tasks and hooks of inline templates, at any depth, are calls of the template that holds them', () => {
  const calls = callsOf('main', {
    steps: [
      [
        {
          name: 'chaos',
          inline: {
            dag: {
              tasks: [
                { name: 'inject', templateRef: { name: 'lib', template: 'pod-delete' } },
                {
                  name: 'probe',
                  inline: {
                    steps: [
                      [{ name: 'verify', template: 'verify', hooks: { exit: { template: 'notify' } } }],
                    ],
                  },
                },
                { name: 'leaf', inline: { container: { image: 'alpine' } } },
              ],
            },
          },
        },
      ],
    ],
  });
  assert.deepEqual(where(calls), [
    'templates.main.steps[0].chaos.inline.tasks.inject → lib.pod-delete',
    'templates.main.steps[0].chaos.inline.tasks.probe.inline.steps[0].verify → verify',
    'templates.main.steps[0].chaos.inline.tasks.probe.inline.steps[0].verify.hooks.exit → notify',
  ]);
});

test('an inline template a YAML alias makes hold itself is walked once, not forever', () => {
  const { spec } = parse(`
spec:
  templates:
    - name: main
      steps:
        - - &step {name: again, template: inject, inline: {steps: [[*step]]}}
`) as { spec: { templates: Record<string, unknown>[] } };
  const [main] = spec.templates;
  assert.deepEqual(where(callsOf('main', main ?? {})), [
    'templates.main.steps[0].again → inject',
    'templates.main.steps[0].again.inline.steps[0].again → inject',
  ]);
});

test("a workflow's entrypoint, onExit and hooks take the place of those of the template it runs", () => {
  const template = {
    entrypoint: 'start',
    onExit: 'cleanup',
    hooks: { exit: { template: 'notify' }, running: { expression: 'true', template: 'watch' } },
    templates: [{ name: 'start' }],
  };
  assert.deepEqual(where(specOf(template).own), [
    'spec.entrypoint → start',
    'spec.onExit → cleanup',
    'spec.hooks.exit → notify',
    'spec.hooks.running → watch',
  ]);
  // Set by the workflow, even to a name resolved only when it runs: the template's are not run.
  const workflow = { entrypoint: '{{workflow.parameters.entry}}', onExit: 'report', hooks: { exit: {} } };
  assert.deepEqual(where(specOf(template, workflow).own), ['spec.hooks.running → watch']);
  assert.deepEqual([...specOf(template, workflow).templates.keys()], ['start']);
});
