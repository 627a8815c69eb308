// A kubeconfig user with `auth-provider: oidc` against the real API server, which verifies the
// provider's id-tokens (a JWT authenticator in its --authentication-config). The provider plays Dex:
// it rotates refresh tokens and honours each once; its id-tokens live 12 s, so chaos-gate keeps each
// for 2 s (client-go's 10 s margin) and must refresh again after the chaos has run.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { startOidcProvider } from '../support/oidc-provider.ts';
import { call } from '../support/sandbox.ts';
import { runEntry } from '../support/run-node.ts';
import { engineFile, uniqueName, useSandbox, workDir } from './helpers.ts';

const namespace = 'oidc';
const client = { clientId: 'chaos-gate', clientSecret: 'oidc-client-secret-2', subject: 'ci-bot' };
const idp = await startOidcProvider({ ...client, lifetimeSeconds: 12 });
after(() => idp.close());

const authenticationConfig = path.join(
  mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-authn-')),
  'authn.yaml',
);
writeFileSync(
  authenticationConfig,
  JSON.stringify({
    apiVersion: 'apiserver.config.k8s.io/v1beta1',
    kind: 'AuthenticationConfiguration',
    jwt: [
      {
        issuer: { url: idp.issuer, audiences: [client.clientId], certificateAuthority: idp.ca },
        claimMappings: { username: { claim: 'sub', prefix: 'oidc:' } },
      },
    ],
  }),
);
// The experiment runs 8 s: four id-tokens' worth.
const env = useSandbox(namespace, {
  runMs: 8_000,
  sandbox: { apiserverArgs: [`--authentication-config=${authenticationConfig}`] },
});

/** Until the API server has read the provider's keys, it refuses every id-token. */
async function untilTheServerTrustsTheProvider(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const token = idp.idToken(Math.floor(Date.now() / 1000) + 60);
    const { status } = await call(
      { server: env.sandbox.server, token, ca: env.sandbox.caPem },
      'GET',
      '/api',
    );
    if (status === 200) return;
    if (Date.now() > deadline)
      assert.fail(`the API server never accepted the provider's id-token (HTTP ${status})`);
    await sleep(250);
  }
}

/** The user the provider logs in is made cluster-admin, once; a test starts once the server trusts the provider. */
let trusted: Promise<void> | undefined;
const ready = () =>
  (trusted ??= (async () => {
    await env.sandbox.kc.makeApiClient(RbacAuthorizationV1Api).createClusterRoleBinding({
      body: {
        metadata: { name: 'oidc-ci-bot' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: `oidc:${client.subject}` }],
      },
    });
    await untilTheServerTrustsTheProvider();
  })());

/** The kubeconfig lines of a user who logs in through the provider, its id-token expired. */
const oidcProvider = () => [
  'auth-provider:',
  '  name: oidc',
  '  config:',
  `    idp-issuer-url: ${idp.issuer}`,
  `    client-id: ${client.clientId}`,
  `    client-secret: ${client.clientSecret}`,
  `    idp-certificate-authority-data: ${Buffer.from(idp.ca).toString('base64')}`,
  `    id-token: ${idp.idToken(Math.floor(Date.now() / 1000) - 60)}`,
  `    refresh-token: ${idp.login()}`,
];

/** A kubeconfig whose user `ci-bot` logs in through the provider, its id-token expired. */
const oidcKubeconfig = () =>
  env.sandbox.kubeconfigFor('TOKEN', 'ci-bot', namespace).replace(
    /^( +)token: TOKEN$/m,
    oidcProvider()
      .map((line) => `$1${line}`)
      .join('\n'),
  );

test('id-tokens that expire during the run are refreshed once each, with the rotated refresh token, and saved', async () => {
  await ready();
  const dir = workDir();
  const name = uniqueName('oidc');
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, oidcKubeconfig());
  const { done } = env.run(['--engine', engineFile(dir, name, 'pass', namespace), '--timeout', '2m'], {
    kubeconfig,
  });
  const result = await done;

  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.deepEqual(idp.refreshes.refused, [], 'no refresh token was spent twice');
  // The tokens held 2 s and the run lasted over 8: refreshed at the start and again after the chaos (the
  // wait is a watch, which sends no request meanwhile). client-node refreshed for every request.
  assert.ok(idp.refreshes.granted >= 2 && idp.refreshes.granted <= 6, `${idp.refreshes.granted} refreshes`);
  assert.ok(readFileSync(kubeconfig, 'utf8').includes(`refresh-token: ${idp.lastRefreshToken}`));
});

test('a user with a token beside its oidc provider sends the token, and the provider is not refreshed', async () => {
  const dir = workDir();
  const name = uniqueName('oidc-token');
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    env.sandbox
      .kubeconfigFor(env.sandbox.adminToken, 'ci-bot', namespace)
      .replace(/^( +)(token: .*)$/m, ['$2', ...oidcProvider()].map((line) => `$1${line}`).join('\n')),
  );
  const before = readFileSync(kubeconfig, 'utf8');
  const granted = idp.refreshes.granted;
  const { done } = env.run(['--engine', engineFile(dir, name, 'pass', namespace), '--timeout', '2m'], {
    kubeconfig,
  });
  const result = await done;

  assert.equal(result.code, 0, result.stdout + result.stderr);
  // kubectl sends the token and leaves the provider alone; chaos-gate refreshed for it, and wrote the file.
  assert.equal(idp.refreshes.granted, granted);
  assert.equal(readFileSync(kubeconfig, 'utf8'), before);
});

test("the post step annotates the credentials' warning: an inline kubeconfig cannot keep a rotated refresh token", async () => {
  await ready();
  const dir = workDir();
  // A main step killed before its chaos started: the post step finds nothing to stop.
  const runs = JSON.stringify([{ runId: uniqueName('oidc-post'), namespaces: [namespace] }]);
  const state = path.join(dir, 'state');
  writeFileSync(state, `runs<<B\n${runs}\nB\n`);
  const post = await runEntry('dist/post.js', [], {
    cwd: dir,
    env: {
      GITHUB_STATE: state,
      STATE_runs: runs,
      INPUT_KUBECONFIG: oidcKubeconfig(),
      INPUT_NAMESPACE: namespace,
    },
  }).done;

  assert.equal(post.code, 0, post.stdout);
  const warning =
    'the identity provider replaced the refresh-token of kubeconfig user "ci-bot", and the new one could not be ' +
    'saved (the kubeconfig was given inline): the one the kubeconfig holds may no longer be accepted after this run';
  assert.ok(post.stdout.includes(`[chaos-gate] WARNING: ${warning}\n`), post.stdout);
  assert.deepEqual(
    post.stdout.split('\n').filter((line) => line.startsWith('::warning title=')),
    [`::warning title=Chaos gate warning::${warning}`],
  );
});
