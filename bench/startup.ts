// How long a command takes to start, beside `node -e 0` in the same run: `--help`, `validate` of the
// example, and `report` of one small result file. Median of many runs; prints figures only.
//   node bench/startup.ts [runs, default 20]
import path from 'node:path';
import { header, measureTogether, row, type Measured } from './support/measure.ts';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 20);
const cli = path.join(root, 'dist/cli.js');
const node = process.execPath;

const measured = measureTogether(
  [
    { label: 'floor: node -e 0', command: [node, '-e', '0'] },
    { label: 'chaos-gate --help', command: [node, cli, '--help'] },
    {
      label: 'chaos-gate validate (examples/pod-delete)',
      command: [node, cli, 'validate', '--config', path.join(root, 'examples/pod-delete/chaos-gate.yaml')],
    },
    {
      label: 'chaos-gate report --k6 (one summary)',
      command: [node, cli, 'report', '--k6', path.join(root, 'test/fixtures/load/k6-summary-export.json')],
      // The summary breaks a threshold: the gate fails, as it should.
      expectedExit: 1,
    },
  ],
  runs,
);
const [floor] = measured as [Measured];
console.log(header(`start-up, ${runs} runs each in turn, median; node ${process.version}`));
for (const each of measured) console.log(row(each, floor));
