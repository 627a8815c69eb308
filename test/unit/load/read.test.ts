// Reading load-test result files: what a user sees when they hand over the wrong file.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readK6Summary } from '../../../src/load/read.ts';
import { readFixture } from '../../support/fixtures.ts';

test("k6's --out json stream given as the summary: the error names --summary-export and handleSummary", () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-k6-')), 'k6.json');
  writeFileSync(file, readFixture('load/k6-output.json'));
  assert.throws(
    () => readK6Summary(file),
    (error: Error) =>
      error.message.startsWith(`${file}: this is k6's \`--out json\` stream`) &&
      error.message.includes('--summary-export=FILE') &&
      error.message.includes('handleSummary()') &&
      error.message.includes('load.results.k6Json'),
  );
});
