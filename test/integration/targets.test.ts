// One gate over several clusters: two sandbox API servers (each with the Litmus stand-in) and one
// that cannot be reached, run by the built CLI from `targets:` in a config file.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { stringify } from 'yaml';
import { startFakeOperator, type FakeOperator } from '../support/fake-operator.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';
import { runEntry } from '../support/run-node.ts';
import { startSandbox, type Sandbox } from '../support/sandbox.ts';
import { engineFile, exampleRbac, leftovers, uniqueName, workDir } from './helpers.ts';

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
  const engine = engineFile(dir, uniqueName('multi'), 'pass', namespace);
  const config = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(
    config,
    stringify({
      namespace,
      rbac: [exampleRbac],
      engines: [engine],
      timeout: '60s',
      targets: [
        { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
        { name: 'us', kubeconfig: us.sandbox.kubeconfigPath },
        { name: 'gone', kubeconfig: path.join(dir, 'gone.yaml') },
      ],
      reports: { junit: 'junit.xml', json: 'report.json' },
    }),
  );
  const result = await runEntry('dist/cli.js', ['run', '--config', config]).done;

  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /\[eu\] .*applied ChaosEngine targets\//);
  assert.match(result.stdout, /\[us\] .*applied ChaosEngine targets\//);
  assert.match(
    result.stdout,
    /gate FAILED \(6 passed, 0 failed, 1 errored, 0 skipped\)[\s\S]*experiment gone › \(cluster\) errored: could not run on this cluster: .*cannot reach the Kubernetes API server/,
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
  const gone = eu.sandbox.kubeconfigYaml.replace(
    /server: https:\/\/127\.0\.0\.1:\d+/,
    'server: https://127.0.0.1:9',
  );
  const kubeconfig = path.join(dir, 'gone.yaml');
  writeFileSync(kubeconfig, gone);
  const engine = engineFile(dir, uniqueName('none'), 'pass', namespace);
  const result = await runEntry('dist/cli.js', [
    'run',
    '--kubeconfig',
    kubeconfig,
    '--context',
    'sandbox',
    '--context',
    'sandbox',
    '--namespace',
    namespace,
    '--engine',
    engine,
  ]).done;
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /no cluster could be run:\nsandbox: .*\nsandbox-2: /);
});
