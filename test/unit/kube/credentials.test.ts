// Credentials that change while a run goes on: a token file rotated on disk, a plugin's token revoked
// before its expiry. A loopback server accepts only the tokens the test says are valid.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { connect, openWatch } from '../../../src/kube/client.ts';
import { loadKubeContext } from '../../../src/kube/context.ts';
import { serveCredentials } from '../../../src/kube/credentials.ts';
import { LitmusClient } from '../../../src/litmus/client.ts';
import { redact } from '../../../src/secrets.ts';
import { loopbackApi, refusal } from '../../support/loopback-api.ts';

const limit = { timeout: 20_000 };

/** The server's rule: only these bearer tokens are valid now. */
const bearerIn = (tokens: Set<string>) => (authorization: string) =>
  tokens.has(authorization.replace(/^Bearer /, ''));

function kubeconfigFile(server: string, user: Record<string, unknown>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-credentials-'));
  const file = path.join(dir, 'kubeconfig');
  writeFileSync(
    file,
    JSON.stringify({
      clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'ci', user }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'ci' } }],
      'current-context': 'c',
    }),
  );
  return { dir, file };
}

/** A kubeconfig whose user reads its token from `token`, a file in the same folder. */
function withTokenFile(server: string, first: string) {
  const { dir, file } = kubeconfigFile(server, { 'token-file': 'token' });
  const tokenFile = path.join(dir, 'token');
  writeFileSync(tokenFile, `${first}\n`);
  return { kubeconfig: file, rotate: (next: string) => writeFileSync(tokenFile, `${next}\n`) };
}

test(
  'a token file rotated on disk: a 401 has it read again and the request sent once more',
  limit,
  async (t) => {
    const accepted = new Set(['token-before-rotation-1']);
    const { url, seen } = await loopbackApi(t, bearerIn(accepted));
    const { kubeconfig, rotate } = withTokenFile(url, 'token-before-rotation-1');
    const litmus = new LitmusClient(connect(loadKubeContext({ kubeconfig })));
    await litmus.assertInstalled();
    // What the kubelet does to a projected service account token before it expires.
    rotate('token-after-rotation-2');
    accepted.clear();
    accepted.add('token-after-rotation-2');
    await litmus.assertInstalled();
    await litmus.assertInstalled();
    assert.deepEqual(seen, [
      'Bearer token-before-rotation-1',
      'Bearer token-before-rotation-1',
      'Bearer token-after-rotation-2',
      'Bearer token-after-rotation-2',
    ]);
    assert.equal(redact('token-after-rotation-2'), '***', 'the new token is masked too');
  },
);

test(
  "a token file is read again once its token is 50 s old (client-go's minute less its 10 s leeway), without waiting for a 401",
  limit,
  async (t) => {
    const { url, seen } = await loopbackApi(t, bearerIn(new Set(['minute-token-1', 'minute-token-2'])));
    const { kubeconfig, rotate } = withTokenFile(url, 'minute-token-1');
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const litmus = new LitmusClient(connect(loadKubeContext({ kubeconfig })));
    await litmus.assertInstalled();
    rotate('minute-token-2');
    t.mock.timers.tick(49_000);
    await litmus.assertInstalled();
    t.mock.timers.tick(1_000);
    await litmus.assertInstalled();
    assert.deepEqual(seen, ['Bearer minute-token-1', 'Bearer minute-token-1', 'Bearer minute-token-2']);
  },
);

test(
  'a token file that cannot be read then keeps its last token; after a 401 the failure is named',
  limit,
  async (t) => {
    const accepted = new Set(['vanishing-token-1']);
    const { url } = await loopbackApi(t, bearerIn(accepted));
    const { kubeconfig } = withTokenFile(url, 'vanishing-token-1');
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const litmus = new LitmusClient(connect(loadKubeContext({ kubeconfig })));
    await litmus.assertInstalled();
    const tokenFile = path.join(path.dirname(kubeconfig), 'token');
    writeFileSync(tokenFile, '\n');
    t.mock.timers.tick(61_000);
    await litmus.assertInstalled();
    accepted.clear();
    assert.ok(
      (await refusal(litmus)).endsWith(
        `: the token of kubeconfig user "ci" is read from ${tokenFile}, which is empty`,
      ),
    );
  },
);

test(
  'a 401 that new credentials do not cure fails after one more try; a token in the kubeconfig is sent once',
  limit,
  async (t) => {
    const { url, seen } = await loopbackApi(t, bearerIn(new Set()));
    const { kubeconfig } = withTokenFile(url, 'revoked-token-1');
    const fromFile = await refusal(new LitmusClient(connect(loadKubeContext({ kubeconfig }))));
    assert.match(fromFile, /401/);
    assert.deepEqual(seen.splice(0), ['Bearer revoked-token-1', 'Bearer revoked-token-1']);
    const written = kubeconfigFile(url, { token: 'revoked-token-2' }).file;
    const inline = await refusal(new LitmusClient(connect(loadKubeContext({ kubeconfig: written }))));
    assert.match(inline, /401/);
    assert.deepEqual(seen, ['Bearer revoked-token-2']);
  },
);

/** A plugin that prints `token-1`, `token-2`, … on its successive runs, without an expiry. */
function countingPlugin() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-exec-'));
  const file = path.join(dir, 'plugin.sh');
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      'sleep 0.1',
      `echo run >> "${dir}/calls"`,
      `n=$(wc -l < "${dir}/calls" | tr -d ' ')`,
      `printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"plugin-token-%s"}}' "$n"`,
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return {
    exec: { apiVersion: 'client.authentication.k8s.io/v1', command: file, interactiveMode: 'Never' },
    calls: () => readFileSync(path.join(dir, 'calls'), 'utf8').trim().split('\n').length,
  };
}

test(
  "a plugin's token revoked before its expiry: ten requests refused at once run the plugin once more",
  limit,
  async (t) => {
    const accepted = new Set(['plugin-token-1']);
    const { url, seen } = await loopbackApi(t, bearerIn(accepted));
    const { exec, calls } = countingPlugin();
    const litmus = new LitmusClient(
      connect(loadKubeContext({ kubeconfig: kubeconfigFile(url, { exec }).file })),
    );
    await litmus.assertInstalled();
    accepted.clear();
    accepted.add('plugin-token-2');
    await Promise.all(Array.from({ length: 10 }, () => litmus.assertInstalled()));
    assert.equal(calls(), 2, 'one run for the first token, one for all ten refusals');
    assert.equal(seen.filter((line) => line === 'Bearer plugin-token-2').length, 10);
  },
);

test('a watch refused with 401 is opened again with new credentials', limit, async (t) => {
  const accepted = new Set(['watch-token-1']);
  const { url, seen } = await loopbackApi(t, bearerIn(accepted));
  const { kubeconfig, rotate } = withTokenFile(url, 'watch-token-1');
  const connection = connect(loadKubeContext({ kubeconfig }));
  await new LitmusClient(connection).assertInstalled();
  rotate('watch-token-2');
  accepted.clear();
  accepted.add('watch-token-2');
  const events: string[] = [];
  const watch = openWatch(
    connection,
    '/apis/litmuschaos.io/v1alpha1/chaosengines',
    {},
    (e) => events.push(e.type),
    5_000,
  );
  assert.equal(await watch.ended, 'closed');
  assert.deepEqual(events, ['ADDED']);
  assert.deepEqual(seen, ['Bearer watch-token-1', 'Bearer watch-token-1', 'Bearer watch-token-2']);
});

test("the pod's service account token is read again after a 401", limit, async (t) => {
  const accepted = new Set(['pod-token-1']);
  const { url, seen } = await loopbackApi(t, bearerIn(accepted));
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-pod-'));
  const accountDir = path.join(prefix, 'var/run/secrets/kubernetes.io/serviceaccount');
  mkdirSync(accountDir, { recursive: true });
  writeFileSync(path.join(accountDir, 'token'), 'pod-token-1');
  writeFileSync(path.join(accountDir, 'ca.crt'), '');
  const kc = new KubeConfig();
  const { hostname, port } = new URL(url);
  process.env.KUBERNETES_SERVICE_HOST = hostname;
  process.env.KUBERNETES_SERVICE_PORT = port;
  t.after(() => {
    delete process.env.KUBERNETES_SERVICE_HOST;
    delete process.env.KUBERNETES_SERVICE_PORT;
  });
  kc.loadFromCluster(prefix);
  // The loopback server speaks plain HTTP; the pod's API server would be https://.
  kc.clusters = kc.clusters.map((cluster) => ({ ...cluster, server: url, skipTLSVerify: true }));
  serveCredentials(kc);
  const litmus = new LitmusClient(connect(kc));
  await litmus.assertInstalled();
  writeFileSync(path.join(accountDir, 'token'), 'pod-token-2');
  accepted.clear();
  accepted.add('pod-token-2');
  await litmus.assertInstalled();
  assert.deepEqual(seen, ['Bearer pod-token-1', 'Bearer pod-token-1', 'Bearer pod-token-2']);
});

test(
  "a token beside a token-file is sent while the file cannot be read, as client-go sends it; then the file's",
  limit,
  async (t) => {
    const { url, seen } = await loopbackApi(t);
    const { dir, file } = kubeconfigFile(url, { token: 'own-token-0001', 'token-file': 'token' });
    const litmus = new LitmusClient(connect(loadKubeContext({ kubeconfig: file })));
    await litmus.assertInstalled();
    // The file a CI step writes a little later.
    writeFileSync(path.join(dir, 'token'), 'file-token-0002\n');
    await litmus.assertInstalled();
    assert.deepEqual(seen, ['Bearer own-token-0001', 'Bearer file-token-0002']);
  },
);
