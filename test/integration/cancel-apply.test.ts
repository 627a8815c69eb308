// A job cancelled while chaos-gate applies its objects: the built CLI against a real API server and
// the stand-in operator. What must hold: an engine whose apply was under way when the signal came is
// stopped once it lands, never left with `engineState: active`, and the run exits 143 with its
// experiments reported not started.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readEngine, watchedRun } from '../support/faults.ts';
import { engineFile, exampleRbac, uniqueName, useSandbox, workDir } from './helpers.ts';

const namespace = 'cancel-apply';
const env = useSandbox(namespace);

interface JsonReport {
  suites: { name: string; cases: { kind: string; outcome: string; message?: string }[] }[];
}

test('SIGTERM while the engine is being applied: it lands, is stopped, and the run exits 143', async () => {
  const dir = workDir();
  const name = uniqueName('applying');
  const json = path.join(dir, 'r.json');
  const started = watchedRun([
    'run',
    '--kubeconfig',
    env.sandbox.kubeconfigPath,
    '--namespace',
    namespace,
    '--rbac',
    exampleRbac,
    '--engine',
    engineFile(dir, name, 'never', namespace),
    '--cleanup',
    'never',
    // A failure ends in seconds, not in the 5 minutes of the default.
    '--stop-timeout',
    '20s',
    '--json',
    json,
  ]);
  // The RBAC has landed, so the engine's apply goes out next, in the same turn of the CLI's event
  // loop: frozen, the server cannot answer it before the signal comes, however busy the machine is.
  await started.reached(new RegExp(`applied RoleBinding ${namespace}/pod-delete-sa`));
  env.sandbox.apiserver.freeze();
  try {
    started.kill('SIGTERM');
    await started.reached(/received SIGTERM: stopping the chaos/, 'stderr');
  } finally {
    env.sandbox.apiserver.thaw();
  }
  const result = await started.done;

  assert.equal(result.code, 143, result.stdout + result.stderr);
  // The apply under way was answered after the signal, and what it created was stopped.
  assert.match(
    result.stdout,
    new RegExp(
      `applied ChaosEngine ${namespace}/${name}[\\s\\S]*cancelled by SIGTERM: stopping the chaos[\\s\\S]*stopped ChaosEngine ${namespace}/${name}`,
    ),
  );
  const engine = await readEngine(env.sandbox.kc, namespace, name);
  assert.equal(engine?.spec?.engineState, 'stop', 'no engine is left active');
  assert.equal(engine?.status?.engineStatus, 'stopped');
  assert.ok(env.operator.aborted.has(name), 'the operator aborted its chaos');
  const report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
  assert.deepEqual(
    report.suites.flatMap((s) => s.cases.map((c) => [s.name, c.kind, c.outcome, c.message])),
    [
      [
        `${namespace}/${name}`,
        'experiment',
        'stopped',
        'no verdict: the experiment had not started when the run was cancelled (SIGTERM)',
      ],
    ],
  );
});
