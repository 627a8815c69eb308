import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convertChaos, expectedResultNames } from '../../../src/litmus/convert.ts';
import type { ChaosEngine, ChaosResult } from '../../../src/litmus/types.ts';
import type { ReportCase } from '../../../src/report/model.ts';
import { loadFixture } from '../../support/fixtures.ts';

const result = (name: string) => loadFixture<ChaosResult>(`litmus/results/${name}.yaml`);
const engine = (name: string) => loadFixture<ChaosEngine>(`litmus/engines/${name}.yaml`);

function casesOf(results: ChaosResult[], engines: ChaosEngine[] = [], extra = {}): ReportCase[] {
  return convertChaos({ engines, results, ...extra }).suites.flatMap((s) => s.cases);
}

test('a 3.x Pass result gives a passed experiment and passed probes', () => {
  const [experiment, ...probes] = casesOf([result('chaosresult-3x-pass')]);
  assert.equal(experiment?.kind, 'experiment');
  assert.equal(experiment?.name, 'pod-delete');
  assert.equal(experiment?.outcome, 'pass');
  assert.equal(probes.length, 2);
  assert.deepEqual(
    probes.map((p) => [p.properties.probe, p.properties.type, p.properties.mode, p.outcome]),
    [
      ['check-frontend-access-url', 'httpProbe', 'Continuous', 'pass'],
      ['check-nginx-ready-replicas', 'cmdProbe', 'Edge', 'pass'],
    ],
  );
});

test('a failed probe fails the experiment and carries the probe description', () => {
  const cases = casesOf([result('chaosresult-3x-fail-probe')]);
  const experiment = cases.find((c) => c.kind === 'experiment');
  assert.equal(experiment?.outcome, 'fail');
  assert.match(experiment?.message ?? '', /check-frontend-access-url failed: Actual value: 503/);
  const probe = cases.find((c) => c.properties.probe === 'check-frontend-access-url');
  assert.equal(probe?.outcome, 'fail');
  assert.equal(probe?.message, 'Actual value: 503. Expected value: should be equal to 200');
  assert.equal(experiment?.properties.probeSuccessPercentage, '50');
});

test('an Error verdict carries the errorOutput code and the readable reason', () => {
  const cases = casesOf([result('chaosresult-3x-error')]);
  const experiment = cases.find((c) => c.kind === 'experiment');
  assert.equal(experiment?.outcome, 'error');
  assert.equal(
    experiment?.message,
    'TARGET_SELECTION_ERROR: no target pods found (in ChaosInject, target [{namespace: default, kind: deployment, labels: [app=nginx-typo]}])',
  );
  assert.deepEqual(
    cases.filter((c) => c.kind === 'probe').map((c) => c.outcome),
    ['skipped', 'skipped'],
  );
});

test('Stopped and Awaited results become stopped and timeout', () => {
  assert.equal(casesOf([result('chaosresult-3x-stopped')])[0]?.outcome, 'stopped');
  const awaited = casesOf([result('chaosresult-3x-awaited')]);
  assert.equal(awaited[0]?.outcome, 'timeout');
  assert.ok(awaited.filter((c) => c.kind === 'probe').every((c) => c.outcome === 'timeout'));
});

test('Litmus 2.14 failStep becomes the failure message', () => {
  const experiment = casesOf([result('chaosresult-2.14-fail-failstep')]).find((c) => c.kind === 'experiment');
  assert.equal(experiment?.outcome, 'fail');
  assert.match(experiment?.details ?? '', /Probe execution result didn't met the passing criteria/);
});

test('Litmus 2.13 probeStatus maps with emoji verdicts are read per phase', () => {
  const cases = casesOf([result('chaosresult-2.13-legacy-probestatus-map')]);
  assert.equal(cases[0]?.outcome, 'pass');
  const probes = cases.filter((c) => c.kind === 'probe');
  assert.deepEqual(
    probes.map((p) => [p.properties.probe, p.properties.mode, p.outcome]),
    [
      ['check-frontend-access-url', 'Continuous', 'pass'],
      ['check-nginx-ready-replicas', 'PostChaos,PreChaos', 'pass'],
    ],
  );
});

test('Litmus 1.2 to 1.13.2: the lower-case experimentstatus key is read', () => {
  const [experiment] = casesOf([result('chaosresult-1.13-lowercase-experimentstatus')]);
  assert.equal(experiment?.name, 'pod-delete');
  assert.equal(experiment?.outcome, 'pass');
  const failed = structuredClone(result('chaosresult-1.13-lowercase-experimentstatus'));
  failed.status!.experimentstatus!.verdict = 'Fail';
  assert.equal(casesOf([failed])[0]?.outcome, 'fail');
});

test('an engine suite takes only the result whose chaosUID label matches the engine UID', () => {
  const completed = engine('observed-completed');
  const pass = structuredClone(result('chaosresult-3x-pass'));
  pass.metadata.name = 'nginx-chaos-pass-pod-delete';
  pass.metadata.labels = { ...pass.metadata.labels, chaosUID: completed.metadata.uid ?? '' };
  const suites = convertChaos({ engines: [completed], results: [pass] }).suites;
  assert.equal(suites.length, 1);
  assert.equal(suites[0]?.name, 'default/nginx-chaos-pass');
  assert.equal(suites[0]?.cases[0]?.outcome, 'pass');
  assert.equal(suites[0]?.properties['chaos.duration'], '30s');
  assert.equal(suites[0]?.properties['target.app'], 'deployment default app=nginx');

  const stale = structuredClone(pass);
  stale.metadata.labels = { ...stale.metadata.labels, chaosUID: 'a-previous-run' };
  const staleCases = convertChaos({ engines: [completed], results: [stale] }).suites.flatMap((s) => s.cases);
  assert.equal(staleCases.length, 1, 'the previous run result is not reported as this run');
  assert.equal(staleCases[0]?.outcome, 'error');
  assert.equal(
    staleCases[0]?.message,
    "no ChaosResult of this run: the ChaosResult nginx-chaos-pass-pod-delete found belongs to another run (chaosUID a-previous-run, not the engine's UID 6b3e9a10-52d4-4f0e-8c3b-7a9d2e41f5c8)",
  );
});

test('a ChaosResult an earlier run left and this run reused: the experiment starts no earlier than its engine', () => {
  const completed = engine('observed-completed'); // created 10:00:00, experiment updated last at 10:01:16
  const fresh = structuredClone(result('chaosresult-3x-pass'));
  fresh.metadata.name = 'nginx-chaos-pass-pod-delete';
  const experimentOf = (chaosResult: ChaosResult) =>
    convertChaos({ engines: [completed], results: [chaosResult] }).suites[0]?.cases[0];
  // Written first by this run (09 s after the engine was made): its creation is the start.
  assert.deepEqual(
    [experimentOf(fresh)?.startedAt, experimentOf(fresh)?.durationSeconds],
    ['2026-11-20T10:00:09Z', 67],
  );
  // Written first by a run the day before: created then, its verdict this run's (the chaosUID label).
  const reused = structuredClone(fresh);
  reused.metadata.creationTimestamp = '2026-11-19T08:00:00Z';
  reused.status!.history!.passedRuns = 4;
  const [experiment, probe] = convertChaos({ engines: [completed], results: [reused] }).suites[0]!.cases;
  assert.equal(experiment?.outcome, 'pass');
  assert.deepEqual([experiment?.startedAt, experiment?.durationSeconds], ['2026-11-20T10:00:00Z', 76]);
  assert.equal(probe?.startedAt, '2026-11-20T10:00:00Z');
});

test('results without their engine: one that served earlier runs cannot say when this run started', () => {
  const first = result('chaosresult-3x-pass'); // passedRuns 1, counting this run
  const firstSuite = convertChaos({ engines: [], results: [first] }).suites[0];
  assert.equal(firstSuite?.timestamp, '2026-11-20T10:00:09Z');
  assert.equal(firstSuite?.cases[0]?.startedAt, '2026-11-20T10:00:09Z');

  const reused = structuredClone(first);
  reused.status!.history!.failedRuns = 2;
  const running = structuredClone(result('chaosresult-3x-awaited'));
  running.status!.history!.stoppedRuns = 1; // counted before this run's start-of-test write
  for (const [what, chaosResult] of [
    ['finished', reused],
    ['running', running],
  ] as const) {
    const suite = convertChaos({ engines: [], results: [chaosResult] }).suites[0];
    assert.equal(suite?.timestamp, undefined, what);
    assert.ok(
      suite?.cases.every((c) => c.startedAt === undefined && c.durationSeconds === undefined),
      `${what}: its creationTimestamp is its first run's`,
    );
  }
  // An Error verdict counts in no history counter: the one counted is an earlier run's.
  const errored = structuredClone(result('chaosresult-3x-error'));
  errored.status!.history = { passedRuns: 1, failedRuns: 0, stoppedRuns: 0 };
  assert.equal(convertChaos({ engines: [], results: [errored] }).suites[0]?.cases[0]?.startedAt, undefined);
});

test("objects as report found them: an experiment without this run's result has no verdict yet, not an error", () => {
  const completed = engine('observed-completed');
  const stale = structuredClone(result('chaosresult-3x-pass'));
  stale.metadata.labels = { ...stale.metadata.labels, chaosUID: 'a-previous-run' };
  const [experiment] = casesOf([stale], [completed], { asFound: true });
  assert.equal(experiment?.outcome, 'timeout');
  assert.match(experiment?.message ?? '', /belongs to another run \(chaosUID a-previous-run/);
  assert.equal(casesOf([], [completed], { asFound: true })[0]?.outcome, 'timeout');
});

test('an aborted engine with its Stopped result: the experiment is stopped, its probes not evaluated', () => {
  const stopped = engine('observed-stopped');
  const [experiment, ...probes] = casesOf([result('chaosresult-3x-stopped')], [stopped]);
  assert.equal(experiment?.name, 'pod-delete');
  assert.equal(experiment?.outcome, 'stopped');
  assert.deepEqual(
    probes.map((p) => p.outcome),
    ['skipped', 'skipped'],
  );
});

test('a Stopped verdict says who stopped the engine: chaos-gate and why, someone else, or a probe', () => {
  const stopped = engine('observed-stopped');
  const key = `${stopped.metadata.namespace}/${stopped.metadata.name}`;
  const stoppedResult = result('chaosresult-3x-stopped');
  const told = (extra: object, results = [stoppedResult]) => {
    const [experiment] = casesOf(results, [stopped], extra);
    return [experiment?.outcome, experiment?.message];
  };
  const byGate = { stoppedByGate: { engines: [key], timeout: '10m' } };
  // Stopped at the timeout: a timeout (gate.timeouts), as an engine the run applied is.
  assert.deepEqual(told({ ...byGate, timedOut: true }), [
    'timeout',
    'stopped by chaos-gate after the 10m timeout, before it finished',
  ]);
  assert.deepEqual(told({ ...byGate, cancelled: 'SIGINT' }), [
    'stopped',
    'stopped by chaos-gate when the run was cancelled (SIGINT), before it finished',
  ]);
  assert.deepEqual(told({ ...byGate, timedOut: true, cancelled: 'SIGTERM' }), [
    'timeout',
    'stopped by chaos-gate after the 10m timeout (the run was then cancelled by SIGTERM during the stop), before it finished',
  ]);
  // Stopped because the workflow whose step created it ended first (errored mid-run).
  const outlived = {
    stoppedByGate: { ...byGate.stoppedByGate, outlived: 'workflow litmus/chaos-x ended (Error)' },
  };
  assert.deepEqual(told(outlived), [
    'stopped',
    'stopped by chaos-gate when workflow litmus/chaos-x ended (Error) with it still running, before it finished',
  ]);
  // A run that did not stop this engine: someone set engineState: stop in the cluster.
  assert.deepEqual(told({ stoppedByGate: { engines: [], timeout: '10m' } }), [
    'stopped',
    'aborted in the cluster before it finished (engineState set to stop by someone else, not by chaos-gate)',
  ]);
  // A failed probe with stopOnFailure stops its experiment: Litmus did, not someone else.
  const probeStopped = structuredClone(stoppedResult);
  probeStopped.status!.probeStatuses![0]!.status = { verdict: 'Failed', description: 'Actual value: 503' };
  assert.deepEqual(told({ stoppedByGate: { engines: [], timeout: '10m' } }, [probeStopped]), [
    'stopped',
    'stopped by Litmus when probe check-frontend-access-url failed (stopOnFailure): Actual value: 503',
  ]);
  // `report` does not know who stopped it: Litmus's word.
  assert.deepEqual(told({}), ['stopped', 'the experiment was stopped (aborted) before it finished']);
});

test('a running engine at timeout reports its experiment as a timeout', () => {
  const running = engine('observed-running');
  const cases = casesOf([], [running], { timedOut: true });
  assert.equal(cases[0]?.outcome, 'timeout');
  assert.match(cases[0]?.message ?? '', /timed out/);
});

test('at the timeout, an experiment says whether it had started: Running without a result, or still waiting for its job', () => {
  const running = engine('observed-running');
  assert.equal(
    casesOf([], [running], { timedOut: true })[0]?.message,
    'no verdict: the experiment was Running but had written no ChaosResult when the wait timed out',
  );
  const waiting = structuredClone(running);
  waiting.status!.experiments![0]!.status = 'Waiting for Job Creation';
  assert.equal(
    casesOf([], [waiting], { timedOut: true })[0]?.message,
    'no verdict: the experiment had not started when the wait timed out',
  );
});

test('a cancelled run reports unfinished experiments as stopped', () => {
  const running = engine('observed-running');
  const cases = casesOf([], [running], { cancelled: 'SIGTERM' });
  assert.equal(cases[0]?.outcome, 'stopped');
  assert.match(cases[0]?.message ?? '', /cancelled \(SIGTERM\)/);
});

test('a run cancelled during the stop after its timeout: the experiment timed out, and says the cancel came next', () => {
  const running = engine('observed-running');
  const [experiment] = casesOf([], [running], { timedOut: true, cancelled: 'SIGTERM' });
  assert.equal(experiment?.outcome, 'timeout');
  assert.match(
    experiment?.message ?? '',
    /when the wait timed out, and the run was then cancelled \(SIGTERM\) while chaos-gate stopped the chaos$/,
  );
});

test('an experiment the operator could not find fails with that reason', () => {
  const completed = structuredClone(engine('observed-completed'));
  completed.status!.experiments![0]!.status = 'ChaosExperiment Not Found';
  const cases = casesOf([], [completed]);
  assert.equal(cases[0]?.outcome, 'fail');
  assert.equal(cases[0]?.message, 'experiment not run: ChaosExperiment Not Found');
});

test('case names are unique within a suite', () => {
  const cases = casesOf([result('chaosresult-3x-fail-probe')]);
  const keys = cases.map((c) => `${c.className}::${c.name}`);
  assert.equal(new Set(keys).size, keys.length);
});

test('a live engine of the wrong shape is an error case naming it and the field, beside its verdicts; the other engines are judged as usual', () => {
  const fine = engine('observed-completed');
  const pass = structuredClone(result('chaosresult-3x-pass'));
  pass.metadata.labels = { ...pass.metadata.labels, chaosUID: fine.metadata.uid ?? '' };
  // The API server takes any status (the CRD leaves it open): here one no Litmus writes.
  const wrong = structuredClone(fine);
  wrong.metadata = { ...wrong.metadata, name: 'cart-chaos', uid: 'uid-wrong' };
  Object.assign(wrong.status ?? {}, { experiments: { name: 'pod-delete' } });
  const itsResult = structuredClone(pass);
  itsResult.metadata = { ...itsResult.metadata, name: 'cart-chaos-pod-delete' };
  itsResult.spec = { ...itsResult.spec, engine: 'cart-chaos' };

  assert.deepEqual(expectedResultNames(wrong), [], 'no name is read from experiments that cannot be read');
  const suites = convertChaos({ engines: [fine, wrong], results: [pass, itsResult] }).suites;
  assert.deepEqual(
    suites.map((s) => [
      s.name,
      s.cases.filter((c) => c.kind === 'experiment').map((c) => [c.name, c.outcome]),
    ]),
    [
      ['default/nginx-chaos-pass', [['pod-delete', 'pass']]],
      [
        'default/cart-chaos',
        [
          ['(engine)', 'error'],
          ['pod-delete', 'pass'],
        ],
      ],
    ],
  );
  assert.equal(
    suites[1]?.cases[0]?.message,
    'ChaosEngine default/cart-chaos: field status.experiments: expected a list, got a mapping',
  );
});
