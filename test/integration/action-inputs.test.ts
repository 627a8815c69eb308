// The built action (dist/index.js, dist/post.js) run the way a GitHub runner runs it, without a cluster.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { writeResults } from '../../bench/support/results.ts';
import { fixturePath, repoRoot } from '../support/fixtures.ts';
import { commandsObeyed, readRecords } from '../support/github-files.ts';
import { runEntry, signalOnceWritten } from '../support/run-node.ts';

function runnerFiles() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-runner-'));
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    state: path.join(dir, 'state'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  // What the runner tells every step of a job: where its outputs, summary and state go.
  const env = { GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, GITHUB_STATE: files.state };
  /** Runs an entry point as a step of this runner: in its folder, with its files and `variables`. */
  const runStep = (entry: string, variables: Record<string, string>) =>
    runEntry(entry, [], { cwd: dir, env: { ...env, ...variables } }).done;
  return { dir, ...files, runStep };
}

test('bad inputs: the step fails, names the input, and sets verdict=error', async () => {
  const runner = runnerFiles();
  const finished = await runner.runStep('dist/index.js', {
    INPUT_ENGINES: 'engine.yaml',
    INPUT_TIMEOUT: 'soon',
  });
  assert.equal(finished.code, 1);
  assert.match(
    finished.stdout,
    /::error::action inputs: timeout: expected a duration such as 500ms, 90s, 15m or 1h30m, got text \("soon"\)/,
  );
  // Every output is set, counts included: `fromJSON(steps.chaos.outputs.failed)` fails on an empty one.
  assert.deepEqual(readRecords(runner.output), {
    verdict: 'error',
    passed: '0',
    failed: '0',
    errored: '0',
    skipped: '0',
    'probe-success': '',
    'junit-path': '',
    'json-path': '',
    'html-path': '',
    'run-id': '',
  });
  // The job summary says so too, rather than staying empty.
  assert.match(
    readFileSync(runner.summary, 'utf8'),
    /^## ⛔ Chaos gate could not run\n\n```text\naction inputs: timeout: expected a duration such as 500ms, 90s, 15m or 1h30m, got text \("soon"\)\n```\n$/,
  );
});

test("a list input whose every line is commented out is not given: the config file's list applies", async () => {
  const runner = runnerFiles();
  const engine = path.join(runner.dir, 'checkout-engine.yaml');
  writeFileSync(path.join(runner.dir, 'chaos-gate.yaml'), `engines: [${engine}]\nnamespace: shop\n`);
  const finished = await runner.runStep('dist/index.js', {
    INPUT_CONFIG: 'chaos-gate.yaml',
    // Switched off for now, in the workflow; the config file's engines are meant.
    INPUT_ENGINES: '# chaos/pod-delete.yaml\n  # chaos/network-latency.yaml\n',
  });
  assert.equal(finished.code, 1);
  // The config file's engine is read (and missing here), not replaced by none.
  assert.match(finished.stdout, /^::error::\S*checkout-engine\.yaml: cannot read the manifest/m);
  assert.doesNotMatch(finished.stdout, /nothing to run/);
});

test('engines written as a YAML list under | are refused saying so, before any cluster is contacted', async () => {
  const runner = runnerFiles();
  const finished = await runner.runStep('dist/index.js', {
    // What `engines: |` followed by "- chaos/pod-delete.yaml" lines hands the step.
    INPUT_ENGINES: '- chaos/pod-delete.yaml\n- chaos/network-latency.yaml\n',
  });
  assert.equal(finished.code, 1);
  assert.equal(
    finished.stdout,
    '::error::action inputs: engines: "- chaos/pod-delete.yaml" is written as a YAML list item, but the input is text: give one item a line, without "- "\n',
  );
  assert.equal(readRecords(runner.output).verdict, 'error');
});

test('kubeconfig content is masked before anything else is printed', async () => {
  const runner = runnerFiles();
  const token = 'sha256~averysecrettokenvalue0123456789';
  const finished = await runner.runStep('dist/index.js', {
    INPUT_KUBECONFIG: `apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: ${token}\n`,
    INPUT_ENGINES: path.join(runner.dir, 'missing-engine.yaml'),
  });
  assert.equal(finished.code, 1);
  assert.ok(finished.stdout.includes(`::add-mask::${token}`), 'the token line is masked');
  assert.match(finished.stdout, /missing-engine\.yaml: cannot read the manifest/);
});

test('kubeconfig content: its credentials are masked one by one, and nothing else of it', async () => {
  const runner = runnerFiles();
  const token = 'sha256~averysecrettokenvalue0123456789';
  const password = 'correct-horse-battery';
  const namespace = 'payments-production-eu';
  const idToken = 'eyJhbGciOiJSUzI1NiJ9.oidc-id-token';
  const sessionToken = 'aws-session-token-0123456789';
  const server = 'https://127.0.0.1:1';
  // JSON is YAML too, and a one-line secret is how many people store it.
  const kubeconfig = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'prod', cluster: { server } }],
    users: [
      { name: 'ci', user: { token } },
      { name: 'basic', user: { username: 'admin', password } },
      {
        name: 'oidc',
        user: {
          'auth-provider': { name: 'oidc', config: { 'id-token': idToken, 'client-id': 'chaos-gate-ci' } },
        },
      },
      {
        name: 'eks',
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: 'aws',
            env: [
              { name: 'AWS_SESSION_TOKEN', value: sessionToken },
              { name: 'AWS_PROFILE', value: 'production' },
            ],
          },
        },
      },
    ],
    contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'ci', namespace } }],
    'current-context': 'prod',
  });
  const finished = await runner.runStep('dist/index.js', {
    RUNNER_TEMP: runner.dir,
    INPUT_KUBECONFIG: kubeconfig,
    INPUT_ENGINES: path.join(repoRoot, 'examples/pod-delete/engine.yaml'),
    // Where the engine aims: the context's namespace would refuse it before any connection is tried.
    INPUT_NAMESPACE: 'shop',
    INPUT_TIMEOUT: '10s',
  });
  const masks = finished.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'));
  for (const secret of [token, password, idToken, sessionToken])
    assert.ok(masks.includes(`::add-mask::${secret}`), `${secret} is masked: ${masks.join('\n')}`);
  // The runner would show *** wherever the log names the server, the namespace or the profile.
  for (const plain of [server, namespace, 'chaos-gate-ci', 'production'])
    assert.ok(
      masks.every((mask) => mask === `::add-mask::${kubeconfig}` || !mask.includes(plain)),
      `${plain} is not masked on its own: ${masks.join('\n')}`,
    );
  assert.match(
    finished.stdout,
    /::error::.*cannot reach the Kubernetes API server: request to https:\/\/127\.0\.0\.1:1\//,
  );
});

test('kubeconfig content and kubeconfig-path together are refused, not one silently used for both', async () => {
  const runner = runnerFiles();
  const kubeconfig = `apiVersion: v1\nkind: Config\nclusters:\n- name: staging\n  cluster: {server: "https://127.0.0.1:1"}\nusers:\n- name: ci\n  user: {token: staging-token-0123}\ncontexts:\n- name: staging\n  context: {cluster: staging, user: ci}\ncurrent-context: staging\n`;
  const finished = await runner.runStep('dist/index.js', {
    RUNNER_TEMP: runner.dir,
    INPUT_KUBECONFIG: kubeconfig,
    // Two clusters the user expects the gate to run on; each would have run on the inline one.
    'INPUT_KUBECONFIG-PATH': `${path.join(runner.dir, 'prod-eu.yaml')}\n${path.join(runner.dir, 'prod-us.yaml')}\n`,
    INPUT_ENGINES: path.join(repoRoot, 'examples/pod-delete/engine.yaml'),
  });
  assert.equal(finished.code, 1);
  assert.match(finished.stdout, /::error::action inputs: kubeconfig and kubeconfig-path exclude each other/);
  assert.doesNotMatch(finished.stdout, /cannot reach the Kubernetes API server/, 'no cluster was contacted');
  assert.match(readFileSync(runner.output, 'utf8'), /verdict<<.*\nerror\n/);
});

test('kubeconfig content beside kubeconfig files in the config file is refused before any cluster is contacted', async () => {
  const runner = runnerFiles();
  const kubeconfig = `apiVersion: v1\nkind: Config\nclusters:\n- name: staging\n  cluster: {server: "https://127.0.0.1:1"}\nusers:\n- name: ci\n  user: {token: staging-token-0123}\ncontexts:\n- name: staging\n  context: {cluster: staging, user: ci}\ncurrent-context: staging\n`;
  const config = path.join(runner.dir, 'chaos-gate.yaml');
  // Each target names its own cluster's file; the inline content would have been used for both.
  writeFileSync(
    config,
    `engines: [${path.join(repoRoot, 'examples/pod-delete/engine.yaml')}]\ntargets:\n  - {name: eu, kubeconfig: prod-eu.yaml}\n  - {name: us, context: us}\n  - {name: ap, kubeconfig: prod-ap.yaml}\n`,
  );
  const finished = await runner.runStep('dist/index.js', {
    RUNNER_TEMP: runner.dir,
    INPUT_KUBECONFIG: kubeconfig,
    INPUT_CONFIG: config,
  });
  assert.equal(finished.code, 1);
  assert.match(
    finished.stdout,
    /::error::the kubeconfig input \(inline content\) and the kubeconfig file the config file gives \(targets "eu", "ap"\) exclude each other/,
  );
  assert.doesNotMatch(finished.stdout, /cannot reach the Kubernetes API server/, 'no cluster was contacted');
  assert.match(readFileSync(runner.output, 'utf8'), /verdict<<.*\nerror\n/);
});

test('kubeconfig content with several contexts: a cluster that fails does not take the file from the next', async () => {
  const runner = runnerFiles();
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-runner-temp-'));
  const cluster = (name: string, port: number) => ({
    name,
    cluster: { server: `https://127.0.0.1:${port}` },
  });
  const context = (name: string) => ({ name, context: { cluster: name, user: 'ci' } });
  const kubeconfig = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [cluster('eu', 1), cluster('us', 2)],
    users: [{ name: 'ci', user: { token: 'sha256~averysecrettokenvalue0123456789' } }],
    contexts: [context('eu'), context('us')],
    'current-context': 'eu',
  });
  const finished = await runner.runStep('dist/index.js', {
    RUNNER_TEMP: runnerTemp,
    INPUT_KUBECONFIG: kubeconfig,
    INPUT_CONTEXT: 'eu\nus\n',
    // One at a time: "us" starts after "eu" has failed and let go of its cluster.
    'INPUT_PARALLEL-TARGETS': '1',
    INPUT_ENGINES: path.join(repoRoot, 'examples/pod-delete/engine.yaml'),
    // Where the engine aims: the contexts' namespace would refuse it before any connection is tried.
    INPUT_NAMESPACE: 'shop',
  });
  assert.equal(finished.code, 1);
  assert.match(
    finished.stdout,
    /%0Aeu: [^%]*cannot reach the Kubernetes API server: request to https:\/\/127\.0\.0\.1:1\//,
  );
  assert.match(
    finished.stdout,
    /%0Aus: [^%]*cannot reach the Kubernetes API server: request to https:\/\/127\.0\.0\.1:2\//,
  );
  assert.deepEqual(readdirSync(runnerTemp), [], 'no kubeconfig is left in RUNNER_TEMP');
});

test('the post step of a main step killed before it saved anything starts no run of its own', async () => {
  const runner = runnerFiles();
  // What GitHub runs as the post step; the main step's state file stayed empty.
  const actionYml = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
    runs: { post: string };
  };
  const finished = await runner.runStep(actionYml.runs.post, {
    RUNNER_TEMP: runner.dir,
    INPUT_KUBECONFIG: `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:1"}\nusers:\n- name: ci\n  user: {token: staging-token-0123}\ncontexts:\n- name: c\n  context: {cluster: c, user: ci}\ncurrent-context: c\n`,
    INPUT_ENGINES: path.join(repoRoot, 'examples/pod-delete/engine.yaml'),
  });
  assert.equal(finished.code, 0, finished.stdout);
  assert.doesNotMatch(finished.stdout, /LitmusChaos|preflight|::error::/, 'no cluster was contacted');
  assert.equal(readFileSync(runner.output, 'utf8'), '', 'no outputs: a post step has none');
  assert.equal(readFileSync(runner.summary, 'utf8'), '', 'no second summary');
});

test('the post step with an unreadable record of the runs fails with a message, not a stack trace', async () => {
  const runner = runnerFiles();
  const { done } = runEntry('dist/post.js', [], {
    cwd: runner.dir,
    env: { GITHUB_STATE: runner.state, STATE_runs: '[{"runId":"cg-1","namesp' },
  });
  const finished = await done;
  assert.equal(finished.code, 1);
  assert.match(
    finished.stdout,
    /^::error::the main step's record of its runs is unreadable: its chaos may still be running: look for ChaosEngines and Workflows labelled chaos-gate\.io\/run\n$/,
  );
  assert.equal(finished.stderr, '');
});

test('kubeconfig content given as kubeconfig-path is refused without quoting a line of it', async () => {
  const token = 'sha256~averysecrettokenvalue0123456789';
  const kubeconfig = `apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user: {token: "${token}"}\n`;
  // JSON is how Pulumi and `kubectl config view -o json` give it: one line, split at its commas.
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'Config', users: [{ name: 'ci', user: { token } }] });
  for (const given of [kubeconfig, Buffer.from(kubeconfig).toString('base64'), json]) {
    const runner = runnerFiles();
    const finished = await runner.runStep('dist/index.js', {
      'INPUT_KUBECONFIG-PATH': given,
      INPUT_ENGINES: path.join(repoRoot, 'examples/pod-delete/engine.yaml'),
    });
    assert.equal(finished.code, 1);
    assert.match(
      finished.stdout,
      /::error::action inputs: kubeconfig-path: takes file paths, and this is a kubeconfig's content: give it as the kubeconfig input, which masks it\n/,
    );
    assert.ok(finished.stdout.includes(`::add-mask::${token}\n`), 'the runner masks the token from here on');
    const shown = finished.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    for (const channel of [shown.join('\n'), finished.stderr, readFileSync(runner.summary, 'utf8')])
      assert.ok(!channel.includes(token) && !channel.includes('apiVersion'), channel);
  }
});

test('command merge: the jobs of a matrix joined into one JUnit and one gate, as chaos-gate merge joins them', async () => {
  const runner = runnerFiles();
  // Each job's report as a matrix job uploads it, from the ChaosResults of a passed and a failed probe.
  for (const [job, result] of [
    ['cluster-a', 'chaosresult-3x-pass.yaml'],
    ['cluster-b', 'chaosresult-3x-fail-probe.yaml'],
  ] as const) {
    const results = fixturePath(`litmus/results/${result}`);
    const json = `reports/${job}/report.json`;
    const report = await runEntry(
      'dist/cli.js',
      ['report', '--results', results, '--run-id', job, '--json', json],
      {
        cwd: runner.dir,
      },
    ).done;
    assert.equal(report.code, job === 'cluster-a' ? 0 : 1, report.stderr);
  }
  const cli = await runEntry(
    'dist/cli.js',
    ['merge', 'reports/cluster-a/report.json', 'reports/cluster-b/report.json', '--junit', 'cli.xml'],
    {
      cwd: runner.dir,
    },
  ).done;
  const merged = await runner.runStep('dist/index.js', {
    INPUT_COMMAND: 'merge',
    // What download-artifact leaves: one folder a job; the runner expands no pattern.
    INPUT_REPORTS: 'reports/*/report.json',
  });
  assert.equal(merged.code, cli.code, merged.stdout);
  assert.equal(merged.code, 1);
  const junit = path.join(runner.dir, 'chaos-gate-results/junit.xml');
  assert.equal(readFileSync(junit, 'utf8'), readFileSync(path.join(runner.dir, 'cli.xml'), 'utf8'));
  assert.match(readFileSync(junit, 'utf8'), /<testsuite name="cluster-b\/default\/nginx-chaos-probe"/);
  const annotations = merged.stdout.split('\n').filter((line) => line.startsWith('::error'));
  assert.match(annotations[0] ?? '', /^::error title=Chaos gate failed::2 failed, 0 errored in 1 fault\(s\)/);
  // Titled with the job, as its JUnit suite is: a matrix fails one experiment on several clusters.
  assert.match(annotations[1] ?? '', /^::error title=cluster-b\/default\/nginx-chaos-probe\/pod-delete::/);
  assert.deepEqual(readRecords(runner.output), {
    verdict: 'fail',
    passed: '4',
    failed: '2',
    errored: '0',
    skipped: '0',
    'probe-success': '75',
    'junit-path': 'chaos-gate-results/junit.xml',
    'json-path': 'chaos-gate-results/report.json',
    'html-path': '',
    'run-id': '',
  });
  assert.match(readFileSync(runner.summary, 'utf8'), /^## ❌ Chaos gate failed/);
  // No chaos ran: nothing recorded, so the post step has nothing to stop.
  assert.equal(readFileSync(runner.state, 'utf8'), '');
  const post = await runner.runStep('dist/post.js', {
    INPUT_COMMAND: 'merge',
    INPUT_REPORTS: 'reports/*/report.json',
  });
  assert.deepEqual([post.code, post.stdout], [0, '']);
});

test('command merge with expect: a matrix job that uploaded no report fails the step, and no report is written', async () => {
  const runner = runnerFiles();
  const json = 'reports/chaos-eu/report.json';
  const results = fixturePath('litmus/results/chaosresult-3x-pass.yaml');
  const report = await runEntry(
    'dist/cli.js',
    ['report', '--results', results, '--run-id', 'eu', '--json', json],
    {
      cwd: runner.dir,
    },
  ).done;
  assert.equal(report.code, 0, report.stderr);
  // The us job could not run: download-artifact leaves its folder out, and the pattern matches eu's only.
  const merged = await runner.runStep('dist/index.js', {
    INPUT_COMMAND: 'merge',
    INPUT_REPORTS: 'reports/*/report.json',
    INPUT_EXPECT: '2',
  });
  assert.equal(merged.code, 1, merged.stdout);
  assert.match(
    merged.stdout,
    /^::error::expected 2 reports to merge \(expect 2\), found 1; a job that could not run writes no report: see which one in the CI run:%0A {2}eu: reports\/chaos-eu\/report\.json$/m,
  );
  assert.equal(readRecords(runner.output).verdict, 'error');
  assert.deepEqual(readdirSync(runner.dir).sort(), ['output', 'reports', 'state', 'summary']);
});

test('command merge: a report whose path holds [ or * is read as that file, not as a pattern', async () => {
  const runner = runnerFiles();
  // A folder named after a matrix job's values, as a workflow may name its artifact.
  const json = 'reports/chaos [eu]/report.json';
  const results = fixturePath('litmus/results/chaosresult-3x-pass.yaml');
  const report = await runEntry(
    'dist/cli.js',
    ['report', '--results', results, '--run-id', 'eu', '--json', json],
    { cwd: runner.dir },
  ).done;
  assert.equal(report.code, 0, report.stderr);
  const merged = await runner.runStep('dist/index.js', { INPUT_COMMAND: 'merge', INPUT_REPORTS: json });
  assert.equal(merged.code, 0, merged.stdout);
  assert.equal(readRecords(runner.output).verdict, 'pass');
});

test('a misspelt allow-failures entry is a warning annotation and is in the JUnit file, not only a log line', async () => {
  const runner = runnerFiles();
  const results = fixturePath('litmus/results/chaosresult-3x-pass.yaml');
  const json = 'reports/eu/report.json';
  const report = await runEntry('dist/cli.js', ['report', '--results', results, '--json', json], {
    cwd: runner.dir,
  }).done;
  assert.equal(report.code, 0, report.stderr);
  const merged = await runner.runStep('dist/index.js', {
    INPUT_COMMAND: 'merge',
    INPUT_REPORTS: json,
    'INPUT_ALLOW-FAILURES': 'pod-deletx',
  });
  assert.equal(merged.code, 0, merged.stdout);
  const warning =
    'allow-failures "pod-deletx" names no experiment in the report, so it tolerates nothing; did you mean "pod-delete"?';
  assert.deepEqual(
    merged.stdout.split('\n').filter((line) => line.startsWith('::warning')),
    [`::warning title=Chaos gate warning::${warning}`],
  );
  assert.ok(readFileSync(runner.summary, 'utf8').includes(`- ⚠️ ${warning}`));
  const junit = readFileSync(path.join(runner.dir, readRecords(runner.output)['junit-path'] ?? ''), 'utf8');
  assert.ok(junit.includes(`<system-out>WARNING: ${warning}</system-out>`), junit);
});

test('command merge refuses an input only run reads, by name, before reading any report', async () => {
  const runner = runnerFiles();
  const finished = await runner.runStep('dist/index.js', {
    INPUT_COMMAND: 'merge',
    INPUT_REPORTS: 'reports/*/report.json',
    INPUT_ENGINES: 'engine.yaml',
  });
  assert.equal(finished.code, 1);
  assert.match(
    finished.stdout,
    /^::error::action inputs: engines: command merge does not read it; run does$/m,
  );
  assert.equal(readRecords(runner.output).verdict, 'error');
});

test('text from the cluster that reads as a workflow command is printed, not obeyed', async () => {
  const runner = runnerFiles();
  // A probe's description is what the cluster said (a cmdProbe's output): here lines a runner would obey.
  const injected = [
    '::add-mask::chaos',
    '::set-output name=verdict::pass',
    '::warning title=probe::from the probe',
  ];
  const results = path.join(runner.dir, 'results.yaml');
  writeFileSync(
    results,
    readFileSync(fixturePath('litmus/results/chaosresult-3x-fail-probe.yaml'), 'utf8').replace(
      '"Actual value: 503. Expected value: should be equal to 200"',
      JSON.stringify(`Actual value: 503\n${injected.join('\r\n')}\rend`),
    ),
  );
  const report = await runEntry(
    'dist/cli.js',
    ['report', '--results', results, '--run-id', 'eu', '--json', 'reports/eu/report.json'],
    { cwd: runner.dir },
  ).done;
  assert.equal(report.code, 1, report.stderr);
  const merged = await runner.runStep('dist/index.js', {
    INPUT_COMMAND: 'merge',
    INPUT_REPORTS: 'reports/eu/report.json',
  });
  assert.equal(merged.code, 1, merged.stdout);
  for (const line of injected) assert.ok(merged.stdout.includes(line), `the log shows ${line}`);
  const obeyed = commandsObeyed(merged.stdout);
  assert.deepEqual(
    obeyed.filter((command) => injected.some((line) => command.startsWith(line))),
    [],
    obeyed.join('\n'),
  );
  // The step's own commands still reach the runner: the verdict annotation first.
  assert.match(obeyed[0] ?? '', /^::error title=Chaos gate failed::/);
  assert.equal(readRecords(runner.output).verdict, 'fail');
});

test('a kubeconfig file named as the kubeconfig input is refused as a path, and its name is not masked', async () => {
  const runner = runnerFiles();
  // What an earlier step wrote: aws eks update-kubeconfig --kubeconfig kubeconfig.
  writeFileSync(path.join(runner.dir, 'kubeconfig'), 'apiVersion: v1\nkind: Config\n');
  const finished = await runner.runStep('dist/index.js', {
    INPUT_KUBECONFIG: 'kubeconfig',
    INPUT_ENGINES: path.join(repoRoot, 'examples/pod-delete/engine.yaml'),
  });
  assert.equal(finished.code, 1);
  assert.match(
    finished.stdout,
    /^::error::action inputs: kubeconfig: takes the kubeconfig's content, not a path: give a file as kubeconfig-path$/m,
  );
  // Masked, the word would read *** in this error and every later line of the job.
  assert.doesNotMatch(finished.stdout, /::add-mask::/);
  assert.equal(readRecords(runner.output).verdict, 'error');
});

test('the post step of a killed run on many clusters: one warning and one error that name every run', async () => {
  const runner = runnerFiles();
  const names = Array.from({ length: 12 }, (_, i) => `c${i}`);
  // Every cluster out of reach: no stop can be confirmed.
  const kubeconfig = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:1' } }],
    users: [{ name: 'ci', user: { token: 'sha256~averysecrettokenvalue0123456789' } }],
    contexts: names.map((name) => ({ name, context: { cluster: 'c', user: 'ci' } })),
    'current-context': 'c0',
  });
  const runs = names.map((name) => ({
    runId: `cg-1-${name}`,
    namespaces: ['shop'],
    target: { name, context: name },
  }));
  const finished = await runner.runStep('dist/post.js', {
    STATE_runs: JSON.stringify(runs),
    INPUT_KUBECONFIG: kubeconfig,
    INPUT_CONTEXT: names.join('\n'),
    'INPUT_STOP-TIMEOUT': '1s',
  });
  assert.equal(finished.code, 1);
  // GitHub shows 10 annotations of each kind a step: one a cluster would hide the 11th and 12th.
  const warnings = finished.stdout.split('\n').filter((line) => line.startsWith('::warning'));
  const errors = finished.stdout.split('\n').filter((line) => line.startsWith('::error'));
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.equal(errors.length, 1, errors.join('\n'));
  for (const { runId } of runs) {
    assert.ok(warnings[0]?.includes(runId), `the warning names ${runId}`);
    assert.match(errors[0] ?? '', new RegExp(`the stop of run ${runId} was not confirmed`));
  }
});

test('the post step after a main step that could not confirm its chaos stopped says so, and tries again', async () => {
  const runner = runnerFiles();
  const kubeconfig = `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:1"}\nusers:\n- name: ci\n  user: {token: staging-token-0123}\ncontexts:\n- name: c\n  context: {cluster: c, user: ci}\ncurrent-context: c\n`;
  // What the main step saved: its run, and that it ended with a stop it could not confirm.
  const finished = await runner.runStep('dist/post.js', {
    STATE_runs: JSON.stringify([{ runId: 'cg-1', namespaces: ['shop'] }]),
    STATE_ended: 'unconfirmed',
    INPUT_KUBECONFIG: kubeconfig,
    'INPUT_STOP-TIMEOUT': '1s',
  });
  assert.equal(finished.code, 1);
  assert.match(
    finished.stdout,
    /::warning::the main step could not confirm that its chaos stopped: stopping the chaos of run cg-1\n/,
  );
});

test('no kubeconfig anywhere: the error names the inputs that give one, not the CLI flag', async () => {
  const runner = runnerFiles();
  const finished = await runner.runStep('dist/index.js', {
    HOME: runner.dir,
    KUBECONFIG: '',
    KUBERNETES_SERVICE_HOST: '',
    INPUT_ENGINES: path.join(repoRoot, 'examples/pod-delete/engine.yaml'),
  });
  assert.equal(finished.code, 1);
  const config = path.join(runner.dir, '.kube', 'config');
  assert.ok(
    finished.stdout.includes(
      `::error::no kubeconfig: KUBECONFIG is not set and ${config} does not exist; give one (the kubeconfig input, or kubeconfig-path)\n`,
    ),
    finished.stdout,
  );
  // A self-hosted runner in a pod: the input that turns to its service account.
  const inPod = await runner.runStep('dist/index.js', {
    HOME: runner.dir,
    KUBECONFIG: '',
    KUBERNETES_SERVICE_HOST: '10.0.0.1',
    INPUT_ENGINES: path.join(repoRoot, 'examples/pod-delete/engine.yaml'),
  });
  assert.match(inPod.stdout, /, or use this pod's service account \(in-cluster, or inCluster: true\)\n/);
});

test("messages that tell what to give name the action's inputs, not the CLI's flags", async () => {
  const runner = runnerFiles();
  // A kubeconfig without a current-context, as some cloud consoles hand it out.
  const kubeconfig = `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:1"}\nusers:\n- name: ci\n  user: {token: staging-token-0123}\ncontexts:\n- name: c\n  context: {cluster: c, user: ci}\n`;
  const nothing = await runner.runStep('dist/index.js', { INPUT_KUBECONFIG: kubeconfig });
  assert.equal(nothing.code, 1);
  assert.match(
    nothing.stdout,
    /^::error::nothing to run: give ChaosEngines \(engines\) or an Argo Workflow \(workflow, workflow-template\), or the config file that names them \(the config input\)%0Athe inline kubeconfig: sets no current-context; give a context \(context\) — it has: c$/m,
  );
  // The engine aims at shop; the step was told another namespace.
  const elsewhere = await runner.runStep('dist/index.js', {
    INPUT_KUBECONFIG: kubeconfig,
    INPUT_CONTEXT: 'c',
    INPUT_NAMESPACE: 'checkout',
    INPUT_ENGINES: path.join(repoRoot, 'examples/pod-delete/engine.yaml'),
  });
  assert.equal(elsewhere.code, 1);
  assert.match(
    elsewhere.stdout,
    /namespace shop is not allowed \(allowed: checkout\); add it to allowNamespaces \(allow-namespaces\) if the run may reach it/,
  );
  for (const { stdout } of [nothing, elsewhere]) assert.doesNotMatch(stdout, / \(?--[a-z]/);
});

test('command merge cancelled while it writes the reports of 2 × 10,000 results: verdict cancelled, no report left', async () => {
  const runner = runnerFiles();
  const results = path.join(runner.dir, 'results.json');
  writeResults(10_000, results, path.join(runner.dir, 'results.yaml'));
  const a = path.join(runner.dir, 'reports/a/report.json');
  const made = await runEntry('dist/cli.js', ['report', '--results', results, '--json', a, '--label', 'a'])
    .done;
  assert.equal(made.code, 1, made.stderr);
  mkdirSync(path.join(runner.dir, 'reports/b'));
  writeFileSync(
    path.join(runner.dir, 'reports/b/report.json'),
    readFileSync(a, 'utf8').replace(/"label": "a"/, '"label": "b"'),
  );
  const env = {
    GITHUB_OUTPUT: runner.output,
    GITHUB_STEP_SUMMARY: runner.summary,
    GITHUB_STATE: runner.state,
  };
  const step = runEntry('dist/index.js', [], {
    cwd: runner.dir,
    env: { ...env, INPUT_COMMAND: 'merge', INPUT_REPORTS: 'reports/*/report.json' },
  });
  // The JUnit report is written first; the JSON report after it takes a while more.
  const junit = path.join(runner.dir, 'chaos-gate-results/junit.xml');
  const finished = await signalOnceWritten(step, junit, 'SIGINT');
  assert.equal(finished.code, 1, finished.stdout);
  assert.match(finished.stdout, /^::warning::received SIGINT: stopping, leaving no report behind$/m);
  assert.match(
    finished.stdout,
    /^::error::cancelled by SIGINT; removed the reports it wrote: chaos-gate-results\/junit\.xml, chaos-gate-results\/report\.json$/m,
  );
  const outputs = readRecords(runner.output);
  assert.deepEqual([outputs.verdict, outputs.failed, outputs['junit-path']], ['cancelled', '0', '']);
  assert.deepEqual(readdirSync(path.join(runner.dir, 'chaos-gate-results')), []);
});
