// The test harness itself: the sandbox is a real API server (TLS with its own CA, RBAC, TokenRequest,
// the Litmus and Argo CRDs), the Litmus stand-in writes what Litmus writes, and the real Argo
// workflow-controller runs workflows with the test playing the kubelet and the executor.
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
import type { Workflow } from '../../src/argo/types.ts';
import { startArgoController, type ArgoController } from '../support/argo-controller.ts';
import {
  outcomeAnnotation,
  startFakeOperator,
  type FakeOperator,
  type Outcome,
} from '../support/fake-operator.ts';
import { loadFixture, repoRoot } from '../support/fixtures.ts';
import { pidRuns, startSandbox, type Sandbox, type SandboxState } from '../support/sandbox.ts';

let sandbox: Sandbox;
let operator: FakeOperator;
let argo: ArgoController;
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

/** The fixture engine with probes, renamed into the test namespace and given an outcome. */
async function applyEngine(name: string, outcome: Outcome): Promise<ChaosEngine> {
  const engine = loadFixture<ChaosEngine>('litmus/engines/pod-delete-with-probes.yaml');
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
  argo = await startArgoController({ sandbox, namespace, stepMs: 200 });
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
    // The release is stamped into the binary, as clients that read /version expect.
    const version = await ok<{ major: string; minor: string; gitVersion: string }>('GET', '/version');
    assert.deepEqual([version.gitVersion, version.major, version.minor], ['v1.34.4', '1', '34']);
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
      [
        'workflowtaskresults.argoproj.io',
        `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflowtaskresults`,
      ],
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
    // Probe durations are strings since Litmus 3.0: a 2.x engine with integers is rejected.
    const legacy = loadFixture<ChaosEngine>('litmus/engines/legacy-2x-int-timeouts.yaml');
    const rejected = await call<{ message: string }>('POST', `${litmus}/chaosengines?dryRun=All`, {
      body: legacy,
    });
    assert.equal(rejected.status, 422, JSON.stringify(rejected.body));
    assert.match(
      rejected.body.message,
      /runProperties\.probeTimeout: Invalid value: "integer": .*must be of type string/,
    );
    // A ChaosResult keeps whatever status shape its writer used (here Litmus 2.13's probeStatus maps).
    const old = loadFixture<ChaosResult>('litmus/results/chaosresult-2.13-legacy-probestatus-map.yaml');
    old.metadata = { name: 'legacy-213', namespace };
    const stored = await ok<ChaosResult>('POST', `${litmus}/chaosresults`, old);
    assert.deepEqual(stored.status, old.status);
  });

  test('prunes a key Litmus 3 does not read from an experiment and its probes, as a real cluster does', async () => {
    const runProperties = { probeTimeout: '5s', interval: '2s' };
    const get = { criteria: '==', responseCode: '200' };
    const engine = (experimentSpec: Record<string, unknown>) => ({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosEngine',
      metadata: { name: 'pruned', namespace },
      spec: { engineState: 'active', experiments: [{ name: 'pod-delete', spec: experimentSpec }] },
    });
    const probe = { name: 'up', type: 'httpProbe', mode: 'Continuous', runProperties };
    // Misspelt where upstream declares the fields; components keep any key, as upstream's do.
    const stored = await ok<ChaosEngine>(
      'POST',
      `${litmus}/chaosengines?dryRun=All`,
      engine({
        rnak: 1,
        components: { newerField: 'kept' },
        probe: [
          {
            ...probe,
            mdoe: 'EOT',
            'httpProbe/inputs': { url: 'http://x', method: { get: { ...get, responsecode: '201' } } },
          },
        ],
      }),
    );
    assert.deepEqual(
      stored.spec,
      engine({
        components: { newerField: 'kept' },
        probe: [{ ...probe, 'httpProbe/inputs': { url: 'http://x', method: { get } } }],
      }).spec,
    );
  });

  test('prunes a key Litmus 3 does not read from the runner, sidecars and the Kubernetes types of an experiment, as a real cluster does', async () => {
    const engine = (spec: Record<string, unknown>) => ({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosEngine',
      metadata: { name: 'pruned-components', namespace },
      spec: { engineState: 'active', ...spec },
    });
    const env = { name: 'TOTAL_CHAOS_DURATION', value: '30' };
    const toleration = { key: 'chaos', operator: 'Exists' };
    const stored = await ok<ChaosEngine>(
      'POST',
      `${litmus}/chaosengines?dryRun=All`,
      engine({
        components: {
          exporter: { image: 'x' },
          // The runner keeps keys upstream does not declare (args); its tolerations are declared, and its
          // annotations declare no key, so each is pruned.
          runner: {
            image: 'r',
            args: ['-v'],
            tolerations: [{ ...toleration, efect: 'NoSchedule' }],
            runnerAnnotations: { 'sidecar.istio.io/inject': 'false' },
          },
          sidecar: [{ image: 's', imagePolicy: 'Always', env: [{ ...env, vlaue: '60' }] }],
        },
        experiments: [
          {
            name: 'pod-delete',
            spec: {
              components: {
                newerField: 'kept',
                env: [{ ...env, valueFrom: { fileKeyRef: { path: 'p', key: 'k' } } }],
                tolerations: [{ ...toleration, tolerationSecs: 5 }],
                statusCheckTimeouts: { delay: 2, timout: 180 },
              },
            },
          },
        ],
      }),
    );
    assert.deepEqual(
      stored.spec,
      engine({
        components: {
          runner: { image: 'r', args: ['-v'], tolerations: [toleration], runnerAnnotations: {} },
          sidecar: [{ image: 's', env: [env] }],
        },
        experiments: [
          {
            name: 'pod-delete',
            spec: {
              components: {
                newerField: 'kept',
                env: [{ ...env, valueFrom: {} }],
                tolerations: [toleration],
                statusCheckTimeouts: { delay: 2 },
              },
            },
          },
        ],
      }).spec,
    );
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

describe('the real Argo workflow-controller with the played kubelet and executor', () => {
  const workflowsOf = (name: string) => ok<Workflow>('GET', `${workflows}/${name}`);
  const pods = (selector: string) =>
    ok<{
      items: {
        metadata: { name: string; annotations: Record<string, string> };
        spec: { containers: { name: string }[]; initContainers: { name: string }[] };
        status: {
          phase: string;
          containerStatuses: { name: string; state: { terminated?: { exitCode: number } } }[];
        };
      }[];
    }>('GET', `/api/v1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(selector)}`);

  test('a steps workflow: a pod per step, finished by the played kubelet, reported by the executor; Succeeded', async () => {
    const wf = await ok<Workflow>('POST', workflows, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'harness-' },
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
          { name: 'work', container: { image: 'busybox:1.36', command: ['true'] } },
        ],
      },
    });
    const name = wf.metadata.name ?? '';
    const done = await eventually(
      'workflow completed',
      () => workflowsOf(name),
      (w) => w.metadata.labels?.['workflows.argoproj.io/completed'] === 'true',
    );
    assert.equal(done.status?.phase, 'Succeeded');
    assert.equal(done.status?.progress, '3/3');
    assert.ok(done.status?.finishedAt);
    const chaos = Object.values(done.status?.nodes ?? {}).find((n) => n.name === `${name}[1].chaos`);
    assert.equal(chaos?.phase, 'Succeeded');
    assert.match(chaos?.id ?? '', new RegExp(`^${name}-\\d+$`), 'node ids are <workflow>-<fnv hash>');

    // What the controller created and the kubelet and executor wrote.
    const { items } = await pods(`workflows.argoproj.io/workflow=${name}`);
    assert.equal(items.length, 3);
    for (const pod of items) {
      assert.deepEqual(
        pod.spec.initContainers.map((c) => c.name),
        ['init'],
      );
      assert.deepEqual(pod.spec.containers.map((c) => c.name).sort(), ['main', 'wait']);
      assert.equal(pod.status.phase, 'Succeeded');
      assert.ok(pod.status.containerStatuses.every((c) => c.state.terminated?.exitCode === 0));
      const nodeId = pod.metadata.annotations['workflows.argoproj.io/node-id'] ?? '';
      const result = await ok<{
        metadata: { ownerReferences: { uid: string }[] };
        outputs: { exitCode: string };
      }>('GET', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflowtaskresults/${nodeId}`);
      assert.equal(result.outputs.exitCode, '0');
      assert.equal(result.metadata.ownerReferences[0]?.uid, wf.metadata.uid);
    }
  });

  test('a litmus-checker step creates its engine from the artifact and ends only when the operator has finished it', async () => {
    const template = loadFixture<Workflow>('argo/chaos-load-workflowtemplate.yaml');
    template.metadata.namespace = namespace;
    await ok('POST', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflowtemplates`, template);
    const wf = await ok<Workflow>('POST', workflows, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'chaos-load-' },
      spec: {
        workflowTemplateRef: { name: 'chaos-load' },
        arguments: {
          parameters: [
            { name: 'adminModeNamespace', value: namespace },
            { name: 'appLabel', value: 'app=podtato-main' },
          ],
        },
      },
    });
    const name = wf.metadata.name ?? '';
    const done = await eventually(
      'workflow completed',
      () => workflowsOf(name),
      (w) => w.metadata.labels?.['workflows.argoproj.io/completed'] === 'true',
      30_000,
    );
    assert.equal(done.status?.phase, 'Succeeded');
    const engine = await readEngine('nginx-pod-delete');
    assert.equal(engine.metadata.labels?.workflow_run_id, wf.metadata.uid, '{{workflow.uid}} substituted');
    assert.equal(
      engine.spec?.appinfo?.applabel,
      'app=podtato-main',
      'workflow argument over the template default',
    );
    assert.equal(engine.status?.engineStatus, 'completed');
    assert.equal((await readResult('nginx-pod-delete-pod-delete')).status?.experimentStatus?.verdict, 'Pass');
    // The checker pod ends after the operator completed the engine (it polls the engine status).
    const engineCompleted = (await operator.waitFor('nginx-pod-delete', 'completed')).at;
    const checkerDone = argo.events.find(
      (e) => e.type === 'pod-succeeded' && e.name === name && e.detail?.startsWith(`${name}[0].pod-delete `),
    );
    assert.ok(checkerDone && checkerDone.at >= engineCompleted, 'the checker step waited for the engine');
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
