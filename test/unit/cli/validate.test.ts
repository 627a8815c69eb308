// `validate` refuses what `run` refuses before connecting, through the same code and in the same words:
// the kubeconfig read and its context resolved, flags that exclude each other, the templates a
// workflow runs, each target's blast radius. Nothing here reaches a cluster: the kubeconfig's server
// is a port nothing listens on.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { main } from '../../../src/cli/main.ts';
import { setEnv } from '../../support/env.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-validate-'));
const file = (name: string, content: string) => {
  const at = path.join(dir, name);
  mkdirSync(path.dirname(at), { recursive: true });
  writeFileSync(at, content);
  return at;
};
const kubeconfig = file(
  'kubeconfig',
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'staging', cluster: { server: 'https://127.0.0.1:9' } }],
    users: [{ name: 'ci', user: { token: 'not-sent' } }],
    contexts: [{ name: 'staging-eu', context: { cluster: 'staging', user: 'ci' } }],
    'current-context': 'staging-eu',
  }),
);
const engine = file(
  'engine.yaml',
  'apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\nmetadata:\n  name: cart\nspec:\n  engineState: active\n  appinfo: { appns: shop, applabel: app=cart, appkind: deployment }\n  experiments:\n    - name: pod-delete\n',
);
/** Beside a good engine, one whose env var has its name misspelt: Litmus would run with the default. */
const misspeltEnv = file(
  'misspelt/engine.yaml',
  `${readFileSync(engine, 'utf8')}---\n${stringify({
    apiVersion: 'litmuschaos.io/v1alpha1',
    kind: 'ChaosEngine',
    metadata: { name: 'nginx-chaos' },
    spec: {
      appinfo: { appns: 'shop', applabel: 'app=nginx', appkind: 'deployment' },
      experiments: [
        {
          name: 'pod-delete',
          spec: { components: { env: [{ nmae: 'TOTAL_CHAOS_DURATION', value: '60' }] } },
        },
      ],
    },
  })}`,
);
/** A step that runs `injet`, where the workflow defines `inject`: the controller would fail it after the chaos. */
const undefinedStep = file(
  'workflow.yaml',
  stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'chaos-' },
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'main', steps: [[{ name: 'inject', template: 'injet' }]] },
        { name: 'inject', container: { image: 'alpine' } },
      ],
    },
  }),
);
const config = (name: string, settings: Record<string, unknown>) =>
  file(`${name}/chaos-gate.yaml`, stringify({ engines: [engine], ...settings }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('validate refuses what run refuses before connecting, with the same message', async () => {
  const cases: { what: string; args: string[]; names: RegExp }[] = [
    {
      what: 'a kubeconfig that does not exist',
      args: ['--kubeconfig', path.join(dir, 'nope.kube'), '--engine', engine, '--namespace', 'shop'],
      names: /^chaos-gate: error: \S+nope\.kube: cannot read the kubeconfig: no such file or directory/,
    },
    {
      what: '--in-cluster beside a kubeconfig',
      args: ['--in-cluster', '--kubeconfig', kubeconfig, '--engine', engine, '--namespace', 'shop'],
      names: /inCluster \(--in-cluster\) and a kubeconfig .* exclude each other: give one$/,
    },
    {
      what: 'a context the kubeconfig does not have',
      args: [
        '--kubeconfig',
        kubeconfig,
        '--context',
        'staging-us',
        '--engine',
        engine,
        '--namespace',
        'shop',
      ],
      names: /kubeconfig: kube context "staging-us" not found; the kubeconfig has: staging-eu$/,
    },
    {
      what: "a target's kubeconfig that does not exist",
      args: [
        '--config',
        config('target-kubeconfig', {
          namespace: 'shop',
          targets: [
            { name: 'eu', kubeconfig },
            { name: 'us', kubeconfig: 'kube/us.yaml' },
          ],
        }),
      ],
      names:
        /^chaos-gate: error: target us: \S+\/target-kubeconfig\/kube\/us\.yaml: cannot read the kubeconfig: no such file or directory/,
    },
    {
      what: "a target's namespace that its engine does not aim at",
      args: [
        '--config',
        config('target-namespace', {
          namespace: 'shop',
          kubeconfig,
          targets: [{ name: 'eu' }, { name: 'us', namespace: 'shop-us' }],
        }),
      ],
      names:
        /^chaos-gate: error: target us: \S+engine\.yaml, document 1 \(ChaosEngine cart\): its chaos targets: namespace shop is not allowed \(allowed: shop-us\)/,
    },
    {
      // No namespace setting: the context's, read from the kubeconfig without connecting ("default").
      what: "the context's namespace, which the engine does not aim at",
      args: ['--kubeconfig', kubeconfig, '--engine', engine],
      names: /its chaos targets: namespace shop is not allowed \(allowed: default\)/,
    },
    {
      what: 'a misspelt field inside an experiment of an engine',
      args: ['--kubeconfig', kubeconfig, '--engine', misspeltEnv, '--namespace', 'shop'],
      names:
        /^chaos-gate: error: \S+\/misspelt\/engine\.yaml, document 2 \(ChaosEngine nginx-chaos\): field spec\.experiments\[0\]\.spec\.components\.env\[0\]\.nmae: unknown field; did you mean "name"\? \(Litmus would ignore it\)$/,
    },
    {
      what: 'a step running a template the workflow does not define',
      args: [
        '--kubeconfig',
        kubeconfig,
        '--workflow',
        undefinedStep,
        '--engine',
        engine,
        '--namespace',
        'shop',
      ],
      names:
        /^chaos-gate: error: \S+\/workflow\.yaml \(Workflow chaos-\): templates\.main\.steps\[0\]\.inject: the workflow has no template "injet"; did you mean "inject"\?$/,
    },
  ];
  for (const { what, args, names } of cases) {
    const validate = await cli('validate', ...args);
    assert.equal(validate.code, 2, `${what}: ${validate.out}${validate.err}`);
    assert.match(validate.err, names, what);
    const run = await cli('run', ...args);
    assert.deepEqual(run, validate, `${what}: run says the same`);
  }
});

test('validate of targets: a problem every target shares is said once, unprefixed', async () => {
  const shared = await cli(
    'validate',
    '--config',
    config('shared', {
      namespace: 'shop',
      kubeconfig,
      targets: [
        { name: 'eu', context: 'staging-us' },
        { name: 'us', context: 'staging-us' },
      ],
    }),
  );
  assert.equal(shared.code, 2);
  assert.equal(
    shared.err,
    `chaos-gate: error: ${kubeconfig}: kube context "staging-us" not found; the kubeconfig has: staging-eu`,
  );
});

test('validate on a machine with no kubeconfig: the rest is checked, and it says the kube context is not', async (t) => {
  setEnv(t, 'HOME', mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-home-')));
  setEnv(t, 'KUBECONFIG', undefined);
  setEnv(t, 'KUBERNETES_SERVICE_HOST', undefined);
  const valid = await cli('validate', '--engine', engine, '--namespace', 'shop', '--context', 'staging-eu');
  assert.equal(valid.code, 0, valid.err);
  assert.match(
    valid.out,
    /^chaos-gate: configuration is valid \(1 object\(s\): \S+engine\.yaml, document 1 \(ChaosEngine cart\)\)$/m,
  );
  assert.match(
    valid.out,
    /^chaos-gate: the kube context is not checked on this machine: no kubeconfig: KUBECONFIG is not set/m,
  );
  // Run cannot go on without one: what validate passed over is run's to refuse.
  const run = await cli('run', '--engine', engine, '--namespace', 'shop');
  assert.equal(run.code, 2);
  assert.match(run.err, /no kubeconfig: KUBECONFIG is not set/);

  const engineElsewhere = await cli('validate', '--engine', engine, '--namespace', 'shop-us');
  assert.equal(engineElsewhere.code, 2, 'the rest is still checked');

  const checked = await cli(
    'validate',
    '--kubeconfig',
    kubeconfig,
    '--engine',
    engine,
    '--namespace',
    'shop',
  );
  assert.equal(checked.code, 0, checked.err);
  assert.doesNotMatch(checked.out, /not checked/);
});
