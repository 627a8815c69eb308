// Broken kubeconfigs get messages that name what is missing and never quote the file: the line a
// YAML error would quote may hold the token.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { CannotRunError, ConfigError } from '../../../src/errors.ts';
import { connect, openWatch } from '../../../src/kube/client.ts';
import { contextNamespace, loadKubeContext } from '../../../src/kube/context.ts';
import { describeApiError } from '../../../src/kube/errors.ts';
import { LitmusClient } from '../../../src/litmus/client.ts';
import { redact } from '../../../src/secrets.ts';
import { loopbackApi } from '../../support/loopback-api.ts';
import { setEnv } from '../../support/env.ts';

const token = 'sha256~kubeconfig-token-that-must-never-be-printed';
const kubeconfig = (parts: { server?: string; user?: string; cluster?: string; context?: string } = {}) =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: prod',
    '  cluster:',
    `    server: ${parts.server ?? 'https://10.0.0.1:6443'}`,
    'users:',
    '- name: ci',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: prod',
    '  context:',
    `    cluster: ${parts.cluster ?? 'prod'}`,
    `    user: ${parts.user ?? 'ci'}`,
    `current-context: ${parts.context ?? 'prod'}`,
    '',
  ].join('\n');

function refusal(target: Parameters<typeof loadKubeContext>[0]): Error {
  try {
    loadKubeContext(target);
  } catch (error) {
    return error as Error;
  }
  return assert.fail('expected the kubeconfig to be refused');
}

const failure = (target: Parameters<typeof loadKubeContext>[0]): string => refusal(target).message;

test('a missing user, cluster or context is named, with what the kubeconfig has', () => {
  assert.match(
    failure({ kubeconfigContent: kubeconfig({ user: 'deployer' }) }),
    /the inline kubeconfig: context "prod" names user "deployer", which the kubeconfig does not define; it has: ci/,
  );
  assert.match(
    failure({ kubeconfigContent: kubeconfig({ cluster: 'staging' }) }),
    /context "prod" names cluster "staging", which the kubeconfig does not define; it has: prod/,
  );
  assert.match(
    failure({ kubeconfigContent: kubeconfig(), context: 'qa' }),
    /kube context "qa" not found; the kubeconfig has: prod/,
  );
  assert.match(
    failure({ kubeconfigContent: kubeconfig({ context: '""' }) }),
    /sets no current-context; give a context/,
  );
  assert.match(
    failure({ kubeconfigContent: kubeconfig({ server: 'not a url' }) }),
    /cluster "prod" has no valid server URL \("not a url"\)/,
  );
});

test('a YAML error says where, and quotes nothing of the file', () => {
  const broken = kubeconfig().replace(`    token: ${token}`, `    token: ${token}\n   bad: [indent`);
  const message = failure({ kubeconfigContent: broken });
  assert.match(message, /the inline kubeconfig: not valid YAML at line \d+, column \d+/);
  assert.ok(!message.includes(token.slice(0, 12)), message);
});

test('--in-cluster with a kubeconfig is refused; a password in the server URL is never shown', () => {
  assert.match(
    failure({ inCluster: true, kubeconfig: '/etc/kubeconfig' }),
    /inCluster \(--in-cluster\) and a kubeconfig .* exclude each other/,
  );
  const withPassword = kubeconfig({ server: 'https://admin:hunter2-secret@10.0.0.1:6443' });
  loadKubeContext({ kubeconfigContent: withPassword });
  const error = Object.assign(
    new Error('request to https://admin:hunter2-secret@10.0.0.1:6443/api failed'),
    {},
  );
  const text = describeApiError('listing', error);
  assert.ok(!text.includes('hunter2'), text);
  assert.match(text, /https:\/\/10\.0\.0\.1:6443\/api/);
  assert.equal(redact(`token ${token}`), 'token ***', 'the token of a loaded kubeconfig is redacted');
});

test('inline content is loaded from memory: nothing is written under RUNNER_TEMP', () => {
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'));
  const saved = process.env.RUNNER_TEMP;
  process.env.RUNNER_TEMP = runnerTemp;
  try {
    const kc = loadKubeContext({ kubeconfigContent: kubeconfig() });
    assert.equal(kc.getCurrentUser()?.token, token);
    assert.deepEqual(readdirSync(runnerTemp), []);
  } finally {
    if (saved === undefined) delete process.env.RUNNER_TEMP;
    else process.env.RUNNER_TEMP = saved;
  }
  const file = path.join(runnerTemp, 'given');
  writeFileSync(file, kubeconfig({ user: 'nobody' }));
  assert.match(failure({ kubeconfig: file }), new RegExp(`${file}: context "prod" names user "nobody"`));
});

test('a kubeconfig whose aliases expand into billions of values is refused by name, before it is loaded', () => {
  const laughs = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
  ];
  const message = failure({
    kubeconfigContent: `${kubeconfig()}preferences:\n${laughs.map((l) => `  ${l}`).join('\n')}\n`,
  });
  assert.match(message, /^the inline kubeconfig: invalid YAML: Excessive alias count/);
  assert.ok(!message.includes(token.slice(0, 12)), message);
});

test('a token-file ending in a newline, as `echo $TOKEN > file` writes it, is sent without it', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-token-file-'));
  const tokenFile = path.join(dir, 'token');
  writeFileSync(tokenFile, `${token}\n`);
  const file = path.join(dir, 'kubeconfig');
  writeFileSync(file, kubeconfig().replace(`token: ${token}`, `token-file: ${tokenFile}`));
  const kube = loadKubeContext({ kubeconfig: file });
  const options: { headers?: Record<string, string> } = {};
  await kube.applyToHTTPSOptions(options);
  assert.equal(options.headers?.Authorization, `Bearer ${token}`);
  assert.equal(redact(token), '***');
});

test('a KUBECONFIG list is merged as kubectl merges it: the first current-context and the first of each name', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-kubeconfig-list-'));
  const staging = path.join(dir, 'staging');
  const prod = path.join(dir, 'prod');
  writeFileSync(
    staging,
    kubeconfig({ server: 'https://staging.example:6443', context: 'staging' }).replace(
      '- name: prod\n  context',
      '- name: staging\n  context',
    ),
  );
  // The same user name with another token, and a current-context of its own.
  writeFileSync(prod, kubeconfig().replace(token, 'another-token-in-the-second-file'));
  const saved = process.env.KUBECONFIG;
  // A file of the list that does not exist is passed over, as kubectl does.
  process.env.KUBECONFIG = [path.join(dir, 'missing'), staging, prod].join(path.delimiter);
  try {
    const kc = loadKubeContext({});
    assert.equal(kc.getCurrentContext(), 'staging', "the first file's current-context, as kubectl");
    assert.equal(kc.getCurrentCluster()?.server, 'https://staging.example:6443');
    assert.equal(kc.getCurrentUser()?.token, token);
    assert.deepEqual(
      kc.getContexts().map((c) => c.name),
      ['staging', 'prod'],
    );
    process.env.KUBECONFIG = path.join(dir, 'missing');
    assert.match(failure({}), /KUBECONFIG names no file that exists: \S+missing$/);
    // Inline content does not read KUBECONFIG at all.
    assert.equal(loadKubeContext({ kubeconfigContent: kubeconfig() }).getCurrentContext(), 'prod');
  } finally {
    if (saved === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = saved;
  }
});

test("paths in a kubeconfig are its folder's, as kubectl reads them; a UTF-16 file is read too", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-kubeconfig-paths-'));
  mkdirSync(path.join(dir, 'bin'));
  writeFileSync(path.join(dir, 'token'), token);
  writeFileSync(
    path.join(dir, 'bin', 'get-token'),
    `#!/bin/sh\nprintf '%s' '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${token}-from-exec"}}'\n`,
    { mode: 0o755 },
  );
  const withUser = (user: string) => kubeconfig().replace(`    token: ${token}`, user);
  const cases = [
    { user: '    token-file: token', expected: `Bearer ${token}` },
    {
      user: '    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/get-token, interactiveMode: Never}',
      expected: `Bearer ${token}-from-exec`,
    },
  ];
  for (const [index, { user, expected }] of cases.entries()) {
    const file = path.join(dir, `kubeconfig-${index}`);
    // What Windows PowerShell 5.1 writes for `kubectl config view --raw > file`.
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withUser(user), 'utf16le')]));
    const kube = loadKubeContext({ kubeconfig: file });
    const options: { headers?: Record<string, string> } = {};
    await kube.applyToHTTPSOptions(options);
    assert.equal(options.headers?.Authorization, expected, user);
  }
});

test('no kubeconfig at all: the message says where it looked, and in a pod how to use its service account', (t) => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-home-'));
  setEnv(t, 'HOME', home);
  setEnv(t, 'KUBECONFIG', undefined);
  setEnv(t, 'KUBERNETES_SERVICE_HOST', undefined);
  const config = path.join(home, '.kube', 'config');
  assert.equal(
    failure({}),
    `no kubeconfig: KUBECONFIG is not set and ${config} does not exist; give one (--kubeconfig)`,
  );
  // A Jenkins agent in a pod: kubectl would quietly use the pod's own cluster; the chaos goes there only if asked.
  setEnv(t, 'KUBERNETES_SERVICE_HOST', '10.0.0.1');
  assert.match(failure({}), /, or use this pod's service account \(--in-cluster, or inCluster: true\)$/);
});

test("--in-cluster takes client-go's namespace: a non-empty POD_NAMESPACE, else the service account's", async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-pod-'));
  const accountDir = path.join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
  mkdirSync(accountDir, { recursive: true });
  writeFileSync(path.join(accountDir, 'namespace'), 'from-account');
  setEnv(t, 'KUBERNETES_SERVICE_HOST', '10.0.0.1');
  setEnv(t, 'KUBERNETES_SERVICE_PORT', '443');
  const namespaceWith = (t: TestContext, podNamespace: string | undefined) => {
    setEnv(t, 'POD_NAMESPACE', podNamespace);
    return contextNamespace(loadKubeContext({ inCluster: true }, { serviceAccountRoot: root }));
  };
  await t.test('POD_NAMESPACE set: it wins over the file', (t) => {
    assert.equal(namespaceWith(t, 'from-downward-api'), 'from-downward-api');
  });
  // What a downward API field that resolved to nothing gives; client-go passes over it.
  await t.test('POD_NAMESPACE empty: the file', (t) => {
    assert.equal(namespaceWith(t, ''), 'from-account');
  });
  await t.test('POD_NAMESPACE unset: the file', (t) => {
    assert.equal(namespaceWith(t, undefined), 'from-account');
  });
});

/** The test kubeconfig with more lines in user "ci"'s map. */
const withUserLines = (...lines: string[]) =>
  kubeconfig().replace(
    `    token: ${token}\n`,
    `    token: ${token}\n${lines.map((l) => `    ${l}\n`).join('')}`,
  );

test("a user's whole impersonation goes out on every request and watch, one line per group and extra value", async (t) => {
  const { url, lines } = await loopbackApi(t);
  const userAt = (...userLines: string[]) =>
    kubeconfig({ server: url }).replace(
      `    token: ${token}\n`,
      `    token: ${token}\n${userLines.map((l) => `    ${l}\n`).join('')}`,
    );
  /** The impersonation header lines of each request so far, names in lower case (HTTP's are not cased). */
  const impersonation = () =>
    lines.map((sent) =>
      sent
        .filter(([name]) => /^impersonate-/i.test(name))
        .map(([name, value]) => [name.toLowerCase(), value]),
    );
  const connection = connect(
    loadKubeContext({
      kubeconfigContent: userAt(
        'as: system:serviceaccount:shop:chaos',
        'as-uid: "1234"',
        'as-groups: [chaos-runners, "a, b", ""]',
        'as-user-extra:',
        '  example.com/team: [chaos, café]',
        '  100% sure: ["yes"]',
        '  Über: []',
      ),
    }),
  );
  await new LitmusClient(connection).assertInstalled();
  const stream = openWatch(connection, '/apis/litmuschaos.io/v1alpha1/chaosengines', {}, () => {}, 5_000);
  assert.equal(await stream.ended, 'closed');
  // The bytes client-go sends: a value's UTF-8, an extra key percent-encoded by its headerKeyEscape.
  const expected = [
    ['impersonate-user', 'system:serviceaccount:shop:chaos'],
    ['impersonate-uid', '1234'],
    ['impersonate-group', 'chaos-runners'],
    ['impersonate-group', 'a, b'],
    ['impersonate-group', ''],
    ['impersonate-extra-example.com%2fteam', 'chaos'],
    ['impersonate-extra-example.com%2fteam', Buffer.from('café').toString('latin1')],
    ['impersonate-extra-100%25%20sure', 'yes'],
  ];
  assert.deepEqual(impersonation(), [expected, expected], 'the request and the watch');
  // `as` alone, as before; empty fields are nothing to send.
  lines.length = 0;
  const alone = loadKubeContext({ kubeconfigContent: userAt('as: deployer', 'as-groups: []', 'as-uid: ""') });
  await new LitmusClient(connect(alone)).assertInstalled();
  assert.deepEqual(impersonation(), [[['impersonate-user', 'deployer']]]);
});

test("groups, a uid or extras without `as` are refused in kubectl's words, as are fields kubectl cannot read", () => {
  for (const line of ['as-groups: [system:masters]', 'as-uid: "1234"', 'as-user-extra: {scopes: []}']) {
    const error = refusal({ kubeconfigContent: withUserLines(line) });
    assert.ok(error instanceof ConfigError, String(error));
    assert.equal(
      error.message,
      'the inline kubeconfig: user "ci": requesting uid, groups or user-extra for ci without impersonating a user, as kubectl says; add `as` (the user to impersonate), or remove them',
    );
  }
  for (const [lines, message] of [
    [
      ['as: ""', 'as-groups: [g]'],
      /user "ci": requesting uid, groups or user-extra for ci without impersonating/,
    ],
    [
      ['as: x', 'as-uid: 1234'],
      /user "ci": as-uid must be a string, not a number, as kubectl reads it \(quote it\)/,
    ],
    [['as: x', 'as-groups: g'], /user "ci": as-groups must be a list of strings, as kubectl reads it/],
    [
      ['as: x', 'as-user-extra: [a]'],
      /user "ci": as-user-extra must be a map of keys to lists of strings, not a list/,
    ],
    [
      ['as: x', 'as-user-extra: {scopes: view}'],
      /user "ci": as-user-extra\.scopes must be a list of strings/,
    ],
    [['as: x', 'as-groups: ["a\\nb"]'], /user "ci": the Impersonate-Group value holds a control character/],
  ] as const) {
    const error = refusal({ kubeconfigContent: withUserLines(...lines) });
    assert.ok(error instanceof ConfigError, String(error));
    assert.match(error.message, message);
    assert.ok(!error.message.includes(token.slice(0, 12)), error.message);
  }
  // Only the selected context's user matters.
  const other = kubeconfig().replace(
    'users:\n',
    'users:\n- name: other\n  user:\n    as-groups: [system:masters]\n',
  );
  assert.equal(loadKubeContext({ kubeconfigContent: other }).getCurrentUser()?.name, 'ci');
});

test('a user with the gcp or azure auth-provider, which kubectl no longer runs, is refused with its advice', () => {
  for (const [name, advice] of [
    ['gcp', /user "ci": The gcp auth plugin has been removed\. Please use the "gke-gcloud-auth-plugin"/],
    [
      'azure',
      /user "ci": The azure auth plugin has been removed\. Please use the https:\/\/github\.com\/Azure\/kubelogin/,
    ],
  ] as const) {
    // client-node would run this command, synchronously and without a time limit, at the first request.
    const error = refusal({
      kubeconfigContent: withUserLines(
        'auth-provider:',
        `  name: ${name}`,
        '  config: {cmd-path: /usr/lib/google-cloud-sdk/bin/gcloud, access-token: stale-access-token}',
      ),
    });
    assert.ok(error instanceof ConfigError, String(error));
    assert.match(error.message, /^the inline kubeconfig: /);
    assert.match(error.message, advice);
    assert.ok(!error.message.includes('stale-access-token'), error.message);
  }
});

test("a user with two ways to authenticate that kubectl refuses is refused in kubectl's words", () => {
  const exec = [
    'exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin, interactiveMode: Never}',
  ];
  const oidc = [
    'auth-provider: {name: oidc, config: {idp-issuer-url: https://issuer.example, client-id: ci}}',
  ];
  const withoutToken = (text: string) => text.replace(`    token: ${token}\n`, '');
  for (const [content, why] of [
    [
      withUserLines('username: admin'),
      'more than one authentication method found for ci; found [token basicAuth], only one is allowed',
    ],
    [
      withUserLines('password: hunter2'),
      'more than one authentication method found for ci; found [token basicAuth], only one is allowed',
    ],
    // client-node would serve the user with its own oidc, and never run the plugin.
    [
      withoutToken(withUserLines(...exec, ...oidc)),
      'authProvider cannot be provided in combination with an exec plugin for ci',
    ],
  ] as const) {
    const error = refusal({ kubeconfigContent: content });
    assert.ok(error instanceof ConfigError, String(error));
    assert.equal(
      error.message,
      `the inline kubeconfig: user "ci": ${why}, as kubectl says; remove one of them`,
    );
  }
  // A token beside a plugin or a provider (the token is sent), a plugin alone, basic auth alone: kubectl's too.
  for (const content of [
    withUserLines(...exec),
    withUserLines(...oidc),
    withoutToken(withUserLines(...exec)),
    withoutToken(withUserLines('username: admin', 'password: hunter2')),
  ])
    loadKubeContext({ kubeconfigContent: content });
});

test('a file beside its data, a certificate without its key, or a proxy-url kubectl cannot use is refused', () => {
  const withCluster = (...lines: string[]) =>
    kubeconfig().replace(
      '    server: https://10.0.0.1:6443\n',
      `    server: https://10.0.0.1:6443\n${lines.map((l) => `    ${l}\n`).join('')}`,
    );
  const withoutToken = (text: string) => text.replace(`    token: ${token}\n`, '');
  for (const [content, why] of [
    // client-node would have read the file, kubectl says the data counts: it refuses both.
    [
      withCluster('certificate-authority: /etc/ca.crt', 'certificate-authority-data: Y2E='),
      'cluster "prod": certificate-authority-data and certificate-authority are both specified, which kubectl refuses; remove one of them',
    ],
    [
      withoutToken(
        withUserLines(
          'client-certificate: /etc/c.crt',
          'client-certificate-data: Yw==',
          'client-key-data: aw==',
        ),
      ),
      'user "ci": client-certificate-data and client-certificate are both specified, which kubectl refuses; remove one of them',
    ],
    [
      withoutToken(
        withUserLines('client-certificate-data: Yw==', 'client-key: /etc/k.key', 'client-key-data: aw=='),
      ),
      'user "ci": client-key-data and client-key are both specified, which kubectl refuses; remove one of them',
    ],
    [
      withUserLines('client-certificate-data: Yw=='),
      'user "ci": client-key-data or client-key must be specified to use the client-certificate, as kubectl says',
    ],
    // client-node would go through a SOCKS4 proxy; the password is not shown.
    [
      withCluster('proxy-url: socks4://ci:proxy-secret@127.0.0.1:1080'),
      'cluster "prod": invalid proxy-url "socks4://127.0.0.1:1080": unsupported scheme "socks4", must be http, https, or socks5, as kubectl says',
    ],
    [
      withCluster('proxy-url: 10.0.0.2:3128'),
      'cluster "prod": invalid proxy-url "10.0.0.2:3128": not a URL, as kubectl says',
    ],
  ] as const) {
    const error = refusal({ kubeconfigContent: content });
    assert.ok(error instanceof ConfigError, String(error));
    assert.equal(error.message, `the inline kubeconfig: ${why}`);
  }
  for (const proxy of ['http://proxy:3128', 'https://proxy:3128', 'socks5://127.0.0.1:1080'])
    loadKubeContext({ kubeconfigContent: withCluster(`proxy-url: ${proxy}`) });
  loadKubeContext({
    kubeconfigContent: withoutToken(withUserLines('client-certificate-data: Yw==', 'client-key-data: aw==')),
  });
});

test('a cluster that skips TLS verification and names a certificate authority is refused, as kubectl refuses it', () => {
  const withClusterLines = (...lines: string[]) =>
    kubeconfig().replace(
      '    server: https://10.0.0.1:6443\n',
      `    server: https://10.0.0.1:6443\n${lines.map((l) => `    ${l}\n`).join('')}`,
    );
  for (const [line, field] of [
    ['certificate-authority-data: Y2VydGlmaWNhdGU=', 'certificate-authority-data'],
    ['certificate-authority: /etc/kubernetes/ca.crt', 'certificate-authority'],
  ] as const) {
    const error = refusal({ kubeconfigContent: withClusterLines('insecure-skip-tls-verify: true', line) });
    assert.ok(error instanceof ConfigError, String(error));
    assert.match(
      error.message,
      new RegExp(
        `^the inline kubeconfig: cluster "prod" sets insecure-skip-tls-verify and ${field}: specifying a root certificates file with the insecure flag is not allowed`,
      ),
    );
  }
  // Either alone is kubectl's too.
  loadKubeContext({ kubeconfigContent: withClusterLines('insecure-skip-tls-verify: true') });
  loadKubeContext({ kubeconfigContent: withClusterLines('certificate-authority-data: Y2VydGlmaWNhdGU=') });
});

test(
  'a plain-HTTP server, as `kubectl proxy` serves, is reached by requests and watches',
  { timeout: 10_000 },
  async (t) => {
    const { url, seen } = await loopbackApi(t);
    // No insecure-skip-tls-verify: there is no TLS to verify.
    const kube = loadKubeContext({
      kubeconfigContent: kubeconfig({ server: url }),
    });
    const connection = connect(kube);
    await new LitmusClient(connection).assertInstalled();
    const events: unknown[] = [];
    const stream = openWatch(
      connection,
      '/apis/litmuschaos.io/v1alpha1/namespaces/default/chaosengines',
      {},
      (event) => events.push(event),
      5_000,
    );
    assert.equal(await stream.ended, 'closed');
    assert.deepEqual(events, [{ type: 'ADDED', object: { metadata: { name: 'e' } } }]);
    assert.deepEqual(seen, [`Bearer ${token}`, `Bearer ${token}`], 'the request and the watch');
    // An https server keeps its verification.
    assert.equal(
      loadKubeContext({ kubeconfigContent: kubeconfig() }).getCurrentCluster()?.skipTLSVerify,
      false,
    );
  },
);

test("an oidc user whose id-token has expired with no refresh-token, or is not a JWT, is refused in kubectl's words", async () => {
  const jwt = (exp: number) =>
    [{ alg: 'RS256' }, { iss: 'https://issuer.example', sub: 'ci', exp }]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .concat('signature-that-must-never-be-printed')
      .join('.');
  const oidc = (idToken: string, refreshToken?: string) =>
    withUserLines(
      'auth-provider:',
      '  name: oidc',
      '  config:',
      '    idp-issuer-url: https://issuer.example',
      '    client-id: chaos-gate',
      `    id-token: ${idToken}`,
      ...(refreshToken ? [`    refresh-token: ${refreshToken}`] : []),
    ).replace(`    token: ${token}\n`, '');
  const now = Math.floor(Date.now() / 1000);
  const expired = jwt(now - 3600);
  const error = refusal({ kubeconfigContent: oidc(expired) });
  assert.ok(error instanceof CannotRunError && !(error instanceof ConfigError), String(error));
  assert.equal(
    error.message,
    `the inline kubeconfig: user "ci": No valid id-token, and cannot refresh without refresh-token (its id-token expired at ${new Date((now - 3600) * 1000).toISOString()}); log in again for a new id-token`,
  );
  assert.ok(!error.message.includes('signature-that'), error.message);
  // One kubectl cannot read fails every request, refresh-token or not.
  for (const content of [oidc('not-a-jwt'), oidc('not-a-jwt', 'a-refresh-token')])
    assert.equal(
      failure({ kubeconfigContent: content }),
      'the inline kubeconfig: user "ci": ID Token is not a valid JWT, as kubectl says; log in again for a new id-token',
    );
  // With a refresh-token the provider gets a new id-token; a valid one is sent as it is.
  loadKubeContext({ kubeconfigContent: oidc(expired, 'a-refresh-token') });
  const valid = jwt(now + 3600);
  const kube = loadKubeContext({ kubeconfigContent: oidc(valid) });
  const options: { headers?: Record<string, string> } = { headers: {} };
  await kube.applyToHTTPSOptions(options);
  assert.equal(options.headers?.Authorization, `Bearer ${valid}`);
});
