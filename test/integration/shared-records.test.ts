// Records of runs on shared RBAC against a real API server: each run records itself on the RBAC it
// shares, and the object goes with the last record. A run killed with SIGKILL never removes its own;
// a later run's cleanup removes it once that run is provably over, so the RBAC does not stay for good,
// and never the record of a run still going.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CoordinationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
  V1MicroTime,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { watchedRun } from '../support/faults.ts';
import { engineFile, exampleRbac, uniqueName, useSandbox, workDir } from './helpers.ts';

const namespace = 'records';
const env = useSandbox(namespace);

const run = (args: string[]) =>
  watchedRun([
    'run',
    '--kubeconfig',
    env.sandbox.kubeconfigPath,
    '--namespace',
    namespace,
    '--rbac',
    exampleRbac,
    ...args,
  ]);
const running = (name: string) => new RegExp(`\\[chaos\\] ${namespace}/${name} pod-delete: Running`);
const serviceAccounts = async () =>
  (await env.sandbox.kc.makeApiClient(CoreV1Api).listNamespacedServiceAccount({ namespace })).items.map(
    (i) => i.metadata?.name,
  );
const rbac: KubernetesObject[] = [
  { apiVersion: 'v1', kind: 'ServiceAccount' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
].map((ref) => ({ ...ref, metadata: { name: 'pod-delete-sa', namespace } }));

/** Makes `runId`'s records on the shared RBAC as old as `minutes`: the time they were written is all the test moves. */
async function ageRecords(runId: string, minutes: number): Promise<void> {
  const objects = KubernetesObjectApi.makeApiClient(env.sandbox.kc);
  for (const ref of rbac) {
    const current = await objects.read(ref as KubernetesObject & { metadata: { name: string } });
    const annotations = { ...current.metadata?.annotations };
    for (const [key, value] of Object.entries(annotations)) {
      if (!key.startsWith('users.chaos-gate.io/')) continue;
      // A record of an earlier release holds the run id alone, and no time to move.
      const record = (value.startsWith('{') ? JSON.parse(value) : { run: value }) as { run: string };
      if (record.run === runId)
        annotations[key] = JSON.stringify({
          ...record,
          at: new Date(Date.now() - minutes * 60_000).toISOString(),
        });
    }
    await objects.replace({ ...current, metadata: { ...current.metadata, annotations } });
  }
}

test("a killed run's record is removed by a later run's cleanup once that run is over, and the shared RBAC with it", async () => {
  const dir = workDir();
  const runId = uniqueName('killed');
  const killed = uniqueName('killed');
  const a = run([
    '--run-id',
    runId,
    '--engine',
    engineFile(dir, killed, 'never', namespace),
    '--timeout',
    '60s',
  ]);
  await a.reached(running(killed));
  a.kill('SIGKILL');
  await a.done;

  // Its chaos stopped and deleted by hand, its lease expired: nothing of the run is left but its records.
  await env.sandbox.kc.makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    namespace,
    plural: 'chaosengines',
    name: killed,
  });
  const leases = env.sandbox.kc.makeApiClient(CoordinationV1Api);
  const name = `chaos-gate-run-${runId}`;
  const lease = await leases.readNamespacedLease({ namespace, name });
  const then = new V1MicroTime(Date.now() - 120_000);
  await leases.replaceNamespacedLease({
    namespace,
    name,
    body: { ...lease, spec: { ...lease.spec, renewTime: then, acquireTime: then } },
  });

  // Recorded a moment ago, it could be a run between its RBAC and its engines: kept.
  const soon = await run(['--engine', engineFile(dir, uniqueName('soon'), 'pass', namespace)]).done;
  assert.equal(soon.code, 0, soon.stdout + soon.stderr);
  assert.match(
    soon.stdout,
    new RegExp(`kept 3 shared object\\(s\\): .*\\(still used by [^)]*run ${runId}\\)`),
  );
  assert.ok((await serviceAccounts()).includes('pod-delete-sa'));

  await ageRecords(runId, 11);
  const later = await run(['--engine', engineFile(dir, uniqueName('later'), 'pass', namespace)]).done;
  assert.equal(later.code, 0, later.stdout + later.stderr);
  assert.match(
    later.stdout,
    new RegExp(
      `cleanup: removed the record of run ${runId} from 3 shared object\\(s\\) \\(RoleBinding ${namespace}/pod-delete-sa, Role ${namespace}/pod-delete-sa, ServiceAccount ${namespace}/pod-delete-sa\\): ` +
        `its run is over: recorded at \\S+, no Lease ${name} of its own held, and no ChaosEngine or Workflow labelled chaos-gate.io/run=${runId} left in namespace ${namespace}`,
    ),
  );
  assert.ok(
    !(await serviceAccounts()).includes('pod-delete-sa'),
    'the shared RBAC went with the last record',
  );
});

test("a live run's record is kept however old, while it holds its lease and its chaos runs", async () => {
  const dir = workDir();
  const runId = uniqueName('live');
  const live = uniqueName('live');
  const a = run([
    '--run-id',
    runId,
    '--engine',
    engineFile(dir, live, 'never', namespace),
    '--timeout',
    '60s',
  ]);
  await a.reached(running(live));
  await ageRecords(runId, 11);

  const other = await run(['--engine', engineFile(dir, uniqueName('other'), 'pass', namespace)]).done;
  assert.equal(other.code, 0, other.stdout + other.stderr);
  assert.doesNotMatch(other.stdout, /removed the record of run/);
  assert.match(
    other.stdout,
    new RegExp(`kept 3 shared object\\(s\\): .*\\(still used by [^)]*run ${runId}\\)`),
  );
  assert.ok((await serviceAccounts()).includes('pod-delete-sa'), 'the live run keeps its RBAC');
  assert.ok(!env.operator.aborted.has(live), 'its chaos runs on');

  a.kill('SIGTERM');
  assert.equal((await a.done).code, 143);
  assert.ok(!(await serviceAccounts()).includes('pod-delete-sa'), 'the live run was the last to use it');
});
