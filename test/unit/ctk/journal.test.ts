// Journals written by the real Chaos Toolkit are converted in test/integration/chaostoolkit.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ctkJournalToSuite } from '../../../src/ctk/journal.ts';

test('something that is not a journal is rejected naming the file', () => {
  assert.throws(() => ctkJournalToSuite({ title: 'x' }, 'j.json'), /j\.json: not a Chaos Toolkit journal/);
});
