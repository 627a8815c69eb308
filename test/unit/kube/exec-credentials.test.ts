// A kubeconfig whose user gets its credentials from a plugin (`exec`), run for real as small shell
// scripts against a loopback server that records what each request carried.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { CancelledError, CannotRunError } from '../../../src/errors.ts';
import { apiClient, connect, openWatch } from '../../../src/kube/client.ts';
import { loadKubeContext } from '../../../src/kube/context.ts';
import { serveCredentials } from '../../../src/kube/credentials.ts';
import { lookPath } from '../../../src/kube/exec-credentials.ts';
import { LitmusClient } from '../../../src/litmus/client.ts';
import { redact } from '../../../src/secrets.ts';
import { loopbackApi, refusal } from '../../support/loopback-api.ts';

const limit = { timeout: 20_000 };
const apiVersion = 'client.authentication.k8s.io/v1beta1';

/** A plugin script in its own folder; `calls` counts its runs. */
function plugin(body: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-exec-'));
  const file = path.join(dir, 'plugin.sh');
  writeFileSync(file, `#!/bin/sh\necho run >> "${dir}/calls"\n${body}\n`);
  chmodSync(file, 0o755);
  const calls = () =>
    existsSync(path.join(dir, 'calls'))
      ? readFileSync(path.join(dir, 'calls'), 'utf8').split('\n').length - 1
      : 0;
  return { dir, file, calls };
}

const credential = (status: string) =>
  `printf '%s' '{"apiVersion":"${apiVersion}","kind":"ExecCredential","status":${status}}'`;

function kubeconfig(server: string, exec: Record<string, unknown>): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'ci', user: { exec: { apiVersion, ...exec } } }],
    contexts: [{ name: 'c', context: { cluster: 'c', user: 'ci' } }],
    'current-context': 'c',
  });
}

function served(server: string, exec: Record<string, unknown>, timeoutMs?: number): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig(server, exec));
  serveCredentials(kc, { pluginTimeoutMs: timeoutMs });
  return kc;
}

const failure = (kc: KubeConfig): Promise<string> => refusal(new LitmusClient(connect(kc)));

test(
  'the plugin runs without stdin, told it is not interactive, and its token is sent and masked',
  limit,
  async (t) => {
    const { url, seen } = await loopbackApi(t);
    // `cat` ends at once on a closed stdin; on an open pipe it would wait for ever.
    const { dir, file } = plugin(
      `cat > /dev/null\necho "$KUBERNETES_EXEC_INFO" > "$(dirname "$0")/info"\necho "$AWS_PROFILE" > "$(dirname "$0")/profile"\n${credential('{"token":"token-from-the-plugin-0001"}')}`,
    );
    const dirFile = path.join(dir, 'kubeconfig');
    writeFileSync(
      dirFile,
      kubeconfig(url, { command: file, env: [{ name: 'AWS_PROFILE', value: 'staging' }] }),
    );
    const kube = loadKubeContext({ kubeconfig: dirFile });
    await new LitmusClient(connect(kube)).assertInstalled();
    assert.deepEqual(seen, ['Bearer token-from-the-plugin-0001']);
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'info'), 'utf8')), {
      apiVersion,
      kind: 'ExecCredential',
      spec: { interactive: false },
    });
    assert.equal(readFileSync(path.join(dir, 'profile'), 'utf8').trim(), 'staging');
    assert.equal(redact('token-from-the-plugin-0001'), '***');
  },
);

test(
  'a plugin that asks for its cluster (provideClusterInfo) is told it as client-go tells it, v1 and v1beta1',
  limit,
  async () => {
    // Keeps what it was told, and answers in the version it was asked in.
    const { dir, file } = plugin(
      `exec node -e '${[
        'const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);',
        'require("node:fs").writeFileSync(process.argv[1], JSON.stringify(info));',
        'const status = { token: "cluster-info-token-03" };',
        'console.log(JSON.stringify({ apiVersion: info.apiVersion, kind: "ExecCredential", status }));',
      ].join(' ')}' "$(dirname "$0")/info"`,
    );
    writeFileSync(path.join(dir, 'ca.pem'), 'a CA bundle\n');
    const ca = Buffer.from('a CA bundle\n').toString('base64');
    const audience = { apiVersion: 'example.com/v1', kind: 'PluginConfig', spec: { audience: ['chaos'] } };
    const clusters: Record<string, Record<string, unknown>> = {
      // By IP address through SOCKS, where chaos-gate checks the certificate against the address: the
      // plugin is still told the cluster as written, trailing slash included.
      socks: {
        server: 'https://10.0.0.1:6443/',
        'certificate-authority': 'ca.pem',
        'proxy-url': 'socks5://127.0.0.1:1080',
        'disable-compression': true,
        extensions: [
          { name: 'example.com/other', extension: { not: 'this one' } },
          { name: 'client.authentication.k8s.io/exec', extension: audience },
        ],
      },
      named: {
        server: 'https://cluster.example:6443',
        'certificate-authority-data': ca,
        'tls-server-name': 'api.cluster.example',
      },
      // `kubectl proxy`, which chaos-gate reaches without TLS: nothing said about TLS.
      proxy: { server: 'http://127.0.0.1:8001' },
    };
    const users = {
      v1: { apiVersion: 'client.authentication.k8s.io/v1', interactiveMode: 'Never' },
      v1beta1: { apiVersion },
    };
    const kubeconfigFile = path.join(dir, 'kubeconfig');
    writeFileSync(
      kubeconfigFile,
      JSON.stringify({
        clusters: Object.entries(clusters).map(([name, cluster]) => ({ name, cluster })),
        users: Object.entries(users).map(([name, exec]) => ({
          name,
          user: { exec: { ...exec, command: file, provideClusterInfo: true } },
        })),
        contexts: [
          { name: 'socks', context: { cluster: 'socks', user: 'v1' } },
          { name: 'named', context: { cluster: 'named', user: 'v1beta1' } },
          { name: 'proxy', context: { cluster: 'proxy', user: 'v1' } },
        ],
      }),
    );
    const expected: Record<string, [string, Record<string, unknown>]> = {
      socks: [
        'client.authentication.k8s.io/v1',
        {
          server: 'https://10.0.0.1:6443/',
          'certificate-authority-data': ca,
          'proxy-url': 'socks5://127.0.0.1:1080',
          'disable-compression': true,
          config: audience,
        },
      ],
      named: [
        apiVersion,
        {
          server: 'https://cluster.example:6443',
          'tls-server-name': 'api.cluster.example',
          'certificate-authority-data': ca,
          config: null,
        },
      ],
      proxy: ['client.authentication.k8s.io/v1', { server: 'http://127.0.0.1:8001', config: null }],
    };
    for (const [context, [version, cluster]] of Object.entries(expected)) {
      const options: { headers?: Record<string, string> } = {};
      await loadKubeContext({ kubeconfig: kubeconfigFile, context }).applyToHTTPSOptions(options);
      assert.equal(options.headers?.Authorization, 'Bearer cluster-info-token-03');
      assert.deepEqual(
        JSON.parse(readFileSync(path.join(dir, 'info'), 'utf8')),
        { apiVersion: version, kind: 'ExecCredential', spec: { interactive: false, cluster } },
        context,
      );
    }
  },
);

test('a cluster the plugin cannot be told is named with its field', limit, async () => {
  const { dir, file } = plugin(credential('{"token":"never-sent-0004"}'));
  const kubeconfigFile = path.join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfigFile,
    JSON.stringify({
      clusters: [{ name: 'c', cluster: { server: 'https://c.example', 'disable-compression': 'yes' } }],
      users: [{ name: 'ci', user: { exec: { apiVersion, command: file, provideClusterInfo: true } } }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'ci' } }],
      'current-context': 'c',
    }),
  );
  await assert.rejects(loadKubeContext({ kubeconfig: kubeconfigFile }).applyToHTTPSOptions({}), {
    message: `the credentials of kubeconfig user "ci" come from "${file}", which asks for the details of cluster "c", and they are not usable: field disable-compression: expected true or false, got text`,
  });
});

test(
  'one run serves the requests made meanwhile, and the credential is kept until it expires',
  limit,
  async (t) => {
    const { url, seen } = await loopbackApi(t);
    const { file, calls } = plugin(
      `sleep 0.2\n${credential(`{"token":"token-'$(date +%s%N)'","expirationTimestamp":"'$(date -u -d '+2 seconds' +%Y-%m-%dT%H:%M:%SZ)'"}`)}`,
    );
    const litmus = new LitmusClient(connect(served(url, { command: file })));
    await Promise.all(Array.from({ length: 10 }, () => litmus.assertInstalled()));
    await litmus.assertInstalled();
    assert.equal(calls(), 1, 'ten requests at once and one after: one run of the plugin');
    assert.equal(new Set(seen).size, 1);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await litmus.assertInstalled();
    assert.equal(calls(), 2, 'run again once the credential expired');
    assert.equal(new Set(seen).size, 2, 'and its new token is sent');
  },
);

test(
  "the plugin's stderr reaches the log line by line as it runs: a device code is seen while the plugin waits for it",
  limit,
  async (t) => {
    const { url, seen } = await loopbackApi(t);
    // Answers only once the code it printed has been read, as a device-code login waits for someone.
    const { dir, file } = plugin(
      [
        'echo "To sign in, open https://login.example/device and enter the code ABCD-1234" >&2',
        'until [ -f "$(dirname "$0")/entered" ]; do sleep 0.05; done',
        "printf 'signed in' >&2",
        credential('{"token":"device-code-token-0007"}'),
      ].join('\n'),
    );
    const config = path.join(dir, 'kubeconfig');
    writeFileSync(config, kubeconfig(url, { command: file }));
    const lines: string[] = [];
    const kube = loadKubeContext(
      { kubeconfig: config },
      {
        say: (line) => {
          lines.push(line);
          if (line.includes('ABCD-1234')) writeFileSync(path.join(dir, 'entered'), '');
        },
      },
    );
    await new LitmusClient(connect(kube)).assertInstalled();
    assert.deepEqual(lines, [
      `${file}: To sign in, open https://login.example/device and enter the code ABCD-1234`,
      `${file}: signed in`,
    ]);
    assert.deepEqual(seen, ['Bearer device-code-token-0007']);
  },
);

test('a credential without an expiry is kept for the whole run; a watch sends it too', limit, async (t) => {
  const { url, seen } = await loopbackApi(t);
  const { file, calls } = plugin(credential('{"token":"kept-token-0002"}'));
  const connection = connect(served(url, { command: file }));
  const litmus = new LitmusClient(connection);
  for (let i = 0; i < 3; i++) await litmus.assertInstalled();
  const watch = openWatch(connection, '/apis/litmuschaos.io/v1alpha1/chaosengines', {}, () => {}, 5_000);
  assert.equal(await watch.ended, 'closed');
  assert.equal(calls(), 1);
  assert.deepEqual(seen, Array(4).fill('Bearer kept-token-0002'));
});

test('a plugin that does not answer is stopped at the limit, with what it started', limit, async (t) => {
  const { url } = await loopbackApi(t);
  const { dir, file } = plugin(`sleep 30 &\necho $! > "$(dirname "$0")/child"\nwait`);
  const message = await failure(served(url, { command: file }, 500));
  assert.match(
    message,
    /checking for LitmusChaos \(litmuschaos\.io\/v1alpha1\): the credentials of kubeconfig user "ci" come from "\S+plugin\.sh", which gave none within 0\.5 s and was stopped \(a plugin waiting for a login cannot get one in CI\)/,
  );
  const child = Number(readFileSync(path.join(dir, 'child'), 'utf8'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  // Gone, or a zombie waiting for init to reap it: either way no longer running.
  const stat = `/proc/${child}/stat`;
  const state = existsSync(stat) ? readFileSync(stat, 'utf8').split(' ')[2] : 'gone';
  assert.ok(state === 'gone' || state === 'Z', `the process the plugin started is gone too (${state})`);
});

test(
  "the connection's end stops the wait for a plugin: the deadline says so, a cancel stays a cancel",
  limit,
  async (t) => {
    const { url } = await loopbackApi(t);
    const { file } = plugin('sleep 30');
    const kc = served(url, { command: file }, 10_000);
    for (const [reason, expected] of [
      [
        new CannotRunError('the 1s timeout passed'),
        /the 1s timeout passed while the kubeconfig's credentials were being obtained/,
      ],
      [new CancelledError('SIGTERM'), /^cancelled by SIGTERM$/],
    ] as const) {
      const controller = new AbortController();
      const pending = apiClient(connect(kc, { signal: controller.signal }), CustomObjectsApi).getAPIResources(
        {
          group: 'litmuschaos.io',
          version: 'v1alpha1',
        },
      );
      setTimeout(() => controller.abort(reason), 200);
      const started = Date.now();
      await assert.rejects(pending, (error: Error) => {
        assert.match(error.message, expected);
        assert.equal(error instanceof CancelledError, reason instanceof CancelledError);
        return true;
      });
      assert.ok(Date.now() - started < 2_000, 'at once, not when the plugin ends');
    }
  },
);

test('a plugin that cannot give a credential is named with what went wrong', limit, async (t) => {
  const { url, seen } = await loopbackApi(t);
  const cases: [Record<string, unknown>, RegExp][] = [
    [
      { command: 'aws-iam-authenticator-not-here', installHint: 'install it with: apt-get install awscli' },
      /come from "aws-iam-authenticator-not-here", which is not installed here or not on PATH \(install it with: apt-get install awscli\)/,
    ],
    // Escapes that would recolour or rewrite the terminal are shown, not sent, as kubectl shows them.
    [
      {
        command: 'plugin-not-here',
        installHint: '\u001b[31mRun: \u001b]8;;https://x.example\u0007setup\u001b[0m',
      },
      /not on PATH \(U\+001B\[31mRun: U\+001B\]8;;https:\/\/x\.exampleU\+0007setupU\+001B\[0m\)$/,
    ],
    [
      { command: plugin('echo "An error occurred (ExpiredToken)" >&2; exit 255').file },
      /which failed \(exit code 255\): An error occurred \(ExpiredToken\)/,
    ],
    [{ command: plugin('exit 1').file }, /which failed \(exit code 1\) and printed nothing on stderr/],
    [{ command: plugin('echo not-json').file }, /which printed no ExecCredential JSON/],
    // The arguments written as one command line; a kubeconfig's values are not quoted (they may be secret).
    [
      { command: 'aws', args: '--region eu-west-1 eks get-token' },
      /come from a plugin whose settings are not usable: exec\.args: expected a list, got text$/,
    ],
    [
      {
        command: plugin(
          `printf '%s' '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"x"}}'`,
        ).file,
      },
      /an ExecCredential of client\.authentication\.k8s\.io\/v1, where exec\.apiVersion is client\.authentication\.k8s\.io\/v1beta1/,
    ],
    [
      { command: plugin(credential('{}')).file },
      /an ExecCredential with neither a token nor a client certificate and key/,
    ],
    // A certificate without its key would fail every request on TLS; client-go refuses it beside a token too.
    [
      { command: plugin(credential('{"token":"x","clientCertificateData":"a certificate"}')).file },
      /an ExecCredential with only a client certificate or key, not both/,
    ],
    // kubectl refuses both before it runs the plugin.
    [
      {
        command: plugin(credential('{"token":"x"}')).file,
        apiVersion: 'client.authentication.k8s.io/v1alpha1',
      },
      /come from a plugin of exec\.apiVersion "client\.authentication\.k8s\.io\/v1alpha1", which kubectl no longer runs: give client\.authentication\.k8s\.io\/v1 or client\.authentication\.k8s\.io\/v1beta1$/,
    ],
    [
      {
        command: plugin(
          `printf '%s' '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"x"}}'`,
        ).file,
        apiVersion: 'client.authentication.k8s.io/v1',
      },
      /whose exec\.interactiveMode is not given, which kubectl requires of a client\.authentication\.k8s\.io\/v1 plugin: give Never \(a CI job has no terminal\)$/,
    ],
    [
      { command: plugin(credential('{"token":"x"}')).file, interactiveMode: 'Always' },
      /which asks for a terminal \(exec\.interactiveMode: Always\) that a CI job does not have/,
    ],
  ];
  for (const [exec, expected] of cases) {
    const message = await failure(served(url, exec));
    assert.match(
      message,
      /^checking for LitmusChaos \(litmuschaos\.io\/v1alpha1\): the credentials of kubeconfig user "ci" /,
    );
    assert.match(message, expected);
    assert.doesNotMatch(message, /cannot reach/);
  }
  assert.deepEqual(seen, [], 'no request went out without its credentials');
});

test("the context's plugin settings are refused when the kubeconfig loads, as kubectl refuses them; another user's are not read", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-exec-'));
  const file = path.join(dir, 'kubeconfig');
  const broken = { command: 'kubelogin', apiVersion: 'client.authentication.k8s.io/v1' };
  const config = JSON.parse(kubeconfig('https://127.0.0.1:1', broken)) as {
    users: { name: string; user: Record<string, unknown> }[];
    contexts: { name: string; context: Record<string, string> }[];
  };
  writeFileSync(file, JSON.stringify(config));
  assert.throws(
    () => loadKubeContext({ kubeconfig: file }),
    (error: unknown) =>
      error instanceof CannotRunError &&
      /^the credentials of kubeconfig user "ci" come from a plugin whose exec\.interactiveMode is not given, which kubectl requires/.test(
        error.message,
      ),
  );
  // The same broken user beside the one the context uses.
  config.users.push({ name: 'other', user: { token: 'other-token-0008' } });
  config.contexts[0] = { name: 'c', context: { cluster: 'c', user: 'other' } };
  writeFileSync(file, JSON.stringify(config));
  assert.doesNotThrow(() => loadKubeContext({ kubeconfig: file }));
});

test(
  'a user with credentials of its own runs no plugin: they are sent, as kubectl sends them',
  limit,
  async (t) => {
    const { url, seen } = await loopbackApi(t);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-exec-'));
    writeFileSync(path.join(dir, 'token'), 'file-token-0007\n');
    const cases: [Record<string, unknown>, string][] = [
      [{ token: 'own-token-0006' }, 'Bearer own-token-0006'],
      [{ 'token-file': 'token' }, 'Bearer file-token-0007'],
      [
        { username: 'ci', password: 'own-password' },
        `Basic ${Buffer.from('ci:own-password').toString('base64')}`,
      ],
    ];
    for (const [credentials, expected] of cases) {
      const file = path.join(dir, 'kubeconfig');
      // A plugin this machine does not have: kubectl never runs it for this user.
      const exec = { apiVersion, command: 'plugin-not-installed-here' };
      const config = JSON.parse(kubeconfig(url, exec)) as { users: { user: Record<string, unknown> }[] };
      Object.assign(config.users[0]?.user ?? {}, credentials);
      writeFileSync(file, JSON.stringify(config));
      await new LitmusClient(connect(loadKubeContext({ kubeconfig: file }))).assertInstalled();
      assert.equal(seen.at(-1), expected);
    }
  },
);

test('a user without credentials (no `user:` map) is left as it is', limit, async (t) => {
  const { url, seen } = await loopbackApi(t);
  const kc = new KubeConfig();
  kc.loadFromString(
    JSON.stringify({
      clusters: [{ name: 'c', cluster: { server: url, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'anonymous' }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'anonymous' } }],
      'current-context': 'c',
    }),
  );
  serveCredentials(kc);
  await new LitmusClient(connect(kc)).assertInstalled();
  assert.deepEqual(seen, ['(none)']);
});

test(
  "a plugin is found on chaos-gate's PATH, as kubectl finds it, and run with the PATH its env gives",
  limit,
  async (t) => {
    const { url, seen } = await loopbackApi(t);
    const installed = plugin(
      `${credential('{"token":"found-on-path-0011"}')}\necho "$PATH" > "${'$'}{0%/*}/path"`,
    );
    const elsewhere = plugin(credential('{"token":"found-in-env-path-0012"}'));
    const name = path.basename(installed.file);
    const parentPath = process.env.PATH;
    process.env.PATH = `${installed.dir}${path.delimiter}${parentPath ?? ''}`;
    t.after(() => (process.env.PATH = parentPath));
    const served = (envPath: string) => {
      const kc = new KubeConfig();
      kc.loadFromString(kubeconfig(url, { command: name, env: [{ name: 'PATH', value: envPath }] }));
      serveCredentials(kc);
      return kc;
    };
    // Where the plugin's own PATH would find another one, chaos-gate's finds this one; the plugin gets its PATH.
    await new LitmusClient(connect(served(elsewhere.dir))).assertInstalled();
    assert.deepEqual(seen, ['Bearer found-on-path-0011']);
    assert.equal(readFileSync(path.join(installed.dir, 'path'), 'utf8').trim(), elsewhere.dir);
    assert.equal(elsewhere.calls(), 0);
    // Only on the plugin's PATH: not installed, as kubectl says ("executable … not found").
    process.env.PATH = parentPath;
    assert.match(await failure(served(installed.dir)), /which is not installed here or not on PATH$/);
  },
);

test('a plugin named without its extension is found on a Windows PATH through PATHEXT, as Go finds it', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-pathext-'));
  // Windows has no execute bit: gke-gcloud-auth-plugin.exe is found by its extension alone.
  writeFileSync(path.join(dir, 'gke-gcloud-auth-plugin.exe'), '');
  const env = { PATH: `C:\\missing;${dir}`, PATHEXT: '.COM;.EXE;.BAT;.CMD' };
  assert.equal(
    lookPath('gke-gcloud-auth-plugin', env, 'win32'),
    path.join(dir, 'gke-gcloud-auth-plugin.exe'),
  );
  assert.equal(
    lookPath('gke-gcloud-auth-plugin.exe', env, 'win32'),
    path.join(dir, 'gke-gcloud-auth-plugin.exe'),
  );
  assert.equal(lookPath('kubelogin', env, 'win32'), undefined);
  // Elsewhere the name is the file's, and it must be executable.
  assert.equal(lookPath('gke-gcloud-auth-plugin', { PATH: dir }, 'linux'), undefined);
});
