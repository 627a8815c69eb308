// API requests per `chaos-gate run`, counted in the sandbox API server's audit log under the CLI's own
// identity: one engine waited on for 5 s, 60 s and 180 s, and 1, 20 and 100 engines at 5 s; beside
// it, in the same run, the anchor: a loop that lists the engines every 5 s (chaos-ci-lib's DELAY).
// The CLI's resident memory is sampled every second (VmRSS): at the start and the end of each wait.
// One run per case: the counts do not vary from run to run. Prints figures only.
//   node bench/cluster-requests.ts [--waits 5,60,180] [--engines 1,20,100] [--quick]
import { parseArgs } from 'node:util';
import { countByKind } from './support/audit.ts';
import { startBenchCluster } from './support/bench-cluster.ts';
import { appliedEngineLine, cliRequests, find, pollRequests, resultLine } from './support/figures.ts';
import { gateRun, type GateRun } from './support/gate-run.ts';
import { printPreamble, printTable } from './support/table.ts';

const { values } = parseArgs({
  options: {
    waits: { type: 'string', default: '5,60,180' },
    engines: { type: 'string', default: '1,20,100' },
    quick: { type: 'boolean', default: false },
  },
});
const list = (text: string) => text.split(',').map(Number);
const waits = list(values.quick ? '5,20' : values.waits);
const [shortWait = 5] = waits;
const cases = [
  ...waits.map((wait) => ({ engines: 1, wait })),
  ...list(values.quick ? '20' : values.engines)
    .filter((engines) => engines !== 1)
    .map((engines) => ({ engines, wait: shortWait })),
];
const label = ({ engines, wait }: { engines: number; wait: number }) =>
  `${engines} engine${engines > 1 ? 's' : ''}, ${wait} s`;

printPreamble('chaos-gate run: API requests and memory against the wait, 1 run per case');
const cluster = await startBenchCluster();
const runs: GateRun[] = [];
try {
  for (const { engines, wait } of cases) {
    runs.push(
      await gateRun([cluster], {
        engines,
        runMs: wait * 1000,
        cleanup: 'always',
        poll: true,
        rssEveryMs: 1000,
      }),
    );
    console.error(`done: ${label({ engines, wait })}`);
  }
} finally {
  await cluster.sandbox.stop();
}

const counts = runs.map((run) => countByKind(cliRequests(run)));
const kinds = [...new Set(counts.flatMap((count) => [...count.keys()]))].sort();
printTable(
  "The CLI's requests per run (audit log, one per auditID), by verb and resource",
  ['request', ...cases.map(label)],
  [
    ...kinds.map((kind) => [kind, ...counts.map((count) => String(count.get(kind) ?? 0))]),
    ['total', ...runs.map((run) => String(cliRequests(run).length))],
    ['anchor: the 5 s poll loop, while the CLI ran', ...runs.map((run) => String(pollRequests(run).length))],
  ],
);

printTable(
  "The CLI's resident memory (VmRSS, sampled each second) from the last engine applied to the last verdict seen",
  ['case', 'wait', 'samples', 'first', 'last', 'last − first', 'peak RSS (GNU time)'],
  runs.map((run, i) => {
    const from = find(run.cli.lines, appliedEngineLine, 'last').at;
    const to = find(run.cli.lines, resultLine, 'last').at;
    const inWait = run.cli.rss.filter((sample) => sample.at >= from && sample.at <= to);
    const [first, last] = [inWait[0]?.mb ?? NaN, inWait.at(-1)?.mb ?? NaN];
    const mb = (value: number) => `${value.toFixed(1)} MB`;
    return [
      label(cases[i] ?? { engines: 0, wait: 0 }),
      `${((to - from) / 1000).toFixed(1)} s`,
      String(inWait.length),
      mb(first),
      mb(last),
      mb(last - first),
      mb(run.cli.peakMb),
    ];
  }),
);
