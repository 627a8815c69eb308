// A results file larger than any whole-file read would take is read in the same memory as a small one:
// a child process reads 600 MB of JTL and its peak RSS stays far below the file's size.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { MiB } from '../../../src/files.ts';
import { repoRoot } from '../../support/fixtures.ts';

const fileMiB = 600;
/**
 * About 110 MB measured: Node with the reader loaded (50 MB), the young generation grown to its
 * maximum by the steady stream of garbage, and the histograms. A whole-file read needs twice the file.
 */
const ceilingMiB = 200;

test(`a ${fileMiB} MB JTL is read in under ${ceilingMiB} MB of memory`, (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-large-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'results.jtl');
  // 1 KB rows (a long URL in the label), one in ten failed, written 1 MiB at a time.
  let block = '';
  for (let i = 0; block.length < MiB - 1100; i++) {
    const failed = i % 10 === 0;
    block += `${1_795_000_000_000 + i},${100 + (i % 300)},GET /search?q=${'x'.repeat(950)},${!failed},${failed ? '"503, retry"' : ''}\n`;
  }
  const fd = openSync(file, 'w');
  writeSync(fd, 'timeStamp,elapsed,label,success,failureMessage\n');
  for (let i = 0; i < fileMiB; i++) writeSync(fd, block);
  closeSync(fd);
  const rows = (block.match(/\n/g)?.length ?? 0) * fileMiB;

  const reader = pathToFileURL(path.join(repoRoot, 'src/load/read.ts')).href;
  const child = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { readRequestFigures } from '${reader}';
       const figures = readRequestFigures({ jtl: process.argv[1] }, undefined, []);
       console.log(JSON.stringify({ requests: figures.overall.count, errorRate: figures.overall.errorRate,
         peakMiB: process.resourceUsage().maxRSS / 1024 }));`,
      file,
    ],
    { encoding: 'utf8' },
  );
  const { requests, errorRate, peakMiB } = JSON.parse(child) as Record<string, number>;
  assert.ok(statSync(file).size > 512 * MiB, 'more than a whole-file read allowed');
  assert.equal(requests, rows);
  assert.ok(Math.abs((errorRate ?? 0) - 0.1) < 0.001, `error rate ${errorRate}`);
  assert.ok((peakMiB ?? Infinity) < ceilingMiB, `peak RSS ${peakMiB} MiB for a ${fileMiB} MiB file`);
});
