// A kubeconfig user with `auth-provider: oidc`, against an OpenID Connect provider on loopback that
// rotates refresh tokens and honours each once (as Dex does), and a loopback API server that takes
// only the provider's id-tokens that have not expired.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { connect } from '../../../src/kube/client.ts';
import { loadKubeContext } from '../../../src/kube/context.ts';
import { CannotRunError } from '../../../src/errors.ts';
import { serveCredentials } from '../../../src/kube/credentials.ts';
import { LitmusClient } from '../../../src/litmus/client.ts';
import { redact } from '../../../src/secrets.ts';
import { setEnv } from '../../support/env.ts';
import { loopbackApi, refusal } from '../../support/loopback-api.ts';
import { startOidcProvider, type OidcProvider } from '../../support/oidc-provider.ts';
import { startConnectProxy } from '../../support/tunnel-proxies.ts';
import { waitFor } from '../../support/wait-for.ts';

const limit = { timeout: 30_000 };
const client = { clientId: 'chaos-gate', clientSecret: 'oidc-client-secret-1', subject: 'ci-bot' };
const now = () => Math.floor(Date.now() / 1000);

async function provider(t: TestContext, lifetimeSeconds: number, host?: string): Promise<OidcProvider> {
  const started = await startOidcProvider({ ...client, lifetimeSeconds, ...(host ? { host } : {}) });
  t.after(() => started.close());
  return started;
}

/** The API server's rule: an id-token of this provider that has not expired (its signature is the real server's job). */
const liveTokenOf = (idp: OidcProvider) => (authorization: string) => {
  const [, payload] = authorization.replace(/^Bearer /, '').split('.');
  try {
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as {
      iss?: string;
      exp?: number;
    };
    return claims.iss === idp.issuer && (claims.exp ?? 0) > now();
  } catch {
    return false;
  }
};

/** A kubeconfig file whose user's tokens come from `idp`, with a comment that must survive a save. */
function kubeconfigFile(server: string, idp: OidcProvider, config: Record<string, string>): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-oidc-')), 'kubeconfig');
  const lines = Object.entries({
    'idp-issuer-url': idp.issuer,
    'client-id': client.clientId,
    'client-secret': client.clientSecret,
    'idp-certificate-authority-data': Buffer.from(idp.ca).toString('base64'),
    ...config,
  }).map(([key, value]) => `        ${key}: ${value}`);
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      '# written by the login step',
      'clusters:',
      `- name: c`,
      `  cluster: {server: "${server}"}`,
      'contexts:',
      '- name: c',
      '  context: {cluster: c, user: ci}',
      'current-context: c',
      'users:',
      '- name: ci',
      '  user:',
      '    auth-provider:',
      '      name: oidc',
      '      config:',
      ...lines,
      '',
    ].join('\n'),
  );
  return file;
}

test(
  'an expired id-token: requests made at once wait for one refresh, and the new tokens are written back',
  limit,
  async (t) => {
    const idp = await provider(t, 3600);
    const { url, seen } = await loopbackApi(t, liveTokenOf(idp));
    const refreshToken = idp.login();
    const file = kubeconfigFile(url, idp, {
      'id-token': idp.idToken(now() - 60),
      'refresh-token': refreshToken,
    });
    const litmus = new LitmusClient(connect(loadKubeContext({ kubeconfig: file })));
    await Promise.all(Array.from({ length: 10 }, () => litmus.assertInstalled()));
    await litmus.assertInstalled();
    // client-node refreshed for every request, and requests made at once spent the same refresh token.
    assert.deepEqual(idp.refreshes, { granted: 1, refused: [] });
    assert.equal(new Set(seen).size, 1, 'every request carried the one new id-token');
    const saved = readFileSync(file, 'utf8');
    assert.ok(saved.includes(`refresh-token: ${idp.lastRefreshToken}`), saved);
    assert.ok(saved.includes(`id-token: ${(seen[0] ?? '').replace('Bearer ', '')}`), 'the id-token too');
    assert.ok(saved.includes('# written by the login step'), 'and the rest of the file is kept');
    assert.equal(redact(`${idp.lastRefreshToken}`), '***', 'the new refresh token is masked');
  },
);

test(
  'an id-token is refreshed only when it is 10 s from its expiry, with the refresh token the provider gave last',
  limit,
  async (t) => {
    // An id-token for 11 s holds for 1 s.
    const idp = await provider(t, 11);
    // The clock of the provider, the API server and chaos-gate alike, moved by the test: a busy machine
    // cannot make a token expire early.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const { url } = await loopbackApi(t, liveTokenOf(idp));
    const file = kubeconfigFile(url, idp, {
      'id-token': idp.idToken(now() - 60),
      'refresh-token': idp.login(),
    });
    const litmus = new LitmusClient(connect(loadKubeContext({ kubeconfig: file })));
    await litmus.assertInstalled();
    await litmus.assertInstalled();
    assert.equal(idp.refreshes.granted, 1);
    t.mock.timers.tick(1_100);
    await litmus.assertInstalled();
    assert.deepEqual(idp.refreshes, { granted: 2, refused: [] });
  },
);

test(
  "a refresh the provider refuses is named with the provider's reason, and no token is printed",
  limit,
  async (t) => {
    const idp = await provider(t, 3600);
    const { url } = await loopbackApi(t, liveTokenOf(idp));
    const spent = 'rt-spent-by-another-client';
    const file = kubeconfigFile(url, idp, { 'id-token': idp.idToken(now() - 60), 'refresh-token': spent });
    const message = await refusal(new LitmusClient(connect(loadKubeContext({ kubeconfig: file }))));
    assert.ok(
      message.endsWith(
        `the id-token of kubeconfig user "ci" could not be refreshed: ${idp.issuer} refused it ` +
          '(invalid_grant: Refresh token is invalid or has already been claimed by another client.); log in again',
      ),
      message,
    );
    assert.ok(!message.includes(spent) && !message.includes(client.clientSecret), message);
  },
);

test(
  "a provider whose certificate the kubeconfig's idp-certificate-authority does not give is not trusted",
  limit,
  async (t) => {
    const idp = await provider(t, 3600);
    const { url } = await loopbackApi(t, liveTokenOf(idp));
    const file = kubeconfigFile(url, idp, {
      'id-token': idp.idToken(now() - 60),
      'refresh-token': idp.login(),
    });
    writeFileSync(file, readFileSync(file, 'utf8').replace(/ {8}idp-certificate-authority-data: .*\n/, ''));
    const message = await refusal(new LitmusClient(connect(loadKubeContext({ kubeconfig: file }))));
    assert.match(
      message,
      /could not be refreshed: https:\/\/127\.0\.0\.1:\d+ cannot be reached: self-signed certificate/,
    );
    assert.equal(idp.refreshes.granted, 0);
  },
);

test(
  'an id-token the API server refuses before its exp (revoked) is refreshed once, and the request sent again',
  limit,
  async (t) => {
    const idp = await provider(t, 3600);
    // Not the expiry the provider gives a new token: the same claims signed again are the same token.
    const revoked = idp.idToken(now() + 1800);
    const live = liveTokenOf(idp);
    const { url, seen } = await loopbackApi(
      t,
      (authorization) => authorization !== `Bearer ${revoked}` && live(authorization),
    );
    const file = kubeconfigFile(url, idp, { 'id-token': revoked, 'refresh-token': idp.login() });
    await new LitmusClient(connect(loadKubeContext({ kubeconfig: file }))).assertInstalled();
    assert.equal(seen.length, 2);
    assert.equal(seen[0], `Bearer ${revoked}`);
    assert.notEqual(seen[1], seen[0]);
    assert.equal(idp.refreshes.granted, 1);
  },
);

test(
  'a replaced refresh token that cannot be saved is said once; the run goes on with the new tokens',
  limit,
  async (t) => {
    const idp = await provider(t, 11);
    // The clock of the provider, the API server and chaos-gate alike, moved by the test: a busy machine
    // cannot make a token expire early.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const { url } = await loopbackApi(t, liveTokenOf(idp));
    const kc = new KubeConfig();
    kc.loadFromFile(
      kubeconfigFile(url, idp, { 'id-token': idp.idToken(now() - 60), 'refresh-token': idp.login() }),
    );
    kc.clusters = kc.clusters.map((cluster) => ({ ...cluster, skipTLSVerify: true }));
    const warnings: string[] = [];
    serveCredentials(kc, {
      saveTokens: () => {
        throw new Error('EROFS: read-only file system');
      },
      warn: (line) => warnings.push(line),
    });
    const litmus = new LitmusClient(connect(kc));
    await litmus.assertInstalled();
    t.mock.timers.tick(1_100);
    await litmus.assertInstalled();
    assert.equal(idp.refreshes.granted, 2);
    assert.deepEqual(warnings, [
      'the identity provider replaced the refresh-token of kubeconfig user "ci", and the new one could not be saved ' +
        '(EROFS: read-only file system): the one the kubeconfig holds may no longer be accepted after this run',
    ]);
  },
);

/** What chaos-gate warns on stderr during the test. */
function stderrWarnings(t: TestContext): string[] {
  const warnings: string[] = [];
  t.mock.method(process.stderr, 'write', (text: string | Uint8Array) => {
    warnings.push(String(text));
    return true;
  });
  return warnings;
}

test(
  "a kubeconfig another writer holds locked (client-go's <file>.lock) is saved once the lock is let go, under a lock of its own",
  limit,
  async (t) => {
    const idp = await provider(t, 3600);
    const { url } = await loopbackApi(t, liveTokenOf(idp));
    const file = kubeconfigFile(url, idp, {
      'id-token': idp.idToken(now() - 60),
      'refresh-token': idp.login(),
    });
    const before = readFileSync(file, 'utf8');
    writeFileSync(`${file}.lock`, '');
    const request = new LitmusClient(connect(loadKubeContext({ kubeconfig: file }))).assertInstalled();
    await waitFor(() => idp.refreshes.granted > 0, 'the refresh the held lock does not stop');
    await sleep(300);
    assert.equal(readFileSync(file, 'utf8'), before, 'not written while another writer holds the lock');
    rmSync(`${file}.lock`);
    await request;
    assert.ok(readFileSync(file, 'utf8').includes(`refresh-token: ${idp.lastRefreshToken}`), 'saved after');
    assert.equal(existsSync(`${file}.lock`), false, 'and its own lock let go');
  },
);

test(
  'a lock that is not let go: the run goes on without saving, the file as it was, and says so once',
  limit,
  async (t) => {
    const idp = await provider(t, 11);
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const { url } = await loopbackApi(t, liveTokenOf(idp));
    const file = kubeconfigFile(url, idp, {
      'id-token': idp.idToken(now() - 60),
      'refresh-token': idp.login(),
    });
    const before = readFileSync(file, 'utf8');
    writeFileSync(`${file}.lock`, '');
    const warnings = stderrWarnings(t);
    const litmus = new LitmusClient(connect(loadKubeContext({ kubeconfig: file })));
    await litmus.assertInstalled();
    t.mock.timers.tick(1_100);
    await litmus.assertInstalled();
    assert.equal(idp.refreshes.granted, 2, 'both requests went through with refreshed tokens');
    assert.deepEqual(warnings, [
      'chaos-gate: WARNING: the identity provider replaced the refresh-token of kubeconfig user "ci", and the new one ' +
        `could not be saved (${file}.lock is held by another writer, or was left by one that was killed ` +
        '(remove it if no kubectl or chaos-gate is running)): the one the kubeconfig holds may no longer be accepted after this run\n',
    ]);
    assert.equal(readFileSync(file, 'utf8'), before, 'the file is as it was');
    assert.ok(existsSync(`${file}.lock`), "the other writer's lock is left to it");
  },
);

test(
  "an oidc user without client-id or idp-issuer-url is refused before any request in client-go's words, even beside a token",
  limit,
  async (t) => {
    const idp = await provider(t, 3600);
    for (const field of ['client-id', 'idp-issuer-url'])
      for (const token of [false, true]) {
        const file = kubeconfigFile('https://127.0.0.1:1', idp, { 'id-token': idp.idToken(now() + 3600) });
        let text = readFileSync(file, 'utf8').replace(new RegExp(` {8}${field}: .*\n`), '');
        // kubectl sends the token then, but builds the provider all the same, and refuses it.
        if (token) text = text.replace('  user:\n', '  user:\n    token: static-token-0001\n');
        writeFileSync(file, text);
        assert.throws(
          () => loadKubeContext({ kubeconfig: file }),
          (error: unknown) =>
            error instanceof CannotRunError &&
            error.message ===
              `${file}: user "ci": auth-provider oidc: Must provide ${field}, as kubectl says; add it to auth-provider.config`,
          `${field} missing${token ? ', beside a token' : ''}`,
        );
      }
  },
);

test(
  'a provider reached only through HTTPS_PROXY is asked through it, as client-go asks it',
  limit,
  async (t) => {
    const host = 'idp.proxy-only.test';
    const idp = await provider(t, 3600, host);
    const proxy = await startConnectProxy({ [host]: '127.0.0.1' });
    t.after(() => proxy.close());
    for (const name of ['https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'])
      setEnv(t, name, undefined);
    setEnv(t, 'HTTPS_PROXY', proxy.url);
    const { url } = await loopbackApi(t, liveTokenOf(idp));
    const file = kubeconfigFile(url, idp, {
      'id-token': idp.idToken(now() - 60),
      'refresh-token': idp.login(),
    });
    await new LitmusClient(connect(loadKubeContext({ kubeconfig: file }))).assertInstalled();
    assert.equal(idp.refreshes.granted, 1);
    const port = new URL(idp.issuer).port;
    assert.deepEqual(proxy.tunnels, [`${host}:${port}`, `${host}:${port}`], 'discovery, then the token');
  },
);

test(
  'a user with a token (or token-file) beside its oidc provider sends the token and never refreshes, as kubectl',
  limit,
  async (t) => {
    const idp = await provider(t, 3600);
    const { url, seen } = await loopbackApi(t);
    const expired = { 'id-token': idp.idToken(now() - 60) };
    const withOwn = (line: string, config: Record<string, string>) => {
      const file = kubeconfigFile(url, idp, config);
      writeFileSync(file, readFileSync(file, 'utf8').replace('  user:\n', `  user:\n    ${line}\n`));
      return file;
    };
    const tokenFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-oidc-')), 'token');
    writeFileSync(tokenFile, 'file-token-0002\n');
    const cases: [string, Record<string, string>, string][] = [
      ['token: own-token-0001', { ...expired, 'refresh-token': idp.login() }, 'Bearer own-token-0001'],
      [`token-file: ${tokenFile}`, { ...expired, 'refresh-token': idp.login() }, 'Bearer file-token-0002'],
      // No refresh-token to renew the expired id-token: kubectl does not stop, as it never reads it.
      ['token: own-token-0001', expired, 'Bearer own-token-0001'],
    ];
    for (const [line, config, expected] of cases) {
      const file = withOwn(line, config);
      const before = readFileSync(file, 'utf8');
      await new LitmusClient(connect(loadKubeContext({ kubeconfig: file }))).assertInstalled();
      assert.equal(seen.at(-1), expected, line);
      assert.equal(readFileSync(file, 'utf8'), before, 'nothing written back');
    }
    assert.deepEqual(idp.refreshes, { granted: 0, refused: [] });
  },
);
