// runGate end to end against the in-memory API, with the test playing the Litmus operator: what a
// user sees of preflight, apply order, the verdict, timeouts, cancellation and cleanup; and the log of
// runTargets over two of them.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import nock from 'nock';
import { main } from '../../../src/cli/main.ts';
import { resolveConfig } from '../../../src/config/load.ts';
import type { PartialConfig } from '../../../src/config/schema.ts';
import { CannotRunError } from '../../../src/errors.ts';
import { parseJsonReport } from '../../../src/report/json.ts';
import { warningsOf } from '../../../src/report/model.ts';
import { mergeGate } from '../../../src/run/merge.ts';
import type { GateOutcome } from '../../../src/run/outcome.ts';
import { loadSchema } from '../../../src/load/schema.ts';
import { progressLog } from '../../../src/run/progress.ts';
import { validateRun } from '../../../src/run/inputs.ts';
import { PreflightRefused, runGate, type RunContext } from '../../../src/run/run.ts';
import { stopCasesCarriedBy } from '../../../src/run/stop-report.ts';
import { runTargets } from '../../../src/run/targets.ts';
import { warningsCarriedBy } from '../../../src/run/warnings.ts';
import type { ChaosEngine, ChaosResult, EngineExperimentStatus } from '../../../src/litmus/types.ts';
import {
  FakeApi,
  defaultResources,
  status,
  type InjectedAnswer,
  type KubeObject,
  type RecordedRequest,
} from '../../support/fake-api.ts';
import { fixturePath, loadFixture } from '../../support/fixtures.ts';
import { startOidcProvider } from '../../support/oidc-provider.ts';
import { waitFor } from '../../support/wait-for.ts';

const rbacFile = fixturePath('litmus/rbac/pod-delete-rbac.yaml');
const engineFile = fixturePath('litmus/engines/pod-delete-with-probes.yaml');
const enginePath = '/apis/litmuschaos.io/v1alpha1/namespaces/default/chaosengines/nginx-chaos';
const runId = 'cg-unit-run';
/** A run that hangs fails its test instead of the whole file. */
const limit = { timeout: 15_000 };
/**
 * The run's timeout where the operator never finishes: it covers preflight and apply too, which on a
 * busy 2-core machine took more than the 300 ms these tests used to give it.
 */
const shortTimeout = 1_500;
const passResult = loadFixture<ChaosResult>('litmus/results/chaosresult-3x-pass.yaml');
const stoppedResult = loadFixture<ChaosResult>('litmus/results/chaosresult-3x-stopped.yaml');

function setup(
  t: TestContext,
  options: Pick<RunContext, 'verdictGraceMs' | 'leaseRenewMs' | 'onPhase'> & {
    resources?: typeof defaultResources;
  } = {},
) {
  const fake = new FakeApi({ resources: options.resources });
  t.after(() => fake.close());
  const lines: string[] = [];
  const controller = new AbortController();
  const run = (settings: PartialConfig = {}): Promise<GateOutcome> =>
    runGate(resolveConfig({ rbac: [rbacFile], engines: [engineFile], runId, timeout: 20_000, ...settings }), {
      log: (line) => lines.push(line),
      signal: controller.signal,
      kubeconfigContent: fake.kubeconfig,
      verdictGraceMs: options.verdictGraceMs,
      leaseRenewMs: options.leaseRenewMs,
      onPhase: options.onPhase,
    });
  return { fake, run, lines, controller };
}

/** What the played operator does with a new engine. */
type Plan = 'Pass' | 'never' | 'no-result';

/**
 * Plays chaos-operator and the experiment: runs each new engine; for `Pass` writes a passing
 * ChaosResult labelled with the engine's uid and marks the engine completed; for `no-result` marks it
 * completed without a result; for `never` leaves it running. Honours `engineState: stop` unless told not to.
 */
function playOperator(
  fake: FakeApi,
  plan: Plan | ((engine: ChaosEngine) => Plan),
  options: { honourStop?: boolean } = {},
): { engines: ChaosEngine[] } {
  const engines: ChaosEngine[] = [];
  const experiments = (engine: ChaosEngine, status: string, verdict: string): EngineExperimentStatus[] =>
    (engine.spec?.experiments ?? []).map((e) => ({ name: e.name, runner: 'runner', status, verdict }));
  fake.onChange(({ type, object }) => {
    if (object.kind !== 'ChaosEngine' || type === 'DELETED') return;
    const engine = object as unknown as ChaosEngine;
    if (engine.spec?.engineState === 'stop') {
      if (options.honourStop !== false && engine.status?.engineStatus !== 'stopped') {
        const status = {
          engineStatus: 'stopped',
          experiments: experiments(engine, 'Forcefully Aborted', 'Stopped'),
        };
        fake.put({ ...engine, status });
      }
      return;
    }
    if (type !== 'ADDED') return;
    engines.push(engine);
    fake.put({
      ...engine,
      status: { engineStatus: 'initialized', experiments: experiments(engine, 'Running', 'Awaited') },
    });
    const next = typeof plan === 'function' ? plan(engine) : plan;
    if (next === 'never') return;
    const name = engine.metadata.name ?? '';
    if (next === 'Pass') {
      fake.put<ChaosResult>({
        ...passResult,
        metadata: {
          name: `${name}-pod-delete`,
          namespace: engine.metadata.namespace,
          labels: { ...passResult.metadata.labels, chaosUID: engine.metadata.uid ?? '' },
        },
        spec: { engine: name, experiment: 'pod-delete' },
      });
    }
    const verdict = next === 'Pass' ? 'Pass' : 'Awaited';
    fake.put({
      ...engine,
      status: { engineStatus: 'completed', experiments: experiments(engine, 'Completed', verdict) },
    });
  });
  return { engines };
}

/** The run id's lease is the run's lock, not something it applies or cleans up. */
const isLease = (r: RecordedRequest) => r.path.startsWith('/apis/coordination.k8s.io/');
const isWrite = (r: RecordedRequest) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !isLease(r);
const deletes = (fake: FakeApi) => fake.made({ where: (r) => r.method === 'DELETE' && !isLease(r) });
const realWrites = (fake: FakeApi) => fake.made({ where: (r) => isWrite(r) && r.query.dryRun !== 'All' });
const applies = (fake: FakeApi) =>
  realWrites(fake).filter(
    (r) => r.method === 'PATCH' && r.contentType?.startsWith('application/apply-patch'),
  );
const nameOf = (r: RecordedRequest) => {
  const body = r.body as KubeObject;
  return `${body.kind} ${body.metadata.name}`;
};
const isStop = (r: RecordedRequest) =>
  r.method === 'PATCH' &&
  r.path === enginePath &&
  r.contentType === 'application/merge-patch+json' &&
  JSON.stringify(r.body) === JSON.stringify({ spec: { engineState: 'stop' } });
/** The engine apply of a run, not its dry run. */
const engineApply = {
  method: 'PATCH',
  path: enginePath,
  where: (r: RecordedRequest) => r.query.dryRun === undefined,
};
const engineForbidden = (): InjectedAnswer => ({
  status: 403,
  body: status(403, 'chaosengines.litmuschaos.io is forbidden', 'Forbidden'),
});
const experimentCase = (outcome: GateOutcome) =>
  outcome.report.suites.flatMap((s) => s.cases).find((c) => c.kind === 'experiment');

test(
  'a dry run the server rejects stops the run before anything is applied, naming file, document and field',
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    playOperator(fake, 'Pass');
    const message =
      'Role.rbac.authorization.k8s.io "pod-delete-sa" is invalid: rules[0].verbs: Required value';
    fake.inject(
      { method: 'PATCH', path: /\/roles\/pod-delete-sa$/, query: { dryRun: 'All' } },
      {
        status: 422,
        body: status(422, message, 'Invalid', {
          causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'rules[0].verbs' }],
        }),
      },
    );

    await assert.rejects(run(), (error: unknown) => {
      assert.ok(error instanceof CannotRunError, String(error));
      assert.match(error.message, /preflight failed, nothing was applied/);
      assert.ok(
        error.message.includes(
          `${rbacFile}, document 2 (Role pod-delete-sa): rejected by the server: ${message}`,
        ),
        error.message,
      );
      assert.match(error.message, /\(HTTP 422\)\n {2}- rules\[0\]\.verbs: Required value/);
      return true;
    });
    assert.deepEqual(realWrites(fake), [], 'no object was created, changed or deleted');
    assert.ok(
      fake.made({ query: { dryRun: 'All' } }).length >= 4,
      'every object was dry-run, not just up to the bad one',
    );
    assert.deepEqual(fake.list('ChaosEngine'), []);
  },
);

test(
  'every write of a manifest, dry run and real, asks for strict field validation and sends the object as written',
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    playOperator(fake, 'Pass');
    // A field client-node's ConfigMap model does not have: its own serializer would drop it unsent.
    const configMap = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-strict-')), 'cm.yaml');
    writeFileSync(
      configMap,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndta: { a: b }\n',
    );
    await run({ rbac: [rbacFile, configMap], cleanup: 'never' });

    const writes = fake.made({ where: (r) => ['POST', 'PATCH'].includes(r.method) && !isStop(r) });
    const manifests = writes.filter((r) => r.contentType?.startsWith('application/apply-patch'));
    assert.equal(manifests.length, 10, 'five objects, each dry-run and applied');
    for (const request of manifests)
      assert.equal(request.query.fieldValidation, 'Strict', `${request.method} ${request.url}`);
    const sent = manifests.filter((r) => r.path.endsWith('/configmaps/settings'));
    assert.deepEqual(
      sent.map((r) => (r.body as { dta?: unknown }).dta),
      [{ a: 'b' }, { a: 'b' }],
    );
  },
);

test(
  'a server refusing unknown fields gets each named with file, document and object, and nothing is applied',
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    playOperator(fake, 'Pass');
    // What kube-apiserver 1.34 answers a server-side apply of a RoleBinding with unknown fields.
    const message =
      'failed to create typed patch object (default/pod-delete-sa; rbac.authorization.k8s.io/v1, Kind=RoleBinding): errors:\n' +
      '  .metadata.lables: field not declared in schema\n  .subject: field not declared in schema';
    fake.inject(
      { method: 'PATCH', path: /\/rolebindings\/pod-delete-sa$/, query: { dryRun: 'All' } },
      { status: 500, body: status(500, message) },
    );

    await assert.rejects(run(), (error: unknown) => {
      assert.ok(error instanceof CannotRunError, String(error));
      const where = `${rbacFile}, document 3 (RoleBinding pod-delete-sa): rejected by the server`;
      assert.equal(
        error.message,
        `preflight failed, nothing was applied:\n` +
          `${where}: field metadata.lables: unknown field (not in the RoleBinding schema)\n` +
          `${where}: field subject: unknown field (not in the RoleBinding schema)`,
      );
      return true;
    });
    assert.deepEqual(realWrites(fake), [], 'no object was created, changed or deleted');
  },
);

test(
  "a custom resource's field that the dry run drops is refused: server-side apply prunes it without a word",
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    playOperator(fake, 'Pass');
    // As a CRD without that field answers: the object comes back without it, and no error.
    fake.inject({ method: 'PATCH', path: enginePath, query: { dryRun: 'All' } }, (request) => {
      const engine = structuredClone(request.body) as ChaosEngine;
      delete engine.spec?.experiments?.[0]?.spec?.components;
      if (engine.spec?.appinfo) delete engine.spec.appinfo.applabel;
      return { status: 200, body: engine };
    });

    await assert.rejects(run(), (error: unknown) => {
      assert.ok(error instanceof CannotRunError, String(error));
      const where = `${engineFile}, document 1 (ChaosEngine nginx-chaos)`;
      const why = 'not in the ChaosEngine schema, so the server would drop it';
      assert.equal(
        error.message,
        `preflight failed, nothing was applied:\n` +
          `${where}: field spec.appinfo.applabel: unknown field (${why})\n` +
          `${where}: field spec.experiments[0].spec.components: unknown field (${why})`,
      );
      return true;
    });
    assert.deepEqual(realWrites(fake), [], 'no object was created, changed or deleted');
  },
);

test(
  'objects are applied RBAC first, then the engine, under our field manager and run label',
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    playOperator(fake, 'Pass');
    await run({ cleanup: 'never' });

    // The RBAC objects go together (in parallel), the engine only after all of them.
    const applied = applies(fake).map(nameOf);
    assert.deepEqual(applied.slice(0, 3).sort(), [
      'Role pod-delete-sa',
      'RoleBinding pod-delete-sa',
      'ServiceAccount pod-delete-sa',
    ]);
    assert.deepEqual(applied.slice(3), ['ChaosEngine nginx-chaos']);
    for (const request of applies(fake)) {
      assert.equal(request.query.fieldManager, 'chaos-gate', nameOf(request));
      assert.equal(request.query.force, 'true', nameOf(request));
      assert.equal(
        (request.body as KubeObject).metadata.labels?.['chaos-gate.io/run'],
        runId,
        nameOf(request),
      );
    }
    // Preflight (dry runs) came before the first real apply.
    const firstApply = fake.requests.indexOf(applies(fake)[0]!);
    const lastDryRun = fake.requests.findLastIndex((r) => r.query.dryRun === 'All');
    assert.ok(lastDryRun < firstApply);
    assert.equal(fake.list('ChaosEngine')[0]?.metadata.labels?.['chaos-gate.io/run'], runId);
  },
);

test(
  'a passing run returns pass and, with cleanup always, deletes the engine before RBAC and the results by chaosUID',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    const operator = playOperator(fake, 'Pass');
    const outcome = await run({ cleanup: 'always' });

    assert.equal(outcome.decision.verdict, 'pass', outcome.decision.reasons.join('; '));
    assert.equal(outcome.runId, runId);
    assert.equal(experimentCase(outcome)?.outcome, 'pass');
    assert.equal(outcome.cancelled, undefined);

    const uid = operator.engines[0]?.metadata.uid;
    assert.ok(uid);
    const deleted = deletes(fake).map((r) => `${r.path} ${r.query.labelSelector ?? ''}`.trim());
    // The engine first; its RBAC after it (in parallel, in any order); the results last.
    assert.equal(deleted[0], enginePath);
    assert.deepEqual(deleted.slice(1, 4).sort(), [
      '/api/v1/namespaces/default/serviceaccounts/pod-delete-sa',
      '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/pod-delete-sa',
      '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/pod-delete-sa',
    ]);
    assert.deepEqual(deleted.slice(4), [
      `/apis/litmuschaos.io/v1alpha1/namespaces/default/chaosresults chaosUID in (${uid})`,
    ]);
    for (const kind of ['ChaosEngine', 'ChaosResult', 'ServiceAccount', 'Role', 'RoleBinding']) {
      assert.deepEqual(fake.list(kind), [], `${kind} left behind`);
    }
    assert.equal(fake.made({ where: isStop }).length, 0, 'a finished engine is not stopped');
    assert.match(
      lines.join('\n'),
      /cleanup: removed 5 object\(s\): ChaosEngine default\/nginx-chaos, RoleBinding default\/pod-delete-sa, Role default\/pod-delete-sa, ServiceAccount default\/pod-delete-sa, ChaosResult default\/nginx-chaos-pod-delete/,
    );
  },
);

test('each object is read once, by preflight, and each API group is discovered once', limit, async (t) => {
  const { fake, run } = setup(t);
  playOperator(fake, 'Pass');
  await run({ cleanup: 'never' });

  const reads = fake.made({ method: 'GET', where: (r) => r.query.watch === undefined });
  const count = (path: string) => reads.filter((r) => r.path === path).length;
  for (const path of [
    '/api/v1/namespaces/default/serviceaccounts/pod-delete-sa',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/pod-delete-sa',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/pod-delete-sa',
    enginePath,
  ])
    assert.equal(count(path), 1, path);
  assert.equal(count('/apis/rbac.authorization.k8s.io/v1'), 1, 'RBAC discovered once');
});

test('cleanup deletes in parallel but asks discovery once per API group', limit, async (t) => {
  const { fake, run } = setup(t);
  playOperator(fake, 'Pass');
  await run({ cleanup: 'always' });

  // Once for preflight, apply and the cleanup (which knows what preflight discovered), though the Role
  // and the RoleBinding are released at the same time.
  assert.equal(fake.made({ method: 'GET', path: '/apis/rbac.authorization.k8s.io/v1' }).length, 1);
});

test(
  'a cleanup that meets the API server out of reach for a moment asks again and removes everything',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'Pass');
    // The server restarts as the cleanup begins: the first deletes find nobody listening.
    fake.inject({ method: 'DELETE', path: enginePath }, { reset: 'ECONNREFUSED' }, 2);
    fake.inject({ method: 'DELETE', path: /\/serviceaccounts\// }, { status: 503 });
    fake.inject({ method: 'DELETE', path: /\/chaosresults$/ }, { reset: 'ECONNRESET' });
    const outcome = await run({ cleanup: 'always' });

    assert.equal(outcome.decision.verdict, 'pass');
    for (const kind of ['ChaosEngine', 'ChaosResult', 'ServiceAccount', 'Role', 'RoleBinding'])
      assert.deepEqual(fake.list(kind), [], `${kind} left behind`);
    assert.doesNotMatch(lines.join('\n'), /WARNING: cleanup/);
  },
);

test('cleanup never leaves every object in place', limit, async (t) => {
  const { fake, run, lines } = setup(t);
  playOperator(fake, 'Pass');
  const outcome = await run({ cleanup: 'never' });

  assert.equal(outcome.decision.verdict, 'pass');
  assert.deepEqual(deletes(fake), []);
  for (const kind of ['ChaosEngine', 'ChaosResult', 'ServiceAccount', 'Role', 'RoleBinding']) {
    assert.equal(fake.list(kind).length, 1, kind);
  }
  assert.match(lines.join('\n'), /cleanup never: leaving 4 object\(s\) in place/);
});

test('a timeout stops the engine before cleanup and fails the gate with a timeout case', limit, async (t) => {
  const { fake, run } = setup(t);
  playOperator(fake, 'never');
  const started = Date.now();
  const outcome = await run({ timeout: shortTimeout, stopTimeout: 3000, cleanup: 'always' });

  assert.equal(experimentCase(outcome)?.outcome, 'timeout');
  assert.equal(outcome.decision.verdict, 'fail');
  const stop = fake.requests.findIndex(isStop);
  const firstDelete = fake.requests.findIndex((r) => r.method === 'DELETE');
  assert.ok(stop >= 0, 'the engine was told to stop');
  assert.ok(firstDelete > stop, 'stopped before anything was deleted');
  assert.ok(
    Date.now() - started < shortTimeout + 2000,
    'the operator confirmed the stop, so the run did not wait out the 3 s stop timeout',
  );
});

test(
  'a SIGTERM during the stop after the timeout: cancelled, and the experiment says it timed out, then the cancel came',
  limit,
  async (t) => {
    const { fake, run, controller } = setup(t);
    playOperator(fake, 'never');
    // The job is cancelled as the stop that follows the timeout lands.
    fake.onChange(({ object }) => {
      if (object.kind === 'ChaosEngine' && (object as ChaosEngine).spec?.engineState === 'stop')
        controller.abort('SIGTERM');
    });
    const outcome = await run({ timeout: shortTimeout, stopTimeout: 3000, cleanup: 'always' });

    assert.equal(outcome.cancelled, 'SIGTERM', 'exits 143');
    const experiment = experimentCase(outcome);
    assert.equal(experiment?.outcome, 'timeout');
    assert.match(
      experiment?.message ?? '',
      /^no verdict: the experiment was Running but had written no ChaosResult when the wait timed out, and the run was then cancelled \(SIGTERM\) while chaos-gate stopped the chaos$/,
    );
  },
);

test(
  'a run with only a timeout, skipped by --timeouts-as skip, judged nothing: exit 2 after stopping the chaos, not a pass',
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    playOperator(fake, 'never');
    await assert.rejects(
      run({ timeout: shortTimeout, stopTimeout: 3000, cleanup: 'always', gate: { timeouts: 'skip' } }),
      (error: unknown) =>
        error instanceof CannotRunError &&
        /^nothing to judge \(every case was skipped\): default\/nginx-chaos › pod-delete: .*\(skipped: --timeouts-as skip\)$/.test(
          error.message,
        ),
    );
    const stop = fake.requests.findIndex(isStop);
    assert.ok(stop >= 0, 'the engine was told to stop');
    assert.ok(fake.requests.findIndex((r) => r.method === 'DELETE') > stop, 'and cleaned up after');
  },
);

test(
  'an operator that ignores the stop: the engine is reported not confirmed stopped, with the command, and nothing is deleted',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'never', { honourStop: false });
    const started = Date.now();
    const outcome = await run({ timeout: shortTimeout, stopTimeout: 1000, cleanup: 'always' });

    assert.ok(fake.requests.some(isStop));
    const stopCase = outcome.report.suites.flatMap((s) => s.cases).find((c) => c.kind === 'chaos-stop');
    assert.equal(stopCase?.outcome, 'error');
    assert.match(
      stopCase?.message ?? '',
      /chaos may still be running: ChaosEngine default\/nginx-chaos was not confirmed stopped/,
    );
    assert.equal(
      stopCase?.properties.command,
      `kubectl patch chaosengine nginx-chaos -n default --type merge -p '{"spec":{"engineState":"stop"}}'`,
    );
    assert.equal(outcome.decision.verdict, 'fail');
    const log = lines.join('\n');
    assert.match(log, /ERROR: chaos may still be running: ChaosEngine default\/nginx-chaos/);
    assert.match(log, /to stop it: kubectl patch chaosengine nginx-chaos -n default/);
    assert.match(log, /cleanup skipped: chaos may still be running/);
    assert.doesNotMatch(log, /cleanup: removed/);
    assert.deepEqual(deletes(fake), [], 'the engine and its RBAC stay while chaos may run');
    // Without the deadline the stop would wait for the operator until the test's limit; 10 s leaves a
    // busy machine room beyond the 2.5 s of timeout and stop timeout.
    assert.ok(Date.now() - started < 10_000, 'the stop deadline bounds the stop phase');
  },
);

test(
  'an engine not confirmed stopped when the reports cannot be written: the error carries its case, for the fronts to show',
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    playOperator(fake, 'never', { honourStop: false });
    // A disk that takes nothing: the run goes through to its reports, which hold the stop's case.
    const json = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-full-')), 'report.json');
    symlinkSync('/dev/full', json);
    const error = await run({
      timeout: shortTimeout,
      stopTimeout: 1000,
      cleanup: 'always',
      reports: { json },
    }).then(
      () => assert.fail('the run should end in an error'),
      (thrown: unknown) => thrown,
    );

    assert.ok(error instanceof CannotRunError);
    assert.match(error.message, /report\.json: cannot write the report: ENOSPC/);
    const cases = (stopCasesCarriedBy(error)?.suites ?? []).flatMap((s) => s.cases);
    assert.deepEqual(
      cases.map((c) => [c.className, c.name, c.outcome]),
      [['default/nginx-chaos', 'chaos stopped', 'error']],
    );
    assert.match(
      cases[0]?.message ?? '',
      /^chaos may still be running: ChaosEngine default\/nginx-chaos was not confirmed stopped: .*; to stop it: kubectl patch chaosengine nginx-chaos -n default /,
    );
    assert.deepEqual(deletes(fake), [], 'nothing is deleted while chaos may run');
  },
);

test(
  'an engine that finishes without a verdict is an error once verdictGraceMs has passed',
  limit,
  async (t) => {
    const { fake, run } = setup(t, { verdictGraceMs: 200 });
    playOperator(fake, 'no-result');
    const outcome = await run({ cleanup: 'always' });

    const experiment = experimentCase(outcome);
    assert.equal(experiment?.outcome, 'error');
    assert.match(experiment?.message ?? '', /no ChaosResult nginx-chaos-pod-delete was written for this run/);
    assert.equal(outcome.decision.verdict, 'fail');
    assert.equal(fake.requests.some(isStop), false, 'a finished engine is not stopped');
  },
);

test(
  'a lease renewal the server forbids is warned about once, saying which permission renews it',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t, { leaseRenewMs: 20 });
    playOperator(fake, 'never');
    const renewal = { method: 'PUT', path: /\/leases\/chaos-gate-run-/ };
    fake.inject(renewal, { status: 403, body: status(403, 'leases is forbidden', 'Forbidden') }, 1000);
    const outcome = await run({ timeout: shortTimeout, stopTimeout: 3000, cleanup: 'always' });

    assert.ok(fake.made(renewal).length >= 3, 'renewed, and refused, again and again');
    // Raised once, and so listed once by the reports and the summary.
    const raised = lines.filter((line) => line.startsWith('[chaos-gate] WARNING: renewing Lease'));
    assert.equal(raised.length, 1, lines.join('\n'));
    const reported = warningsOf(outcome.report, outcome.decision).filter((w) =>
      w.startsWith('renewing Lease'),
    );
    assert.deepEqual(reported, [raised[0]?.replace('[chaos-gate] WARNING: ', '')]);
    assert.match(
      raised[0] ?? '',
      new RegExp(
        `WARNING: renewing Lease default/chaos-gate-run-${runId}: leases is forbidden \\(HTTP 403\\); it expires at \\S+ unless renewed, and another run under run id ${runId} may start then; allow update on leases \\(coordination.k8s.io\\) in default to renew it`,
      ),
    );
  },
);

test('cancelling mid-wait stops the engine and reports the signal', limit, async (t) => {
  const { fake, run, controller } = setup(t);
  playOperator(fake, 'never');
  const json = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-cancel-')), 'report.json');
  const running = run({ cleanup: 'always', stopTimeout: 3000, reports: { json } });
  // Mid-wait: both watches (engines, results) are open and the engine is running.
  await waitFor(
    () => fake.openWatches.length === 2 && fake.list('ChaosEngine')[0]?.status !== undefined,
    'the wait to start',
  );
  controller.abort('SIGINT');
  const outcome = await running;

  assert.equal(outcome.cancelled, 'SIGINT');
  assert.equal(experimentCase(outcome)?.outcome, 'stopped');
  assert.equal(outcome.decision.verdict, 'fail');
  const stop = fake.requests.findIndex(isStop);
  assert.ok(stop >= 0, 'the engine was told to stop');
  assert.ok(fake.requests.findIndex((r) => r.method === 'DELETE') > stop);
  // Its JSON report says so, and a merge of it refuses to judge the job on its stopped experiment.
  assert.deepEqual(parseJsonReport(readFileSync(json, 'utf8'), json).meta, { runId, cancelled: 'SIGINT' });
  assert.throws(
    () => mergeGate(resolveConfig({ gate: { stopped: 'skip' } }), [json], () => {}),
    /^CannotRunError: cancelled before all their verdicts were in, [^\n]*\n {2}cg-unit-run: \S+ \(cancelled by SIGINT\)$/,
  );
});

test(
  "cancelled before the wait's first list of engines came back: the engine's experiment is still its case, not started",
  limit,
  async (t) => {
    const { fake, run, controller } = setup(t);
    playOperator(fake, 'never');
    // The wait's list of the engines, once the engine is applied, is answered only after the cancel:
    // the wait never sees the engine (on a busy machine, the watch is that slow).
    let answer: (value: InjectedAnswer) => void = () => {};
    const held = new Promise<InjectedAnswer>((resolve) => (answer = resolve));
    let listed = false;
    fake.inject(
      {
        method: 'GET',
        path: '/apis/litmuschaos.io/v1alpha1/namespaces/default/chaosengines',
        where: (request) => request.query.watch === undefined && fake.list('ChaosEngine').length > 0,
      },
      () => {
        listed = true;
        return held;
      },
    );
    const running = run({ cleanup: 'never', stopTimeout: 3000 });
    await waitFor(() => listed, "the wait's list of engines");
    controller.abort('SIGTERM');
    const outcome = await running;
    answer({ status: 503 });

    assert.equal(outcome.cancelled, 'SIGTERM');
    const cases = outcome.report.suites.flatMap((s) => s.cases.map((c) => [c.name, c.outcome, c.message]));
    assert.deepEqual(cases.slice(0, 1), [
      [
        'pod-delete',
        'stopped',
        'no verdict: the experiment had not started when the run was cancelled (SIGTERM)',
      ],
    ]);
  },
);

/** As the experiment's abort handler does once its engine is stopped: a Stopped result of the engine's run. */
function writeStoppedResults(fake: FakeApi): void {
  fake.onChange(({ object }) => {
    const engine = object as unknown as ChaosEngine;
    if (object.kind !== 'ChaosEngine' || engine.spec?.engineState !== 'stop') return;
    const name = `${engine.metadata.name ?? ''}-pod-delete`;
    if (fake.list('ChaosResult').some((r) => r.metadata.name === name)) return;
    fake.put<ChaosResult>({
      ...stoppedResult,
      metadata: {
        name,
        namespace: engine.metadata.namespace,
        labels: { chaosUID: engine.metadata.uid ?? '' },
      },
      spec: { engine: engine.metadata.name, experiment: 'pod-delete' },
    });
  });
}

test(
  'an engine someone else stops mid-wait is reported aborted in the cluster, not by chaos-gate',
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    playOperator(fake, 'never');
    writeStoppedResults(fake);
    const running = run({ cleanup: 'always' });
    await waitFor(
      () => fake.openWatches.length === 2 && fake.list('ChaosEngine')[0]?.status !== undefined,
      'the wait to start',
    );
    const engine = fake.list('ChaosEngine')[0] as unknown as ChaosEngine;
    fake.put<ChaosEngine>({ ...engine, spec: { ...engine.spec, engineState: 'stop' } });
    const outcome = await running;

    assert.equal(outcome.cancelled, undefined);
    assert.equal(fake.requests.some(isStop), false, 'chaos-gate sent no stop');
    assert.deepEqual(outcome.decision.reasons, [
      'experiment default/nginx-chaos › pod-delete was stopped: aborted in the cluster before it finished (engineState set to stop by someone else, not by chaos-gate)',
    ]);
  },
);

test(
  'a SIGTERM during the cleanup of a passed run: the cleanup ends, and the run exits as cancelled',
  limit,
  async (t) => {
    const { fake, run, controller, lines } = setup(t);
    playOperator(fake, 'Pass');
    // The job is cancelled once the verdict is out, as the first object is deleted.
    fake.inject({ method: 'DELETE' }, () => {
      controller.abort('SIGTERM');
      return { status: 503, body: status(503, 'the job was cancelled', 'ServiceUnavailable') };
    });
    const outcome = await run({ cleanup: 'always' });

    assert.equal(outcome.decision.verdict, 'pass', 'the verdict stands in the reports');
    assert.equal(outcome.cancelled, 'SIGTERM', 'so that `chaos-gate run … && deploy` does not go on');
    assert.equal(fake.list('ServiceAccount').length, 0, 'the cleanup went on after the signal');
    assert.match(lines.join('\n'), /cleanup: removed/);
  },
);

test(
  'without the Litmus CRDs the run fails with a plain message and makes no other request',
  limit,
  async (t) => {
    const { fake, run } = setup(t, {
      resources: defaultResources.filter((r) => r.group !== 'litmuschaos.io'),
    });

    await assert.rejects(run(), {
      name: 'CannotRunError',
      message: 'LitmusChaos is not installed in this cluster: CRD chaosengines.litmuschaos.io not found',
    });
    assert.deepEqual(
      fake.requests.map((r) => `${r.method} ${r.path}`),
      ['GET /apis/litmuschaos.io/v1alpha1'],
    );
  },
);

test(
  'an engine of the same name already in the namespace fails preflight and is left untouched',
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    const existing = fake.put({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosEngine',
      metadata: { name: 'nginx-chaos', namespace: 'default' },
      spec: { engineState: 'active' },
    });

    await assert.rejects(run(), (error: unknown) => {
      assert.ok(error instanceof CannotRunError, String(error));
      assert.ok(
        error.message.includes(
          `${path.basename(engineFile)}, document 1 (ChaosEngine nginx-chaos): a ChaosEngine with this name already exists in namespace default`,
        ),
        error.message,
      );
      return true;
    });
    assert.deepEqual(realWrites(fake), []);
    assert.deepEqual(fake.get(existing), existing, 'the existing engine was not changed');
  },
);

test('a failed engine apply removes the RBAC this run created and names the file', limit, async (t) => {
  const { fake, run } = setup(t);
  playOperator(fake, 'Pass');
  fake.inject(engineApply, {
    status: 403,
    body: status(403, 'chaosengines.litmuschaos.io "nginx-chaos" is forbidden', 'Forbidden'),
  });

  await assert.rejects(run({ cleanup: 'always' }), (error: unknown) => {
    assert.ok(error instanceof CannotRunError, String(error));
    assert.match(
      error.message,
      /document 1 \(ChaosEngine nginx-chaos\): apply failed: .*forbidden \(HTTP 403\)/,
    );
    return true;
  });
  for (const kind of ['ServiceAccount', 'Role', 'RoleBinding']) {
    assert.deepEqual(fake.list(kind), [], `${kind} left behind`);
  }
});

test(
  'a chaos that fails or is cancelled partway ends its clock there: what follows says how long it ran',
  limit,
  async (t) => {
    const cancelled = (controller: AbortController): InjectedAnswer => {
      controller.abort('SIGINT');
      return { reset: 'ECONNRESET' };
    };
    for (const answer of [engineForbidden, cancelled]) {
      let clock = 0;
      const fake = new FakeApi();
      t.after(() => fake.close());
      const controller = new AbortController();
      // The engine apply takes 5 s, and ends the chaos.
      fake.inject(engineApply, () => {
        clock += 5_000;
        return answer(controller);
      });
      const lines: string[] = [];
      const progress = progressLog(
        (line) => lines.push(line),
        30_000,
        () => clock,
      );
      const config = resolveConfig({ rbac: [rbacFile], engines: [engineFile], runId, cleanup: 'always' });
      // The forbidden apply fails the run; the cancel ends it as cancelled.
      await runGate(config, {
        ...progress,
        signal: controller.signal,
        kubeconfigContent: fake.kubeconfig,
      }).then(
        (outcome) => assert.equal(outcome.cancelled, 'SIGINT'),
        (error: unknown) => assert.ok(error instanceof CannotRunError, String(error)),
      );
      assert.match(
        lines.at(-1) ?? '',
        /^\[\+00:05 \| chaos took 00:05\] \[chaos-gate\] cleanup: removed 3 object\(s\)/,
        `${answer.name}:\n${lines.join('\n')}`,
      );
    }
  },
);

test(
  'an engine apply answered with a 504 may have landed: the engine is found by its label and stopped',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'never');
    // The API server's own timeout: the write went on to etcd, but the client hears 504.
    fake.inject(engineApply, (request) => {
      fake.put(request.body as KubeObject);
      return { status: 504, body: status(504, 'request did not complete within the allotted timeout') };
    });

    await assert.rejects(run({ cleanup: 'always', stopTimeout: 3000 }), /apply failed: .*\(HTTP 504\)/);
    const stop = fake.requests.findIndex(isStop);
    assert.ok(stop >= 0, 'the engine the server created was told to stop');
    assert.match(lines.join('\n'), /stopped ChaosEngine default\/nginx-chaos/);
    const deleted = fake.requests.findIndex((r) => r.method === 'DELETE' && r.path === enginePath);
    assert.ok(deleted > stop, 'and, once stopped, cleaned up with the rest');
    assert.deepEqual(fake.list('ChaosEngine'), []);
  },
);

test(
  'a cancel while the engine is applied: the engine the server created is stopped and removed, and the run exits as cancelled',
  limit,
  async (t) => {
    const { fake, run, controller } = setup(t);
    playOperator(fake, 'never');
    // The write lands; SIGTERM cuts the connection before the answer comes back.
    fake.inject(engineApply, (request) => {
      fake.put(request.body as KubeObject);
      controller.abort('SIGTERM');
      return { reset: 'ECONNRESET' };
    });
    const outcome = await run({ cleanup: 'always', stopTimeout: 3000 });

    assert.equal(outcome.cancelled, 'SIGTERM', 'exit 143, not "nothing to judge"');
    assert.equal(experimentCase(outcome)?.outcome, 'stopped');
    const stop = fake.requests.findIndex(isStop);
    assert.ok(stop >= 0, 'the engine was told to stop');
    assert.ok(
      fake.requests.findIndex((r) => r.method === 'DELETE' && r.path === enginePath) > stop,
      'then deleted',
    );
    for (const kind of ['ChaosEngine', 'ServiceAccount', 'Role', 'RoleBinding'])
      assert.deepEqual(fake.list(kind), [], `${kind} left behind`);
  },
);

test(
  'a cancel while a slow server is still applying the engine: the apply is answered, and its engine stopped',
  limit,
  async (t) => {
    const { fake, run, controller } = setup(t);
    playOperator(fake, 'never');
    // SIGTERM comes while the engine apply is on the server, which writes it 200 ms later: a run that
    // cut the request and looked for its engines at once would find none and leave it running.
    fake.inject(engineApply, async (request) => {
      controller.abort('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { status: 200, body: fake.put(request.body as KubeObject) };
    });
    const outcome = await run({ cleanup: 'always', stopTimeout: 3000 });

    assert.equal(outcome.cancelled, 'SIGTERM');
    assert.ok(fake.requests.some(isStop), 'the engine was told to stop');
    assert.deepEqual(fake.list('ChaosEngine'), [], 'and removed');
  },
);

test(
  'the timeout passing while a slow server applies the engine: the engine is stopped and removed, and the run fails',
  limit,
  async (t) => {
    const { fake, run } = setup(t);
    playOperator(fake, 'never');
    // The engine apply is answered after the run's timeout has passed.
    fake.inject(engineApply, async (request) => {
      await new Promise((resolve) => setTimeout(resolve, shortTimeout + 300));
      return { status: 200, body: fake.put(request.body as KubeObject) };
    });
    const outcome = await run({ timeout: shortTimeout, cleanup: 'always', stopTimeout: 3000 });

    assert.equal(outcome.decision.verdict, 'fail', 'exit 1, not 2 for nothing to judge');
    assert.equal(experimentCase(outcome)?.outcome, 'timeout');
    assert.ok(fake.requests.some(isStop), 'the engine was told to stop');
    assert.deepEqual(fake.list('ChaosEngine'), [], 'and removed');
  },
);

test(
  'the timeout holds while the API refuses to list engines at the start of the wait',
  {
    ...limit,
  },
  async (t) => {
    // The stop phase has its own deadline; keep it short here.
    const { fake, run } = setup(t);
    playOperator(fake, 'never');
    const stopInjecting = fake.inject(
      { method: 'GET', path: /\/chaosengines$/, where: (r) => r.query.watch === undefined },
      { status: 500 },
      1000,
    );
    const running = run({ timeout: shortTimeout, stopTimeout: 500, cleanup: 'always' });
    try {
      const settled = await Promise.race([
        running.then(
          () => 'settled',
          () => 'settled',
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), shortTimeout + 2000)),
      ]);
      assert.equal(settled, 'settled', 'the timeout ends the run within 2 s of it, stop phase included');
      assert.ok(fake.requests.some(isStop), 'the engine was told to stop');
    } finally {
      stopInjecting(); // lets a stuck wait finish (at its next retry) before the fake API closes
      await running.catch(() => {});
    }
  },
);

test(
  'an engine deleted during the wait fails the gate instead of vanishing from the report',
  {
    ...limit,
  },
  async (t) => {
    const { fake, run, lines } = setup(t);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-run-'));
    const second = path.join(dir, 'second-engine.yaml');
    writeFileSync(
      second,
      readFileSync(engineFile, 'utf8').replace('name: nginx-chaos', 'name: nginx-chaos-b'),
    );
    playOperator(fake, (engine) => (engine.metadata.name === 'nginx-chaos' ? 'Pass' : 'never'));
    const junit = path.join(dir, 'junit.xml');
    const running = run({ engines: [engineFile, second], cleanup: 'always', reports: { junit } });
    await waitFor(
      () => fake.openWatches.length === 2 && fake.list('ChaosResult').length === 1,
      'the first engine to pass while the second runs',
    );
    // Someone (or a namespace clean-up) deletes the second engine before it has a verdict.
    fake.remove({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosEngine',
      metadata: { name: 'nginx-chaos-b', namespace: 'default' },
    });
    const outcome = await running;

    assert.match(JSON.stringify(outcome.report), /nginx-chaos-b/, 'the report says what happened to it');
    assert.equal(outcome.decision.verdict, 'fail');
    // The run's warning, not only in the log: in the output of each suite a Jenkins reader opens.
    const said = 'WARNING: ChaosEngine default/nginx-chaos-b was deleted during the run';
    assert.ok(lines.includes(`[chaos-gate] ${said}`), lines.join('\n'));
    const outputs = readFileSync(junit, 'utf8').match(/<system-out>[^<]*<\/system-out>/g);
    assert.deepEqual(outputs, [`<system-out>${said}</system-out>`, `<system-out>${said}</system-out>`]);
  },
);

test("the wait lists and watches only this run's engines, not the namespace's others", limit, async (t) => {
  const { fake, run } = setup(t);
  playOperator(fake, 'Pass');
  fake.put<ChaosEngine>({
    apiVersion: 'litmuschaos.io/v1alpha1',
    kind: 'ChaosEngine',
    metadata: { name: 'someone-elses-engine', namespace: 'default' },
  });
  const outcome = await run();
  assert.equal(outcome.decision.verdict, 'pass');
  const engineReads = fake.made({
    method: 'GET',
    path: '/apis/litmuschaos.io/v1alpha1/namespaces/default/chaosengines',
  });
  assert.ok(engineReads.length >= 2, 'a list and a watch');
  for (const request of engineReads)
    assert.equal(request.query.labelSelector, `chaos-gate.io/run=${runId}`, JSON.stringify(request.query));
  assert.deepEqual(
    outcome.report.suites.map((s) => s.name),
    ['default/nginx-chaos'],
    'the other engine is not in the report',
  );
});

test(
  'a stop patch that fails is retried until it gets through, and the engine is read back stopped',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'never');
    // The API server fails the first stop patches (a restart, an overloaded server).
    fake.inject({ method: 'PATCH', where: isStop }, { status: 503, body: status(503, 'unavailable') }, 3);
    const outcome = await run({ timeout: shortTimeout, stopTimeout: 10_000, cleanup: 'always' });

    assert.equal(fake.made({ where: isStop }).length, 4, 'three failures, then the patch that got through');
    assert.equal(fake.list('ChaosEngine').length, 0, 'confirmed stopped, so cleanup removed it');
    assert.match(lines.join('\n'), /stopped ChaosEngine default\/nginx-chaos/);
    assert.ok(!outcome.report.suites.some((s) => s.cases.some((c) => c.kind === 'chaos-stop')));
    assert.equal(experimentCase(outcome)?.outcome, 'timeout');
  },
);

test(
  'a pre-existing Role not made by chaos-gate is used as it is: not changed, relabelled or deleted',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'Pass');
    const theirs = fake.put({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'pod-delete-sa', namespace: 'default', labels: { team: 'platform' } },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
    });
    const outcome = await run({ cleanup: 'always' });

    assert.equal(outcome.decision.verdict, 'pass');
    assert.deepEqual(fake.get(theirs), theirs, 'the same object, same resourceVersion');
    assert.match(
      lines.join('\n'),
      /Role default\/pod-delete-sa exists and was not created by chaos-gate: used as it is/,
    );
    assert.deepEqual(fake.list('ServiceAccount'), [], 'what the run created is removed');
  },
);

/** The Role of the example RBAC, as a run applies it: shared by the runs that use it. */
const roleRef = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'pod-delete-sa', namespace: 'default' },
};

/** That Role as runs left it, carrying their records. */
const putSharedRole = (fake: ReturnType<typeof setup>['fake'], records: Record<string, string>) =>
  fake.put({
    ...roleRef,
    metadata: {
      ...roleRef.metadata,
      labels: { 'app.kubernetes.io/managed-by': 'chaos-gate' },
      annotations: records,
    },
    rules: [],
  });

test(
  'RBAC another run still uses is kept by cleanup, and removed by the last run that uses it',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'Pass');
    // Run "other" is using the RBAC (it applied it and recorded itself).
    putSharedRole(fake, {
      'users.chaos-gate.io/other': JSON.stringify({
        run: 'other',
        at: new Date().toISOString(),
        chaosIn: ['default'],
      }),
    });
    await run({ cleanup: 'always' });
    assert.ok(fake.get(roleRef), 'kept while run "other" uses it');
    assert.deepEqual(Object.keys((fake.get(roleRef)?.metadata.annotations as Record<string, string>) ?? {}), [
      'users.chaos-gate.io/other',
    ]);
    assert.match(
      lines.join('\n'),
      /kept 1 shared object\(s\): Role default\/pod-delete-sa \(still used by run other\)/,
    );

    // Run "other" has finished and taken its record away; the next run is the last user.
    const kept = fake.get(roleRef);
    fake.put({ ...kept, metadata: { ...kept?.metadata, annotations: {} } } as typeof roleRef);
    await run({ cleanup: 'always' });
    assert.equal(fake.get(roleRef), undefined, 'the last run that used it deleted it');
  },
);

test(
  'a record of an earlier release is kept, and the log says how to remove it once that run is over',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'Pass');
    // The earlier release's record: the run id alone, under the run id as key.
    putSharedRole(fake, { 'users.chaos-gate.io/old': 'old' });
    await run({ cleanup: 'always' });
    assert.ok(fake.get(roleRef), 'kept: nothing says whether run "old" is over');
    assert.ok(
      lines.includes(
        '[chaos-gate] cleanup: kept 1 shared object(s): Role default/pod-delete-sa (still used by run old, ' +
          'whose record an earlier release wrote and no cleanup removes; once that run is over: ' +
          'kubectl annotate -n default role/pod-delete-sa users.chaos-gate.io/old-)',
      ),
      lines.join('\n'),
    );
  },
);

test(
  "records of runs that are over are removed by cleanup; a young one's, or one whose engine is left, are kept",
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'Pass');
    // Runs with generated ids (the record is the run id: never locked), recorded then.
    const record = (id: string, minutesAgo: number) => ({
      [`users.chaos-gate.io/${id}`]: JSON.stringify({
        run: id,
        at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
        chaosIn: ['default'],
      }),
    });
    putSharedRole(fake, { ...record('cg-over', 20), ...record('cg-young', 1), ...record('cg-left', 20) });
    // What a run that kept its objects left (cleanup: never), finished.
    fake.put({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosEngine',
      metadata: { name: 'left', namespace: 'default', labels: { 'chaos-gate.io/run': 'cg-left' } },
      spec: {},
      status: { engineStatus: 'completed' },
    });
    await run({ cleanup: 'always' });
    const log = lines.join('\n');
    assert.match(
      log,
      /removed the record of run cg-over from 1 shared object\(s\) \(Role default\/pod-delete-sa\): its run is over: recorded at \S+, and no ChaosEngine or Workflow labelled chaos-gate.io\/run=cg-over left in namespace default/,
    );
    assert.doesNotMatch(log, /removed the record of run cg-(young|left)/);
    assert.deepEqual(Object.keys((fake.get(roleRef)?.metadata.annotations as Record<string, string>) ?? {}), [
      'users.chaos-gate.io/cg-young',
      'users.chaos-gate.io/cg-left',
    ]);
    assert.deepEqual(
      fake.requests.filter((r) => /chaos-gate-run-cg-(over|young|left)/.test(r.path)),
      [],
      'a generated run id has no lease to look for',
    );
  },
);

test(
  'a record of a run that reached several namespaces names them all when it is removed',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'Pass');
    putSharedRole(fake, {
      'users.chaos-gate.io/cg-wide': JSON.stringify({
        run: 'cg-wide',
        at: new Date(Date.now() - 20 * 60_000).toISOString(),
        chaosIn: ['default', 'shop'],
      }),
    });
    await run({ cleanup: 'always' });
    assert.match(
      lines.join('\n'),
      /removed the record of run cg-wide from 1 shared object\(s\) .*: its run is over: recorded at \S+, and no ChaosEngine or Workflow labelled chaos-gate.io\/run=cg-wide left in namespaces default, shop$/m,
    );
  },
);

test(
  'on an error after the apply, the chaos is stopped before the load, then the run fails',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'never');
    // Watching the results is refused for good once the engine runs: the wait fails.
    fake.inject(
      { method: 'GET', path: /\/chaosresults$/, where: (r) => r.query.watch === undefined },
      { status: 403, body: status(403, 'chaosresults.litmuschaos.io is forbidden', 'Forbidden') },
      100,
    );
    const load = loadSchema.parse({
      command: "trap 'echo TERM-received; exit 0' TERM; while :; do sleep 0.1; done",
      leadTime: 0,
      terminateGrace: '5s',
    });
    await assert.rejects(
      run({ load, cleanup: 'always', stopTimeout: 5000 }),
      /watching ChaosEngines and ChaosResults: .*forbidden/,
    );
    const log = lines.join('\n');
    const stopped = log.indexOf('stopped ChaosEngine default/nginx-chaos');
    const loadStopped = log.indexOf('[load] TERM-received');
    assert.ok(stopped >= 0 && loadStopped > stopped, `the chaos first, then the load:\n${log}`);
    assert.match(log, /cleanup: removed/);
  },
);

test(
  'a live ChaosResult of the wrong shape is left out with a warning, and its experiment fails',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    fake.onChange(({ type, object }) => {
      if (object.kind !== 'ChaosEngine' || type !== 'ADDED') return;
      const engine = object as unknown as ChaosEngine;
      // An experiment image that writes its probes as a string.
      fake.put({
        ...passResult,
        metadata: {
          name: 'nginx-chaos-pod-delete',
          namespace: 'default',
          labels: { chaosUID: engine.metadata.uid ?? '' },
        },
        status: { ...passResult.status, probeStatuses: 'all passed' },
      } as unknown as ChaosResult);
      fake.put({
        ...engine,
        status: {
          engineStatus: 'completed',
          experiments: [{ name: 'pod-delete', status: 'Completed', verdict: 'Pass' }],
        },
      });
    });
    const outcome = await run({ cleanup: 'never' });

    assert.match(
      lines.join('\n'),
      /WARNING: ChaosResult default\/nginx-chaos-pod-delete is left out: field status\.probeStatuses: expected a list, got text \("all passed"\)$/m,
    );
    assert.equal(experimentCase(outcome)?.outcome, 'error');
    assert.equal(outcome.decision.verdict, 'fail');
  },
);

test(
  'an engine whose status turns unreadable during the wait: after the grace, not the timeout, it is stopped and is an error case naming the field',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t, { verdictGraceMs: 200 });
    // The API server takes any status (the CRD leaves it open): here one no Litmus writes. The played
    // operator still honours the stop.
    fake.onChange(({ type, object }) => {
      if (object.kind !== 'ChaosEngine' || type === 'DELETED') return;
      const engine = object as unknown as ChaosEngine;
      if (type === 'ADDED')
        fake.put({ ...engine, status: { engineStatus: 'initialized', experiments: { name: 'pod-delete' } } });
      else if (engine.spec?.engineState === 'stop' && engine.status?.engineStatus !== 'stopped')
        fake.put({
          ...engine,
          status: {
            engineStatus: 'stopped',
            experiments: [{ name: 'pod-delete', status: 'Forcefully Aborted', verdict: 'Stopped' }],
          },
        });
    });
    const started = Date.now();
    const outcome = await run({ timeout: 20_000, cleanup: 'always' });

    assert.ok(Date.now() - started < 10_000, 'the grace ended the wait, not the 20 s timeout');
    const problem =
      'ChaosEngine default/nginx-chaos: field status.experiments: expected a list, got a mapping';
    assert.deepEqual(
      outcome.report.suites.flatMap((s) => s.cases).map((c) => [c.name, c.outcome, c.message]),
      [['(engine)', 'error', problem]],
    );
    assert.equal(outcome.decision.verdict, 'fail');
    const log = lines.join('\n');
    assert.ok(log.includes(`[chaos] ${problem}`), log);
    assert.ok(fake.requests.some(isStop), 'its chaos may still run: it is stopped');
    assert.ok(
      fake.requests.findIndex(isStop) < fake.requests.findIndex((r) => r.method === 'DELETE'),
      'stopped before anything was deleted',
    );
    assert.match(log, /cleanup: removed/);
  },
);

/** A workflow that runs one pod, as a file `run --workflow` submits. */
function workflowFile(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-workflow-')), 'workflow.yaml');
  writeFileSync(
    file,
    'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: { name: chaos-wf }\n' +
      'spec: { entrypoint: main, templates: [{ name: main, container: { image: alpine } }] }\n',
  );
  return file;
}

const withArgo = [
  ...defaultResources,
  { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflows', kind: 'Workflow', namespaced: true },
];

const pod = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `chaos-wf.${id}`,
  displayName: id,
  type: 'Pod',
  phase: 'Succeeded',
  startedAt: '2026-11-30T12:00:01Z',
  finishedAt: '2026-11-30T12:00:09Z',
  ...extra,
});

/** The case chaos-gate reports the problem in, and what its message says. */
type Expected = [caseName: 'steps' | 'workflow', message: RegExp];

// Argo's CRDs leave status unchecked by the API server (x-kubernetes-preserve-unknown-fields).
const wrongStatuses: [string, Record<string, unknown>, Expected][] = [
  [
    'status.nodes a string',
    { nodes: 'all fine' },
    [
      'steps',
      /^workflow default\/chaos-wf: field status\.nodes: expected a mapping, got text \("all fine"\)$/,
    ],
  ],
  [
    'a node phase a number',
    { nodes: { a: pod('a', { phase: 3 }) } },
    [
      'steps',
      /^workflow default\/chaos-wf: field status\.nodes\.a\.phase: expected one of Pending, Running, Succeeded, Skipped, Failed, Error, Omitted, got a number \(3\)$/,
    ],
  ],
  [
    'a start time a number',
    { nodes: { a: pod('a', { startedAt: 1 }), b: pod('b') } },
    [
      'steps',
      /^workflow default\/chaos-wf: field status\.nodes\.a\.startedAt: expected text, got a number \(1\)$/,
    ],
  ],
  [
    'a node null',
    { nodes: { a: null } },
    ['steps', /^workflow default\/chaos-wf: field status\.nodes\.a: expected a mapping, got nothing$/],
  ],
  [
    'the phase a number',
    { phase: 5, nodes: { a: pod('a') } },
    [
      'workflow',
      /^workflow default\/chaos-wf: field status\.phase: expected one of "", Pending, Running, Succeeded, Failed, Error, got a number \(5\)$/,
    ],
  ],
];

test(
  "a workflow's engines: one chaos-gate stopped at the timeout says so, and why; one aborted before, that someone else did",
  limit,
  async (t) => {
    const { fake, run } = setup(t, { resources: withArgo });
    playOperator(fake, 'never');
    writeStoppedResults(fake);
    // The workflow's chaos steps create their engines, labelled with the workflow's uid: one never
    // ends, the other is stopped by someone at once.
    fake.onChange(({ type, object }) => {
      if (object.kind !== 'Workflow' || type !== 'ADDED') return;
      const engine = loadFixture<ChaosEngine>('litmus/engines/pod-delete-with-probes.yaml');
      const labels = { workflow_run_id: object.metadata.uid ?? '' };
      fake.put<ChaosEngine>({ ...engine, metadata: { name: 'wf-chaos', namespace: 'default', labels } });
      fake.put<ChaosEngine>({
        ...engine,
        metadata: { name: 'wf-aborted', namespace: 'default', labels },
        spec: { ...engine.spec, engineState: 'stop' },
      });
    });
    const outcome = await run({
      rbac: [],
      engines: [],
      cleanup: 'never',
      timeout: 2000,
      stopTimeout: 3000,
      workflow: { file: workflowFile() },
    });

    const told = (suite: string) => {
      const experiment = outcome.report.suites.find((s) => s.name === suite)?.cases[0];
      return [experiment?.outcome, experiment?.message];
    };
    assert.deepEqual(told('default/wf-chaos'), [
      'timeout',
      'stopped by chaos-gate after the 2s timeout, before it finished',
    ]);
    assert.deepEqual(told('default/wf-aborted'), [
      'stopped',
      'aborted in the cluster before it finished (engineState set to stop by someone else, not by chaos-gate)',
    ]);
  },
);

test(
  "an error while the report is read, after a stop the run could not confirm: no verdict, but the reports hold the stop's cases, and nothing is deleted while chaos may still run",
  limit,
  async (t) => {
    // Nothing the report reads fails for good (what cannot be read is a case): a fault in the front's
    // hook as the report phase starts stands for any error in that stretch.
    const onPhase = (phase: string) => {
      if (phase === 'report') throw new Error('the report phase failed');
    };
    const { fake, run, lines } = setup(t, { resources: withArgo, onPhase });
    // The workflow's chaos step creates an engine that runs on, ignoring the stop.
    fake.onChange(({ type, object }) => {
      if (object.kind !== 'Workflow' || type !== 'ADDED') return;
      const engine = loadFixture<ChaosEngine>('litmus/engines/pod-delete-with-probes.yaml');
      const labels = { workflow_run_id: object.metadata.uid ?? '' };
      fake.put({
        ...engine,
        metadata: { name: 'wf-chaos', namespace: 'default', labels },
        status: { engineStatus: 'initialized', experiments: [{ name: 'pod-delete', status: 'Running' }] },
      });
    });
    const json = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-unread-')), 'report.json');
    await assert.rejects(
      run({
        rbac: [],
        engines: [],
        timeout: shortTimeout,
        stopTimeout: 1000,
        cleanup: 'always',
        workflow: { file: workflowFile() },
        reports: { json },
      }),
      /the report phase failed/,
    );

    const read = parseJsonReport(readFileSync(json, 'utf8'), json);
    const stopCases = read.report.suites.flatMap((s) => s.cases).filter((c) => c.kind === 'chaos-stop');
    assert.match(
      stopCases.map((c) => c.message).join('\n'),
      /chaos may still be running: ChaosEngine default\/wf-chaos was not confirmed stopped/,
    );
    assert.equal(JSON.parse(readFileSync(json, 'utf8')).chaosMayStillRun, true);
    assert.match(lines.join('\n'), /cleanup skipped: chaos may still be running/);
    assert.deepEqual(deletes(fake), [], 'the workflow stays while its chaos may run');
  },
);

for (const [what, wrong, [caseName, message]] of wrongStatuses) {
  test(
    `a live Workflow with ${what} is an error case naming the field, and the gate fails`,
    limit,
    async (t) => {
      const { fake, run } = setup(t, { resources: withArgo });
      fake.onChange(async ({ type, object }) => {
        if (object.kind !== 'Workflow' || type !== 'ADDED') return;
        // The controller, done once chaos-gate watches: completed, with a status of the wrong shape.
        await waitFor(
          () => fake.openWatches.some((w) => w.resource.kind === 'Workflow'),
          'the workflow watch',
        );
        const labels = { ...object.metadata.labels, 'workflows.argoproj.io/completed': 'true' };
        fake.put({
          ...object,
          metadata: { ...object.metadata, labels },
          status: { phase: 'Succeeded', startedAt: '2026-11-30T12:00:00Z', ...wrong },
        });
      });
      const outcome = await run({
        rbac: [],
        engines: [],
        cleanup: 'never',
        workflow: { file: workflowFile() },
      });

      const [workflow, ...others] = outcome.report.suites;
      assert.deepEqual(others, []);
      assert.equal(workflow?.name, 'default/chaos-wf');
      assert.deepEqual(
        workflow.cases.map((c) => [c.name, c.outcome]),
        [[caseName, 'error']],
      );
      assert.match(workflow.cases[0]?.message ?? '', message);
      // When only the steps are unreadable, the rest of the workflow is still reported.
      assert.equal(workflow.properties.phase, caseName === 'steps' ? 'Succeeded' : undefined);
      assert.equal(outcome.decision.verdict, 'fail');
      // Dry-run, then submitted, both refusing unknown fields as kubectl does.
      assert.deepEqual(
        fake
          .made({ method: 'POST', path: /\/workflows$/ })
          .map((r) => [r.query.dryRun, r.query.fieldValidation]),
        [
          ['All', 'Strict'],
          [undefined, 'Strict'],
        ],
      );
    },
  );
}

test(
  'a workflow cancelled mid-wait is reported stopped, like an engine, not as still running',
  limit,
  async (t) => {
    const { fake, run, lines, controller } = setup(t, { resources: withArgo });
    const running = run({ rbac: [], engines: [], cleanup: 'always', workflow: { file: workflowFile() } });
    await waitFor(() => fake.openWatches.some((w) => w.resource.kind === 'Workflow'), 'the workflow watch');
    // The controller: the workflow runs its chaos step, which never ends.
    const [submitted] = fake.list('Workflow');
    assert.ok(submitted);
    fake.put({
      ...submitted,
      status: {
        phase: 'Running',
        startedAt: '2026-11-30T12:00:00Z',
        nodes: { a: pod('a', { phase: 'Running', finishedAt: undefined }) },
      },
    });
    await waitFor(() => lines.some((line) => line.includes('step a: Running')), 'the wait to see it run');
    controller.abort('SIGTERM');
    const outcome = await running;

    assert.equal(outcome.cancelled, 'SIGTERM');
    assert.deepEqual(
      outcome.report.suites.flatMap((s) => s.cases).map((c) => [c.name, c.outcome, c.message]),
      [
        ['a', 'stopped', 'still Running when the run was cancelled (SIGTERM)'],
        ['workflow', 'stopped', 'still Running when the run was cancelled (SIGTERM)'],
      ],
    );
    assert.ok(fake.made({ method: 'PATCH', path: /\/workflows\/chaos-wf$/ }).length > 0, 'it was shut down');
  },
);

const withTemplates = [
  ...withArgo,
  ...(['WorkflowTemplate', 'ClusterWorkflowTemplate'] as const).map((kind) => ({
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: `${kind.toLowerCase()}s`,
    kind,
    namespaced: kind === 'WorkflowTemplate',
  })),
];

/** The controller, done at once: each new workflow ends Succeeded with one passed step. */
function playArgo(fake: FakeApi): void {
  fake.onChange(async ({ type, object }) => {
    if (object.kind !== 'Workflow' || type !== 'ADDED') return;
    await waitFor(() => fake.openWatches.some((w) => w.resource.kind === 'Workflow'), 'the workflow watch');
    fake.put({ ...object, status: { phase: 'Succeeded', nodes: { a: pod('a') } } });
  });
}

test(
  "a Workflow file's workflowTemplateRef to a missing template is refused by preflight too",
  limit,
  async (t) => {
    const { fake, run } = setup(t, { resources: withTemplates });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-workflow-')), 'workflow.yaml');
    writeFileSync(
      file,
      'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: { generateName: chaos- }\n' +
        'spec: { workflowTemplateRef: { name: chaos-lod } }\n',
    );
    await assert.rejects(run({ rbac: [], engines: [], workflow: { file } }), (error: unknown) => {
      assert.ok(error instanceof CannotRunError, String(error));
      assert.ok(
        error.message.startsWith(
          `preflight failed, nothing was applied:\n${file} (Workflow chaos-): spec.workflowTemplateRef: ` +
            'WorkflowTemplate chaos-lod: not found in namespace default, ',
        ),
        error.message,
      );
      return true;
    });
    assert.deepEqual(realWrites(fake), [], 'nothing was submitted');
  },
);

/** A (Cluster)WorkflowTemplate in the fake API: `templates` as `name: steps` (a template of steps) or a container. */
function putTemplate(
  fake: FakeApi,
  kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate',
  name: string,
  templates: Record<string, unknown[][] | 'container'>,
): void {
  fake.put({
    apiVersion: 'argoproj.io/v1alpha1',
    kind,
    metadata: { name, ...(kind === 'WorkflowTemplate' ? { namespace: 'default' } : {}) },
    spec: {
      templates: Object.entries(templates).map(([template, steps]) =>
        steps === 'container'
          ? { name: template, container: { image: 'alpine' } }
          : { name: template, steps },
      ),
    },
  });
}

test(
  'templateRefs are followed as Argo follows them: the template named and what it calls, each (Cluster)WorkflowTemplate read once',
  limit,
  async (t) => {
    const { fake, run } = setup(t, { resources: withTemplates });
    putTemplate(fake, 'WorkflowTemplate', 'lib', {
      inject: [[{ name: 'kill', template: 'kill' }]],
      kill: [
        [{ name: 'pods', templateRef: { name: 'pod-chaos', template: 'pod-delet', clusterScope: true } }],
      ],
      // Argo checks only the templates a workflow runs: a broken one beside them is not the run's problem.
      unused: [[{ name: 'x', templateRef: { name: 'nowhere', template: 'y' } }]],
    });
    putTemplate(fake, 'ClusterWorkflowTemplate', 'pod-chaos', { 'pod-delete': 'container' });
    const task = (name: string, templateRef: Record<string, string>) => ({ name, templateRef });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-workflow-')), 'workflow.yaml');
    writeFileSync(
      file,
      JSON.stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        metadata: { generateName: 'chaos-' },
        spec: {
          entrypoint: 'main',
          templates: [
            {
              name: 'main',
              dag: {
                tasks: [
                  task('a', { name: 'lib', template: 'inject' }),
                  task('b', { name: 'lib', template: 'inject' }),
                  // Resolved by Argo when the task runs: nothing to read before.
                  task('c', { name: '{{workflow.parameters.lib}}', template: 'inject' }),
                  task('d', { name: 'lib', template: 'injct' }),
                ],
              },
            },
          ],
        },
      }) + '\n',
    );
    await assert.rejects(run({ rbac: [], engines: [], workflow: { file } }), (error: unknown) => {
      assert.ok(error instanceof CannotRunError, String(error));
      assert.equal(
        error.message,
        [
          'preflight failed, nothing was applied:',
          `${file} (Workflow chaos-): templates.main.tasks.a → WorkflowTemplate lib: templates.kill.steps[0].pods: ` +
            'ClusterWorkflowTemplate pod-chaos has no template "pod-delet"; did you mean "pod-delete"?',
          `${file} (Workflow chaos-): templates.main.tasks.d: WorkflowTemplate lib has no template "injct"; did you mean "inject"?`,
        ].join('\n'),
      );
      return true;
    });
    assert.deepEqual(
      fake.made({ method: 'GET', path: /templates\// }).map((r) => r.path),
      [
        '/apis/argoproj.io/v1alpha1/namespaces/default/workflowtemplates/lib',
        '/apis/argoproj.io/v1alpha1/clusterworkflowtemplates/pod-chaos',
      ],
    );
    assert.deepEqual(realWrites(fake), [], 'nothing was submitted');
  },
);

test(
  'a template the user may not read is not refused: a warning says it was not checked, and the run goes on',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t, { resources: withTemplates });
    playArgo(fake);
    fake.inject(
      { method: 'GET', path: '/apis/argoproj.io/v1alpha1/clusterworkflowtemplates/chaos-load' },
      { status: 403, body: status(403, 'clusterworkflowtemplates.argoproj.io "chaos-load" is forbidden') },
    );
    const outcome = await run({
      rbac: [],
      engines: [],
      cleanup: 'never',
      workflow: { clusterTemplate: 'chaos-load' },
    });
    assert.equal(outcome.decision.verdict, 'pass');
    const warning =
      'cannot check that ClusterWorkflowTemplate chaos-load exists: ' +
      'clusterworkflowtemplates.argoproj.io "chaos-load" is forbidden (HTTP 403)';
    assert.ok(lines.includes(`[chaos-gate] WARNING: ${warning}`), lines.join('\n'));
    // Every report lists it, as it lists the gate's warnings.
    assert.deepEqual(warningsOf(outcome.report, outcome.decision), [warning]);
  },
);

/**
 * Clusters run one after the other, their log fed to the progress lines as the CLI and the action feed
 * it, with the engine set to last 30 s. The progress clock is moved by the played operators: each
 * cluster's chaos takes its `chaosMs`, or, for one that `refusesEngine`, its engine apply does.
 */
async function runOnClusters(
  t: TestContext,
  clusters: { name: string; chaosMs: number; refusesEngine?: boolean }[],
): Promise<{ outcome: GateOutcome; lines: string[] }> {
  let clock = 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-targets-'));
  const targets = clusters.map(({ name, chaosMs, refusesEngine }) => {
    const fake = new FakeApi();
    t.after(() => fake.close());
    playOperator(fake, () => {
      clock += chaosMs;
      return 'Pass';
    });
    if (refusesEngine)
      fake.inject(engineApply, () => {
        clock += chaosMs;
        return engineForbidden();
      });
    const kubeconfig = path.join(dir, `${name}.yaml`);
    writeFileSync(kubeconfig, fake.kubeconfig);
    return { name, kubeconfig };
  });
  const lines: string[] = [];
  const progress = progressLog(
    (line) => lines.push(line),
    30_000,
    () => clock,
  );
  const config = resolveConfig({
    rbac: [rbacFile],
    engines: [engineFile],
    runId,
    timeout: 20_000,
    targets,
    // One at a time, so each cluster's chaos starts when the one before it has ended.
    parallelTargets: 1,
  });
  const outcome = await runTargets(config, {
    log: progress.log,
    onPhase: progress.onPhase,
    clusterLog: progress.clusterLog,
    signal: new AbortController().signal,
  });
  return { outcome, lines };
}

test(
  "several clusters lock their run ids only when one is given: a generated one is no other run's",
  limit,
  async (t) => {
    const leaseRequests = async (given: string | undefined) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-targets-'));
      const fakes = ['blue', 'green'].map(() => new FakeApi());
      const targets = fakes.map((fake, i) => {
        t.after(() => fake.close());
        playOperator(fake, 'Pass');
        const kubeconfig = path.join(dir, `${i}.yaml`);
        writeFileSync(kubeconfig, fake.kubeconfig);
        return { name: ['blue', 'green'][i] as string, kubeconfig };
      });
      const lines: string[] = [];
      const config = resolveConfig({
        rbac: [rbacFile],
        engines: [engineFile],
        ...(given ? { runId: given } : {}),
        timeout: 20_000,
        targets,
      });
      const log = (line: string) => lines.push(line);
      const outcome = await runTargets(config, {
        log,
        clusterLog: () => ({ log, onPhase: () => {} }),
        signal: new AbortController().signal,
      });
      assert.equal(outcome.decision.verdict, 'pass', lines.join('\n'));
      return fakes.map((fake) => fake.made({ where: isLease }).length);
    };
    assert.deepEqual(await leaseRequests(undefined), [0, 0]);
    const locked = await leaseRequests(runId);
    assert.ok(
      locked.every((count) => count > 0),
      `each cluster takes its lease: ${locked.join(', ')}`,
    );
  },
);

test(
  "several clusters: a cluster's run warning is in its own suites, named after it, and in no other cluster's",
  limit,
  async (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-targets-warn-'));
    const targets = ['blue', 'green'].map((name) => {
      const fake = new FakeApi();
      t.after(() => fake.close());
      playOperator(fake, 'Pass');
      // Only blue may not use leases.
      if (name === 'blue') fake.inject({ where: isLease }, { status: 403 });
      const kubeconfig = path.join(dir, `${name}.yaml`);
      writeFileSync(kubeconfig, fake.kubeconfig);
      return { name, kubeconfig };
    });
    const json = path.join(dir, 'report.json');
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const outcome = await runTargets(
      resolveConfig({
        rbac: [rbacFile],
        engines: [engineFile],
        runId,
        timeout: 20_000,
        targets,
        reports: { json },
      }),
      { log, clusterLog: () => ({ log, onPhase: () => {} }), signal: new AbortController().signal },
    );
    assert.equal(outcome.decision.verdict, 'pass', lines.join('\n'));
    assert.ok(
      lines.some((line) =>
        line.startsWith('[blue] [chaos-gate] WARNING: run id cg-unit-run-blue not locked'),
      ),
      lines.join('\n'),
    );
    const { report } = parseJsonReport(readFileSync(json, 'utf8'), json);
    const warned = report.suites.map((suite) => [suite.name, suite.warnings?.length ?? 0]);
    assert.deepEqual(warned, [
      ['blue/default/nginx-chaos', 1],
      ['green/default/nginx-chaos', 0],
    ]);
    assert.match(
      report.suites[0]?.warnings?.[0] ?? '',
      /^target blue: run id cg-unit-run-blue not locked in namespace default: /,
    );
  },
);

test(
  'no cluster could be run, none confirmed stopped, and the reports cannot be written: the error says why, and carries every stop',
  limit,
  async (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-targets-full-'));
    const targets = ['blue', 'green'].map((name) => {
      const fake = new FakeApi();
      t.after(() => fake.close());
      playOperator(fake, 'never');
      // Once the engine is applied, engines cannot be listed: the wait fails and the stop cannot be read back.
      fake.inject(
        { method: 'GET', path: /\/chaosengines$/, where: () => fake.list('ChaosEngine').length > 0 },
        engineForbidden,
        1000,
      );
      const kubeconfig = path.join(dir, `${name}.yaml`);
      writeFileSync(kubeconfig, fake.kubeconfig);
      return { name, kubeconfig };
    });
    const json = path.join(dir, 'report.json');
    symlinkSync('/dev/full', json);
    const log = () => {};
    const error = await runTargets(
      resolveConfig({
        rbac: [rbacFile],
        engines: [engineFile],
        runId,
        timeout: 20_000,
        targets,
        reports: { json },
      }),
      { log, clusterLog: () => ({ log, onPhase: () => {} }), signal: new AbortController().signal },
    ).then(
      () => assert.fail('no cluster could be run'),
      (thrown: unknown) => thrown,
    );

    assert.ok(error instanceof CannotRunError);
    assert.match(
      error.message,
      /^no cluster could be run:\nblue: .*chaosengines.litmuschaos.io is forbidden/,
    );
    assert.deepEqual(
      (stopCasesCarriedBy(error)?.suites ?? []).map((suite) =>
        suite.cases.map((c) => `${c.className} › ${c.name}`),
      ),
      [['blue/default/nginx-chaos › chaos stopped'], ['green/default/nginx-chaos › chaos stopped']],
    );
    assert.ok(
      warningsCarriedBy(error).some((w) => /report\.json: cannot write the report: ENOSPC/.test(w)),
      JSON.stringify(warningsCarriedBy(error)),
    );
  },
);

test(
  'a cancel once a cluster failed after its chaos started, before the next one started: the CLI says so, not "before any chaos started"',
  limit,
  async (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-targets-late-cancel-'));
    const err: string[] = [];
    const fakes = ['eu', 'us'].map((name) => {
      const fake = new FakeApi();
      t.after(() => fake.close());
      playOperator(fake, 'never');
      return { name, fake };
    });
    const [eu] = fakes as [(typeof fakes)[0]];
    // eu may not list engines once its engine is applied: its wait fails and its stop cannot be read
    // back. The job is cancelled as eu stops its chaos, before us (one cluster at a time) starts.
    eu.fake.inject(
      { method: 'GET', path: /\/chaosengines$/, where: () => eu.fake.list('ChaosEngine').length > 0 },
      engineForbidden,
      1000,
    );
    eu.fake.inject({ where: isStop }, async () => {
      process.kill(process.pid, 'SIGTERM');
      await waitFor(() => err.some((line) => line.includes('received SIGTERM')), 'the signal');
      return engineForbidden();
    });
    const targets = fakes.map(({ name, fake }) => {
      const kubeconfig = path.join(dir, `${name}.yaml`);
      writeFileSync(kubeconfig, fake.kubeconfig);
      return { name, kubeconfig };
    });
    const config = path.join(dir, 'chaos-gate.yaml');
    writeFileSync(
      config,
      JSON.stringify({
        rbac: [rbacFile],
        engines: [engineFile],
        timeout: '20s',
        targets,
        parallelTargets: 1,
      }),
    );

    const code = await main(['run', '--config', config], { out: () => {}, err: (line) => err.push(line) });

    assert.equal(code, 143, err.join('\n'));
    assert.equal(fakes[1]?.fake.list('ChaosEngine').length, 0, 'us was cancelled before its chaos');
    const told = err.filter((line) => !line.includes('received SIGTERM'));
    assert.match(
      told[0] ?? '',
      /^chaos-gate: cancelled by SIGTERM; target eu had failed once its chaos started: watching ChaosEngines and ChaosResults: .*forbidden/,
      err.join('\n'),
    );
    assert.doesNotMatch(err.join('\n'), /before any chaos started/);
    // And what it left running on eu, with the command that stops it there.
    assert.ok(
      told.some(
        (line) =>
          line.startsWith(
            'chaos-gate: WARNING: target eu: chaos may still be running: ChaosEngine default/nginx-chaos',
          ) &&
          line.endsWith(
            `to stop it: kubectl --kubeconfig ${targets[0]?.kubeconfig} patch chaosengine nginx-chaos -n default --type merge -p '{"spec":{"engineState":"stop"}}'`,
          ),
      ),
      err.join('\n'),
    );
  },
);

/** One kubeconfig, a context per entry, each with its own cluster entry: two names for what may be one cluster. */
function contextsFile(servers: Record<string, string>): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-contexts-')), 'kubeconfig.yaml');
  const names = Object.keys(servers);
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      ...names.map(
        (n) => `  - { name: ${n}, cluster: { server: "${servers[n]}", insecure-skip-tls-verify: true } }`,
      ),
      'users: [{ name: tester, user: { token: fake-token } }]',
      'contexts:',
      ...names.map((n) => `  - { name: ${n}, context: { cluster: ${n}, user: tester, namespace: default } }`),
      `current-context: ${names[0]}`,
      '',
    ].join('\n'),
  );
  return file;
}

test(
  'two targets reaching one cluster and namespace by two contexts are refused before anything is sent',
  limit,
  async (t) => {
    const fake = new FakeApi();
    t.after(() => fake.close());
    playOperator(fake, 'Pass');
    const kubeconfig = contextsFile({ blue: fake.server, green: fake.server });
    const config = resolveConfig({
      rbac: [rbacFile],
      engines: [engineFile],
      runId,
      timeout: 20_000,
      targets: [
        { name: 'blue', kubeconfig, context: 'blue' },
        { name: 'green', kubeconfig, context: 'green' },
      ],
    });
    const progress = progressLog(
      () => {},
      30_000,
      () => 0,
    );
    await assert.rejects(
      runTargets(config, {
        log: () => {},
        clusterLog: progress.clusterLog,
        signal: new AbortController().signal,
      }),
      (error: Error) => {
        assert.equal(error.name, 'ConfigError', 'exit 2');
        assert.equal(
          error.message,
          `targets blue and green reach the same cluster (server ${fake.server}) and namespace default, ` +
            "and both would apply ChaosEngine default/nginx-chaos: a name can be one run's only (the second would take over the first's engine, and the first's cleanup delete it under the second); " +
            'give each target its own namespace, or name them with metadata.generateName',
        );
        return true;
      },
    );
    assert.deepEqual(fake.requests, [], 'nothing was sent to the cluster');
  },
);

test('one server spelt two ways is one cluster; engines by generateName or in other namespaces do not collide', async () => {
  const kubeconfig = contextsFile({
    blue: 'https://api.example.test:443',
    green: 'https://API.example.test/',
  });
  const targets = [
    { name: 'blue', kubeconfig, context: 'blue' },
    { name: 'green', kubeconfig, context: 'green' },
  ];
  const workflow = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-named-wf-')), 'wf.yaml');
  writeFileSync(
    workflow,
    'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: { name: chaos-wf }\n' +
      'spec: { entrypoint: main, templates: [{ name: main, container: { image: alpine } }] }\n',
  );
  await assert.rejects(
    validateRun(resolveConfig({ engines: [], workflow: { file: workflow }, targets })),
    /^ConfigError: targets blue and green reach the same cluster \(server https:\/\/api\.example\.test\) and namespace default, and both would apply Workflow default\/chaos-wf:/,
  );
  const generated = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-generated-')), 'engine.yaml');
  writeFileSync(
    generated,
    'apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\nmetadata: { generateName: nginx-chaos- }\n' +
      'spec: { engineState: active, experiments: [{ name: pod-delete }] }\n',
  );
  await validateRun(resolveConfig({ engines: [generated], targets }));
  const named = path.join(path.dirname(generated), 'named.yaml');
  writeFileSync(
    named,
    'apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\nmetadata: { name: nginx-chaos }\n' +
      'spec: { engineState: active, experiments: [{ name: pod-delete }] }\n',
  );
  await validateRun(
    resolveConfig({
      engines: [named],
      targets: targets.map((target) => ({ ...target, namespace: `shop-${target.name}` })),
    }),
  );
});

/** The first apply, each verdict, the gate and each cleanup: the lines whose clock the run's timing sets. */
const timedLines = (lines: string[]) =>
  lines
    .filter((line) => /applied ServiceAccount|verdict|gate (PASSED|FAILED)|cleanup: /.test(line))
    .map((line) => line.replace(/(removed \d+ object\(s\)|gate FAILED).*/, '$1'));

test(
  "several clusters: each cluster's lines show its own chaos clock, and the verdict the chaos of all",
  limit,
  async (t) => {
    const { outcome, lines } = await runOnClusters(t, [
      { name: 'eu', chaosMs: 45_000 },
      { name: 'us', chaosMs: 20_000 },
    ]);
    assert.equal(outcome.decision.verdict, 'pass');
    assert.deepEqual(
      timedLines(lines),
      [
        '[+00:00 | chaos 00:00 of ~00:30] [eu] [chaos-gate] applied ServiceAccount default/pod-delete-sa',
        '[+00:45 | chaos 00:45 of ~00:30] [eu] [chaos] default/nginx-chaos pod-delete: Completed, verdict Pass',
        '[+00:45 | chaos 00:00 of ~00:30] [us] [chaos-gate] applied ServiceAccount default/pod-delete-sa',
        '[+01:05 | chaos 00:20 of ~00:30] [us] [chaos] default/nginx-chaos pod-delete: Completed, verdict Pass',
        '[+01:05 | chaos took 01:05] chaos-gate: gate PASSED (6 passed, 0 failed, 0 errored, 0 skipped)',
        '[+01:05 | chaos took 00:45] [eu] [chaos-gate] cleanup: removed 5 object(s)',
        '[+01:05 | chaos took 00:20] [us] [chaos-gate] cleanup: removed 5 object(s)',
      ],
      lines.join('\n'),
    );
  },
);

test(
  "several clusters: a cluster whose chaos fails partway ends its clock and the run's there",
  limit,
  async (t) => {
    const { outcome, lines } = await runOnClusters(t, [
      { name: 'eu', chaosMs: 45_000 },
      { name: 'us', chaosMs: 5_000, refusesEngine: true },
    ]);
    assert.equal(outcome.decision.verdict, 'fail');
    assert.deepEqual(
      timedLines(lines),
      [
        '[+00:00 | chaos 00:00 of ~00:30] [eu] [chaos-gate] applied ServiceAccount default/pod-delete-sa',
        '[+00:45 | chaos 00:45 of ~00:30] [eu] [chaos] default/nginx-chaos pod-delete: Completed, verdict Pass',
        '[+00:45 | chaos 00:00 of ~00:30] [us] [chaos-gate] applied ServiceAccount default/pod-delete-sa',
        // us's chaos ended when its engine was refused: neither its clock nor the run's runs on.
        '[+00:50 | chaos took 00:05] [us] [chaos-gate] cleanup: removed 3 object(s)',
        '[+00:50 | chaos took 00:50] chaos-gate: gate FAILED',
        '[+00:50 | chaos took 00:45] [eu] [chaos-gate] cleanup: removed 5 object(s)',
      ],
      lines.join('\n'),
    );
  },
);

test(
  'several clusters cancelled mid-wait: the JSON report says so, and a merge of it refuses to judge',
  limit,
  async (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-targets-cancel-'));
    const fakes = ['eu', 'us'].map(() => {
      const fake = new FakeApi();
      t.after(() => fake.close());
      playOperator(fake, 'never');
      return fake;
    });
    const targets = fakes.map((fake, i) => {
      const kubeconfig = path.join(dir, `cluster-${i}.yaml`);
      writeFileSync(kubeconfig, fake.kubeconfig);
      return { name: `cluster-${i}`, kubeconfig };
    });
    const json = path.join(dir, 'report.json');
    const controller = new AbortController();
    const running = runTargets(
      resolveConfig({
        rbac: [rbacFile],
        engines: [engineFile],
        runId,
        timeout: 20_000,
        stopTimeout: 3000,
        targets,
        reports: { json },
      }),
      { log: () => {}, clusterLog: () => ({ log: () => {}, onPhase: () => {} }), signal: controller.signal },
    );
    await waitFor(() => fakes.every((fake) => fake.openWatches.length === 2), 'both waits to start');
    controller.abort('SIGTERM');
    const outcome = await running;

    assert.equal(outcome.cancelled, 'SIGTERM');
    assert.deepEqual(parseJsonReport(readFileSync(json, 'utf8'), json).meta, { runId, cancelled: 'SIGTERM' });
    assert.throws(
      () => mergeGate(resolveConfig({ gate: { stopped: 'skip' } }), [json], () => {}),
      /^CannotRunError: cancelled before all their verdicts were in, [^\n]*\n {2}cg-unit-run: \S+ \(cancelled by SIGTERM\)$/,
    );
  },
);

test(
  'a run under the run id of an engine or workflow that has not finished is refused naming them; a finished one is no obstacle',
  limit,
  async (t) => {
    const { fake, run } = setup(t, { resources: withArgo });
    const labels = { 'chaos-gate.io/run': runId };
    const engine = (name: string, engineStatus: string) =>
      fake.put({
        apiVersion: 'litmuschaos.io/v1alpha1',
        kind: 'ChaosEngine',
        metadata: { name, namespace: 'default', labels },
        status: { engineStatus },
      });
    engine('earlier-done', 'completed');
    engine('earlier-running', 'initialized');
    fake.put({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: 'earlier-wf', namespace: 'default', labels },
      status: { phase: 'Running' },
    });
    // Started after them: it would play them too.
    playOperator(fake, 'Pass');
    const refused =
      /^run id cg-unit-run already labels chaos that has not finished: ChaosEngine default\/earlier-running \(engineStatus initialized\), Workflow default\/earlier-wf \(phase Running\)\. .*Give each run its own run id \(--run-id; left unset, one is generated\), or stop that chaos first$/m;
    await assert.rejects(run({ workflow: { file: workflowFile() } }), (error: unknown) => {
      assert.ok(error instanceof PreflightRefused, String(error));
      assert.match(error.message, /^preflight failed, nothing was applied:\n/);
      assert.match(error.message, refused);
      assert.doesNotMatch(error.message, /earlier-done/);
      return true;
    });
    assert.deepEqual(realWrites(fake), [], 'nothing applied');

    // Once that chaos is over, the same run goes ahead.
    engine('earlier-running', 'stopped');
    fake.put({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: 'earlier-wf', namespace: 'default', labels },
      status: { phase: 'Failed' },
    });
    const outcome = await run();
    assert.equal(outcome.decision.verdict, 'pass');
  },
);

test(
  'a run that may not list engines under its run id is warned, and goes ahead as before',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'Pass');
    fake.inject(
      {
        method: 'GET',
        path: /\/chaosengines$/,
        where: (r) => r.query.labelSelector === `chaos-gate.io/run=${runId}` && r.query.watch === undefined,
      },
      engineForbidden(),
    );
    const outcome = await run();
    assert.equal(outcome.decision.verdict, 'pass');
    assert.match(
      lines.join('\n'),
      /WARNING: not checked whether another run under run id cg-unit-run still runs chaos: listing ChaosEngines labelled chaos-gate.io\/run=cg-unit-run in namespace default: .*forbidden/,
    );
  },
);

test(
  'a run that may not use leases is warned that its run id is not locked, and goes ahead with the check alone',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'Pass');
    const leases = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/default\/leases/;
    fake.inject(
      { path: leases },
      {
        status: 403,
        body: status(
          403,
          'leases.coordination.k8s.io "chaos-gate-run-cg-unit-run" is forbidden: User "ci" cannot get resource "leases" in API group "coordination.k8s.io" in the namespace "default"',
          'Forbidden',
        ),
      },
    );
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-unlocked-'));
    const reports = { json: path.join(dir, 'report.json'), junit: path.join(dir, 'junit.xml') };
    const outcome = await run({ reports });
    assert.equal(outcome.decision.verdict, 'pass');
    const warning =
      /^run id cg-unit-run not locked in namespace default: taking Lease chaos-gate-run-cg-unit-run: .*forbidden.*\(HTTP 403\)\. Two runs started at the same moment under this id could both go ahead .*; allow get, create, update and delete on leases \(coordination\.k8s\.io\) in default to lock it$/;
    const logged = lines.filter((line) => line.startsWith('[chaos-gate] WARNING: '));
    assert.equal(logged.length, 1, lines.join('\n'));
    assert.match(logged[0]?.slice('[chaos-gate] WARNING: '.length) ?? '', warning);
    // Not only in the log: in the reports, as the gate's warnings are.
    const json = parseJsonReport(readFileSync(reports.json, 'utf8'), reports.json);
    const raw = JSON.parse(readFileSync(reports.json, 'utf8')) as { warnings: string[] };
    assert.equal(raw.warnings.length, 1);
    assert.match(raw.warnings[0] ?? '', warning);
    for (const suite of json.report.suites)
      assert.match(suite.warnings?.join('\n') ?? '', warning, suite.name);
    assert.match(
      readFileSync(reports.junit, 'utf8'),
      /<system-out>WARNING: run id cg-unit-run not locked in namespace default: /,
    );
    // And on through a merge of the JSON report (chaosGateMerge in Jenkins, publishJUnit: false).
    const merged = path.join(dir, 'merged.xml');
    mergeGate(resolveConfig({ reports: { junit: merged } }), [reports.json], () => {});
    assert.match(
      readFileSync(merged, 'utf8'),
      /<system-out>WARNING: run id cg-unit-run not locked in namespace default: /,
    );
    assert.deepEqual(outcome.warningsAfterReports, []);
    assert.equal(fake.made({ path: leases }).length, 1, 'no lease is written, nor renewed');
    // The check still ran.
    assert.ok(fake.made({ where: (r) => r.query.labelSelector === `chaos-gate.io/run=${runId}` }).length > 0);
  },
);

test(
  "the credentials' warning during a run (a refresh-token it could not save) is in the reports too",
  limit,
  async (t) => {
    const fake = new FakeApi();
    t.after(() => fake.close());
    playOperator(fake, 'Pass');
    const client = { clientId: 'chaos-gate', clientSecret: 'oidc-client-secret-3', subject: 'ci-bot' };
    const idp = await startOidcProvider({ ...client, lifetimeSeconds: 3600 });
    t.after(() => idp.close());
    // The provider is a real server on loopback, which the in-memory API lets through.
    nock.enableNetConnect(new URL(idp.issuer).host);
    const kubeconfig = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-oidc-run-')), 'kubeconfig');
    const provider = {
      'idp-issuer-url': idp.issuer,
      'client-id': client.clientId,
      'client-secret': client.clientSecret,
      'idp-certificate-authority-data': Buffer.from(idp.ca).toString('base64'),
      // Expired: the first request refreshes it, and the provider replaces the refresh-token.
      'id-token': idp.idToken(Math.floor(Date.now() / 1000) - 60),
      'refresh-token': idp.login(),
    };
    const authProvider = [
      '      auth-provider:',
      '        name: oidc',
      '        config:',
      ...Object.entries(provider).map(([key, value]) => `          ${key}: ${value}`),
    ];
    writeFileSync(kubeconfig, fake.kubeconfig.replace('      token: fake-token', authProvider.join('\n')));
    // Another writer holds the kubeconfig: the new refresh-token cannot be saved.
    writeFileSync(`${kubeconfig}.lock`, '');
    const lines: string[] = [];
    const outcome = await runGate(
      resolveConfig({ rbac: [rbacFile], engines: [engineFile], kubeconfig: [kubeconfig], timeout: 20_000 }),
      { log: (line) => lines.push(line), signal: new AbortController().signal },
    );

    assert.equal(outcome.decision.verdict, 'pass', lines.join('\n'));
    const warnings = warningsOf(outcome.report, outcome.decision);
    assert.equal(warnings.length, 1, lines.join('\n'));
    assert.match(
      warnings[0] ?? '',
      /^the identity provider replaced the refresh-token of kubeconfig user "tester", and the new one could not be saved /,
    );
    assert.ok(lines.includes(`[chaos-gate] WARNING: ${warnings[0]}`), lines.join('\n'));
  },
);

test(
  'a cleanup that cannot delete an object warns after the reports: the outcome carries it for the fronts',
  limit,
  async (t) => {
    const { fake, run, lines } = setup(t);
    playOperator(fake, 'Pass');
    fake.inject(
      { method: 'DELETE', path: /\/serviceaccounts\// },
      { status: 403, body: status(403, 'serviceaccounts "pod-delete-sa" is forbidden', 'Forbidden') },
    );
    const json = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-cleanup-')), 'report.json');
    const outcome = await run({ cleanup: 'always', reports: { json } });

    assert.equal(outcome.decision.verdict, 'pass');
    const warning = /^cleanup: deleting ServiceAccount default\/pod-delete-sa: .*forbidden.*\(HTTP 403\)/;
    assert.equal(outcome.warningsAfterReports?.length, 1);
    assert.match(outcome.warningsAfterReports?.[0] ?? '', warning);
    assert.ok(lines.includes(`[chaos-gate] WARNING: ${outcome.warningsAfterReports?.[0]}`), lines.join('\n'));
    // Written before the cleanup began: it has the verdict, and could not have this.
    assert.deepEqual((JSON.parse(readFileSync(json, 'utf8')) as { warnings: string[] }).warnings, []);
  },
);

test(
  'a cancel while a slow server creates the workflow: the workflow is shut down and removed, and the run exits as cancelled',
  limit,
  async (t) => {
    const fake = new FakeApi({
      resources: [
        ...defaultResources,
        {
          group: 'argoproj.io',
          version: 'v1alpha1',
          plural: 'workflows',
          kind: 'Workflow',
          namespaced: true,
        },
      ],
    });
    t.after(() => fake.close());
    const controller = new AbortController();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-wf-')), 'workflow.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Workflow',
        'metadata: { name: chaos-wf }',
        'spec:',
        '  entrypoint: main',
        '  templates:',
        '    - name: main',
        '      container: { image: busybox }',
        '',
      ].join('\n'),
    );
    // SIGTERM comes while the server is creating the workflow, which it does 200 ms later.
    fake.inject(
      { method: 'POST', path: /\/workflows$/, where: (r) => r.query.dryRun === undefined },
      async (request) => {
        controller.abort('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { status: 201, body: fake.put(request.body as KubeObject) };
      },
    );
    const outcome = await runGate(
      resolveConfig({ workflow: { file }, runId, timeout: 20_000, cleanup: 'always', stopTimeout: 3000 }),
      { log: () => {}, signal: controller.signal, kubeconfigContent: fake.kubeconfig },
    );

    assert.equal(outcome.cancelled, 'SIGTERM', 'exit 143, not 2 for nothing to judge');
    assert.deepEqual(
      outcome.report.suites.flatMap((s) => s.cases).map((c) => [c.outcome, c.message]),
      [['stopped', 'no status: the run was cancelled (SIGTERM) before the workflow started']],
    );
    assert.ok(
      fake.made({ method: 'PATCH', path: /\/workflows\/chaos-wf$/ }).length > 0,
      'the workflow was shut down',
    );
    assert.deepEqual(fake.list('Workflow'), [], 'and removed');
  },
);
