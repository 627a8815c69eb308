// Reading load-test result files of growing size: the reading path `run` takes after the chaos
// (readLoadSuite with a chaos window, thresholds and impact limits) beside two floors measured in the
// same run over the same file: `wc -l`, and a Node line count through the same 64 KiB buffer. Median
// wall time and peak RSS of each; memory should stay flat as the file grows. Prints figures only.
//   node bench/load-files.ts [JTL rows, default 100000,1000000,10000000] [k6 requests, default 100000,1000000] [runs, default 3] [XML JTL rows, default 100000,1000000]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { header, measureTogether, row, type Measured } from './support/measure.ts';
import { chaosWindow, writeJtl, writeJtlXml, writeK6Json } from './support/load-files.ts';

const root = path.resolve(import.meta.dirname, '..');
const jtlRows = (process.argv[2] ?? '100000,1000000,10000000').split(',').map(Number);
const k6Requests = (process.argv[3] ?? '100000,1000000').split(',').map(Number);
const runs = Number(process.argv[4] ?? 3);
const xmlRows = (process.argv[5] ?? '100000,1000000').split(',').map(Number);
const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-bench-load-'));
const node = process.execPath;

function compare(title: string, kind: 'jtl' | 'k6Json', file: string, requests: number): void {
  const mb = statSync(file).size / 1024 / 1024;
  const { startMs, endMs } = chaosWindow(requests);
  const [floor, wc, read] = measureTogether(
    [
      {
        label: 'floor: node line count, 64 KiB buffer',
        command: [node, 'bench/support/line-count.ts', file],
      },
      { label: 'floor: wc -l', command: ['wc', '-l', file] },
      {
        label: 'chaos-gate: read, impact, series',
        command: [node, 'bench/support/read-load.ts', kind, file, String(startMs), String(endMs)],
      },
    ],
    runs,
  ) as [Measured, Measured, Measured];
  console.log(header(`${title} (${mb.toFixed(0)} MB)`));
  console.log(row(floor, floor));
  console.log(row(wc, floor));
  console.log(row(read, floor));
}

console.log(`load-file benchmark: ${runs} runs each, median; node ${process.version}`);
process.chdir(root);
try {
  for (const rows of jtlRows) {
    const file = path.join(dir, `results-${rows}.jtl`);
    writeJtl(file, rows);
    compare(`JMeter CSV JTL, ${rows} rows`, 'jtl', file, rows);
    rmSync(file);
  }
  for (const rows of xmlRows) {
    const file = path.join(dir, `results-${rows}.xml`);
    writeJtlXml(file, rows);
    compare(`JMeter XML JTL, ${rows} samples`, 'jtl', file, rows);
    rmSync(file);
  }
  for (const requests of k6Requests) {
    const file = path.join(dir, `k6-${requests}.json`);
    writeK6Json(file, requests);
    compare(`k6 --out json, ${requests} requests`, 'k6Json', file, requests);
    rmSync(file);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
