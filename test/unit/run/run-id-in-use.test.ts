// A run id whose chaos still runs: what preflight says of each engine it finds under it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LitmusClient } from '../../../src/litmus/client.ts';
import type { ChaosEngine } from '../../../src/litmus/types.ts';
import { runIdInUse } from '../../../src/run/run-id-in-use.ts';

const engine = (name: string, status: unknown): ChaosEngine =>
  ({
    apiVersion: 'litmuschaos.io/v1alpha1',
    kind: 'ChaosEngine',
    metadata: { name, namespace: 'shop' },
    status,
  }) as ChaosEngine;

async function problemOf(engines: ChaosEngine[]): Promise<string> {
  const litmus = { enginesLabelled: async () => engines } as unknown as LitmusClient;
  const warnings: string[] = [];
  const problems = await runIdInUse('r1', { engines: ['shop'], workflows: [] }, { litmus }, (w) =>
    warnings.push(w),
  );
  assert.deepEqual(warnings, []);
  assert.equal(problems.length, 1);
  return problems[0] ?? '';
}

test('an unfinished engine under the run id is named with its engineStatus', async () => {
  const problem = await problemOf([
    engine('running', { engineStatus: 'initialized' }),
    engine('done', { engineStatus: 'completed' }),
  ]);
  assert.match(
    problem,
    /already labels chaos that has not finished: ChaosEngine shop\/running \(engineStatus initialized\)\. /,
  );
  assert.doesNotMatch(problem, /shop\/done/);
});

test('an engine whose status is of the wrong shape is named by the field, not as [object Object]', async () => {
  const problem = await problemOf([engine('odd', { engineStatus: { phase: 'running' } })]);
  assert.doesNotMatch(problem, /\[object Object\]/);
  assert.match(
    problem,
    /already labels chaos that has not finished: ChaosEngine shop\/odd: field status\.engineStatus: expected text, got a mapping\. /,
  );
});
