// The test harness itself: the sandbox is a real API server (TLS with its own CA, RBAC, TokenRequest,
// the Litmus and Argo CRDs), and the fake controllers write what Litmus and Argo write.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'yaml';
import type { ChaosEngine, ChaosResult } from '../../src/litmus/types.ts';
import {
  argoNodeId,
  outcomeAnnotation,
  startFakeOperator,
  startFakeWorkflowController,
  type FakeController,
  type FakeOperator,
  type Outcome,
  type Workflow,
} from '../support/fake-operator.ts';
import { loadFixture, repoRoot } from '../support/fixtures.ts';
import { pidRuns, startSandbox, type Sandbox, type SandboxState } from '../support/sandbox.ts';

let sandbox: Sandbox;
let operator: FakeOperator;
let argo: FakeController<'running' | 'step' | 'finished' | 'shutdown' | 'error'>;
const namespace = 'sandbox-it';
const litmus = `/apis/litmuschaos.io/v1alpha1/namespaces/${namespace}`;
const workflows = `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflows`;

interface Response<T = unknown> {
  status: number;
  body: T;
}

/** A raw HTTPS call that verifies the server with the sandbox's CA (no insecure mode). */
function call<T = Record<string, unknown>>(
  method: string,
  urlPath: string,
  options: { token?: string; body?: unknown; contentType?: string } = {},
): Promise<Response<T>> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      `${sandbox.server}${urlPath}`,
      {
        method,
        ca: sandbox.caPem,
        headers: {
          Authorization: `Bearer ${options.token ?? sandbox.adminToken}`,
          Accept: 'application/json',
          ...(payload && { 'Content-Type': options.contentType ?? 'application/json' }),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body: body as T });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

async function ok<T>(method: string, urlPath: string, body?: unknown, contentType?: string): Promise<T> {
  const res = await call<T>(method, urlPath, { body, contentType });
  assert.ok(
    res.status >= 200 && res.status < 300,
    `${method} ${urlPath}: ${res.status} ${JSON.stringify(res.body)}`,
  );
  return res.body;
}

/** Polls `read` until `done` holds; fails with the last value seen. */
async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch {
      /* not there yet */
    }
    if (Date.now() > deadline)
      assert.fail(`${what}: not reached in ${timeoutMs} ms; last seen ${JSON.stringify(last)}`);
    await sleep(100);
  }
}

const readEngine = (name: string) => ok<ChaosEngine>('GET', `${litmus}/chaosengines/${name}`);
const readResult = (name: string) => ok<ChaosResult>('GET', `${litmus}/chaosresults/${name}`);

/** The shared fixture engine with probes, renamed into the test namespace and given an outcome. */
async function applyEngine(name: string, outcome: Outcome): Promise<ChaosEngine> {
  const engine = loadFixture<ChaosEngine>('litmus/engines/pod-delete-chaosengine-with-probes.yaml');
  engine.metadata = { name, namespace, annotations: { [outcomeAnnotation]: outcome } };
  // Server-side apply, as chaos-gate applies engines.
  return ok<ChaosEngine>(
    'PATCH',
    `${litmus}/chaosengines/${name}?fieldManager=sandbox-test&force=true`,
    engine,
    'application/apply-patch+yaml',
  );
}

before(async () => {
  const began = Date.now();
  sandbox = await startSandbox();
  console.error(`sandbox started in ${Date.now() - began} ms at ${sandbox.server}`);
  await sandbox.createNamespace(namespace);
  // server + token + CA: the connection a test without a KubeConfig would use.
  const connection = { server: sandbox.server, token: sandbox.adminToken, caPem: sandbox.caPem, namespace };
  operator = await startFakeOperator({ ...connection, stepMs: 200, runMs: 1200 });
  argo = await startFakeWorkflowController({ ...connection, stepMs: 200 });
});

after(async () => {
  await operator?.stop();
  await argo?.stop();
  await sandbox?.stop();
});

describe('sandbox API server', () => {
  test('serves TLS verified by the CA in its kubeconfig, with the admin token', async () => {
    const kubeconfig = parse(readFileSync(sandbox.kubeconfigPath, 'utf8')) as {
      'current-context': string;
      clusters: { cluster: Record<string, string> }[];
      contexts: { name: string; context: { namespace: string } }[];
    };
    assert.equal(kubeconfig['current-context'], 'sandbox');
    assert.equal(kubeconfig.contexts[0]?.context.namespace, 'default');
    const cluster = kubeconfig.clusters[0]?.cluster ?? {};
    assert.equal(cluster.server, sandbox.server);
    assert.equal(cluster['insecure-skip-tls-verify'], undefined);
    assert.equal(
      Buffer.from(cluster['certificate-authority-data'] ?? '', 'base64').toString(),
      sandbox.caPem,
    );
    const version = await ok<{ major: string; minor: string }>('GET', '/version');
    assert.equal(version.major, '1');
    assert.equal((await call('GET', '/readyz')).status, 200);
    assert.equal(
      (await call('GET', `/api/v1/namespaces/${namespace}`, { token: 'not-a-token' })).status,
      401,
    );
  });

  test('enforces RBAC: a minted ServiceAccount token with no bindings gets 403', async () => {
    const token = await sandbox.mintToken(namespace, 'nobody');
    const review = await call<{ status: { userInfo: { username: string } } }>(
      'POST',
      '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      { token, body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } },
    );
    assert.equal(review.status, 201, JSON.stringify(review.body));
    assert.equal(review.body.status.userInfo.username, `system:serviceaccount:${namespace}:nobody`);
    const denied = await call<{ reason: string; message: string }>('GET', `${litmus}/chaosengines`, {
      token,
    });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.reason, 'Forbidden');
    assert.match(denied.body.message, /cannot list resource "chaosengines" in API group "litmuschaos.io"/);
    assert.equal((await call('GET', `${litmus}/chaosengines`)).status, 200, 'the admin may');

    // A Role + RoleBinding turn the 403 into a 200: RBAC is evaluated, not just denied.
    await ok('POST', `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/roles`, {
      metadata: { name: 'engine-reader' },
      rules: [{ apiGroups: ['litmuschaos.io'], resources: ['chaosengines'], verbs: ['list'] }],
    });
    await ok('POST', `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`, {
      metadata: { name: 'engine-reader' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'engine-reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'nobody', namespace }],
    });
    await eventually(
      'list allowed after the binding',
      () => call('GET', `${litmus}/chaosengines`, { token }),
      (res) => res.status === 200,
    );
  });

  test('has the Litmus and Argo CRDs Established and served', async () => {
    const crds = [
      ['chaosengines.litmuschaos.io', `${litmus}/chaosengines`],
      ['chaosexperiments.litmuschaos.io', `${litmus}/chaosexperiments`],
      ['chaosresults.litmuschaos.io', `${litmus}/chaosresults`],
      ['workflows.argoproj.io', workflows],
      [
        'workflowtemplates.argoproj.io',
        `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflowtemplates`,
      ],
      ['clusterworkflowtemplates.argoproj.io', '/apis/argoproj.io/v1alpha1/clusterworkflowtemplates'],
    ] as const;
    for (const [name, list] of crds) {
      const crd = await ok<{ status: { conditions: { type: string; status: string }[] } }>(
        'GET',
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`,
      );
      assert.ok(
        crd.status.conditions.some((c) => c.type === 'Established' && c.status === 'True'),
        `${name} Established`,
      );
      assert.equal((await call('GET', list)).status, 200, list);
    }
    // The ChaosEngine schema is enforced (engineState must be active|stop).
    const invalid = await call('POST', `${litmus}/chaosengines`, {
      body: {
        apiVersion: 'litmuschaos.io/v1alpha1',
        kind: 'ChaosEngine',
        metadata: { name: 'bad' },
        spec: { engineState: 'paused' },
      },
    });
    assert.equal(invalid.status, 422, JSON.stringify(invalid.body));
  });
});

describe('fake Litmus operator', () => {
  test('pass: Running/Awaited first, then a Pass ChaosResult and a completed, stopped engine', async () => {
    const name = 'it-pass';
    const applied = await applyEngine(name, 'pass');
    await operator.waitFor(name, 'initialized');
    const running = await readResult(`${name}-pod-delete`);
    assert.deepEqual(running.status?.experimentStatus, {
      phase: 'Running',
      verdict: 'Awaited',
      probeSuccessPercentage: 'Awaited',
    });
    assert.deepEqual(
      running.status?.probeStatuses?.map((p) => p.status?.verdict),
      ['Awaited', 'Awaited'],
    );
    const initialized = await readEngine(name);
    assert.equal(initialized.status?.engineStatus, 'initialized');
    assert.deepEqual(
      initialized.status?.experiments?.map((e) => [e.name, e.status, e.verdict]),
      [['pod-delete', 'Running', 'Awaited']],
    );

    const engine = await eventually(
      'engine completed',
      () => readEngine(name),
      (e) => e.status?.engineStatus === 'completed',
    );
    assert.equal(engine.spec?.engineState, 'stop', 'the operator sets engineState: stop on completion');
    assert.deepEqual(
      engine.status?.experiments?.map((e) => [e.status, e.verdict]),
      [['Completed', 'Pass']],
    );
    const result = await readResult(`${name}-pod-delete`);
    assert.equal(result.metadata.labels?.chaosUID, applied.metadata.uid);
    assert.equal(result.metadata.labels?.name, 'pod-delete');
    assert.deepEqual(result.spec, { engine: name, experiment: 'pod-delete' });
    assert.deepEqual(result.status?.experimentStatus, {
      phase: 'Completed',
      verdict: 'Pass',
      probeSuccessPercentage: '100',
    });
    assert.deepEqual(
      result.status?.probeStatuses?.map((p) => [p.name, p.type, p.mode, p.status?.verdict]),
      [
        ['check-frontend-access-url', 'httpProbe', 'Continuous', 'Passed'],
        ['check-nginx-ready-replicas', 'cmdProbe', 'Edge', 'Passed'],
      ],
    );
    assert.equal(result.status?.history?.passedRuns, 1);
    assert.ok(!operator.aborted.has(name), 'its own engineState: stop is no abort');
  });

  test('fail-probe: Completed_With_Probe_Failure / Fail, one probe Failed, 50 %', async () => {
    const name = 'it-fail-probe';
    await applyEngine(name, 'fail-probe');
    const engine = await eventually(
      'engine completed',
      () => readEngine(name),
      (e) => e.status?.engineStatus === 'completed',
    );
    assert.equal(engine.status?.experiments?.[0]?.verdict, 'Fail');
    const result = await readResult(`${name}-pod-delete`);
    assert.deepEqual(result.status?.experimentStatus, {
      phase: 'Completed_With_Probe_Failure',
      verdict: 'Fail',
      probeSuccessPercentage: '50',
    });
    const [failed, passed] = result.status?.probeStatuses ?? [];
    assert.deepEqual(failed?.status, {
      verdict: 'Failed',
      description: 'Actual value: 503. Expected value: should be equal to 200',
    });
    assert.equal(passed?.status?.verdict, 'Passed');
    assert.equal(result.status?.history?.failedRuns, 1);
  });

  test('fail-experiment: Error / Error with errorOutput, probes N/A', async () => {
    const name = 'it-error';
    await applyEngine(name, 'fail-experiment');
    await eventually(
      'engine completed',
      () => readEngine(name),
      (e) => e.status?.engineStatus === 'completed',
    );
    const result = await readResult(`${name}-pod-delete`);
    const status = result.status?.experimentStatus;
    assert.equal(status?.phase, 'Error');
    assert.equal(status?.verdict, 'Error');
    assert.equal(status?.errorOutput?.errorCode, 'TARGET_SELECTION_ERROR');
    assert.equal((JSON.parse(status?.errorOutput?.reason ?? '{}') as { phase: string }).phase, 'ChaosInject');
    assert.deepEqual(
      result.status?.probeStatuses?.map((p) => p.status?.verdict),
      ['N/A', 'N/A'],
    );
  });

  test('never + engineState: stop aborts: Stopped result, Forcefully Aborted engine', async () => {
    const name = 'it-abort';
    await applyEngine(name, 'never');
    await operator.waitFor(name, 'initialized');
    await sleep(1500); // longer than runMs: a "never" engine must still be running
    assert.equal((await readResult(`${name}-pod-delete`)).status?.experimentStatus?.verdict, 'Awaited');
    assert.equal((await readEngine(name)).status?.engineStatus, 'initialized');

    await ok(
      'PATCH',
      `${litmus}/chaosengines/${name}`,
      { spec: { engineState: 'stop' } },
      'application/merge-patch+json',
    );
    const engine = await eventually(
      'engine stopped',
      () => readEngine(name),
      (e) => e.status?.engineStatus === 'stopped',
    );
    assert.deepEqual(
      engine.status?.experiments?.map((e) => [e.status, e.verdict]),
      [['Forcefully Aborted', 'Stopped']],
    );
    const result = await readResult(`${name}-pod-delete`);
    assert.deepEqual(result.status?.experimentStatus, {
      phase: 'Stopped',
      verdict: 'Stopped',
      probeSuccessPercentage: '0',
    });
    assert.equal(result.status?.history?.stoppedRuns, 1);
    assert.deepEqual(Object.keys(result.metadata.labels ?? {}), ['chaosUID']);
    assert.ok(operator.aborted.has(name));
  });
});

describe('fake Argo workflow controller', () => {
  const workflow = (name: string, outcome: string): Workflow => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, annotations: { [outcomeAnnotation]: outcome } },
    spec: {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          steps: [
            [{ name: 'install', template: 'work' }],
            [
              { name: 'chaos', template: 'work' },
              { name: 'load', template: 'work' },
            ],
          ],
        },
        { name: 'work', container: { image: 'busybox' } },
      ],
    },
  });

  test('pass: Running, then Succeeded with the completed label, nodes and progress', async () => {
    const name = 'wf-pass';
    await ok('POST', workflows, workflow(name, 'pass'));
    await argo.waitFor(name, 'finished');
    const wf = await ok<Workflow>('GET', `${workflows}/${name}`);
    assert.equal(wf.status?.phase, 'Succeeded');
    assert.ok(wf.status?.finishedAt);
    assert.equal(wf.metadata.labels?.['workflows.argoproj.io/completed'], 'true');
    assert.equal(wf.metadata.labels?.['workflows.argoproj.io/phase'], 'Succeeded');
    assert.equal(wf.status?.progress, '3/3');
    const chaos = wf.status?.nodes?.[argoNodeId(name, `${name}[1].chaos`)];
    assert.equal(chaos?.phase, 'Succeeded');
    assert.equal(chaos?.displayName, 'chaos');
  });

  test('fail: Failed with the failed child in the message', async () => {
    const name = 'wf-fail';
    await ok('POST', workflows, workflow(name, 'fail'));
    await argo.waitFor(name, 'finished');
    const wf = await ok<Workflow>('GET', `${workflows}/${name}`);
    assert.equal(wf.status?.phase, 'Failed');
    assert.equal(wf.status?.message, `child '${argoNodeId(name, `${name}[1].chaos`)}' failed`);
  });

  test('spec.shutdown: Stop ends a never-ending workflow Failed, "Stopped with strategy"', async () => {
    const name = 'wf-stop';
    await ok('POST', workflows, workflow(name, 'never'));
    const install = argoNodeId(name, `${name}[0].install`);
    await eventually(
      'first step running',
      () => ok<Workflow>('GET', `${workflows}/${name}`),
      (w) => w.status?.phase === 'Running' && w.status.nodes?.[install]?.phase === 'Running',
    );
    await ok('PATCH', `${workflows}/${name}`, { spec: { shutdown: 'Stop' } }, 'application/merge-patch+json');
    const wf = await eventually(
      'stopped',
      () => ok<Workflow>('GET', `${workflows}/${name}`),
      (w) => w.metadata.labels?.['workflows.argoproj.io/completed'] === 'true',
    );
    assert.equal(wf.status?.phase, 'Failed');
    assert.equal(wf.status?.message, "Stopped with strategy 'Stop'");
    assert.equal(wf.status?.nodes?.[install]?.message, 'workflow shutdown with strategy:  Stop');
    assert.equal(
      wf.status?.nodes?.[argoNodeId(name, `${name}[1].chaos`)]?.message,
      'workflow shutdown with strategy: Stop',
      'a pod never created',
    );
  });
});

/** Pids of processes whose command line mentions `text` (a sandbox's temp dir). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('fake Argo + Litmus: a chaos workflow from the shared WorkflowTemplate', () => {
  test('the litmus-checker step creates the engine, waits for the operator, and the workflow Succeeds', async () => {
    const template = loadFixture<Workflow>('argo/templates/chaos-load-workflowtemplate.yaml');
    template.metadata.namespace = namespace;
    await ok('POST', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflowtemplates`, template);
    const submitted = loadFixture<Workflow & { metadata: { generateName?: string } }>(
      'argo/templates/chaos-load-workflow-from-template.yaml',
    );
    submitted.metadata.namespace = namespace;
    const parameters = (submitted.spec?.arguments as { parameters: { name: string; value: string }[] })
      .parameters;
    parameters.push({ name: 'adminModeNamespace', value: namespace });
    const wf = await ok<Workflow>('POST', workflows, submitted);
    const name = wf.metadata.name ?? '';
    assert.match(name, /^chaos-load-/);

    await argo.waitFor(name, 'finished', 30_000);
    const engine = await readEngine('nginx-pod-delete');
    assert.equal(engine.metadata.labels?.workflow_run_id, wf.metadata.uid, '{{workflow.uid}} substituted');
    assert.equal(
      engine.spec?.appinfo?.applabel,
      'app=podtato-main',
      'workflow argument over the template default',
    );
    assert.equal(engine.status?.engineStatus, 'completed');
    assert.equal((await readResult('nginx-pod-delete-pod-delete')).status?.experimentStatus?.verdict, 'Pass');
    const done = await ok<Workflow>('GET', `${workflows}/${name}`);
    assert.equal(done.status?.phase, 'Succeeded');
    const checker = done.status?.nodes?.[argoNodeId(name, `${name}[1].pod-delete`)];
    assert.equal(checker?.phase, 'Succeeded');
    // Without the wait the workflow would end about 0.6 s after it started, long before the operator.
    const engineCompleted = (await operator.waitFor('nginx-pod-delete', 'completed')).at;
    assert.ok((await argo.waitFor(name, 'finished')).at >= engineCompleted, 'the checker step waited');
  });
});

describe('sandbox lifecycle', () => {
  test('a failed start throws with the log tails, kills both processes and keeps the logs', async () => {
    const error = await startSandbox({ crds: false, readyTimeoutMs: 1 }).then(
      () => assert.fail('started despite a 1 ms readiness timeout'),
      (e: Error) => e,
    );
    const dir = /logs kept in (\S+)\)/.exec(error.message)?.[1] ?? '';
    try {
      assert.match(error.message, /sandbox failed to start: \/readyz not 200/);
      assert.match(error.message, /--- \S+etcd\.log \(tail\)[\s\S]*--- \S+kube-apiserver\.log \(tail\)/);
      assert.ok(existsSync(path.join(dir, 'kube-apiserver.log')), `logs kept in ${dir}`);
      assert.deepEqual(processesMentioning(dir), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an interrupted process (SIGINT) leaves no etcd or kube-apiserver behind', async () => {
    const script = [
      `import { startSandbox } from ${JSON.stringify(path.join(repoRoot, 'test/support/sandbox.ts'))};`,
      'const sandbox = await startSandbox({ crds: false });',
      'console.log(sandbox.dir);',
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const dir = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once('exit', (code) => reject(new Error(`exited ${code} before starting`)));
    });
    assert.equal(processesMentioning(dir).length, 2, 'etcd and kube-apiserver running');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 130);
    await eventually(
      'processes gone',
      async () => processesMentioning(dir),
      (pids) => pids.length === 0,
      10_000,
    );
    assert.ok(!existsSync(dir), 'temp dir removed');
  });
});

describe('scripts/sandbox/sandbox.ts', () => {
  test('start leaves a detached sandbox running; stop ends it and removes its files', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-sandbox-cli-'));
    const cli = (command: string) =>
      spawnSync(process.execPath, [path.join(repoRoot, 'scripts/sandbox/sandbox.ts'), command, '--no-crds'], {
        encoding: 'utf8',
        env: { ...process.env, CHAOS_GATE_SANDBOX_HOME: home, CHAOS_GATE_KEEP_SANDBOX_LOGS: '' },
        timeout: 120_000,
      });
    try {
      const started = cli('start');
      assert.equal(started.status, 0, started.stderr);
      const state = JSON.parse(readFileSync(path.join(home, 'state.json'), 'utf8')) as SandboxState;
      assert.equal(started.stdout.trim(), state.kubeconfigPath);
      assert.ok(existsSync(state.kubeconfigPath));
      // The command has exited; its processes live on.
      assert.ok(pidRuns(state.pids.etcd, state.binaries.etcd), 'etcd running');
      assert.ok(pidRuns(state.pids.apiserver, state.binaries.apiserver), 'kube-apiserver running');
      assert.equal(cli('status').status, 0);

      const stopped = cli('stop');
      assert.equal(stopped.status, 0, stopped.stderr);
      assert.ok(!pidRuns(state.pids.etcd, state.binaries.etcd), 'etcd stopped');
      assert.ok(!pidRuns(state.pids.apiserver, state.binaries.apiserver), 'kube-apiserver stopped');
      assert.ok(!existsSync(state.dir), 'run dir removed');
      assert.ok(!existsSync(path.join(home, 'state.json')), 'state removed');
      assert.equal(cli('status').status, 1);
    } finally {
      cli('stop');
      rmSync(home, { recursive: true, force: true });
    }
  });
});
