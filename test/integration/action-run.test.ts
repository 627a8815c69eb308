// The action run the way a GitHub runner runs it: `node dist/index.js` (and dist/post.js) with INPUT_* variables and the
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files, against a real API server.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { CoordinationV1Api, CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { readRecords, recordHistory } from '../support/github-files.ts';
import { holdingProxy } from '../support/holding-proxy.ts';
import { runEntry } from '../support/run-node.ts';
import { CustomObjectsApi } from '@kubernetes/client-node';
import {
  engineFile,
  exampleRbac,
  identityWithout,
  leftovers,
  uniqueName,
  useSandbox,
  workDir,
} from './helpers.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';

const namespace = 'action';
const env = useSandbox(namespace);

/** `onStdout` sees the log so far, and may signal the step as the runner does when the job is cancelled. */
async function runAction(
  inputs: Record<string, string>,
  onStdout?: (text: string, kill: (signal: NodeJS.Signals) => void) => void,
) {
  const dir = workDir();
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary', GITHUB_STATE: 'state' };
  const env: Record<string, string> = {};
  for (const [name, file] of Object.entries(files)) {
    env[name] = path.join(dir, file);
    writeFileSync(env[name], '');
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const started = runEntry('dist/index.js', [], {
    cwd: dir,
    env,
    onStdout: onStdout && ((text) => onStdout(text, started.kill)),
  });
  const finished = await started.done;
  return {
    ...finished,
    dir,
    outputs: readRecords(env.GITHUB_OUTPUT ?? ''),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY ?? '', 'utf8'),
    state: readFileSync(env.GITHUB_STATE ?? '', 'utf8'),
  };
}

/** SIGTERM to the step the first time its output passes `when`, after `first` if given; `sent` says so. */
function sigtermWhen(when: (text: string) => boolean, first?: () => void) {
  const sigterm = {
    sent: false,
    onStdout(text: string, kill: (signal: NodeJS.Signals) => void): void {
      if (sigterm.sent || !when(text)) return;
      sigterm.sent = true;
      first?.();
      kill('SIGTERM');
    },
  };
  return sigterm;
}

/** The engine `name`'s experiment is running, as the step logs it. */
const running = (name: string) => (text: string) =>
  text.includes(`[chaos] ${namespace}/${name} pod-delete: Running`);

test('a passing run: outputs, job summary, reports, exit 0, nothing left behind', async () => {
  const dir = workDir();
  const name = uniqueName('action-pass');
  const run = await runAction({
    kubeconfig: env.sandbox.kubeconfigYaml,
    namespace,
    rbac: exampleRbac,
    engines: engineFile(dir, name, 'pass', namespace),
    timeout: '60s',
    // Written as the thresholds are: the input reaches the CLI's parser as it is.
    'min-probe-success': '90%',
  });
  assert.equal(run.code, 0, run.stdout);
  assert.equal(run.outputs.verdict, 'pass');
  assert.equal(run.outputs.passed, '3');
  assert.equal(run.outputs.failed, '0');
  assert.equal(run.outputs['probe-success'], '100');
  assert.equal(run.outputs['junit-path'], 'chaos-gate-results/junit.xml');
  assert.equal(run.outputs['html-path'], '');
  assert.match(
    await readCheckedJUnit(path.join(run.dir, 'chaos-gate-results/junit.xml')),
    /<testcase classname="action\/[^"]+" name="pod-delete"/,
  );
  assert.match(run.summary, /## ✅ Chaos gate passed/);
  assert.match(run.summary, /\| pod-delete \/ probe checkout-responds \| probe \| ✅ passed \|/);
  assert.match(run.state, /finished<</, 'the post step will know the main step finished');
  const tokenLines = run.stdout.split('\n').filter((line) => line.includes(env.sandbox.adminToken));
  assert.ok(tokenLines.length > 0, 'the token was given to the runner to mask');
  assert.ok(
    tokenLines.every((line) => line.startsWith('::add-mask::')),
    'and appears in no other line',
  );
  assert.deepEqual((await leftovers(env.sandbox.kc, namespace)).engines, []);
});

test('a matrix whose jobs set label: the merged suites are named after the jobs, build after build, the run ids generated', async () => {
  const dir = workDir();
  const engine = uniqueName('matrix');
  // Two builds of a matrix over eu and us, each job as the README's example runs it.
  const build = async (number: number) => {
    const reports: string[] = [];
    for (const cluster of ['eu', 'us']) {
      const json = path.join(dir, `build-${number}`, cluster, 'report.json');
      const job = await runAction({
        kubeconfig: env.sandbox.kubeconfigYaml,
        namespace,
        engines: engineFile(dir, engine, 'pass', namespace),
        label: cluster,
        'json-path': json,
      });
      assert.equal(job.code, 0, job.stdout);
      assert.match(job.outputs['run-id'] ?? '', /^cg-/, 'the run id is left generated');
      reports.push(json);
    }
    const merged = await runAction({ command: 'merge', reports: reports.join('\n'), expect: '2' });
    assert.equal(merged.code, 0, merged.stdout);
    const junit = readFileSync(path.join(merged.dir, 'chaos-gate-results/junit.xml'), 'utf8');
    return [...junit.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
  };
  const first = await build(1);
  assert.deepEqual(first, [`eu/${namespace}/${engine}`, `us/${namespace}/${engine}`]);
  assert.deepEqual(await build(2), first);
});

test('a failed probe: step fails, verdict=fail, the verdict annotation first, then one per fault', async () => {
  const dir = workDir();
  const run = await runAction({
    kubeconfig: env.sandbox.kubeconfigYaml,
    namespace,
    rbac: exampleRbac,
    engines: engineFile(dir, uniqueName('action-fail'), 'fail-probe', namespace),
  });
  assert.equal(run.code, 1, run.stdout);
  assert.equal(run.outputs.verdict, 'fail');
  assert.equal(run.outputs.failed, '2');
  const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
  assert.equal(annotations.length, 2, annotations.join('\n'));
  assert.match(annotations[0] ?? '', /^::error title=Chaos gate failed::2 failed, 0 errored in 1 fault\(s\)/);
  assert.match(
    annotations[1] ?? '',
    /^::error title=action\/[^/]+\/pod-delete::.*probe checkout-responds failed/,
  );
  assert.doesNotMatch(run.stdout, /::error::chaos gate failed/, 'no extra, last annotation from setFailed');
  assert.match(run.summary, /## ❌ Chaos gate failed[\s\S]*### Failures/);
  // The phases fold into log groups; every line says how far the run is.
  assert.match(
    run.stdout,
    /::group::chaos-gate: apply\n[\s\S]*::endgroup::\n::group::chaos-gate: wait for the verdicts\n/,
  );
  assert.match(run.stdout, /::group::chaos-gate: clean up\n[\s\S]*::endgroup::/);
  assert.match(
    run.stdout,
    /\[\+\d\d:\d\d \| chaos \d\d:\d\d of ~01:00\] \[chaos\] /,
    'TOTAL_CHAOS_DURATION 60',
  );
});

test('a cancelled job: verdict=cancelled, not fail, so a later step tells it from a failed gate', async () => {
  const dir = workDir();
  const name = uniqueName('action-cancel');
  const sigterm = sigtermWhen(running(name));
  const run = await runAction(
    {
      kubeconfig: env.sandbox.kubeconfigYaml,
      namespace,
      rbac: exampleRbac,
      engines: engineFile(dir, name, 'never', namespace),
    },
    sigterm.onStdout,
  );
  assert.ok(sigterm.sent, run.stdout);
  assert.equal(run.code, 1, run.stdout);
  assert.equal(run.outputs.verdict, 'cancelled');
  assert.match(run.stdout, /^::error::cancelled by SIGTERM; the chaos was stopped$/m);
  // The summary's verdict is of the checks as they stood: the cancel heads it.
  assert.match(
    run.summary,
    /^> ⏹️ cancelled by SIGTERM; the chaos was stopped\. The step failed, whatever the verdict below\.\n\n## /,
  );
  assert.ok(env.operator.aborted.has(name), 'the engine was stopped before the step ended');
});

test('a job cancelled whose report cannot be written: verdict=cancelled, and the summary says cancelled, not could not run', async () => {
  const dir = workDir();
  const name = uniqueName('action-cancel-unwritten');
  const json = path.join(dir, 'report.json');
  const sigterm = sigtermWhen(running(name), () => mkdirSync(json)); // the report's path becomes a folder
  const run = await runAction(
    {
      kubeconfig: env.sandbox.kubeconfigYaml,
      namespace,
      rbac: exampleRbac,
      engines: engineFile(dir, name, 'never', namespace),
      'json-path': json,
    },
    sigterm.onStdout,
  );
  assert.ok(sigterm.sent, run.stdout);
  assert.equal(run.code, 1, run.stdout);
  assert.equal(run.outputs.verdict, 'cancelled');
  assert.match(run.stdout, /^::error::cancelled by SIGTERM; \S*report\.json: cannot write the report: /m);
  assert.match(
    run.summary,
    /^## ⏹️ Chaos gate cancelled\n\n```text\ncancelled by SIGTERM; \S*report\.json: cannot write the report: /,
  );
});

test('a job cancelled before its chaos started: verdict=cancelled, not error', async () => {
  const dir = workDir();
  const sigterm = sigtermWhen((text) => /: preflight of \d+ object/.test(text));
  const run = await runAction(
    {
      kubeconfig: env.sandbox.kubeconfigYaml,
      namespace,
      rbac: exampleRbac,
      engines: engineFile(dir, uniqueName('action-cancel-early'), 'never', namespace),
    },
    sigterm.onStdout,
  );
  assert.ok(sigterm.sent, run.stdout);
  assert.equal(run.code, 1, run.stdout);
  assert.equal(run.outputs.verdict, 'cancelled');
  assert.match(run.stdout, /^::error::cancelled by SIGTERM/m);
  assert.match(
    run.summary,
    /^## ⏹️ Chaos gate cancelled\n\n```text\ncancelled by SIGTERM before any chaos started\n```\n/,
  );
});

test('the post step stops the engines of a main step that never finished', async () => {
  const dir = workDir();
  const name = uniqueName('orphan');
  // A main step that was killed mid-run: it applied an engine and saved its run id, nothing more.
  const runId = 'killed-run';
  const started = env.run(['--engine', engineFile(dir, name, 'never', namespace), '--run-id', runId], {
    onStdout: (text) => {
      if (text.includes(`[chaos] ${namespace}/${name} pod-delete: Running`)) started.kill('SIGKILL');
    },
  });
  await started.done;
  assert.ok(!env.operator.aborted.has(name), 'a SIGKILLed process could not stop its chaos');
  const state = path.join(dir, 'state');
  // What the main step would have recorded before applying anything.
  const runs = JSON.stringify([{ runId, namespaces: [namespace] }]);
  writeFileSync(state, `runs<<B\n${runs}\nB\n`);
  const post = await runEntry('dist/post.js', [], {
    cwd: dir,
    env: {
      GITHUB_STATE: state,
      STATE_runs: runs,
      INPUT_KUBECONFIG: env.sandbox.kubeconfigYaml,
    },
  }).done;
  assert.equal(post.code, 0, post.stdout);
  assert.match(post.stdout, new RegExp(`stopped ChaosEngine ${namespace}/${name}`));
  await env.operator.waitFor(name, 'aborted', 10_000);
});

/** A main step under `runId` SIGKILLed once its engine runs, as the runner kills it when the job is cancelled. */
async function killedMainStep(runId: string, inputs: Record<string, string> = {}) {
  const dir = workDir();
  const name = uniqueName('killed-main');
  let killed = false;
  const run = await runAction(
    {
      kubeconfig: env.sandbox.kubeconfigYaml,
      namespace,
      rbac: exampleRbac,
      engines: engineFile(dir, name, 'never', namespace),
      'run-id': runId,
      ...inputs,
    },
    (text, kill) => {
      if (!killed && text.includes(`[chaos] ${namespace}/${name} pod-delete: Running`)) {
        killed = true;
        kill('SIGKILL');
      }
    },
  );
  assert.ok(killed, run.stdout);
  return { ...run, name };
}

/** The post step, as the runner starts it: with the state the main step saved. */
const postStep = (run: { dir: string }, inputs: Record<string, string> = {}) =>
  runEntry('dist/post.js', [], {
    cwd: run.dir,
    env: {
      ...Object.fromEntries(
        Object.entries(readRecords(path.join(run.dir, 'state'))).map(([key, value]) => [
          `STATE_${key}`,
          value,
        ]),
      ),
      INPUT_KUBECONFIG: env.sandbox.kubeconfigYaml,
      INPUT_NAMESPACE: namespace,
      ...inputs,
    },
  }).done;

const leaseName = (runId: string) => `chaos-gate-run-${runId}`;
const readLease = (runId: string) =>
  env.sandbox.kc
    .makeApiClient(CoordinationV1Api)
    .readNamespacedLease({ namespace, name: leaseName(runId) })
    .catch(() => undefined);

test('the post step of a killed main step frees its run id: a re-run under it goes ahead at once', async () => {
  const runId = uniqueName('rerun');
  const killed = await killedMainStep(runId);
  assert.ok(await readLease(runId), 'a SIGKILLed main step could not let go of its lease');

  const post = await postStep(killed);
  assert.equal(post.code, 0, post.stdout);
  assert.match(
    post.stdout,
    new RegExp(`deleted Lease ${namespace}/${leaseName(runId)}: its run id is free again`),
  );
  assert.equal(await readLease(runId), undefined);

  // Before, refused for a minute: "run id … is held by another run: host … pid …".
  const again = await runAction({
    kubeconfig: env.sandbox.kubeconfigYaml,
    namespace,
    rbac: exampleRbac,
    engines: engineFile(workDir(), uniqueName('rerun'), 'pass', namespace),
    'run-id': runId,
  });
  assert.equal(again.code, 0, again.stdout);
});

test('the post step of a main step killed in preflight frees its run id in one line, stopping nothing', async (t) => {
  const runId = uniqueName('preflight');
  const engines = `/apis/litmuschaos.io/v1alpha1/namespaces/${namespace}/chaosengines`;
  let kill: ((signal: NodeJS.Signals) => void) | undefined;
  let held = false;
  // Preflight asks which chaos its run id labels once it holds the lease: held there, the step is
  // killed with the lease taken and no chaos started.
  const proxy = await holdingProxy(
    env.sandbox,
    (request) => {
      const url = new URL(request.url ?? '', 'http://held');
      return (
        url.pathname === engines && url.searchParams.get('labelSelector') === `chaos-gate.io/run=${runId}`
      );
    },
    () => {
      held = true;
      kill?.('SIGKILL');
    },
  );
  t.after(() => proxy.close());
  const run = await runAction(
    {
      kubeconfig: proxy.kubeconfig(namespace),
      namespace,
      engines: engineFile(workDir(), uniqueName('preflight'), 'pass', namespace),
      'run-id': runId,
    },
    (_text, signal) => {
      kill = signal;
      if (held) signal('SIGKILL');
    },
  );
  assert.ok(held, run.stdout);
  assert.equal(run.signal, 'SIGKILL', run.stdout);
  assert.ok(await readLease(runId), 'a SIGKILLed main step could not let go of its lease');

  const post = await postStep(run);
  assert.equal(post.code, 0, post.stdout);
  // Before, it found no run recorded and did nothing: the lease held the run id for a minute more.
  assert.deepEqual(
    post.stdout.split('\n').filter((line) => line && !line.startsWith('::add-mask::')),
    [`[chaos-gate] deleted Lease ${namespace}/${leaseName(runId)}: its run id is free again`],
  );
  assert.equal(await readLease(runId), undefined);
  const again = await runAction({
    kubeconfig: env.sandbox.kubeconfigYaml,
    namespace,
    engines: engineFile(workDir(), uniqueName('preflight'), 'pass', namespace),
    'run-id': runId,
  });
  assert.equal(again.code, 0, again.stdout);
});

test('the post step of a killed main step leaves a lease another run took over since', async () => {
  const runId = uniqueName('taken');
  const killed = await killedMainStep(runId);
  // The killed step's lease expired and another run took it: a holder of its own.
  const leases = env.sandbox.kc.makeApiClient(CoordinationV1Api);
  const lease = await readLease(runId);
  assert.ok(lease?.spec);
  await leases.replaceNamespacedLease({
    namespace,
    name: leaseName(runId),
    body: { ...lease, spec: { ...lease.spec, holderIdentity: 'other-runner/other-run' } },
  });

  const post = await postStep(killed);
  assert.equal(post.code, 0, post.stdout);
  assert.match(
    post.stdout,
    new RegExp(`Lease ${namespace}/${leaseName(runId)} is held by another run now: left to it`),
  );
  assert.equal((await readLease(runId))?.spec?.holderIdentity, 'other-runner/other-run');
  await leases.deleteNamespacedLease({ namespace, name: leaseName(runId) });
});

test('the post step that cannot confirm the chaos stopped keeps the lease to expire', async () => {
  const runId = uniqueName('unconfirmed');
  const killed = await killedMainStep(runId);
  // An identity that may free the lease but not find the run's engines: their stop is not confirmed.
  const account = uniqueName('leases-only');
  const token = await env.sandbox.mintToken(namespace, account);
  const rbac = env.sandbox.kc.makeApiClient(RbacAuthorizationV1Api);
  await rbac.createNamespacedRole({
    namespace,
    body: {
      metadata: { name: account },
      rules: [{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'delete'] }],
    },
  });
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name: account },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: account },
      subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
    },
  });
  const held = await readLease(runId);

  const post = await postStep(killed, {
    INPUT_KUBECONFIG: env.sandbox.kubeconfigFor(token, account, namespace),
    'INPUT_STOP-TIMEOUT': '2s',
  });
  assert.equal(post.code, 1, post.stdout);
  assert.match(post.stdout, new RegExp(`the stop of run ${runId} was not confirmed`));
  assert.doesNotMatch(post.stdout, /deleted Lease/);
  assert.match(post.stdout, /cleanup skipped: chaos may still be running; 4 object\(s\) left in place/);
  assert.equal((await readLease(runId))?.spec?.holderIdentity, held?.spec?.holderIdentity, 'kept');

  // Stopped after all, the run id is free at once.
  const again = await postStep(killed);
  assert.equal(again.code, 0, again.stdout);
  assert.equal(await readLease(runId), undefined);
});

/** A ServiceAccount, Role and RoleBinding named `name`: no other test's run has a record on them. */
function ownRbac(name: string): string {
  const file = path.join(workDir(), 'rbac.yaml');
  const rbac = 'apiVersion: rbac.authorization.k8s.io/v1';
  writeFileSync(
    file,
    [
      `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n`,
      `${rbac}\nkind: Role\nmetadata:\n  name: ${name}\nrules:\n  - apiGroups: ['']\n    resources: [pods]\n    verbs: [get]\n`,
      `${rbac}\nkind: RoleBinding\nmetadata:\n  name: ${name}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: ${name}\n` +
        `subjects:\n  - kind: ServiceAccount\n    name: ${name}\n`,
    ].join('---\n'),
  );
  return file;
}

test('the post step of a killed main step cleans up as its cleanup would have after a cancel', async () => {
  const core = env.sandbox.kc.makeApiClient(CoreV1Api);
  for (const cleanup of ['always', 'never'] as const) {
    const runId = uniqueName(`cleanup-${cleanup}`);
    const rbac = uniqueName('killed-rbac');
    const killed = await killedMainStep(runId, { rbac: ownRbac(rbac), cleanup });

    const post = await postStep(killed, { INPUT_CLEANUP: cleanup });
    assert.equal(post.code, 0, post.stdout);
    await env.operator.waitFor(killed.name, 'aborted', 10_000);
    const left = await leftovers(env.sandbox.kc, namespace);
    const ours = {
      engines: left.engines.filter((e) => e === killed.name),
      results: left.results.filter((r) => r.startsWith(killed.name)),
      rbac: [left.serviceAccounts, left.roles, left.roleBindings].flat().filter((o) => o === rbac),
    };
    // The lease goes whatever the policy: the run id is free.
    assert.equal(await readLease(runId), undefined);
    if (cleanup === 'always') {
      // Before, all of it stayed: the post step only stopped the chaos.
      assert.deepEqual(ours, { engines: [], results: [], rbac: [] }, post.stdout);
      assert.match(
        post.stdout,
        new RegExp(
          `cleanup: removed 5 object\\(s\\): ChaosEngine ${namespace}/${killed.name}, RoleBinding ${namespace}/${rbac}, ` +
            `Role ${namespace}/${rbac}, ServiceAccount ${namespace}/${rbac}, ChaosResult ${namespace}/${killed.name}-pod-delete\n`,
        ),
      );
    } else {
      assert.deepEqual(ours, {
        engines: [killed.name],
        results: [`${killed.name}-pod-delete`],
        rbac: [rbac, rbac, rbac],
      });
      assert.match(post.stdout, /cleanup never: leaving 4 object\(s\) in place/);
      // Its record stays with its engine, as a run's own `cleanup: never` leaves it.
      const account = await core.readNamespacedServiceAccount({ namespace, name: rbac });
      const records = Object.entries(account.metadata?.annotations ?? {}).filter(([key]) =>
        key.startsWith('users.chaos-gate.io/'),
      );
      assert.equal(records.length, 1);
      assert.match(records[0]?.[1] ?? '', new RegExp(`"run":"${runId}"`));
      await env.sandbox.kc.makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject({
        group: 'litmuschaos.io',
        version: 'v1alpha1',
        namespace,
        plural: 'chaosengines',
        name: killed.name,
      });
    }
  }
});

test('a cleanup the post step could not finish: a warning annotation, what it could delete deleted', async () => {
  const runId = uniqueName('cleanup-refused');
  const killed = await killedMainStep(runId, { cleanup: 'always' });
  // Bound to the shipped roles without deleting ChaosResults.
  const kubeconfig = await identityWithout(env.sandbox, namespace, { chaosresults: ['deletecollection'] });

  const post = await postStep(killed, { INPUT_KUBECONFIG: readFileSync(kubeconfig, 'utf8') });
  assert.equal(post.code, 0, post.stdout);
  assert.match(
    post.stdout,
    new RegExp(`^::warning title=Chaos gate warning::cleanup: deleting ChaosResults in ${namespace}: `, 'm'),
  );
  const left = await leftovers(env.sandbox.kc, namespace);
  assert.ok(!left.engines.includes(killed.name), post.stdout);
  const result = `${killed.name}-pod-delete`;
  assert.ok(left.results.includes(result), 'the cleanup really left it');
  await env.sandbox.kc.makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    namespace,
    plural: 'chaosresults',
    name: result,
  });
});

/** A Workflow under a name of its own (no controller runs it here: it waits until the timeout). */
function workflowFile(dir: string, name: string): string {
  const file = path.join(dir, `${name}-workflow.yaml`);
  writeFileSync(
    file,
    `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: ${name}\n` +
      'spec:\n  entrypoint: main\n  templates:\n    - name: main\n      suspend: {}\n',
  );
  return file;
}

test('the post step of a main step that failed after its chaos started says so, not that it did not finish', async () => {
  const dir = workDir();
  const name = uniqueName('failed-main');
  // Every case skipped at the timeout: "nothing to judge", an error after the engine was applied.
  const engine = engineFile(dir, name, 'never', namespace);
  const workflow = workflowFile(dir, name);
  const run = await runAction({
    kubeconfig: env.sandbox.kubeconfigYaml,
    namespace,
    engines: engine,
    workflow,
    timeout: '4s',
    'timeouts-as': 'skip',
    'stopped-as': 'skip',
  });
  assert.equal(run.code, 1, run.stdout);
  assert.match(run.stdout, /::error::nothing to judge/);
  assert.match(
    run.stdout,
    new RegExp(
      `cleanup: removed \\d+ object\\(s\\): ChaosEngine ${namespace}/${name}, Workflow ${namespace}/${name}`,
    ),
  );
  // The main step cleaned its engine and workflow up; others of the same names, someone else's, are there now.
  const custom = env.sandbox.kc.makeApiClient(CustomObjectsApi);
  const engines = { group: 'litmuschaos.io', version: 'v1alpha1', namespace, plural: 'chaosengines' };
  const workflows = { group: 'argoproj.io', version: 'v1alpha1', namespace, plural: 'workflows' };
  await custom.createNamespacedCustomObject({ ...engines, body: parse(readFileSync(engine, 'utf8')) });
  await custom.createNamespacedCustomObject({ ...workflows, body: parse(readFileSync(workflow, 'utf8')) });
  // The post step, as the runner starts it: the main step's cleanup took all of it back, so nothing
  // is said of a cleanup (before, "2 already gone").
  const after = await postStep(run, { INPUT_WORKFLOW: workflow });
  assert.equal(after.code, 0, after.stdout);
  assert.match(
    after.stdout,
    /::warning::the main step failed after its chaos started: stopping the chaos of run /,
  );
  assert.doesNotMatch(after.stdout, /::error::/, 'its chaos, stopped at the timeout, is found stopped');
  assert.doesNotMatch(after.stdout, /cleanup/);
  // And with the state as the main step left it had it been killed as soon as its cleanup deleted
  // them: the last record that still lists what it created.
  const stateFile = path.join(run.dir, 'state');
  const records = recordHistory(stateFile, 'runs');
  const beforeCleanup = records.findLast((runs) => runs.includes(`"name":"${name}"`));
  assert.ok(beforeCleanup, records.join('\n'));
  const post = await postStep(run, { STATE_runs: beforeCleanup, INPUT_WORKFLOW: workflow });
  assert.equal(post.code, 0, post.stdout);
  // Cleaning up again, it leaves the engine and the workflow that took the names.
  assert.match(
    post.stdout,
    new RegExp(`cleanup: 2 already gone: ChaosEngine ${namespace}/${name}, Workflow ${namespace}/${name}\n`),
  );
  assert.ok((await leftovers(env.sandbox.kc, namespace)).engines.includes(name));
  await custom.getNamespacedCustomObject({ ...workflows, name });
  await custom.deleteNamespacedCustomObject({ ...engines, name });
  await custom.deleteNamespacedCustomObject({ ...workflows, name });
});

test('after a main step that cleaned up part of its run, the post step removes the rest and nothing else', async () => {
  const dir = workDir();
  const name = uniqueName('half-cleaned');
  const rbac = uniqueName('half-cleaned-rbac');
  // Its cleanup may not delete ServiceAccounts nor ChaosResults: it leaves those two.
  const kubeconfig = await identityWithout(env.sandbox, namespace, {
    serviceaccounts: ['delete'],
    chaosresults: ['deletecollection'],
  });
  const run = await runAction({
    kubeconfig: readFileSync(kubeconfig, 'utf8'),
    namespace,
    rbac: ownRbac(rbac),
    engines: engineFile(dir, name, 'never', namespace),
    timeout: '4s',
    'timeouts-as': 'skip',
    'stopped-as': 'skip',
  });
  assert.equal(run.code, 1, run.stdout);
  assert.match(run.stdout, /::error::nothing to judge/);
  assert.match(
    run.stdout,
    new RegExp(
      `cleanup: removed 3 object\\(s\\): ChaosEngine ${namespace}/${name}, RoleBinding ${namespace}/${rbac}, Role ${namespace}/${rbac}\n`,
    ),
  );

  const post = await postStep(run);
  assert.equal(post.code, 0, post.stdout);
  // Before, it also logged "3 already gone: ChaosEngine …, RoleBinding …, Role …".
  assert.match(
    post.stdout,
    new RegExp(
      `\\[chaos-gate\\] cleanup: removed 2 object\\(s\\): ServiceAccount ${namespace}/${rbac}, ChaosResult ${namespace}/${name}-pod-delete\n`,
    ),
  );
  assert.doesNotMatch(post.stdout, /already gone/);
  const left = await leftovers(env.sandbox.kc, namespace);
  assert.deepEqual(
    [left.engines, left.results, left.serviceAccounts, left.roles, left.roleBindings].map((names) =>
      names.filter((n) => n === rbac || n.startsWith(name)),
    ),
    [[], [], [], [], []],
  );
});

test('a run id it may not lock and a cleanup it may not finish: warning annotations, and the reports have the first', async () => {
  const dir = workDir();
  const name = uniqueName('action-unlocked');
  const runId = uniqueName('unlocked');
  // Bound to the shipped roles without leases and without deleting ChaosResults.
  const kubeconfig = await identityWithout(env.sandbox, namespace, {
    leases: ['get', 'create', 'update', 'delete'],
    chaosresults: ['deletecollection'],
  });
  const run = await runAction({
    kubeconfig: readFileSync(kubeconfig, 'utf8'),
    namespace,
    engines: engineFile(dir, name, 'pass', namespace),
    'run-id': runId,
    timeout: '60s',
  });
  assert.equal(run.code, 0, run.stdout);
  assert.equal(run.outputs.verdict, 'pass');
  const notLocked = `run id ${runId} not locked in namespace ${namespace}: taking Lease chaos-gate-run-${runId}: `;
  const cleanup = `cleanup: deleting ChaosResults in ${namespace}: `;
  // One annotation each: the first from the reports, the cleanup's after them.
  const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
  assert.equal(annotations.length, 2, run.stdout);
  assert.ok(annotations[0]?.startsWith(`::warning title=Chaos gate warning::${notLocked}`), annotations[0]);
  assert.ok(annotations[1]?.startsWith(`::warning title=Chaos gate warning::${cleanup}`), annotations[1]);
  const json = JSON.parse(readFileSync(path.join(run.dir, 'chaos-gate-results/report.json'), 'utf8')) as {
    warnings: string[];
  };
  assert.equal(json.warnings.length, 1, json.warnings.join('\n'));
  assert.ok(json.warnings[0]?.startsWith(notLocked), json.warnings[0]);
  assert.match(
    await readCheckedJUnit(path.join(run.dir, 'chaos-gate-results/junit.xml')),
    new RegExp(`<system-out>WARNING: ${notLocked.replaceAll('.', '\\.')}`),
  );
  assert.match(run.summary, new RegExp(`⚠️ ${notLocked.replaceAll('.', '\\.')}`));
  // The result the cleanup could not delete, deleted here.
  const left = (await leftovers(env.sandbox.kc, namespace)).results.filter((r) => r.startsWith(name));
  assert.equal(left.length, 1, 'the cleanup really left it');
  await env.sandbox.kc.makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    namespace,
    plural: 'chaosresults',
    name: left[0] ?? '',
  });
});

test("a cancelled run's warnings fit in the 10 annotations GitHub shows beside the cancel's own warning", async () => {
  const dir = workDir();
  const name = uniqueName('action-cancel-warnings');
  // Ten ServiceAccounts the identity may create but not delete: ten cleanup warnings.
  const accounts = Array.from({ length: 10 }, (_, i) => `${name}-sa-${i}`);
  const rbac = path.join(dir, 'accounts.yaml');
  writeFileSync(
    rbac,
    accounts
      .map((account) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${account}\n`)
      .join('---\n'),
  );
  const kubeconfig = await identityWithout(env.sandbox, namespace, { serviceaccounts: ['delete'] });
  const sigterm = sigtermWhen(running(name));
  const run = await runAction(
    {
      kubeconfig: readFileSync(kubeconfig, 'utf8'),
      namespace,
      rbac,
      engines: engineFile(dir, name, 'never', namespace),
    },
    sigterm.onStdout,
  );
  assert.equal(run.outputs.verdict, 'cancelled', run.stdout);
  const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
  assert.equal(annotations.length, 10, annotations.join('\n'));
  assert.equal(annotations[0], '::warning::received SIGTERM: stopping the chaos and cleaning up');
  // Past the room the cancel left, the last holds the rest: none is beyond what GitHub shows.
  assert.ok(
    annotations[9]?.startsWith('::warning title=2 more chaos gate warnings::cleanup: '),
    annotations[9],
  );
  const core = env.sandbox.kc.makeApiClient(CoreV1Api);
  for (const account of accounts) await core.deleteNamespacedServiceAccount({ namespace, name: account });
});

test('a run that fails once its chaos started: the error, then its warnings as annotations within the 10, and in the summary', async () => {
  const dir = workDir();
  const name = uniqueName('action-fails-late');
  const runId = uniqueName('fails-late');
  // Ten ServiceAccounts the identity may create but not delete: ten cleanup warnings after the error.
  const accounts = Array.from({ length: 10 }, (_, i) => `${name}-sa-${i}`);
  const rbac = path.join(dir, 'accounts.yaml');
  writeFileSync(
    rbac,
    accounts
      .map((account) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${account}\n`)
      .join('---\n'),
  );
  // Without leases (the run id is not locked, first of the eleven warnings) and without watching
  // results: the wait fails once the engine is applied.
  const kubeconfig = await identityWithout(env.sandbox, namespace, {
    leases: ['get', 'create', 'update', 'delete'],
    chaosresults: ['watch'],
    serviceaccounts: ['delete'],
  });
  const run = await runAction({
    kubeconfig: readFileSync(kubeconfig, 'utf8'),
    namespace,
    rbac,
    engines: engineFile(dir, name, 'pass', namespace),
    'run-id': runId,
    timeout: '60s',
  });
  assert.equal(run.code, 1, run.stdout);
  assert.equal(run.outputs.verdict, 'error');
  const annotations = run.stdout.split('\n').filter((line) => /^::(error|warning)/.test(line));
  assert.match(
    annotations[0] ?? '',
    /^::error::watching ChaosEngines and ChaosResults: .*cannot watch resource "chaosresults"/,
    run.stdout,
  );
  const notLocked = `run id ${runId} not locked in namespace ${namespace}: taking Lease chaos-gate-run-${runId}: `;
  const warnings = annotations.slice(1);
  assert.equal(warnings.length, 10, warnings.join('\n'));
  assert.ok(warnings[0]?.startsWith(`::warning title=Chaos gate warning::${notLocked}`), warnings[0]);
  assert.ok(
    warnings[1]?.startsWith(
      `::warning title=Chaos gate warning::cleanup: deleting ServiceAccount ${namespace}/${name}-sa-`,
    ),
    warnings[1],
  );
  assert.ok(warnings[9]?.startsWith('::warning title=2 more chaos gate warnings::cleanup: '), warnings[9]);
  // The summary: what stopped the run, then every warning.
  assert.match(
    run.summary,
    /^## ⛔ Chaos gate could not run\n\n```text\nwatching ChaosEngines and ChaosResults: /,
  );
  const listed = run.summary.split('\n').filter((line) => line.startsWith('- ⚠️ '));
  assert.equal(listed.length, 11, run.summary);
  assert.ok(listed[0]?.startsWith(`- ⚠️ ${notLocked}`), listed[0]);
  // Its stop was confirmed, yet with one cluster the post step stops the run again all the same, and
  // takes back what the main step's cleanup left.
  const post = await postStep(run);
  assert.equal(post.code, 0, post.stdout);
  assert.match(
    post.stdout,
    new RegExp(
      `^::warning::the main step failed after its chaos started: stopping the chaos of run ${runId}$`,
      'm',
    ),
  );
  assert.match(post.stdout, /cleanup: removed 10 object\(s\): ServiceAccount /);
  const left = await leftovers(env.sandbox.kc, namespace);
  assert.deepEqual(
    left.serviceAccounts.filter((account) => account.startsWith(name)),
    [],
  );
});
