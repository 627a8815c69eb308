// Credentials that change while a run goes on: a token file rotated on disk, a plugin's token revoked
// before its expiry. A loopback server accepts only the token the test says is current and answers
// any other with 401, as an API server does for an expired or revoked token.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { CannotRunError } from '../../../src/errors.ts';
import { connect, openWatch } from '../../../src/kube/client.ts';
import { loadKubeContext } from '../../../src/kube/context.ts';
import { serveCredentials } from '../../../src/kube/credentials.ts';
import { LitmusClient } from '../../../src/litmus/client.ts';
import { redact } from '../../../src/secrets.ts';

const limit = { timeout: 20_000 };

/** Answers Litmus discovery (and an empty watch) for the tokens `accepted` holds; 401 for any other. */
async function guardedServer(t: { after: (fn: () => Promise<void>) => void }, accepted: Set<string>) {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    seen.push(`${request.url?.includes('watch=true') ? 'watch' : 'get'} ${token}`);
    response.setHeader('Content-Type', 'application/json');
    if (!accepted.has(token)) {
      response.statusCode = 401;
      return response.end(
        JSON.stringify({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 }),
      );
    }
    if (request.url?.includes('watch=true'))
      return response.end(`${JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'e' } } })}\n`);
    response.end(
      JSON.stringify({
        kind: 'APIResourceList',
        resources: [{ name: 'chaosengines' }, { name: 'chaosresults' }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

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

const refusal = async (litmus: LitmusClient): Promise<string> => {
  const error: unknown = await litmus.assertInstalled().then(
    () => assert.fail('the request went through'),
    (caught: unknown) => caught,
  );
  // Exit code 2: nothing could be judged.
  assert.ok(error instanceof CannotRunError, String(error));
  return error.message;
};

test(
  'a token file rotated on disk: a 401 has it read again and the request sent once more',
  limit,
  async (t) => {
    const accepted = new Set(['token-before-rotation-1']);
    const { url, seen } = await guardedServer(t, accepted);
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
      'get token-before-rotation-1',
      'get token-before-rotation-1',
      'get token-after-rotation-2',
      'get token-after-rotation-2',
    ]);
    assert.equal(redact('token-after-rotation-2'), '***', 'the new token is masked too');
  },
);

test(
  'a token file is read again once its token is a minute old, without waiting for a 401',
  limit,
  async (t) => {
    const { url, seen } = await guardedServer(t, new Set(['minute-token-1', 'minute-token-2']));
    const { kubeconfig, rotate } = withTokenFile(url, 'minute-token-1');
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const litmus = new LitmusClient(connect(loadKubeContext({ kubeconfig })));
    await litmus.assertInstalled();
    rotate('minute-token-2');
    t.mock.timers.tick(59_000);
    await litmus.assertInstalled();
    t.mock.timers.tick(1_000);
    await litmus.assertInstalled();
    assert.deepEqual(seen, ['get minute-token-1', 'get minute-token-1', 'get minute-token-2']);
  },
);

test(
  'a token file that cannot be read then keeps its last token; after a 401 the failure is named',
  limit,
  async (t) => {
    const accepted = new Set(['vanishing-token-1']);
    const { url } = await guardedServer(t, accepted);
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
    const { url, seen } = await guardedServer(t, new Set());
    const { kubeconfig } = withTokenFile(url, 'revoked-token-1');
    const fromFile = await refusal(new LitmusClient(connect(loadKubeContext({ kubeconfig }))));
    assert.match(fromFile, /401/);
    assert.deepEqual(seen.splice(0), ['get revoked-token-1', 'get revoked-token-1']);
    const written = kubeconfigFile(url, { token: 'revoked-token-2' }).file;
    const inline = await refusal(new LitmusClient(connect(loadKubeContext({ kubeconfig: written }))));
    assert.match(inline, /401/);
    assert.deepEqual(seen, ['get revoked-token-2']);
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
    exec: { apiVersion: 'client.authentication.k8s.io/v1', command: file },
    calls: () => readFileSync(path.join(dir, 'calls'), 'utf8').trim().split('\n').length,
  };
}

test(
  "a plugin's token revoked before its expiry: ten requests refused at once run the plugin once more",
  limit,
  async (t) => {
    const accepted = new Set(['plugin-token-1']);
    const { url, seen } = await guardedServer(t, accepted);
    const { exec, calls } = countingPlugin();
    const litmus = new LitmusClient(
      connect(loadKubeContext({ kubeconfig: kubeconfigFile(url, { exec }).file })),
    );
    await litmus.assertInstalled();
    accepted.clear();
    accepted.add('plugin-token-2');
    await Promise.all(Array.from({ length: 10 }, () => litmus.assertInstalled()));
    assert.equal(calls(), 2, 'one run for the first token, one for all ten refusals');
    assert.equal(seen.filter((line) => line === 'get plugin-token-2').length, 10);
  },
);

test('a watch refused with 401 is opened again with new credentials', limit, async (t) => {
  const accepted = new Set(['watch-token-1']);
  const { url, seen } = await guardedServer(t, accepted);
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
  assert.deepEqual(seen, ['get watch-token-1', 'watch watch-token-1', 'watch watch-token-2']);
});

test("the pod's service account token is read again after a 401", limit, async (t) => {
  const accepted = new Set(['pod-token-1']);
  const { url, seen } = await guardedServer(t, accepted);
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
  assert.deepEqual(seen, ['get pod-token-1', 'get pod-token-1', 'get pod-token-2']);
});
