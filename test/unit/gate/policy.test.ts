import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPolicy, evaluateGate, type GatePolicy } from '../../../src/gate/policy.ts';
import type { Outcome, Report, ReportCase } from '../../../src/report/model.ts';

function caseOf(
  kind: ReportCase['kind'],
  outcome: Outcome,
  experiment = 'litmus/nginx-chaos/pod-delete',
): ReportCase {
  return {
    kind,
    className: 'litmus/nginx-chaos',
    name: `${kind}-${outcome}`,
    outcome,
    properties: {},
    experiment,
  };
}

function report(...cases: ReportCase[]): Report {
  return { suites: [{ kind: 'chaosengine', name: 'litmus/nginx-chaos', properties: {}, cases }] };
}

const policy = (overrides: Partial<GatePolicy> = {}): GatePolicy => ({ ...defaultPolicy, ...overrides });

test('all passed: the gate passes and says what it checked', () => {
  const decision = evaluateGate(report(caseOf('experiment', 'pass'), caseOf('probe', 'pass')), policy());
  assert.equal(decision.verdict, 'pass');
  assert.deepEqual(decision.counts, { passed: 2, failed: 0, errored: 0, skipped: 0, tolerated: 0 });
  assert.equal(decision.probeSuccess, 100);
});

test('any failed verdict fails the gate by default, naming the experiment', () => {
  const failed = { ...caseOf('experiment', 'fail'), message: 'probe x failed' };
  const decision = evaluateGate(report(failed), policy());
  assert.equal(decision.verdict, 'fail');
  assert.match(decision.reasons[0] ?? '', /litmus\/nginx-chaos › experiment-fail failed: probe x failed/);
});

test('an experiment allowed to fail does not fail the gate, by name, engine/name or full id', () => {
  for (const pattern of ['pod-delete', 'nginx-chaos/pod-delete', 'litmus/nginx-chaos/pod-delete']) {
    const decision = evaluateGate(
      report(caseOf('experiment', 'fail'), caseOf('probe', 'fail')),
      policy({ allowFailures: [pattern] }),
    );
    assert.equal(decision.verdict, 'pass', pattern);
    assert.equal(decision.counts.skipped, 2);
  }
  const other = evaluateGate(
    report(caseOf('experiment', 'fail')),
    policy({ allowFailures: ['pod-cpu-hog'] }),
  );
  assert.equal(other.verdict, 'fail');
});

test('Stopped counts as a failure by default and as skipped when configured', () => {
  assert.equal(evaluateGate(report(caseOf('experiment', 'stopped')), policy()).verdict, 'fail');
  const skipped = evaluateGate(report(caseOf('experiment', 'stopped')), policy({ stopped: 'skip' }));
  assert.equal(skipped.verdict, 'pass');
  assert.equal(skipped.counts.skipped, 1);
});

test('a stopped case says it was stopped, and its message who stopped it: not always an abort', () => {
  const byGate = {
    ...caseOf('experiment', 'stopped'),
    message: 'stopped by chaos-gate after the 10m timeout',
  };
  assert.deepEqual(evaluateGate(report(byGate), policy()).reasons, [
    'experiment litmus/nginx-chaos › experiment-stopped was stopped: stopped by chaos-gate after the 10m timeout',
  ]);
});

test('a timeout is an error by default and skipped when configured', () => {
  const decision = evaluateGate(report(caseOf('experiment', 'timeout')), policy());
  assert.equal(decision.verdict, 'fail');
  assert.equal(decision.counts.errored, 1);
  assert.match(decision.reasons[0] ?? '', /experiment .* did not finish$/);
  assert.equal(
    evaluateGate(report(caseOf('experiment', 'timeout')), policy({ timeouts: 'skip' })).verdict,
    'pass',
  );
});

test('minimum probe success: below fails, at the minimum passes', () => {
  const cases = [
    caseOf('probe', 'pass'),
    caseOf('probe', 'pass'),
    caseOf('probe', 'fail'),
    caseOf('probe', 'skipped'),
  ];
  const lenient = policy({ failOnFailure: false });
  const below = evaluateGate(report(...cases), { ...lenient, minProbeSuccess: 60 });
  assert.equal(below.probeSuccess, 50);
  assert.equal(below.verdict, 'fail');
  assert.match(below.reasons.join('\n'), /probe success 50% is below the minimum of 60%/);
  assert.equal(evaluateGate(report(...cases), { ...lenient, minProbeSuccess: 50 }).verdict, 'pass');
});

test('a minimum probe success with no probes at all fails rather than passing silently', () => {
  const decision = evaluateGate(report(caseOf('experiment', 'pass')), policy({ minProbeSuccess: 80 }));
  assert.equal(decision.verdict, 'fail');
  assert.match(decision.reasons[0] ?? '', /no probe ran/);
});

test('an empty report fails: nothing was checked', () => {
  assert.equal(evaluateGate({ suites: [] }, policy()).verdict, 'fail');
});

test('a tolerated failure is skipped with the setting that tolerates it, and counted', () => {
  const failed = report(caseOf('experiment', 'fail'), caseOf('probe', 'fail'));
  const allowed = evaluateGate(failed, policy({ allowFailures: ['pod-delete'] }));
  assert.deepEqual(allowed.judgements.flat(), [
    { status: 'skipped', tolerated: 'allowFailures' },
    { status: 'skipped', tolerated: 'allowFailures' },
  ]);
  assert.equal(allowed.counts.tolerated, 2);
  assert.match(allowed.reasons[0] ?? '', /^passed with 2 failure\(s\) the policy tolerates/);
});

test('thresholds only: failed probes are tolerated while the probe floor holds, and are the failures once it does not', () => {
  const cases = [
    caseOf('experiment', 'fail'),
    { ...caseOf('probe', 'fail'), name: 'p1' },
    { ...caseOf('probe', 'pass'), name: 'p2' },
    { ...caseOf('probe', 'pass'), name: 'p3' },
  ];
  const holds = evaluateGate(report(...cases), policy({ failOnFailure: false, minProbeSuccess: 60 }));
  assert.equal(holds.verdict, 'pass');
  assert.deepEqual(
    holds.judgements.flat().map((j) => j.tolerated),
    ['failOnFailure', 'minProbeSuccess', undefined, undefined],
  );
  const below = evaluateGate(report(...cases), policy({ failOnFailure: false, minProbeSuccess: 70 }));
  assert.equal(below.verdict, 'fail');
  assert.deepEqual(
    below.judgements.flat().map((j) => j.status),
    ['skipped', 'failed', 'passed', 'passed'],
  );
  assert.deepEqual(below.reasons, ['probe success 66% is below the minimum of 70%']);
});

test('chaos not confirmed stopped fails the gate whatever the policy allows', () => {
  const stop = {
    ...caseOf('chaos-stop', 'error'),
    message: 'chaos may still be running: ChaosEngine litmus/nginx-chaos was not confirmed stopped',
  };
  const lenient = policy({ failOnFailure: false, allowFailures: ['pod-delete'], timeouts: 'skip' });
  const decision = evaluateGate(report(caseOf('experiment', 'pass'), stop), lenient);
  assert.equal(decision.verdict, 'fail');
  assert.match(decision.reasons[0] ?? '', /chaos may still be running/);
  const [, stopJudgement] = decision.judgements[0] ?? [];
  assert.equal(stopJudgement?.status, 'error');
  assert.equal(stopJudgement?.tolerated, undefined);
});

test('a cluster the gate could not run on fails it, even when only thresholds decide', () => {
  const gone = {
    ...caseOf('cluster', 'error'),
    message: 'could not run on this cluster: connect ECONNREFUSED',
  };
  const lenient = policy({ failOnFailure: false, allowFailures: ['pod-delete'] });
  const decision = evaluateGate(report(caseOf('experiment', 'pass'), gone), lenient);
  assert.equal(decision.verdict, 'fail');
  assert.match(decision.reasons[0] ?? '', /could not run on this cluster/);
});
