// How long a command takes to start, beside `node -e 0` in the same run: `--help`, `validate` of the
// example, and `report` of one small result file. Median of many runs; prints figures only.
//   node bench/startup.ts [runs, default 20]
import path from 'node:path';
import { header, measure, row } from './support/measure.ts';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 20);
const cli = path.join(root, 'dist/cli.js');
const node = process.execPath;

const floor = measure('floor: node -e 0', [node, '-e', '0'], runs);
console.log(header(`start-up, ${runs} runs each, median; node ${process.version}`));
console.log(row(floor, floor));
console.log(row(measure('chaos-gate --help', [node, cli, '--help'], runs), floor));
console.log(
  row(
    measure(
      'chaos-gate validate (examples/pod-delete)',
      [node, cli, 'validate', '--config', path.join(root, 'examples/pod-delete/chaos-gate.yaml')],
      runs,
    ),
    floor,
  ),
);
console.log(
  row(
    measure(
      'chaos-gate report --k6 (one summary)',
      [node, cli, 'report', '--k6', path.join(root, 'test/fixtures/load/k6-summary-export.json')],
      runs,
      process.env,
      // The summary breaks a threshold: the gate fails, as it should.
      1,
    ),
    floor,
  ),
);
