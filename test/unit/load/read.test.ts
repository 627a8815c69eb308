// Reading load-test result files: what a user sees when they hand over the wrong file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lineChunkBytes } from '../../../src/files.ts';
import { readK6Summary } from '../../../src/load/read.ts';
import { readFixture } from '../../support/fixtures.ts';
import { resultFile, samplesIn } from '../../support/load.ts';

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

test('a JTL row split between two reads at any byte: quoted line breaks and multi-byte labels stay whole', () => {
  const header = 'timeStamp,elapsed,label,success,failureMessage\n';
  const row = '2000,7,GET /café 🧨,false,"unavailable,\nsee the log"\n';
  // The first row pads the file so the end of the first read falls on each byte of the second row.
  for (let at = 0; at <= Buffer.byteLength(row); at++) {
    const padding = 'x'.repeat(lineChunkBytes - header.length - '1000,5,,true,\n'.length - at);
    const file = resultFile('split.jtl', `${header}1000,5,${padding},true,\n${row}3000,9,GET /b,true,\n`);
    assert.deepEqual(
      samplesIn('jtl', file).map((s) => [s.startMs, s.failure]),
      [
        [1000, undefined],
        [2000, 'GET /café 🧨: unavailable,\nsee the log'],
        [3000, undefined],
      ],
      `read ends ${at} bytes into the row`,
    );
  }
});

test('a result file that is a directory or a FIFO is refused by name, not read', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-not-a-file-'));
  assert.throws(() => samplesIn('jtl', dir), {
    message: `${dir}: cannot read the JMeter results: it is a directory`,
  });
  const fifo = path.join(dir, 'k6.fifo');
  execFileSync('mkfifo', [fifo]);
  assert.throws(() => samplesIn('k6Json', fifo), {
    message: `${fifo}: cannot read the k6 JSON output: not a regular file (a pipe, socket or device)`,
  });
});

test('a result file with only blank lines is named as empty', () => {
  const file = resultFile('hey.csv', '\n  \n');
  assert.throws(() => samplesIn('heyCsv', file), { message: `${file}: the hey CSV is empty` });
});
