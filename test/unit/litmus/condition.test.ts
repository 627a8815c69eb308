// When the chaos of a run is over, decided from engine and result status objects alone (no HTTP).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chaosCondition, stoppedCondition, type EngineRef } from '../../../src/litmus/condition.ts';
import type { ChaosEngine, ChaosResult } from '../../../src/litmus/types.ts';

const ref: EngineRef = { namespace: 'shop', name: 'cart-chaos', uid: 'uid-1' };

function engine(engineStatus?: string, runStatus?: string): ChaosEngine {
  return {
    metadata: { name: ref.name, namespace: ref.namespace, uid: ref.uid },
    spec: { experiments: [{ name: 'pod-delete' }] },
    status: {
      engineStatus,
      experiments: runStatus ? [{ name: 'pod-delete', status: runStatus }] : [],
    },
  };
}

function result(phase: string, verdict: string, chaosUID = ref.uid): ChaosResult {
  return {
    metadata: { name: 'cart-chaos-pod-delete', namespace: 'shop', labels: { chaosUID } },
    status: { experimentStatus: { phase, verdict } },
  };
}

/** What the wait reads of one case: done, or what is pending and whether it only lags. */
function judge(e: ChaosEngine | undefined, r?: ChaosResult): string {
  const view = {
    engines: new Map(e ? [['shop/cart-chaos', e]] : []),
    results: new Map(r ? [['shop/cart-chaos-pod-delete', r]] : []),
  };
  const { pending } = chaosCondition([ref], view);
  if (pending.length === 0) return 'done';
  return pending.map((p) => `${p.lagging ? 'lagging' : 'pending'}: ${p.label}`).join('; ');
}

const cases: [string, ChaosEngine | undefined, ChaosResult | undefined, string][] = [
  [
    'just applied: the engine is awaited',
    engine(),
    undefined,
    'pending: shop/cart-chaos pod-delete (Waiting)',
  ],
  [
    'running, the result says Awaited',
    engine('initialized', 'Running'),
    result('Running', 'Awaited'),
    'pending: shop/cart-chaos pod-delete (Running, verdict Awaited)',
  ],
  [
    'completed with a Pass of this run',
    engine('completed', 'Completed'),
    result('Completed', 'Pass'),
    'done',
  ],
  [
    'completed with a Fail of this run',
    engine('completed', 'Completed'),
    result('Completed_With_Probe_Failure', 'Fail'),
    'done',
  ],
  [
    'stopped: the result says Stopped',
    engine('stopped', 'Forcefully Aborted'),
    result('Stopped', 'Stopped'),
    'done',
  ],
  [
    "completed, but the result is an earlier run's (other chaosUID): the verdict lags",
    engine('completed', 'Completed'),
    result('Completed', 'Pass', 'uid-0'),
    'lagging: shop/cart-chaos pod-delete (Completed, verdict Pass)',
  ],
  [
    'completed without any result: lags',
    engine('completed', 'Completed'),
    undefined,
    'lagging: shop/cart-chaos pod-delete (Completed)',
  ],
  [
    'the verdict is in but the operator has not finished the engine',
    engine('initialized', 'Completed'),
    result('Completed', 'Pass'),
    'pending: shop/cart-chaos (engine initialized)',
  ],
  [
    'an experiment that will never run is not waited for',
    engine('completed', 'ChaosExperiment Not Found'),
    undefined,
    'done',
  ],
  ['an engine deleted under us: nothing more will come', undefined, undefined, 'done'],
];

for (const [name, e, r, expected] of cases) {
  test(name, () => assert.equal(judge(e, r), expected));
}

test('Litmus 1.x results (experimentstatus, lower-case key) are read as final', () => {
  const legacy: ChaosResult = {
    metadata: { name: 'cart-chaos-pod-delete', namespace: 'shop', labels: { chaosUID: ref.uid } },
    status: { experimentstatus: { phase: 'Completed', verdict: 'Pass' } },
  };
  assert.equal(judge(engine('completed', 'Completed'), legacy), 'done');
});

/** An engine whose status the API server took in a shape no Litmus writes (the CRD leaves status open). */
function garbled(engineStatus: string): ChaosEngine {
  const wrong = {
    ...engine(engineStatus, 'Running'),
    status: { engineStatus, experiments: { name: 'pod-delete' } },
  };
  return wrong as unknown as ChaosEngine;
}

test('an engine of the wrong shape does not break the wait: it lags, so the grace ends the wait, not the timeout', () => {
  const problem = 'ChaosEngine shop/cart-chaos: field status.experiments: expected a list, got a mapping';
  assert.equal(judge(garbled('initialized'), result('Running', 'Awaited')), `lagging: ${problem}`);
  assert.equal(judge(garbled('completed')), `lagging: ${problem}`);
});

test('a stop is confirmed from the engine status alone; an unfinished engine of the wrong shape says what is wrong', () => {
  const stopped = (e: ChaosEngine) =>
    stoppedCondition([ref], { engines: new Map([['shop/cart-chaos', e]]) }).pending.map((p) => p.label);
  assert.deepEqual(stopped(garbled('stopped')), []);
  assert.deepEqual(stopped(garbled('initialized')), [
    'shop/cart-chaos (unreadable: ChaosEngine shop/cart-chaos: field status.experiments: expected a list, got a mapping)',
  ]);
});
