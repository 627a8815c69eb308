// `chaos-gate report` on many ChaosResults × 5 probes, as a JSON List and as multi-document YAML,
// beside the floor in the same run: Node's JSON.parse + string concatenation (JSON) and Python's C
// YAML loader (YAML). Median wall time and peak RSS of each. Prints figures; asserts nothing.
//   node bench/report.ts [sizes, default 1000,10000,50000] [runs, default 5]
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { header, measure, row } from './support/measure.ts';
import { writeResults } from './support/results.ts';

const root = path.resolve(import.meta.dirname, '..');
const sizes = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 5);
const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-bench-report-'));
const cli = path.join(root, 'dist/cli.js');
const out = path.join(dir, 'junit.xml');
// The generated results include failed verdicts, so the gate ends with exit 1.
const gateFails = 1;

console.log(`report benchmark: ${runs} runs each, median; node ${process.version}`);
for (const size of sizes) {
  const json = path.join(dir, `results-${size}.json`);
  const yaml = path.join(dir, `results-${size}.yaml`);
  writeResults(size, json, yaml);
  const jsonFloor = measure(
    'floor: JSON.parse + string concatenation',
    [process.execPath, path.join(root, 'bench/support/json-floor.ts'), json, out],
    runs,
  );
  const yamlAnchor = measure(
    'anchor: python3 PyYAML CSafeLoader + etree',
    ['python3', path.join(root, 'bench/support/yaml_anchor.py'), yaml, out],
    runs,
  );
  console.log(header(`${size} ChaosResults × 5 probes`));
  console.log(row(jsonFloor, jsonFloor));
  console.log(
    row(
      measure(
        'chaos-gate report --results (JSON List)',
        [process.execPath, cli, 'report', '--results', json, '--junit', out],
        runs,
        process.env,
        gateFails,
      ),
      jsonFloor,
    ),
  );
  console.log(row(yamlAnchor, jsonFloor));
  const yamlRun = measure(
    'chaos-gate report --results (YAML multi-doc)',
    [process.execPath, cli, 'report', '--results', yaml, '--junit', out],
    runs,
    process.env,
    gateFails,
  );
  console.log(row(yamlRun, jsonFloor));
  console.log(
    `  YAML against the Python anchor: ${(yamlRun.seconds / yamlAnchor.seconds).toFixed(2)}x time, ${(yamlRun.peakMb / yamlAnchor.peakMb).toFixed(2)}x peak RSS`,
  );
}
