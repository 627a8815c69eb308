// Kubeconfig settings that change what the real API server is asked for, shown by its answers.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CoreV1Api } from '@kubernetes/client-node';
import { apiClient, connect } from '../../src/kube/client.ts';
import { loadKubeContext } from '../../src/kube/context.ts';
import { startSandbox, type Sandbox } from '../support/sandbox.ts';
import { workDir } from './helpers.ts';

const namespace = 'kubeconfig-it';
let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
  await sandbox.createNamespace(namespace);
});
after(() => sandbox.stop());

test('disable-compression: the API server answers a large list uncompressed, as kubectl gets it', async () => {
  // Over the API server's 128 KiB threshold for compressing an answer.
  const core = sandbox.kc.makeApiClient(CoreV1Api);
  for (let i = 0; i < 4; i++)
    await core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: `big-${i}` }, data: { text: `${i}`.repeat(50_000) } },
    });
  const dir = workDir();
  const list = async (kubeconfigYaml: string) => {
    const file = path.join(dir, 'kubeconfig');
    writeFileSync(file, kubeconfigYaml);
    const kube = loadKubeContext({ kubeconfig: file });
    const answer = await apiClient(connect(kube), CoreV1Api).listNamespacedConfigMapWithHttpInfo({
      namespace,
    });
    return {
      encoding: answer.headers['content-encoding'],
      names: answer.data.items.map((c) => c.metadata?.name),
    };
  };
  const names = ['big-0', 'big-1', 'big-2', 'big-3'];
  assert.deepEqual(await list(sandbox.kubeconfigYaml), { encoding: 'gzip', names });
  const uncompressed = sandbox.kubeconfigYaml.replace(
    /^( +)server: (.*)$/m,
    '$1server: $2\n$1disable-compression: true',
  );
  assert.notEqual(uncompressed, sandbox.kubeconfigYaml);
  assert.deepEqual(await list(uncompressed), { encoding: undefined, names });
});
