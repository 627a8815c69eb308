// What the main step hands the post step: the runs and what each created, within what the runner can
// pass on (an environment variable).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { maxRecordChars, state, type RecordedRun } from '../../../src/action/state.ts';
import type { AppliedObject } from '../../../src/kube/apply.ts';
import { readRecords } from '../../support/github-files.ts';

const engine = (i: number): AppliedObject => ({
  role: 'engine',
  apiVersion: 'litmuschaos.io/v1alpha1',
  kind: 'ChaosEngine',
  namespace: 'shop',
  name: `checkout-pod-delete-${i}`,
  uid: `0b3f1c2e-7d4a-4e9b-9a51-${String(i).padStart(12, '0')}`,
  ownership: 'run',
});

test('what a run created is recorded as it grows, and what no longer fits leaves the last record standing', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'state-')), 'state');
  writeFileSync(file, '');
  process.env.GITHUB_STATE = file;
  try {
    const saved = () => JSON.parse(readRecords(file).runs ?? '[]') as unknown;
    state.saveRun({ runId: 'checkout', namespaces: ['shop'] });
    const few = { record: 'checkout', applied: [engine(1), engine(2)] };
    assert.equal(state.saveCreated('checkout', few), true);
    assert.deepEqual(saved(), [{ runId: 'checkout', namespaces: ['shop'], created: few }]);

    const count = Math.ceil(maxRecordChars / JSON.stringify(engine(0)).length);
    const many = { record: 'checkout', applied: Array.from({ length: count }, (_, i) => engine(i)) };
    assert.equal(state.saveCreated('checkout', many), false);
    assert.deepEqual(saved(), [{ runId: 'checkout', namespaces: ['shop'], created: few }]);
    assert.ok(count > 100, `${count}: a run of a hundred engines fits`);
  } finally {
    delete process.env.GITHUB_STATE;
  }
});

test("a run's leases are recorded as preflight takes them, and its start replaces that record", () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'state-')), 'state');
  writeFileSync(file, '');
  process.env.GITHUB_STATE = file;
  try {
    // The record holds the runs of every test of this file: this one's alone.
    const saved = () =>
      (JSON.parse(readRecords(file).runs ?? '[]') as RecordedRun[]).filter((run) => run.runId === 'cart-eu');
    const target = { name: 'eu', context: 'eu' };
    const lease = (namespace: string) => ({
      namespace,
      name: 'chaos-gate-run-cart-eu',
      holderIdentity: 'r/1',
    });
    state.saveRun({ runId: 'cart-eu', namespaces: [], target, leases: [lease('shop')], inPreflight: true });
    const both = [lease('shop'), lease('web')];
    state.saveRun({ runId: 'cart-eu', namespaces: [], target, leases: both, inPreflight: true });
    assert.deepEqual(saved(), [
      { runId: 'cart-eu', namespaces: [], target, leases: both, inPreflight: true },
    ]);
    state.saveRun({ runId: 'cart-eu', namespaces: ['shop', 'web'], target, leases: both });
    assert.deepEqual(saved(), [{ runId: 'cart-eu', namespaces: ['shop', 'web'], target, leases: both }]);
  } finally {
    delete process.env.GITHUB_STATE;
  }
});
