// One gate over several clusters: two sandbox API servers (each with the Litmus stand-in) and one
// that cannot be reached, run by the built CLI from `targets:` in a config file. A cluster that cannot
// be reached is an error for that cluster; a target whose settings are wrong stops every cluster.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { startFakeOperator, type FakeOperator } from '../support/fake-operator.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';
import { runEntry } from '../support/run-node.ts';
import { startSandbox, type Sandbox } from '../support/sandbox.ts';
import { engineFile, exampleRbac, identityWithout, leftovers, uniqueName, workDir } from './helpers.ts';

const namespace = 'targets';
const clusters: { sandbox: Sandbox; operator: FakeOperator }[] = [];

before(async () => {
  for (let i = 0; i < 2; i++) {
    const sandbox = await startSandbox();
    await sandbox.createNamespace(namespace);
    clusters.push({ sandbox, operator: await startFakeOperator({ kc: sandbox.kc, namespace }) });
  }
});

after(async () => {
  for (const { sandbox, operator } of clusters) {
    await operator.stop();
    await sandbox.stop();
  }
});

test('two clusters and one that cannot be reached: a suite per cluster, one gate over all, each cleaned up', async () => {
  const dir = workDir();
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // A server that is not there: its kubeconfig points at a port nothing listens on.
  const gone = eu.sandbox.kubeconfigYaml.replace(
    /server: https:\/\/127\.0\.0\.1:\d+/,
    'server: https://127.0.0.1:9',
  );
  writeFileSync(path.join(dir, 'gone.yaml'), gone);
  const { result } = await runOnTargets(
    'multi',
    [
      { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
      { name: 'us', kubeconfig: us.sandbox.kubeconfigPath },
      { name: 'gone', kubeconfig: path.join(dir, 'gone.yaml') },
    ],
    { dir, reports: { junit: 'junit.xml', json: 'report.json' } },
  );

  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /\[eu\] .*applied ChaosEngine targets\//);
  assert.match(result.stdout, /\[us\] .*applied ChaosEngine targets\//);
  assert.match(
    result.stdout,
    /gate FAILED \(6 passed, 0 failed, 1 errored, 0 skipped\)[\s\S]*cluster gone › \(cluster\) errored: could not run on this cluster: .*cannot reach the Kubernetes API server/,
  );
  const xml = await readCheckedJUnit(path.join(dir, 'junit.xml'));
  for (const name of ['eu', 'us']) assert.match(xml, new RegExp(`<testsuite name="${name}/targets/multi-`));
  assert.match(xml, /<testsuite name="gone"/);
  for (const { sandbox } of clusters) {
    const left = await leftovers(sandbox.kc, namespace);
    assert.deepEqual([left.engines, left.results, left.serviceAccounts], [[], [], []], 'cleaned up');
  }
});

test('no cluster can be reached: exit 2 naming each', async () => {
  const dir = workDir();
  const [eu] = clusters as [(typeof clusters)[0]];
  // Two servers that are not there (two, not one twice: targets on one cluster would share the engine).
  const kubeconfigs = ['127.0.0.1', '127.0.0.2'].map((host, i) => {
    const kubeconfig = path.join(dir, `gone${i + 1}.yaml`);
    writeFileSync(
      kubeconfig,
      eu.sandbox.kubeconfigYaml.replace(/server: https:\/\/127\.0\.0\.1:\d+/, `server: https://${host}:9`),
    );
    return kubeconfig;
  });
  const engine = engineFile(dir, uniqueName('none'), 'pass', namespace);
  const result = await runEntry('dist/cli.js', [
    'run',
    ...kubeconfigs.flatMap((kubeconfig) => ['--kubeconfig', kubeconfig]),
    '--namespace',
    namespace,
    '--engine',
    engine,
  ]).done;
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /no cluster could be run:\ngone1: .*\ngone2: /);
});

test('two targets on one cluster and namespace: exit 2 naming both, nothing applied', async () => {
  const [eu] = clusters as [(typeof clusters)[0]];
  const { result, engine, before, after } = await runOnTargets('twice', [
    { name: 'blue', kubeconfig: eu.sandbox.kubeconfigPath },
    { name: 'green', kubeconfig: eu.sandbox.kubeconfigPath },
  ]);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(
    result.stderr,
    new RegExp(
      `^chaos-gate: error: targets blue and green reach the same cluster \\(server https://127\\.0\\.0\\.1:\\d+\\) and namespace ${namespace}, and both would apply ChaosEngine ${namespace}/${engine.name}:`,
    ),
  );
  assert.deepEqual(after, before, 'nothing applied');
});

/** `chaos-gate run` of one engine aimed at `namespace` on `targets`, and what it left on each cluster. */
/** `run` of one passing engine on `targets` through a config file; what each cluster holds before and after. */
async function runOnTargets(
  name: string,
  targets: Record<string, string>[],
  {
    dir = workDir(),
    reports,
    runId,
  }: { dir?: string; reports?: Record<string, string>; runId?: string } = {},
) {
  const engineName = uniqueName(name);
  const engine = { name: engineName, file: engineFile(dir, engineName, 'pass', namespace) };
  const config = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(
    config,
    stringify({
      namespace,
      rbac: [exampleRbac],
      engines: [engine.file],
      timeout: '60s',
      targets,
      reports,
      runId,
    }),
  );
  const before = await Promise.all(clusters.map(({ sandbox }) => leftovers(sandbox.kc, namespace)));
  const result = await runEntry('dist/cli.js', ['run', '--config', config]).done;
  const after = await Promise.all(clusters.map(({ sandbox }) => leftovers(sandbox.kc, namespace)));
  return { result, engine, before, after };
}

test('a target whose kube context does not exist: exit 2 naming it, before any cluster is touched', async () => {
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  const { result, before, after } = await runOnTargets('no-context', [
    { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
    { name: 'us', kubeconfig: us.sandbox.kubeconfigPath, context: 'staging-us' },
  ]);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.equal(
    result.stderr,
    `chaos-gate: error: target us: ${us.sandbox.kubeconfigPath}: kube context "staging-us" not found; the kubeconfig has: sandbox\n`,
  );
  // Not started on eu: no preflight, no apply, no cluster case standing in for a configuration error.
  assert.doesNotMatch(result.stdout, /\[eu\]|\(cluster\)/);
  assert.deepEqual(after, before, 'nothing applied on either cluster');
});

test('a target whose namespace its engine does not aim at: exit 2 naming it, nothing applied on the others', async () => {
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  const { result, engine, before, after } = await runOnTargets('elsewhere', [
    { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
    { name: 'us', kubeconfig: us.sandbox.kubeconfigPath, namespace: 'shop-us' },
  ]);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.equal(
    result.stderr,
    `chaos-gate: error: target us: ${engine.file}, document 1 (ChaosEngine ${engine.name}): its chaos targets: namespace targets is not allowed (allowed: shop-us); add it to allowNamespaces (--allow-namespace) if the run may reach it\n`,
  );
  assert.doesNotMatch(result.stderr, /target eu/);
  assert.doesNotMatch(result.stdout, /\[eu\]|\(cluster\)/);
  assert.deepEqual(after, before, 'nothing applied on either cluster');
});

test('a cluster that refuses the run in preflight (a token bound to too little): exit 2, nothing applied on the others', async () => {
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  const account = uniqueName('powerless');
  const kubeconfig = path.join(workDir(), 'us.kubeconfig');
  writeFileSync(
    kubeconfig,
    us.sandbox.kubeconfigFor(await us.sandbox.mintToken(namespace, account), account, namespace),
  );
  const { result, before, after } = await runOnTargets('refused', [
    { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
    { name: 'us', kubeconfig },
  ]);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(
    result.stderr,
    /^chaos-gate: error: nothing was applied on any cluster, as us refused the run:\ntarget us: preflight failed, nothing was applied:\n.*forbidden/,
  );
  // eu passed its own preflight, and was let go of without its chaos.
  assert.match(result.stdout, /\[eu\] .*preflight of \d+ object\(s\)/);
  assert.doesNotMatch(result.stdout, /applied |submitted /);
  assert.deepEqual(after, before, 'nothing applied on either cluster');
});

test('a cluster that refuses the run in preflight: the warnings the others raised in theirs are under the error', async () => {
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // eu passes its preflight, its run id not locked for want of leases; us may do nothing.
  const euKubeconfig = await identityWithout(eu.sandbox, namespace, {
    leases: ['get', 'create', 'update', 'delete'],
  });
  const account = uniqueName('powerless');
  const usKubeconfig = path.join(workDir(), 'us.kubeconfig');
  writeFileSync(
    usKubeconfig,
    us.sandbox.kubeconfigFor(await us.sandbox.mintToken(namespace, account), account, namespace),
  );
  const runId = uniqueName('refused-warned');
  const { result } = await runOnTargets(
    'refused-warned',
    [
      { name: 'eu', kubeconfig: euKubeconfig },
      { name: 'us', kubeconfig: usKubeconfig },
    ],
    { runId },
  );
  assert.equal(result.code, 2, result.stdout + result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines[0], 'chaos-gate: error: nothing was applied on any cluster, as us refused the run:');
  assert.ok(
    lines
      .at(-1)
      ?.startsWith(
        `chaos-gate: WARNING: target eu: run id ${runId}-eu not locked in namespace ${namespace}: taking Lease chaos-gate-run-${runId}-eu: `,
      ),
    result.stderr,
  );
});

test("a cluster that fails once its chaos started: the warnings it raised are in its suite, the summary and the JUnit, as the others' are", async () => {
  const dir = workDir();
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // us: the shipped roles without leases (its run id is not locked), without watching results (its
  // wait fails once the engine is applied) and without deleting them (its cleanup after the error warns).
  const kubeconfig = await identityWithout(us.sandbox, namespace, {
    leases: ['get', 'create', 'update', 'delete'],
    chaosresults: ['watch', 'deletecollection'],
  });
  const runId = uniqueName('fails-late');
  const { result } = await runOnTargets(
    'fails-late',
    [
      { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
      { name: 'us', kubeconfig },
    ],
    { dir, runId, reports: { junit: 'junit.xml', json: 'report.json', summary: 'summary.md' } },
  );
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(
    result.stdout,
    /cluster us › \(cluster\) errored: could not run on this cluster: watching ChaosEngines and ChaosResults: .*cannot watch resource "chaosresults"/,
  );
  const warnings = [
    `target us: run id ${runId}-us not locked in namespace ${namespace}: taking Lease chaos-gate-run-${runId}-us: `,
    `target us: cleanup: deleting ChaosResults in ${namespace}: `,
  ];
  const json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
    suites: { name: string; warnings?: string[] }[];
  };
  const suite = json.suites.find(({ name }) => name === 'us');
  const junit = await readCheckedJUnit(path.join(dir, 'junit.xml'));
  const summary = readFileSync(path.join(dir, 'summary.md'), 'utf8');
  for (const warning of warnings) {
    assert.match(result.stdout, new RegExp(`chaos-gate: WARNING: ${warning}`));
    assert.ok(
      suite?.warnings?.some((w) => w.startsWith(warning)),
      JSON.stringify(suite),
    );
    assert.match(junit, new RegExp(`<testsuite name="us"[^>]*>[\\s\\S]*?WARNING: ${warning}`));
    assert.match(summary, new RegExp(`- ⚠️ ${warning}`));
  }
  // The results its cleanup could not delete.
  await us.sandbox.kc.makeApiClient(CustomObjectsApi).deleteCollectionNamespacedCustomObject({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    namespace,
    plural: 'chaosresults',
  });
});
