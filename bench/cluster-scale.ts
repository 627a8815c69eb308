// `chaos-gate run` at scale on sandbox API servers with the Litmus stand-in playing pass, each case
// beside its anchor in the same run, runs taking turns:
//  - 200 engines in 20 namespaces against one engine in one namespace;
//  - one engine on each of 10 API servers as 10 clusters (repeated --kubeconfig), with the default
//    --parallel-targets and with all at once, against one cluster alone. The servers are started one
//    after the other; what they take of the machine is printed.
// Prints figures only.
//   node bench/cluster-scale.ts [--runs 5] [--engines 200] [--namespaces 20] [--clusters 10] [--wait 5] [--quick]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startBenchCluster, type BenchCluster } from './support/bench-cluster.ts';
import { rssMbOf } from './support/cli-process.ts';
import { figuresOf } from './support/figures.ts';
import { gateRun, type GateRun, type GateRunOptions } from './support/gate-run.ts';
import { printPreamble, printTable, spread } from './support/table.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    engines: { type: 'string', default: '200' },
    namespaces: { type: 'string', default: '20' },
    clusters: { type: 'string', default: '10' },
    wait: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
  },
});
const runs = values.quick ? 1 : Number(values.runs);
const engines = values.quick ? 40 : Number(values.engines);
const namespaces = values.quick ? 4 : Number(values.namespaces);
const clusterCount = values.quick ? 3 : Number(values.clusters);
const runMs = Number(values.wait) * 1000;

interface Case {
  label: string;
  clusters: () => BenchCluster[];
  options: Omit<GateRunOptions, 'runMs' | 'cleanup'>;
}

/** Each case `runs` times, the cases taking turns. */
async function measureCases(cases: Case[]): Promise<Map<Case, GateRun[]>> {
  const measured = new Map<Case, GateRun[]>(cases.map((c) => [c, []]));
  for (let run = 1; run <= runs; run++) {
    for (const c of cases) {
      const done = await gateRun(c.clusters(), { ...c.options, runMs, cleanup: 'always' });
      measured.get(c)?.push(done);
      console.error(`run ${run}/${runs}, ${c.label}: ${JSON.stringify(figuresOf(done))}`);
    }
  }
  return measured;
}

function printCases(title: string, measured: Map<Case, GateRun[]>): void {
  const column = (all: GateRun[], pick: (run: GateRun) => number, unit?: 'ms' | 's') =>
    spread(all.map(pick), unit);
  printTable(
    title,
    ['case', 'wall time', 'preflight + apply', 'verdict after the last write', 'then cleanup', 'peak RSS'],
    [...measured].map(([c, all]) => [
      c.label,
      column(all, (run) => figuresOf(run).wallMs, 's'),
      column(all, (run) => figuresOf(run).applyMs),
      column(all, (run) => figuresOf(run).verdictMs),
      column(all, (run) => figuresOf(run).afterVerdictMs),
      spread(
        all.map((run) => run.cli.peakMb),
        'MB',
      ),
    ]),
  );
}

printPreamble(
  `chaos-gate run at scale: ${runs} run(s) per case, stand-in wait ${runMs / 1000} s, cleanup always`,
);
const clusters: BenchCluster[] = [];
let startingMs = 0;
const startCluster = async () => {
  const started = Date.now();
  clusters.push(await startBenchCluster());
  startingMs += Date.now() - started;
};
try {
  await startCluster();
  const first = () => clusters.slice(0, 1);
  printCases(
    `${engines} engines in ${namespaces} namespaces, against 1 engine (median [min–max])`,
    await measureCases([
      { label: '1 engine, 1 namespace', clusters: first, options: { engines: 1 } },
      {
        label: `${engines} engines, ${namespaces} namespaces`,
        clusters: first,
        options: { engines, namespaces },
      },
    ]),
  );

  // Started one after the other: at once, they would starve each other of the 2 cores.
  while (clusters.length < clusterCount) await startCluster();
  const sandboxMb = clusters.reduce(
    (sum, { sandbox }) => sum + (rssMbOf(sandbox.pids.apiserver) ?? 0) + (rssMbOf(sandbox.pids.etcd) ?? 0),
    0,
  );
  console.log(
    `\n${clusterCount} sandboxes started one by one in ${(startingMs / 1000).toFixed(0)} s: ${(sandboxMb / 1024).toFixed(1)} GB resident (API servers and etcd), ` +
      `load average ${os.loadavg()[0]?.toFixed(2)} with them idle`,
  );
  const all = () => clusters;
  printCases(
    `1 engine on each of ${clusterCount} clusters, against 1 cluster alone (median [min–max])`,
    await measureCases([
      { label: '1 cluster alone', clusters: first, options: { engines: 1 } },
      {
        label: `${clusterCount} clusters, --parallel-targets 4 (default)`,
        clusters: all,
        options: { engines: 1 },
      },
      {
        label: `${clusterCount} clusters, --parallel-targets ${clusterCount}`,
        clusters: all,
        options: { engines: 1, parallelTargets: clusterCount },
      },
    ]),
  );
} finally {
  for (const { sandbox } of clusters) await sandbox.stop();
}
