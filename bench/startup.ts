// How long a command takes to start, beside `node -e 0` in the same run: `--help`, `validate` of the
// example, and `report` of one small result file, each from dist/ (the Action, the npm bin) and from
// the Jenkins library's two-file CLI. Median of many runs; prints figures only.
//   node bench/startup.ts [runs, default 20]
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { header, measureTogether, row, type Measured, type Timed } from './support/measure.ts';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 20);
const node = process.execPath;
const fronts = {
  'chaos-gate': path.join(root, 'dist/cli.js'),
  jenkins: path.join(root, 'jenkins/resources/chaos-gate/cli.mjs'),
};

const noKubeconfig: NodeJS.ProcessEnv = {
  ...process.env,
  HOME: mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-bench-home-')),
};
delete noKubeconfig.KUBECONFIG;

const commands: Timed[] = [{ label: 'floor: node -e 0', command: [node, '-e', '0'] }];
for (const [front, cli] of Object.entries(fronts)) {
  commands.push(
    { label: `${front} --help`, command: [node, cli, '--help'] },
    {
      label: `${front} validate (examples/pod-delete)`,
      command: [node, cli, 'validate', '--config', path.join(root, 'examples/pod-delete/chaos-gate.yaml')],
      // No kubeconfig to read, whatever this machine has: reading one loads the Kubernetes client.
      env: noKubeconfig,
    },
    {
      label: `${front} report --k6 (one summary)`,
      command: [node, cli, 'report', '--k6', path.join(root, 'test/fixtures/load/k6-summary-export.json')],
      // The summary breaks a threshold: the gate fails, as it should.
      expectedExit: 1,
    },
  );
}
const measured = measureTogether(commands, runs);
const [floor] = measured as [Measured];
console.log(header(`start-up, ${runs} runs each in turn, median; node ${process.version}`));
for (const each of measured) console.log(row(each, floor));
