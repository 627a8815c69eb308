// No output channel ever holds the token: for each failure path, the action and the CLI are run and
// everything they leave — stdout, stderr, JUnit, JSON, summary, GITHUB_OUTPUT, GITHUB_STATE and the
// job summary — is searched for it. The one line that may carry it is the runner's own
// `::add-mask::` command, which tells the runner to hide it and is never shown.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { blackHoleKubeconfig, startBlackHole } from '../support/black-hole.ts';
import { runEntry, type Finished } from '../support/run-node.ts';
import { engineFile, uniqueName, useSandbox, workDir } from './helpers.ts';

const namespace = 'secrets';
const env = useSandbox(namespace);
const token = () => env.sandbox.adminToken;

/** Every channel a run writes to, as text. */
function channels(run: Finished, files: string[]): Record<string, string> {
  const found: Record<string, string> = {
    stdout: run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: run.stderr,
  };
  for (const file of files) if (existsSync(file)) found[path.basename(file)] = readFileSync(file, 'utf8');
  return found;
}

function assertNoSecret(what: string, found: Record<string, string>, secrets: string[]): void {
  for (const [channel, text] of Object.entries(found))
    for (const secret of secrets)
      assert.ok(!text.includes(secret), `${what}: ${channel} holds the secret:\n${text}`);
}

async function action(
  inputs: Record<string, string>,
  options: { onStdout?: (text: string, kill: (s: NodeJS.Signals) => void) => void } = {},
) {
  const dir = workDir();
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'step-summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const reports = { junit: path.join(dir, 'junit.xml'), json: path.join(dir, 'report.json') };
  const variables: Record<string, string> = { ...files, RUNNER_TEMP: dir };
  for (const [name, value] of Object.entries({
    ...inputs,
    'junit-path': reports.junit,
    'json-path': reports.json,
  }))
    variables[`INPUT_${name.toUpperCase()}`] = value;
  const started = runEntry('dist/index.js', [], {
    cwd: dir,
    env: variables,
    onStdout: (text) => options.onStdout?.(text, started.kill),
  });
  const finished = await started.done;
  // The post step, as the runner runs it after the main step.
  const state = readFileSync(files.GITHUB_STATE, 'utf8');
  const postEnv: Record<string, string> = { ...variables };
  for (const [, key, value] of state.matchAll(/(\w+)<<.+\n(.*)\n/g)) postEnv[`STATE_${key}`] = value ?? '';
  const post = await runEntry('dist/post.js', [], { cwd: dir, env: postEnv }).done;
  // RUNNER_TEMP is this folder: no file in it, the inline kubeconfig's or another, may hold the token.
  const leftInTemp = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => {
    const file = path.join(dir, entry);
    return statSync(file).isFile() && readFileSync(file, 'utf8').includes(token());
  });
  return {
    finished,
    post,
    leftInTemp,
    found: {
      ...channels(finished, [...Object.values(files), reports.junit, reports.json]),
      ...Object.fromEntries(Object.entries(channels(post, [])).map(([k, v]) => [`post ${k}`, v])),
    },
  };
}

test('the action: no channel holds the token on any failure path, nor any file in RUNNER_TEMP', async () => {
  const dir = workDir();
  const engine = () => engineFile(dir, uniqueName('secret'), 'pass', namespace);
  const yaml = env.sandbox.kubeconfigYaml;
  const noVerbs = path.join(dir, 'role.yaml');
  writeFileSync(
    noVerbs,
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: no-verbs\nrules:\n  - resources: [pods]\n',
  );
  const hole = await startBlackHole();
  try {
    const scenarios: [string, Record<string, string>][] = [
      ['kubeconfig with a YAML syntax error', { kubeconfig: yaml.replace('users:', 'users: [broken') }],
      [
        'kubeconfig whose user is missing',
        { kubeconfig: yaml.replace('user: sandbox-admin', 'user: nobody') },
      ],
      ['a wrong token (401)', { kubeconfig: yaml.replace(token(), `${token()}x`) }],
      [
        'a server that never answers',
        { kubeconfig: blackHoleKubeconfig(hole.server, token(), namespace), timeout: '3s' },
      ],
      [
        'a server URL with a password, unreachable',
        {
          kubeconfig: yaml.replace(
            /server: https:\/\/127\.0\.0\.1:\d+/,
            `server: https://ci:${token()}@127.0.0.1:9`,
          ),
        },
      ],
      ['a manifest the server rejects in preflight', { kubeconfig: yaml, rbac: noVerbs }],
    ];
    for (const [what, inputs] of scenarios) {
      const { finished, found, leftInTemp } = await action({ namespace, engines: engine(), ...inputs });
      assert.notEqual(finished.code, 0, `${what}: the step fails`);
      assertNoSecret(what, found, [token(), token().slice(0, 16)]);
      assert.deepEqual(leftInTemp, [], `${what}: no file in RUNNER_TEMP holds the token`);
    }

    // A load command that prints its whole environment, and a cancel mid-run.
    const config = path.join(dir, 'chaos-gate.yaml');
    writeFileSync(
      config,
      stringify({
        engines: [engineFile(dir, uniqueName('env'), 'never', namespace)],
        load: { command: 'env; sleep 30', leadTime: '1s' },
      }),
    );
    let cancelled = false;
    const { finished, found, leftInTemp } = await action(
      { kubeconfig: yaml, namespace, config },
      {
        onStdout: (text, kill) => {
          if (!cancelled && /\[chaos\] secrets\/env-[^ ]+ pod-delete: Running/.test(text)) {
            cancelled = true;
            kill('SIGTERM');
          }
        },
      },
    );
    assert.ok(cancelled, finished.stdout);
    assert.match(finished.stdout, /\[load\] PATH=/, 'the load printed its environment');
    assertNoSecret('a load that prints its environment, then a cancel', found, [token()]);
    assert.doesNotMatch(found.stdout ?? '', /INPUT_KUBECONFIG/);
    assert.deepEqual(leftInTemp, []);
  } finally {
    await hole.close();
  }
});

test('the CLI: a broken kubeconfig file and a password in the server URL are never quoted', async () => {
  const dir = workDir();
  const engine = engineFile(dir, uniqueName('cli-secret'), 'pass', namespace);
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const yaml = env.sandbox.kubeconfigYaml;
  const cases: [string, string, RegExp][] = [
    [
      'syntax error',
      write('broken', yaml.replace(`token: ${token()}`, `token: ${token()}\n   bad: [x`)),
      /not valid YAML at line \d+/,
    ],
    [
      'password in the URL',
      write(
        'password',
        yaml.replace(/server: https:\/\/127\.0\.0\.1:\d+/, `server: https://ci:${token()}@127.0.0.1:9`),
      ),
      /cannot reach the Kubernetes API server/,
    ],
  ];
  for (const [what, kubeconfig, expected] of cases) {
    const junit = path.join(dir, `${what}.xml`);
    const run = await runEntry('dist/cli.js', [
      'run',
      '--kubeconfig',
      kubeconfig,
      // Where the engine aims: the context's namespace (default) would refuse it before connecting.
      '--namespace',
      namespace,
      '--engine',
      engine,
      '--junit',
      junit,
      '--timeout',
      '5s',
    ]).done;
    assert.equal(run.code, 2, `${what}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, expected);
    assertNoSecret(what, channels(run, [junit]), [token(), token().slice(0, 16)]);
  }
});
