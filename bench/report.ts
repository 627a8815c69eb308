// `chaos-gate report` on many ChaosResults × 5 probes, as a JSON List and as multi-document YAML,
// beside the floors in the same run: Node's JSON.parse + string concatenation, writing a minimal JUnit
// and writing byte for byte chaos-gate's (checked here), and Python's C YAML loader (YAML), run in
// turn. Median wall time and peak RSS of each. Prints figures; asserts nothing.
//   node bench/report.ts [sizes, default 1000,10000,50000] [runs, default 5]
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { header, measureTogether, row, type Measured } from './support/measure.ts';
import { writeResults } from './support/results.ts';

const root = path.resolve(import.meta.dirname, '..');
const sizes = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 5);
const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-bench-report-'));
const cli = path.join(root, 'dist/cli.js');
const out = path.join(dir, 'junit.xml');
const sameOut = path.join(dir, 'same-junit.xml');
const floor = path.join(root, 'bench/support/json-floor.ts');
// The generated results include failed verdicts, so the gate ends with exit 1.
const gateFails = 1;

console.log(`report benchmark: ${runs} runs each, median; node ${process.version}`);
for (const size of sizes) {
  const json = path.join(dir, `results-${size}.json`);
  const yaml = path.join(dir, `results-${size}.yaml`);
  writeResults(size, json, yaml);
  const [jsonFloor, sameFloor, yamlAnchor, jsonRun, yamlRun] = measureTogether(
    [
      {
        label: 'floor: JSON.parse + string concatenation',
        command: [process.execPath, floor, json, out],
      },
      {
        label: "floor writing chaos-gate's JUnit bytes",
        command: [process.execPath, floor, json, sameOut, 'same'],
      },
      {
        label: 'anchor: python3 PyYAML CSafeLoader + etree',
        command: ['python3', path.join(root, 'bench/support/yaml_anchor.py'), yaml, out],
      },
      {
        label: 'chaos-gate report --results (JSON List)',
        command: [process.execPath, cli, 'report', '--results', json, '--junit', out],
        expectedExit: gateFails,
      },
      {
        label: 'chaos-gate report --results (YAML multi-doc)',
        command: [process.execPath, cli, 'report', '--results', yaml, '--junit', out],
        expectedExit: gateFails,
      },
    ],
    runs,
  ) as [Measured, Measured, Measured, Measured, Measured];
  console.log(header(`${size} ChaosResults × 5 probes`));
  for (const measured of [jsonFloor, sameFloor, jsonRun, yamlAnchor, yamlRun])
    console.log(row(measured, jsonFloor));
  // The last command run was `report` on YAML, which writes the same JUnit as on JSON.
  const same = readFileSync(sameOut).equals(readFileSync(out));
  console.log(
    `  JSON against the floor writing the same JUnit${same ? '' : ' (NOT the same bytes: the figure is void)'}: ${(jsonRun.seconds / sameFloor.seconds).toFixed(2)}x time, ${(jsonRun.peakMb / sameFloor.peakMb).toFixed(2)}x peak RSS`,
  );
  console.log(
    `  YAML against the Python anchor: ${(yamlRun.seconds / yamlAnchor.seconds).toFixed(2)}x time, ${(yamlRun.peakMb / yamlAnchor.peakMb).toFixed(2)}x peak RSS`,
  );
}
