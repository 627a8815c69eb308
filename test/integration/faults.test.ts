// The fault suite: the built CLI and action against a real API server that is killed, frozen, or
// replaced by one that never answers, a load tool that ignores SIGTERM, and runs that share a
// namespace. What must hold in every scenario: no engine is left active where chaos-gate could
// not see it any more without saying so, and every wait ends within its deadline.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import { blackHoleKubeconfig, startBlackHole } from '../support/black-hole.ts';
import { eventually, readEngine, watchedRun } from '../support/faults.ts';
import { startArgoController, type ArgoController } from '../support/argo-controller.ts';
import { outcomeAnnotation, type Outcome } from '../support/fake-operator.ts';
import { repoRoot } from '../support/fixtures.ts';
import { runEntry } from '../support/run-node.ts';
import { engineFile, exampleRbac, leftovers, uniqueName, useSandbox, workDir } from './helpers.ts';

const namespace = 'faults';
const env = useSandbox(namespace);

const run = (args: string[], kubeconfig = env.sandbox.kubeconfigPath) =>
  watchedRun(['run', '--kubeconfig', kubeconfig, '--namespace', namespace, ...args]);
const running = (name: string) => new RegExp(`\\[chaos\\] ${namespace}/${name} pod-delete: Running`);
/** A new engine the stand-in operator keeps Running until it is stopped, in a fresh folder for the test. */
function neverEndingEngine(prefix: string): { dir: string; name: string; engine: string } {
  const dir = workDir();
  const name = uniqueName(prefix);
  return { dir, name, engine: engineFile(dir, name, 'never', namespace) };
}
const engineStatus = async (name: string) =>
  (await readEngine(env.sandbox.kc, namespace, name))?.status?.engineStatus;

interface JsonReport {
  verdict: string;
  suites: { name: string; cases: { kind: string; name: string; outcome: string; message?: string }[] }[];
}
const stopCases = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as JsonReport).suites
    .flatMap((s) => s.cases)
    .filter((c) => c.kind === 'chaos-stop');

/** Stops what a test left running on purpose (after checking it was reported), so later tests start clean. */
async function stopByHand(name: string): Promise<void> {
  await env.sandbox.kc.makeApiClient(CustomObjectsApi).patchNamespacedCustomObject(
    {
      group: 'litmuschaos.io',
      version: 'v1alpha1',
      namespace,
      plural: 'chaosengines',
      name,
      body: { spec: { engineState: 'stop' } },
    },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
}

describe('the API server goes away', () => {
  test('killed across the timeout: the stop is retried until it returns, and the engine ends stopped', async () => {
    const { dir, name, engine } = neverEndingEngine('kill-timeout');
    const json = path.join(dir, 'report.json');
    const started = run(['--engine', engine, '--timeout', '8s', '--stop-timeout', '90s', '--json', json]);
    await started.reached(running(name));
    await env.sandbox.apiserver.kill();
    await started.reached(/timeout: stopping the chaos/);
    await sleep(3000); // stop patches fail meanwhile
    await env.sandbox.apiserver.start();
    const result = await started.done;

    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, new RegExp(`stopped ChaosEngine ${namespace}/${name}`));
    assert.deepEqual(stopCases(json), [], 'every engine confirmed stopped');
    assert.ok(env.operator.aborted.has(name), 'the operator saw engineState: stop');
    assert.ok(result.ms < 8_000 + 90_000, `within the stop deadline (${result.ms} ms)`);
    assert.doesNotMatch(result.stdout, /chaos may still be running/);
  });

  test('killed across a cancel: the stop outlives the outage and the run exits 143 with the engine stopped', async () => {
    const { name, engine } = neverEndingEngine('kill-cancel');
    const started = run(['--engine', engine, '--stop-timeout', '90s', '--cleanup', 'never']);
    await started.reached(running(name));
    await env.sandbox.apiserver.kill();
    started.kill('SIGTERM');
    await started.reached(/cancelled by SIGTERM: stopping the chaos/);
    await sleep(3000);
    await env.sandbox.apiserver.start();
    const result = await started.done;

    assert.equal(result.code, 143, result.stdout + result.stderr);
    assert.match(result.stdout, new RegExp(`stopped ChaosEngine ${namespace}/${name}`));
    assert.equal(await engineStatus(name), 'stopped');
  });

  test('frozen (SIGSTOP): the stop deadline bounds the run, and the engine it could not stop is reported everywhere', async () => {
    const { dir, name, engine } = neverEndingEngine('frozen');
    const reports = {
      junit: path.join(dir, 'junit.xml'),
      json: path.join(dir, 'r.json'),
      summary: path.join(dir, 's.md'),
    };
    const started = run([
      '--engine',
      engine,
      '--timeout',
      '5s',
      '--stop-timeout',
      '6s',
      '--junit',
      reports.junit,
      '--json',
      reports.json,
      '--summary',
      reports.summary,
    ]);
    await started.reached(running(name));
    env.sandbox.apiserver.freeze();
    let result;
    try {
      result = await started.done;
    } finally {
      env.sandbox.apiserver.thaw();
    }
    // The run was given its kubeconfig: so is the command, which kubectl's default would send elsewhere.
    const command = `kubectl --kubeconfig ${env.sandbox.kubeconfigPath} patch chaosengine ${name} -n ${namespace} --type merge -p '{"spec":{"engineState":"stop"}}'`;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.ok(result.ms < 5_000 + 6_000 + 8_000, `ended ${result.ms} ms after the start`);
    assert.match(
      result.stdout,
      new RegExp(
        `ERROR: chaos may still be running: ChaosEngine ${namespace}/${name} was not confirmed stopped`,
      ),
    );
    assert.ok(result.stdout.includes(`to stop it: ${command}`), result.stdout);
    assert.match(result.stdout, /cleanup skipped: chaos may still be running/);
    const junit = readFileSync(reports.junit, 'utf8');
    assert.match(junit, /<testcase classname="faults\/[^"]+" name="chaos stopped"/);
    assert.ok(
      junit.includes(
        `kubectl --kubeconfig ${env.sandbox.kubeconfigPath} patch chaosengine ${name} -n ${namespace} --type merge`,
      ),
      junit,
    );
    assert.equal(stopCases(reports.json).length, 1);
    assert.ok(readFileSync(reports.summary, 'utf8').includes('chaos may still be running'));
    // Once the server is back, the command the report gives stops it (a stop queued during the
    // freeze may land first).
    await stopByHand(name);
    assert.equal(
      await eventually(
        () => engineStatus(name),
        (s) => s === 'stopped',
      ),
      'stopped',
    );
  });

  test('frozen, and SIGTERM during the stop after the timeout: one last attempt, then out at once', async () => {
    const { dir, name, engine } = neverEndingEngine('frozen-term');
    const json = path.join(dir, 'r.json');
    const started = run(['--engine', engine, '--timeout', '4s', '--stop-timeout', '120s', '--json', json]);
    await started.reached(running(name));
    env.sandbox.apiserver.freeze();
    let result;
    try {
      await started.reached(/timeout: stopping the chaos/);
      await sleep(1000);
      const signalled = Date.now();
      started.kill('SIGTERM');
      result = await started.done;
      assert.ok(Date.now() - signalled < 8_000, `acted ${Date.now() - signalled} ms after SIGTERM`);
    } finally {
      env.sandbox.apiserver.thaw();
    }
    assert.equal(result.code, 143, result.stdout + result.stderr);
    assert.match(result.stdout, /leaving now: one last stop of 1 ChaosEngine\(s\) not confirmed stopped/);
    assert.equal(stopCases(json).length, 1, 'what could not be confirmed is in the report');
    // It timed out, then was cancelled: the report says both, not only the timeout.
    const experiment = (JSON.parse(readFileSync(json, 'utf8')) as JsonReport).suites
      .flatMap((s) => s.cases)
      .find((c) => c.kind === 'experiment');
    assert.equal(experiment?.outcome, 'timeout');
    assert.match(
      experiment?.message ?? '',
      /when the wait timed out, and the run was then cancelled \(SIGTERM\) while chaos-gate stopped the chaos$/,
    );
    await stopByHand(name);
  });

  test('a second signal during a cancel: one last stop attempt, then the process exits at once', async () => {
    const { name, engine } = neverEndingEngine('second-signal');
    const started = run(['--engine', engine, '--stop-timeout', '120s']);
    await started.reached(running(name));
    env.sandbox.apiserver.freeze();
    let result;
    try {
      started.kill('SIGINT');
      await started.reached(/cancelled by SIGINT: stopping the chaos/);
      await sleep(1000);
      const signalled = Date.now();
      started.kill('SIGTERM');
      result = await started.done;
      assert.ok(Date.now() - signalled < 8_000, `left ${Date.now() - signalled} ms after the second signal`);
    } finally {
      env.sandbox.apiserver.thaw();
    }
    assert.equal(result.code, 130, result.stdout + result.stderr);
    assert.match(result.stderr, /received SIGTERM: one last stop attempt, then leaving/);
    assert.match(result.stdout, /cleanup skipped/);
    await stopByHand(name);
  });

  test('a server that accepts and never answers: the timeout holds in preflight, exit 2; SIGTERM acts at once', async () => {
    const hole = await startBlackHole();
    const token = 'black-hole-token-0123456789abcdef';
    const { dir, engine } = neverEndingEngine('hole');
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, blackHoleKubeconfig(hole.server, token, namespace));
    // No --namespace: the kubeconfig's context names it.
    const runAgainstHole = (timeout: string) =>
      watchedRun(['run', '--kubeconfig', kubeconfig, '--engine', engine, '--timeout', timeout]);
    try {
      const timedOut = await runAgainstHole('4s').done;
      assert.equal(timedOut.code, 2, timedOut.stdout + timedOut.stderr);
      assert.ok(timedOut.ms < 10_000, `ended after ${timedOut.ms} ms`);
      assert.match(
        timedOut.stderr,
        /checking for LitmusChaos .*: cannot reach the Kubernetes API server: the 4s timeout passed/,
      );
      assert.ok(hole.accepted() > 0);

      const cancelled = runAgainstHole('10m');
      await sleep(1500);
      const signalled = Date.now();
      cancelled.kill('SIGTERM');
      const result = await cancelled.done;
      assert.equal(result.code, 143, result.stdout + result.stderr);
      assert.ok(Date.now() - signalled < 3_000, `acted ${Date.now() - signalled} ms after SIGTERM`);
      assert.match(result.stderr, /cancelled by SIGTERM before any chaos started/);
      for (const text of [timedOut.stdout, timedOut.stderr, result.stdout, result.stderr])
        assert.ok(!text.includes(token));
    } finally {
      await hole.close();
    }
  });
});

describe('permissions change mid-run', () => {
  /** A kubeconfig for a service account with these verbs on ChaosEngines and ChaosResults, and its Role. */
  async function limitedUser(dir: string, verbs: string[]) {
    const account = uniqueName('ci');
    const token = await env.sandbox.mintToken(namespace, account);
    const rbac = env.sandbox.kc.makeApiClient(RbacAuthorizationV1Api);
    const rules = (allowed: string[]) => [
      { apiGroups: ['litmuschaos.io'], resources: ['chaosengines', 'chaosresults'], verbs: allowed },
    ];
    await rbac.createNamespacedRole({
      namespace,
      body: { metadata: { name: account }, rules: rules(verbs) },
    });
    await rbac.createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: account },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: account },
        subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
      },
    });
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, env.sandbox.kubeconfigFor(token, account, namespace));
    const restrict = (allowed: string[]) =>
      rbac.replaceNamespacedRole({
        namespace,
        name: account,
        body: { metadata: { name: account }, rules: rules(allowed) },
      });
    return { account, token, kubeconfig, restrict };
  }

  test('list and watch taken away mid-run: the stop patch still goes out, and the unconfirmed engine is reported', async () => {
    const { dir, name, engine } = neverEndingEngine('no-list');
    const json = path.join(dir, 'r.json');
    const { kubeconfig, restrict } = await limitedUser(dir, [
      'get',
      'list',
      'watch',
      'create',
      'patch',
      'delete',
    ]);
    const started = run(
      ['--engine', engine, '--timeout', '6s', '--stop-timeout', '20s', '--json', json],
      kubeconfig,
    );
    await started.reached(running(name));
    await restrict(['get', 'create', 'patch', 'delete']);
    const result = await started.done;

    assert.equal(result.code, 1, result.stdout + result.stderr);
    // The read-back was refused, so the stop cannot be confirmed; but the patch was not given up for it.
    assert.match(
      result.stdout,
      new RegExp(
        `ERROR: chaos may still be running: ChaosEngine ${namespace}/${name} was not confirmed stopped: ` +
          'reading the engines back failed: .*cannot list resource "chaosengines".*\\(HTTP 403\\)',
      ),
    );
    assert.doesNotMatch(result.stdout, /This operation was aborted/);
    assert.ok(
      result.stdout.includes(
        `to stop it: kubectl --kubeconfig ${kubeconfig} patch chaosengine ${name} -n ${namespace}`,
      ),
    );
    assert.equal(stopCases(json).length, 1);
    assert.equal((await readEngine(env.sandbox.kc, namespace, name))?.spec?.engineState, 'stop');
    assert.equal(
      await eventually(
        () => engineStatus(name),
        (s) => s === 'stopped',
      ),
      'stopped',
    );
  });
  test('the token file rotated and the old token revoked mid-run: the chaos is still stopped and cleaned up', async () => {
    const { dir, name, engine } = neverEndingEngine('rotated');
    const verbs = ['get', 'list', 'watch', 'create', 'patch', 'delete'];
    const first = await limitedUser(dir, verbs);
    const second = await limitedUser(workDir(), verbs);
    // A projected service account token, as a kubeconfig's token-file names it.
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, first.token);
    const kubeconfig = path.join(dir, 'rotating-kubeconfig');
    writeFileSync(
      kubeconfig,
      readFileSync(first.kubeconfig, 'utf8').replace(`token: ${first.token}`, `token-file: ${tokenFile}`),
    );
    const started = run(['--engine', engine, '--timeout', '2m'], kubeconfig);
    await started.reached(running(name));
    // What the kubelet does before a token expires; deleting the account revokes the tokens it had.
    writeFileSync(tokenFile, second.token);
    const core = env.sandbox.kc.makeApiClient(CoreV1Api);
    await core.deleteNamespacedServiceAccount({ namespace, name: first.account });
    const oldToken = new KubeConfig();
    oldToken.loadFromFile(first.kubeconfig);
    const refused = await eventually(
      () =>
        oldToken
          .makeApiClient(CoreV1Api)
          .readNamespace({ name: namespace })
          .then(
            () => 200,
            (error: unknown) => (error as { code?: number }).code,
          ),
      (code) => code === 401,
    );
    assert.equal(refused, 401, 'the API server refuses the first token now');
    started.kill('SIGTERM');
    const result = await started.done;

    assert.equal(result.code, 143, result.stdout + result.stderr);
    assert.ok(env.operator.aborted.has(name), 'the stop patch went out with the new token');
    assert.ok(
      !(await leftovers(env.sandbox.kc, namespace)).engines.includes(name),
      'and the engine was deleted',
    );
    assert.doesNotMatch(result.stdout + result.stderr, /HTTP 401|chaos may still be running/);
  });
});

describe('processes and inputs', () => {
  test('a string load command whose child ignores SIGTERM is stopped with its group, after the chaos', async () => {
    const { dir, name, engine } = neverEndingEngine('stubborn');
    const marker = `stubborn-load-${process.pid}-${Date.now()}`;
    const config = path.join(dir, 'chaos-gate.yaml');
    writeFileSync(
      config,
      stringify({
        engines: [engine],
        load: {
          command: `sh -c 'trap "" TERM; echo ${marker}; while :; do sleep 0.2; done' ${marker}`,
          leadTime: '1s',
          tail: '1s',
          terminateGrace: '2s',
        },
      }),
    );
    const result = await run(['--config', config, '--timeout', '6s', '--stop-timeout', '30s']).done;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.ok(result.ms < 6_000 + 2_000 + 10_000, `the timeout held: ${result.ms} ms`);
    const stopped = result.stdout.indexOf(`stopped ChaosEngine ${namespace}/${name}`);
    const killed = result.stdout.indexOf('the load command did not end 2s after SIGTERM: SIGKILL');
    assert.ok(stopped >= 0 && killed > stopped, `the chaos stopped first, then the load:\n${result.stdout}`);
    let left = '';
    try {
      left = execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' });
    } catch {
      // pgrep exits 1 when nothing matches
    }
    assert.equal(left.trim(), '', 'no process of the load is left');
  });

  test('the same engine name in two files, or twice in one, is refused naming both places; nothing applied', async () => {
    const dir = workDir();
    const name = uniqueName('dup');
    const failing = engineFile(dir, name, 'fail', namespace);
    const passing = path.join(dir, 'again.yaml');
    writeFileSync(passing, readFileSync(failing, 'utf8').replace('fail', 'pass'));
    const before = await leftovers(env.sandbox.kc, namespace);
    const across = await run(['--engine', failing, '--engine', passing]).done;
    assert.equal(across.code, 2, across.stdout + across.stderr);
    assert.match(
      across.stderr,
      new RegExp(
        `again\\.yaml, document 1 \\(ChaosEngine ${name}\\): the same ChaosEngine as .*${name}\\.yaml, document 1`,
      ),
    );
    const twice = path.join(dir, 'twice.yaml');
    writeFileSync(twice, `${readFileSync(failing, 'utf8')}---\n${readFileSync(passing, 'utf8')}`);
    const within = await run(['--engine', twice]).done;
    assert.equal(within.code, 2);
    assert.match(
      within.stderr,
      new RegExp(
        `twice\\.yaml, document 2 \\(ChaosEngine ${name}\\): the same ChaosEngine as .*twice\\.yaml, document 1`,
      ),
    );
    assert.deepEqual(await leftovers(env.sandbox.kc, namespace), before);
  });
});

describe('workflows: a run owns only what it created', () => {
  let argo: ArgoController;
  before(async () => {
    argo = await startArgoController({ sandbox: env.sandbox, namespace });
  });
  after(async () => {
    await argo?.stop();
  });

  /** The example workflow (the real controller runs it), its engine told which verdict the Litmus stand-in plays. */
  function workflowFile(dir: string, engine: Outcome): string {
    const workflow = parse(
      readFileSync(path.join(repoRoot, 'examples/argo/chaos-load-workflow.yaml'), 'utf8'),
    ) as { spec: { templates: { inputs?: { artifacts?: { raw?: { data?: string } }[] } }[] } };
    for (const template of workflow.spec.templates) {
      const raw = template.inputs?.artifacts?.[0]?.raw;
      if (!raw?.data) continue;
      const engineManifest = parse(raw.data) as { metadata: { annotations?: Record<string, string> } };
      engineManifest.metadata.annotations = { [outcomeAnnotation]: engine };
      raw.data = stringify(engineManifest);
    }
    const file = path.join(dir, `workflow-${engine}-${uniqueName('wf')}.yaml`);
    writeFileSync(file, stringify(workflow));
    return file;
  }
  const engineSuites = (junit: string) =>
    [
      ...readFileSync(junit, 'utf8').matchAll(/<testsuite name="faults\/(checkout-pod-delete-[a-z0-9]+)"/g),
    ].map((m) => m[1]);
  const serviceAccounts = async () =>
    (await env.sandbox.kc.makeApiClient(CoreV1Api).listNamespacedServiceAccount({ namespace })).items.map(
      (i) => i.metadata?.name,
    );

  test('two concurrent workflow runs in one namespace report, stop and clean up only their own', async () => {
    const dir = workDir();
    const junitA = path.join(dir, 'a.xml');
    const junitB = path.join(dir, 'b.xml');
    const common = ['--rbac', exampleRbac];
    const a = run([
      '--workflow',
      workflowFile(dir, 'pass'),
      ...common,
      '--junit',
      junitA,
      '--timeout',
      '60s',
    ]);
    const b = run([
      '--workflow',
      workflowFile(dir, 'never'),
      ...common,
      '--junit',
      junitB,
      '--timeout',
      '15s',
    ]);
    const resultA = await a.done;
    assert.equal(resultA.code, 0, resultA.stdout + resultA.stderr);
    assert.ok(
      (await serviceAccounts()).includes('pod-delete-sa'),
      "A's cleanup kept the RBAC that B still uses",
    );
    assert.match(resultA.stdout, /kept 3 shared object\(s\)/);
    const resultB = await b.done;
    assert.equal(resultB.code, 1, resultB.stdout + resultB.stderr);

    const [engineA, ...moreA] = engineSuites(junitA);
    const [engineB, ...moreB] = engineSuites(junitB);
    assert.ok(engineA && engineB && engineA !== engineB, `${engineA} ${engineB}`);
    assert.deepEqual([moreA, moreB], [[], []], "each report holds only its own workflow's engine");
    assert.ok(env.operator.aborted.has(engineB ?? ''), "B's timeout stopped B's engine");
    assert.ok(!env.operator.aborted.has(engineA ?? ''), "and not A's");
    assert.ok(!(await serviceAccounts()).includes('pod-delete-sa'), 'the last run removed the RBAC');
  });

  test("after the action's main step is killed, the post step stops the workflow's engines, shuts the workflow down and cleans it up", async () => {
    const dir = workDir();
    const runnerTemp = workDir();
    const files = {
      GITHUB_STATE: path.join(dir, 'state'),
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const inputs = {
      INPUT_KUBECONFIG: env.sandbox.kubeconfigYaml,
      INPUT_NAMESPACE: namespace,
      INPUT_WORKFLOW: workflowFile(dir, 'never'),
      RUNNER_TEMP: runnerTemp,
      ...files,
    };
    let killed = false;
    const main = runEntry('dist/index.js', [], {
      cwd: dir,
      env: inputs,
      onStdout: (text) => {
        if (!killed && /\[chaos\] |step pod-delete: Running/.test(text)) {
          killed = true;
          setTimeout(() => main.kill('SIGKILL'), 1500);
        }
      },
    });
    await main.done;
    const state = readFileSync(files.GITHUB_STATE, 'utf8');
    assert.deepEqual(
      readdirSync(runnerTemp),
      [],
      'the inline kubeconfig was never written, so a SIGKILL leaves none',
    );
    const workflow =
      (/submitted Workflow faults\/(chaos-load-[a-z0-9]+)/.exec((await main.done).stdout) ?? [])[1] ?? '';
    assert.ok(workflow, 'the workflow was submitted');

    const env2: Record<string, string> = { ...inputs };
    for (const [, key, value] of state.matchAll(/(\w+)<<.+\n(.*)\n/g)) env2[`STATE_${key}`] = value ?? '';
    const post = await runEntry('dist/post.js', [], { cwd: dir, env: env2 }).done;
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.match(post.stdout, /stopped ChaosEngine faults\/checkout-pod-delete-[a-z0-9]+/);
    assert.match(post.stdout, new RegExp(`workflow faults/${workflow}: shutdown Stop`));
    // Then cleaned up, as the main step would have after a cancel (`cleanup: always`).
    assert.match(post.stdout, new RegExp(`cleanup: removed 1 object\\(s\\): Workflow faults/${workflow}\n`));
    const gone = await env.sandbox.kc
      .makeApiClient(CustomObjectsApi)
      .getNamespacedCustomObject({
        group: 'argoproj.io',
        version: 'v1alpha1',
        namespace,
        plural: 'workflows',
        name: workflow,
      })
      .then(
        () => 'there',
        (error: unknown) => (error as { code?: number }).code,
      );
    assert.equal(gone, 404);
    assert.deepEqual(readdirSync(runnerTemp), []);
  });
});
