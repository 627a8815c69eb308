// Two builds of one pipeline given the same run id (a stable `run-id: ${{ matrix.cluster }}`) on one
// cluster: everything chaos-gate applies carries the run id as its label, and a run finds what it
// started by it, so one build must not start while another's chaos under that id runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoreV1Api } from '@kubernetes/client-node';
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

test('a run under the run id of one whose chaos still runs is refused (exit 2) naming that chaos; nothing applied', async () => {
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
  assert.match(
    b.stderr,
    new RegExp(
      `preflight failed, nothing was applied:\nrun id ${runId} already labels chaos that has not finished: ChaosEngine ${namespace}/${first} \\(engineStatus initialized\\)\\..*Give each run its own run id \\(--run-id; left unset, one is generated\\)`,
    ),
  );
  assert.equal(await readEngine(env.sandbox.kc, namespace, second), undefined, 'nothing applied');
  assert.ok((await serviceAccounts()).includes('pod-delete-sa'), "the first run's RBAC is still there");
  assert.ok(!env.operator.aborted.has(first), "the first run's chaos runs on");

  a.kill('SIGTERM');
  assert.equal((await a.done).code, 143);
  // What a finished run left (cleanup never) is no chaos: the next run under the id goes ahead.
  const kept = await runUnder(engineFile(dir, uniqueName('kept'), 'pass', namespace), '--cleanup', 'never')
    .done;
  assert.equal(kept.code, 0, kept.stdout + kept.stderr);
  const again = await runUnder(engineFile(dir, second, 'pass', namespace)).done;
  assert.equal(again.code, 0, again.stdout + again.stderr);
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
