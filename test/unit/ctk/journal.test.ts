import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ctkJournalToSuite } from '../../../src/ctk/journal.ts';
import { readFixture } from '../../support/fixtures.ts';

test('a deviated journal: hypothesis before passes, after fails, the failed action carries its exception', () => {
  const suite = ctkJournalToSuite(JSON.parse(readFixture('ctk/journal-deviated.json')), 'journal.json');
  assert.equal(suite.name, 'chaostoolkit/checkout survives losing a pod');
  assert.deepEqual(
    suite.cases.map((c) => [c.kind, c.name, c.outcome]),
    [
      ['ctk-hypothesis', 'steady state before: checkout-responds', 'pass'],
      ['ctk-hypothesis', 'steady state after: checkout-responds', 'fail'],
      ['ctk-activity', 'action: terminate-checkout-pod', 'pass'],
      ['ctk-activity', 'action: scale-checkout-down', 'fail'],
      ['ctk-hypothesis', 'experiment', 'fail'],
    ],
  );
  assert.match(suite.cases[1]?.message ?? '', /tolerance not met: \{"status":503\}/);
  assert.match(suite.cases[3]?.message ?? '', /cannot patch resource "deployments\/scale"/);
  assert.equal(suite.properties.deviated, 'true');
});

test('something that is not a journal is rejected naming the file', () => {
  assert.throws(() => ctkJournalToSuite({ title: 'x' }, 'j.json'), /j\.json: not a Chaos Toolkit journal/);
});
