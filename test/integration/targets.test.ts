// One gate over several clusters: two sandbox API servers (each with the Litmus stand-in) and one
// that cannot be reached, run by the built CLI from `targets:` in a config file. A cluster that cannot
// be reached is an error for that cluster; a target whose settings are wrong stops every cluster.
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { startFakeOperator, type FakeOperator } from '../support/fake-operator.ts';
import { readRecords } from '../support/github-files.ts';
import { reportPipes, signalWhileWriting } from '../support/report-pipes.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';
import { runEntry } from '../support/run-node.ts';
import { startSandbox, type Sandbox } from '../support/sandbox.ts';
import { engineFile, exampleRbac, identityWithout, leftovers, uniqueName, workDir } from './helpers.ts';

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
  const { result } = await runOnTargets(
    'multi',
    [
      { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
      { name: 'us', kubeconfig: us.sandbox.kubeconfigPath },
      { name: 'gone', kubeconfig: path.join(dir, 'gone.yaml') },
    ],
    { dir, reports: { junit: 'junit.xml', json: 'report.json' } },
  );

  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /\[eu\] .*applied ChaosEngine targets\//);
  assert.match(result.stdout, /\[us\] .*applied ChaosEngine targets\//);
  assert.match(
    result.stdout,
    /gate FAILED \(6 passed, 0 failed, 1 errored, 0 skipped\)[\s\S]*cluster gone › \(cluster\) errored: could not run on this cluster: .*cannot reach the Kubernetes API server/,
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
  // Two servers that are not there (two, not one twice: targets on one cluster would share the engine).
  const kubeconfigs = ['127.0.0.1', '127.0.0.2'].map((host, i) => {
    const kubeconfig = path.join(dir, `gone${i + 1}.yaml`);
    writeFileSync(
      kubeconfig,
      eu.sandbox.kubeconfigYaml.replace(/server: https:\/\/127\.0\.0\.1:\d+/, `server: https://${host}:9`),
    );
    return kubeconfig;
  });
  const engine = engineFile(dir, uniqueName('none'), 'pass', namespace);
  const result = await runEntry('dist/cli.js', [
    'run',
    ...kubeconfigs.flatMap((kubeconfig) => ['--kubeconfig', kubeconfig]),
    '--namespace',
    namespace,
    '--engine',
    engine,
  ]).done;
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /no cluster could be run:\ngone1: .*\ngone2: /);
});

test('two targets on one cluster and namespace: exit 2 naming both, nothing applied', async () => {
  const [eu] = clusters as [(typeof clusters)[0]];
  const { result, engine, before, after } = await runOnTargets('twice', [
    { name: 'blue', kubeconfig: eu.sandbox.kubeconfigPath },
    { name: 'green', kubeconfig: eu.sandbox.kubeconfigPath },
  ]);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(
    result.stderr,
    new RegExp(
      `^chaos-gate: error: targets blue and green reach the same cluster \\(server https://127\\.0\\.0\\.1:\\d+\\) and namespace ${namespace}, and both would apply ChaosEngine ${namespace}/${engine.name}:`,
    ),
  );
  assert.deepEqual(after, before, 'nothing applied');
});

/** `run` of one passing engine on `targets` through a config file; what each cluster holds before and after. */
async function runOnTargets(
  name: string,
  targets: Record<string, string>[],
  options: { dir?: string; reports?: Record<string, string>; runId?: string } = {},
) {
  const { config, engine } = targetsConfig(name, targets, options);
  const before = await Promise.all(clusters.map(({ sandbox }) => leftovers(sandbox.kc, namespace)));
  const result = await runEntry('dist/cli.js', ['run', '--config', config]).done;
  const after = await Promise.all(clusters.map(({ sandbox }) => leftovers(sandbox.kc, namespace)));
  return { result, engine, before, after };
}

/** A config file that runs one passing engine, aimed at `namespace`, on `targets`. */
function targetsConfig(
  name: string,
  targets: Record<string, string>[],
  {
    dir = workDir(),
    reports,
    runId,
  }: { dir?: string; reports?: Record<string, string>; runId?: string } = {},
) {
  const engineName = uniqueName(name);
  const engine = { name: engineName, file: engineFile(dir, engineName, 'pass', namespace) };
  const config = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(
    config,
    stringify({
      namespace,
      rbac: [exampleRbac],
      engines: [engine.file],
      timeout: '60s',
      targets,
      reports,
      runId,
    }),
  );
  return { config, engine };
}

test('a target whose kube context does not exist: exit 2 naming it, before any cluster is touched', async () => {
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  const { result, before, after } = await runOnTargets('no-context', [
    { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
    { name: 'us', kubeconfig: us.sandbox.kubeconfigPath, context: 'staging-us' },
  ]);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.equal(
    result.stderr,
    `chaos-gate: error: target us: ${us.sandbox.kubeconfigPath}: kube context "staging-us" not found; the kubeconfig has: sandbox\n`,
  );
  // Not started on eu: no preflight, no apply, no cluster case standing in for a configuration error.
  assert.doesNotMatch(result.stdout, /\[eu\]|\(cluster\)/);
  assert.deepEqual(after, before, 'nothing applied on either cluster');
});

test('a target whose namespace its engine does not aim at: exit 2 naming it, nothing applied on the others', async () => {
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  const { result, engine, before, after } = await runOnTargets('elsewhere', [
    { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
    { name: 'us', kubeconfig: us.sandbox.kubeconfigPath, namespace: 'shop-us' },
  ]);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.equal(
    result.stderr,
    `chaos-gate: error: target us: ${engine.file}, document 1 (ChaosEngine ${engine.name}): its chaos targets: namespace targets is not allowed (allowed: shop-us); add it to allowNamespaces (--allow-namespace) if the run may reach it\n`,
  );
  assert.doesNotMatch(result.stderr, /target eu/);
  assert.doesNotMatch(result.stdout, /\[eu\]|\(cluster\)/);
  assert.deepEqual(after, before, 'nothing applied on either cluster');
});

test('a cluster that refuses the run in preflight (a token bound to too little): exit 2, nothing applied on the others', async () => {
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  const account = uniqueName('powerless');
  const kubeconfig = path.join(workDir(), 'us.kubeconfig');
  writeFileSync(
    kubeconfig,
    us.sandbox.kubeconfigFor(await us.sandbox.mintToken(namespace, account), account, namespace),
  );
  const { result, before, after } = await runOnTargets('refused', [
    { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
    { name: 'us', kubeconfig },
  ]);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(
    result.stderr,
    /^chaos-gate: error: nothing was applied on any cluster, as us refused the run:\ntarget us: preflight failed, nothing was applied:\n.*forbidden/,
  );
  // eu passed its own preflight, and was let go of without its chaos.
  assert.match(result.stdout, /\[eu\] .*preflight of \d+ object\(s\)/);
  assert.doesNotMatch(result.stdout, /applied |submitted /);
  assert.deepEqual(after, before, 'nothing applied on either cluster');
});

test('a cluster that refuses the run in preflight: the warnings the others raised in theirs are under the error', async () => {
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // eu passes its preflight, its run id not locked for want of leases; us may do nothing.
  const euKubeconfig = await identityWithout(eu.sandbox, namespace, {
    leases: ['get', 'create', 'update', 'delete'],
  });
  const account = uniqueName('powerless');
  const usKubeconfig = path.join(workDir(), 'us.kubeconfig');
  writeFileSync(
    usKubeconfig,
    us.sandbox.kubeconfigFor(await us.sandbox.mintToken(namespace, account), account, namespace),
  );
  const runId = uniqueName('refused-warned');
  const { result } = await runOnTargets(
    'refused-warned',
    [
      { name: 'eu', kubeconfig: euKubeconfig },
      { name: 'us', kubeconfig: usKubeconfig },
    ],
    { runId },
  );
  assert.equal(result.code, 2, result.stdout + result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines[0], 'chaos-gate: error: nothing was applied on any cluster, as us refused the run:');
  assert.ok(
    lines
      .at(-1)
      ?.startsWith(
        `chaos-gate: WARNING: target eu: run id ${runId}-eu not locked in namespace ${namespace}: taking Lease chaos-gate-run-${runId}-eu: `,
      ),
    result.stderr,
  );
});

test("a cluster that fails once its chaos started: the warnings it raised are in its suite, the summary and the JUnit, as the others' are", async () => {
  const dir = workDir();
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // us: the shipped roles without leases (its run id is not locked), without watching results (its
  // wait fails once the engine is applied) and without deleting them (its cleanup after the error warns).
  const kubeconfig = await identityWithout(us.sandbox, namespace, {
    leases: ['get', 'create', 'update', 'delete'],
    chaosresults: ['watch', 'deletecollection'],
  });
  const runId = uniqueName('fails-late');
  const { result } = await runOnTargets(
    'fails-late',
    [
      { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
      { name: 'us', kubeconfig },
    ],
    { dir, runId, reports: { junit: 'junit.xml', json: 'report.json', summary: 'summary.md' } },
  );
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(
    result.stdout,
    /cluster us › \(cluster\) errored: could not run on this cluster: watching ChaosEngines and ChaosResults: .*cannot watch resource "chaosresults"/,
  );
  const warnings = [
    `target us: run id ${runId}-us not locked in namespace ${namespace}: taking Lease chaos-gate-run-${runId}-us: `,
    `target us: cleanup: deleting ChaosResults in ${namespace}: `,
  ];
  const json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
    suites: { name: string; warnings?: string[] }[];
  };
  const suite = json.suites.find(({ name }) => name === 'us');
  const junit = await readCheckedJUnit(path.join(dir, 'junit.xml'));
  const summary = readFileSync(path.join(dir, 'summary.md'), 'utf8');
  for (const warning of warnings) {
    assert.match(result.stdout, new RegExp(`chaos-gate: WARNING: ${warning}`));
    assert.ok(
      suite?.warnings?.some((w) => w.startsWith(warning)),
      JSON.stringify(suite),
    );
    assert.match(junit, new RegExp(`<testsuite name="us"[^>]*>[\\s\\S]*?WARNING: ${warning}`));
    assert.match(summary, new RegExp(`- ⚠️ ${warning}`));
  }
  // The results its cleanup could not delete.
  await us.sandbox.kc.makeApiClient(CustomObjectsApi).deleteCollectionNamespacedCustomObject({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    namespace,
    plural: 'chaosresults',
  });
});

test('a cluster that fails once its chaos started and cannot confirm its stop: the merged reports keep its "chaos stopped" case', async () => {
  const dir = workDir();
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // us may not watch engines: its wait fails once the engine is applied, and its stop cannot be read back.
  const kubeconfig = await identityWithout(us.sandbox, namespace, { chaosengines: ['watch'] });
  const { result, engine } = await runOnTargets(
    'unconfirmed',
    [
      { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
      { name: 'us', kubeconfig },
    ],
    { dir, reports: { junit: 'junit.xml', json: 'report.json' } },
  );
  const stop = `kubectl --kubeconfig ${kubeconfig} patch chaosengine ${engine.name} -n ${namespace} --type merge -p '{"spec":{"engineState":"stop"}}'`;
  // As on one cluster, an unconfirmed stop keeps the exit code of what ended the run: among several
  // clusters, one that errored is an errored case, so 1.
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(
    result.stdout,
    new RegExp(
      `\\[us\\] .*ERROR: chaos may still be running: ChaosEngine ${namespace}/${engine.name} was not confirmed stopped: reading the engines back failed: .*cannot watch resource "chaosengines"`,
    ),
  );
  assert.match(
    result.stdout,
    new RegExp(
      `gate FAILED[\\s\\S]*us/${namespace}/${engine.name} › chaos stopped errored: target us: chaos may still be running`,
    ),
  );
  // The reports of all clusters, written once: no report of us's alone before or after them.
  assert.equal(result.stdout.match(/chaos-gate: wrote json report/g)?.length, 1, result.stdout);
  const json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
    chaosMayStillRun: boolean;
    suites: { name: string; cases: { name: string; outcome: string; message?: string }[] }[];
  };
  assert.equal(json.chaosMayStillRun, true);
  const stopSuite = json.suites.find(({ name }) => name === `us/${namespace}/${engine.name}`);
  assert.deepEqual(
    stopSuite?.cases.map((c) => [c.name, c.outcome]),
    [['chaos stopped', 'error']],
    JSON.stringify(json.suites),
  );
  assert.ok(stopSuite?.cases[0]?.message?.endsWith(`; to stop it: ${stop}`), stopSuite?.cases[0]?.message);
  assert.ok(
    json.suites.some(({ name }) => name === 'us'),
    'the cluster errored too',
  );
  assert.ok(
    json.suites.some(({ name }) => name.startsWith(`eu/${namespace}/`)),
    'and eu ran',
  );
  const junit = await readCheckedJUnit(path.join(dir, 'junit.xml'));
  assert.match(
    junit,
    new RegExp(
      `<testsuite name="us/${namespace}/${engine.name}"[^>]*>\\s*<properties/>\\s*<testcase classname="us/${namespace}/${engine.name}" name="chaos stopped"[^>]*>\\s*<error message="target us: chaos may still be running`,
    ),
  );
  await deleteEngine(us.sandbox, engine.name);
});

test('every cluster fails once its chaos started, as one alone does: exit 2, and each unconfirmed stop in the reports', async () => {
  const dir = workDir();
  const withoutWatch = (sandbox: Sandbox) => identityWithout(sandbox, namespace, { chaosengines: ['watch'] });
  const [eu, us] = (await Promise.all(clusters.map(({ sandbox }) => withoutWatch(sandbox)))) as [
    string,
    string,
  ];
  const json = path.join(dir, 'report.json');
  const readJson = () =>
    JSON.parse(readFileSync(json, 'utf8')) as {
      chaosMayStillRun: boolean;
      suites: { name: string; cases: { name: string; outcome: string; message?: string }[] }[];
    };
  const stopped = () =>
    readJson().suites.map(({ name, cases }) => [name, cases.map((c) => `${c.name} ${c.outcome}`)]);

  // One cluster, no targets.
  const oneName = uniqueName('unconfirmed-one');
  const one = await runEntry('dist/cli.js', [
    'run',
    '--kubeconfig',
    eu,
    '--namespace',
    namespace,
    '--engine',
    engineFile(dir, oneName, 'pass', namespace),
    '--json',
    json,
  ]).done;
  assert.equal(one.code, 2, one.stdout + one.stderr);
  assert.match(
    one.stderr,
    /^chaos-gate: error: watching ChaosEngines and ChaosResults: .*cannot watch resource "chaosengines"/,
  );
  assert.equal(readJson().chaosMayStillRun, true);
  assert.deepEqual(stopped(), [[`${namespace}/${oneName}`, ['chaos stopped error']]]);
  // Given its kubeconfig, the command names it: kubectl's own default is another cluster, or user.
  const stopLine = (stderr: string, prefix: string) =>
    stderr
      .split('\n')
      .find((line) => line.startsWith(`chaos-gate: WARNING: ${prefix}chaos may still be running: `));
  const patch = (name: string) =>
    `patch chaosengine ${name} -n ${namespace} --type merge -p '{"spec":{"engineState":"stop"}}'`;
  assert.ok(
    stopLine(one.stderr, '')?.endsWith(`; to stop it: kubectl --kubeconfig ${eu} ${patch(oneName)}`),
    one.stderr,
  );

  const both = await runOnTargets(
    'unconfirmed-both',
    [
      { name: 'eu', kubeconfig: eu },
      { name: 'us', kubeconfig: us },
    ],
    { dir, reports: { json } },
  );
  assert.equal(both.result.code, 2, both.result.stdout + both.result.stderr);
  assert.match(both.result.stderr, /^chaos-gate: error: no cluster could be run:\neu: watching ChaosEngines/);
  assert.equal(readJson().chaosMayStillRun, true);
  assert.deepEqual(stopped(), [
    [`eu/${namespace}/${both.engine.name}`, ['chaos stopped error']],
    [`us/${namespace}/${both.engine.name}`, ['chaos stopped error']],
  ]);
  // The same engine on two clusters: each line says which cluster, and its command reaches that one,
  // as the JSON's case does.
  const messages = readJson().suites.map(({ cases }) => cases[0]?.message);
  for (const [i, [name, kubeconfig]] of [
    ['eu', eu],
    ['us', us],
  ].entries()) {
    const line = stopLine(both.result.stderr, `target ${name}: `);
    const command = `; to stop it: kubectl --kubeconfig ${kubeconfig} ${patch(both.engine.name)}`;
    assert.ok(line?.endsWith(command), both.result.stderr);
    assert.equal(`chaos-gate: WARNING: ${messages[i]}`, line);
  }
  const [euCluster, usCluster] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  await deleteEngine(euCluster.sandbox, oneName);
  await deleteEngine(euCluster.sandbox, both.engine.name);
  await deleteEngine(usCluster.sandbox, both.engine.name);
});

test('a run that fails once its chaos started, cannot confirm its stop and cannot write its reports: stderr says what may still run and the command that stops it', async () => {
  const dir = workDir();
  const [{ sandbox }] = clusters as [(typeof clusters)[0]];
  // Its wait fails once the engine is applied, and its stop cannot be read back; the reports, written
  // only after the stop, go to a disk that takes nothing (a full disk), so no JSON says chaos may run.
  const kubeconfig = await identityWithout(sandbox, namespace, { chaosengines: ['watch'] });
  const name = uniqueName('unconfirmed-unwritten');
  const junit = path.join(dir, 'junit.xml');
  symlinkSync('/dev/full', junit);
  const run = await runEntry('dist/cli.js', [
    'run',
    '--kubeconfig',
    kubeconfig,
    '--namespace',
    namespace,
    '--engine',
    engineFile(dir, name, 'pass', namespace),
    '--junit',
    junit,
  ]).done;

  assert.equal(run.code, 2, run.stdout + run.stderr);
  const stop = `kubectl --kubeconfig ${kubeconfig} patch chaosengine ${name} -n ${namespace} --type merge -p '{"spec":{"engineState":"stop"}}'`;
  const lines = run.stderr.split('\n');
  // What ended the run, then what may still run and how to stop it, then the reports not written.
  assert.match(
    lines[0] ?? '',
    /^chaos-gate: error: watching ChaosEngines and ChaosResults: .*cannot watch resource "chaosengines"/,
  );
  const stillRunning = lines.filter((line) =>
    line.startsWith('chaos-gate: WARNING: chaos may still be running: '),
  );
  assert.equal(stillRunning.length, 1, run.stderr);
  assert.ok(
    stillRunning[0]?.startsWith(
      `chaos-gate: WARNING: chaos may still be running: ChaosEngine ${namespace}/${name} was not confirmed stopped: `,
    ),
    run.stderr,
  );
  assert.ok(stillRunning[0]?.endsWith(`; to stop it: ${stop}`), run.stderr);
  assert.match(run.stderr, /^chaos-gate: WARNING: .*junit\.xml: cannot write the report: ENOSPC/m);
  assert.ok(lstatSync(junit).isSymbolicLink());
  await deleteEngine(sandbox, name);
});

test('a run on two clusters cancelled, whose reports cannot be written: still a cancel, 143, that names the report, and each cluster cleaned up', async () => {
  const dir = workDir();
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // A disk that takes nothing (a full disk) for the JUnit report, written once the cancel stopped the chaos.
  symlinkSync('/dev/full', path.join(dir, 'junit.xml'));
  const { config, engine } = targetsConfig(
    'cancel-unwritten',
    [
      { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
      { name: 'us', kubeconfig: us.sandbox.kubeconfigPath },
    ],
    { dir, reports: { junit: 'junit.xml' } },
  );
  // The same engine file, written again: the stand-ins keep its chaos running until it is stopped.
  engineFile(dir, engine.name, 'never', namespace);
  let signalled = false;
  const started = runEntry('dist/cli.js', ['run', '--config', config], {
    onStdout: (text) => {
      const running = ['eu', 'us'].every((name) =>
        text.includes(`[${name}] [chaos] ${namespace}/${engine.name} pod-delete: Running`),
      );
      if (!signalled && running) {
        signalled = true;
        started.kill('SIGTERM');
      }
    },
  });
  const run = await started.done;

  assert.equal(run.code, 143, run.stdout + run.stderr);
  assert.match(
    run.stderr,
    /^chaos-gate: cancelled by SIGTERM; \S*junit\.xml: cannot write the report: ENOSPC/m,
  );
  for (const { sandbox } of clusters)
    assert.ok(!(await leftovers(sandbox.kc, namespace)).engines.includes(engine.name), 'stopped and deleted');
});

test('a run on two clusters signalled while its reports are written, one of which then cannot be: still a cancel, 143, that names the report', async () => {
  const dir = workDir();
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  const pipes = reportPipes(dir);
  const { config, engine } = targetsConfig(
    'cancel-writing',
    [
      { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
      { name: 'us', kubeconfig: us.sandbox.kubeconfigPath },
    ],
    { dir, reports: { ...pipes } },
  );
  const started = runEntry('dist/cli.js', ['run', '--config', config]);
  await signalWhileWriting(started, pipes);
  const run = await started.done;

  assert.equal(run.code, 143, run.stdout + run.stderr);
  assert.match(
    run.stderr,
    /^chaos-gate: cancelled by SIGTERM; \S*summary\.md: cannot write the report: ENOSPC/m,
  );
  for (const { sandbox } of clusters)
    assert.ok(!(await leftovers(sandbox.kc, namespace)).engines.includes(engine.name), 'cleaned up');
});

test("the action's main step leaves a cluster's unconfirmed stop to its post step, which stops that cluster's chaos only", async () => {
  const dir = workDir();
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // us may not watch engines in the main step; its RBAC is put right before the post step.
  const usKubeconfig = path.join(dir, 'us.kubeconfig');
  copyFileSync(await identityWithout(us.sandbox, namespace, { chaosengines: ['watch'] }), usKubeconfig);
  const { main, state, post, engine } = await actionSteps(
    'action-unconfirmed',
    [
      { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
      { name: 'us', kubeconfig: usKubeconfig },
    ],
    { dir, beforePost: () => copyFileSync(us.sandbox.kubeconfigPath, usKubeconfig) },
  );

  assert.equal(main.code, 1, main.stdout);
  const json = JSON.parse(readFileSync(path.join(dir, 'chaos-gate-results/report.json'), 'utf8')) as {
    chaosMayStillRun: boolean;
  };
  assert.equal(json.chaosMayStillRun, true);
  assert.equal(state.ended, 'unconfirmed', JSON.stringify(state));
  assert.equal(state.finished, undefined, 'the post step has chaos to stop');

  assert.equal(post.code, 0, post.stdout);
  // eu's chaos was confirmed stopped by the main step, and its cleanup ran: the post step leaves it be.
  assert.match(
    post.stdout,
    /^::warning::the main step could not confirm that its chaos stopped: stopping the chaos of run cg-[^,\s]+-us$/m,
  );
  assert.doesNotMatch(post.stdout, /-eu\]/, 'nothing done on eu');
  assert.match(
    post.stdout,
    new RegExp(`^\\[cg-[^\\]]+-us\\] \\[chaos-gate\\] stopped ChaosEngine ${namespace}/${engine.name}$`, 'm'),
  );
  assert.deepEqual(
    (await leftovers(us.sandbox.kc, namespace)).engines.filter((name) => name === engine.name),
    [],
    'and cleaned up as after a cancel',
  );
});

test("the action's main step that fails once every cluster's chaos started leaves its post step only the clusters whose stop it did not confirm", async () => {
  const dir = workDir();
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // Both waits fail once the engine is applied, so no cluster can be judged (exit 2): eu may not watch
  // results, and its stop is confirmed; us may not watch engines, and its stop cannot be read back
  // (its RBAC is put right before the post step).
  const euKubeconfig = await identityWithout(eu.sandbox, namespace, { chaosresults: ['watch'] });
  const usKubeconfig = path.join(dir, 'us.kubeconfig');
  copyFileSync(await identityWithout(us.sandbox, namespace, { chaosengines: ['watch'] }), usKubeconfig);
  const steps = await actionSteps(
    'action-failed',
    [
      { name: 'eu', kubeconfig: euKubeconfig },
      { name: 'us', kubeconfig: usKubeconfig },
    ],
    { dir, beforePost: () => copyFileSync(us.sandbox.kubeconfigPath, usKubeconfig) },
  );
  const { main, post, engine } = steps;

  assert.equal(main.code, 1, main.stdout);
  assert.match(main.stdout, /^::error::no cluster could be run:/m);
  assert.match(
    main.stdout,
    new RegExp(`\\[eu\\] \\[chaos-gate\\] stopped ChaosEngine ${namespace}/${engine.name}\n`),
  );
  // eu's chaos was confirmed stopped by the main step, and its cleanup ran: the post step leaves it be.
  await assertPostStopsOnlyUs(steps, us.sandbox);
  assert.match(
    post.stdout,
    new RegExp(`^\\[cg-[^\\]]+-us\\] \\[chaos-gate\\] stopped ChaosEngine ${namespace}/${engine.name}$`, 'm'),
  );
});

test("the action's main step that fails after the verdict (a report it cannot write) leaves its post step only the clusters whose stop it did not confirm", async () => {
  const dir = workDir();
  const [eu, us] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
  // eu runs its chaos through; us may not watch engines, so its stop cannot be read back (its RBAC is
  // put right before the post step). Once the chaos started, the JSON report's path becomes a folder:
  // writing the reports fails.
  const usKubeconfig = path.join(dir, 'us.kubeconfig');
  copyFileSync(await identityWithout(us.sandbox, namespace, { chaosengines: ['watch'] }), usKubeconfig);
  const report = path.join(dir, 'report.json');
  let mainOut = '';
  const steps = await actionSteps(
    'action-unwritten',
    [
      { name: 'eu', kubeconfig: eu.sandbox.kubeconfigPath },
      { name: 'us', kubeconfig: usKubeconfig },
    ],
    {
      dir,
      reports: { json: 'report.json' },
      onMainStdout: (text) => {
        mainOut += text;
        if (/\[eu\] .*applied ChaosEngine/.test(mainOut) && !existsSync(report)) mkdirSync(report);
      },
      beforePost: () => copyFileSync(us.sandbox.kubeconfigPath, usKubeconfig),
    },
  );
  const { main, engine } = steps;

  assert.equal(main.code, 1, main.stdout);
  assert.match(main.stdout, /^::error::.*report\.json: cannot write the report/m);
  // No report says chaos may still run: the annotations do, with the command that stops it.
  assert.match(
    main.stdout,
    new RegExp(
      `^::warning title=Chaos gate warning::target us: chaos may still be running: ChaosEngine ${namespace}/${engine.name} was not confirmed stopped: .*; to stop it: kubectl --kubeconfig ${usKubeconfig} patch chaosengine ${engine.name} -n ${namespace} `,
      'm',
    ),
  );
  await assertPostStopsOnlyUs(steps, us.sandbox);
});

/** After a failed main step, the post step names and stops us alone, and leaves none of its engine. */
async function assertPostStopsOnlyUs(
  { state, post, engine }: Awaited<ReturnType<typeof actionSteps>>,
  us: Sandbox,
): Promise<void> {
  assert.equal(state.ended, 'failed', JSON.stringify(state));
  assert.equal(post.code, 0, post.stdout);
  assert.match(
    post.stdout,
    /^::warning::the main step failed after its chaos started: stopping the chaos of run cg-[^,\s]+-us$/m,
  );
  assert.doesNotMatch(post.stdout, /-eu\]/, 'nothing done on eu');
  assert.deepEqual(
    (await leftovers(us.kc, namespace)).engines.filter((name) => name === engine.name),
    [],
    "us's chaos stopped and cleaned up",
  );
}

/**
 * The action's main step on `targets`, then its post step with the state the main step saved, as the
 * runner runs them; `beforePost` runs in between, `onMainStdout` hears the main step's output as it comes.
 */
async function actionSteps(
  name: string,
  targets: Record<string, string>[],
  {
    dir,
    reports,
    onMainStdout,
    beforePost,
  }: {
    dir: string;
    reports?: Record<string, string>;
    onMainStdout?: (text: string) => void;
    beforePost: () => void;
  },
) {
  const { config, engine } = targetsConfig(name, targets, { dir, reports });
  const runner = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary', GITHUB_STATE: 'state' };
  const files = Object.fromEntries(
    Object.entries(runner).map(([name, file]) => [name, path.join(dir, file)]),
  );
  for (const file of Object.values(files)) writeFileSync(file, '');
  const main = await runEntry('dist/index.js', [], {
    cwd: dir,
    env: { ...files, INPUT_CONFIG: config },
    onStdout: onMainStdout,
  }).done;
  const state = readRecords(files.GITHUB_STATE ?? '');
  beforePost();
  const post = await runEntry('dist/post.js', [], {
    cwd: dir,
    env: {
      ...Object.fromEntries(Object.entries(state).map(([key, value]) => [`STATE_${key}`, value])),
      INPUT_CONFIG: config,
    },
  }).done;
  return { main, state, post, engine };
}

/** What a run could not clean up after a stop it could not confirm. */
async function deleteEngine(sandbox: Sandbox, name: string): Promise<void> {
  await sandbox.kc.makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    namespace,
    plural: 'chaosengines',
    name,
  });
}
