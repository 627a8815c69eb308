// Two builds of one pipeline given the same run id (a stable `run-id: ${{ matrix.cluster }}`) on one
// cluster: everything chaos-gate applies carries the run id as its label, and a run finds what it
// started by it, so one build must not start while another under that id runs. The run id's Lease
// makes that atomic; the check of what still runs covers a run killed before it stopped its chaos.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CoordinationV1Api, CoreV1Api, CustomObjectsApi, V1MicroTime } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { readEngine, watchedRun } from '../support/faults.ts';
import { engineFile, exampleRbac, uniqueName, useSandbox, workDir } from './helpers.ts';

const namespace = 'shared';
const env = useSandbox(namespace);

const run = (args: string[]) =>
  watchedRun(['run', '--kubeconfig', env.sandbox.kubeconfigPath, '--namespace', namespace, ...args]);
const running = (name: string) => new RegExp(`\\[chaos\\] ${namespace}/${name} pod-delete: Running`);
const serviceAccounts = async () =>
  (await env.sandbox.kc.makeApiClient(CoreV1Api).listNamespacedServiceAccount({ namespace })).items.map(
    (i) => i.metadata?.name,
  );
const leases = () => env.sandbox.kc.makeApiClient(CoordinationV1Api);
const leaseOf = async (runId: string) =>
  leases()
    .readNamespacedLease({ namespace, name: `chaos-gate-run-${runId}` })
    .catch(() => undefined);
const refusedHeld = (runId: string) =>
  new RegExp(
    `preflight failed, nothing was applied:\nrun id ${runId} is held by another run: host \\S+ pid \\d+, since .*\\(Lease ${namespace}/chaos-gate-run-${runId}\\)\\..*` +
      `Give each run its own run id \\(--run-id; left unset, one is generated\\).*` +
      // The command reaches the cluster the run reached: the kubeconfig it was given.
      `kubectl --kubeconfig ${env.sandbox.kubeconfigPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} delete lease -n ${namespace} chaos-gate-run-${runId}`,
  );

test('a run under the run id of one still going is refused (exit 2) naming its holder; nothing applied', async () => {
  const dir = workDir();
  const runId = uniqueName('eu');
  const first = uniqueName('first');
  const second = uniqueName('second');
  const runUnder = (engine: string, ...more: string[]) =>
    run(['--run-id', runId, '--rbac', exampleRbac, '--engine', engine, ...more]);
  const a = runUnder(engineFile(dir, first, 'never', namespace), '--timeout', '60s');
  await a.reached(running(first));

  // Unguarded, its post step, had it been killed, stopped the first's engine.
  const b = await runUnder(engineFile(dir, second, 'pass', namespace)).done;
  assert.equal(b.code, 2, b.stdout + b.stderr);
  assert.match(b.stderr, refusedHeld(runId));
  assert.equal(await readEngine(env.sandbox.kc, namespace, second), undefined, 'nothing applied');
  assert.ok((await serviceAccounts()).includes('pod-delete-sa'), "the first run's RBAC is still there");
  assert.ok(!env.operator.aborted.has(first), "the first run's chaos runs on");
  assert.ok(await leaseOf(runId), 'the refused run left the lease to its holder');

  a.kill('SIGTERM');
  assert.equal((await a.done).code, 143);
  assert.equal(await leaseOf(runId), undefined, 'a run lets go of its run id when it ends');
});

test('two runs started at once under one run id: exactly one goes ahead, the other applies nothing', async () => {
  const dir = workDir();
  const runId = uniqueName('race');
  const names = [uniqueName('left'), uniqueName('right')];
  const both = await Promise.all(
    names.map(
      (name) =>
        run(['--run-id', runId, '--rbac', exampleRbac, '--engine', engineFile(dir, name, 'pass', namespace)])
          .done,
    ),
  );
  const codes = both.map((b) => b.code).sort();
  assert.deepEqual(codes, [0, 2], both.map((b) => b.stdout + b.stderr).join('\n---\n'));
  const refused = both.findIndex((b) => b.code === 2);
  assert.match(both[refused]?.stderr ?? '', refusedHeld(runId));
  assert.doesNotMatch(both[refused]?.stdout ?? '', /applied/, 'the refused run applied nothing');
  assert.equal(await leaseOf(runId), undefined, 'the lease is gone after the runs');
});

test('a run under the id of one past its preflight but not yet applying is refused: the id is locked, not looked for', async () => {
  const dir = workDir();
  const runId = uniqueName('window');
  const first = uniqueName('first');
  const second = uniqueName('second');
  // A load's baseline runs between the first run's preflight and its apply: nothing of it is labelled
  // with the run id yet, so looking for its chaos finds none.
  const config = path.join(dir, 'load.yaml');
  writeFileSync(config, stringify({ load: { command: ['sleep', '30'], leadTime: '5s', tail: '1s' } }));
  const runUnder = (engine: string, ...more: string[]) =>
    run(['--run-id', runId, '--rbac', exampleRbac, '--engine', engine, ...more]);
  const a = runUnder(engineFile(dir, first, 'pass', namespace), '--config', config);
  await a.reached(/load running; chaos starts after a 5s baseline/);

  const b = await runUnder(engineFile(dir, second, 'pass', namespace)).done;
  assert.equal(b.code, 2, b.stdout + b.stderr);
  assert.match(b.stderr, refusedHeld(runId));
  assert.equal(await readEngine(env.sandbox.kc, namespace, second), undefined, 'nothing applied');
  const finished = await a.done;
  assert.equal(finished.code, 0, finished.stdout + finished.stderr);
});

test('a killed run holds its run id until its lease expires; then the next run takes it over', async () => {
  const dir = workDir();
  const runId = uniqueName('killed');
  const killed = uniqueName('killed');
  const runUnder = (engine: string, ...more: string[]) =>
    run(['--run-id', runId, '--rbac', exampleRbac, '--engine', engine, ...more]);
  const a = runUnder(engineFile(dir, killed, 'never', namespace), '--timeout', '60s');
  await a.reached(running(killed));
  a.kill('SIGKILL');
  await a.done;

  const early = await runUnder(engineFile(dir, uniqueName('early'), 'pass', namespace)).done;
  assert.equal(early.code, 2, early.stdout + early.stderr);
  assert.match(early.stderr, refusedHeld(runId));

  // A minute later, as far as the lease can tell: it was last renewed two minutes ago.
  const lease = await leaseOf(runId);
  assert.ok(lease?.spec);
  const then = new V1MicroTime(Date.now() - 120_000);
  await leases().replaceNamespacedLease({
    namespace,
    name: lease.metadata?.name ?? '',
    body: { ...lease, spec: { ...lease.spec, renewTime: then, acquireTime: then } },
  });
  // The killed run's chaos still runs: its lease has expired, but the run id is not free yet.
  const stillRunning = await runUnder(engineFile(dir, uniqueName('still'), 'pass', namespace)).done;
  assert.equal(stillRunning.code, 2, stillRunning.stdout + stillRunning.stderr);
  assert.match(
    stillRunning.stderr,
    new RegExp(
      `run id ${runId} already labels chaos that has not finished: ChaosEngine ${namespace}/${killed} `,
    ),
  );

  // That run took the expired lease over, and let go of it when refused. Once the killed run's chaos
  // is stopped by hand, a lease left expired by a killed run is taken over, and the run goes ahead.
  await env.sandbox.kc.makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    namespace,
    plural: 'chaosengines',
    name: killed,
  });
  await leases().createNamespacedLease({
    namespace,
    body: {
      metadata: { name: `chaos-gate-run-${runId}` },
      spec: { holderIdentity: 'ghost/killed', leaseDurationSeconds: 60, acquireTime: then, renewTime: then },
    },
  });
  const after = await runUnder(engineFile(dir, uniqueName('after'), 'pass', namespace)).done;
  assert.equal(after.code, 0, after.stdout + after.stderr);
  assert.equal(await leaseOf(runId), undefined, 'the lease is gone after a normal run');
});

test('a run under the id of a finished run that left its objects (cleanup never) keeps their shared RBAC', async () => {
  const dir = workDir();
  const runId = uniqueName('reuse');
  const runUnder = (engine: string, ...more: string[]) =>
    run(['--run-id', runId, '--rbac', exampleRbac, '--engine', engine, ...more]);
  const kept = await runUnder(engineFile(dir, uniqueName('kept'), 'pass', namespace), '--cleanup', 'never')
    .done;
  assert.equal(kept.code, 0, kept.stdout + kept.stderr);
  // What a finished run left is no chaos: the next run under the id goes ahead.
  const again = await runUnder(engineFile(dir, uniqueName('again'), 'pass', namespace)).done;
  assert.equal(again.code, 0, again.stdout + again.stderr);
  // The first run asked for its objects to stay: the second one's cleanup does not take its RBAC.
  assert.ok((await serviceAccounts()).includes('pod-delete-sa'), "the first run's RBAC is still there");
  assert.match(
    again.stdout,
    new RegExp(
      `cleanup: kept 3 shared object\\(s\\): .*ServiceAccount ${namespace}/pod-delete-sa \\(still used by .*run ${runId}\\)`,
    ),
  );
});
