// Detection and verdict latency, and apply time, of `chaos-gate run` on the sandbox with the Litmus
// stand-in playing pass, for 1, 20 and 100 engines; beside it, in the same run, the anchor: a loop
// that lists the engines every 5 s (chaos-ci-lib's DELAY) and notes when it first sees all completed.
// Runs of all sizes take turns, so the machine's other work falls on each alike. Prints figures only.
//   node bench/cluster-latency.ts [--engines 1,20,100] [--runs 5] [--wait 5] [--cli FILE] [--quick]
// --cli measures another build (e.g. an older commit's dist/cli.js) the same way.
import { parseArgs } from 'node:util';
import { startBenchCluster } from './support/bench-cluster.ts';
import { figuresOf, type RunFigures } from './support/figures.ts';
import { gateRun } from './support/gate-run.ts';
import { printPreamble, printTable, spread } from './support/table.ts';

const { values } = parseArgs({
  options: {
    engines: { type: 'string', default: '1,20,100' },
    runs: { type: 'string', default: '5' },
    wait: { type: 'string', default: '5' },
    cli: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const sizes = (values.quick ? '1,20' : values.engines).split(',').map(Number);
const runs = values.quick ? 1 : Number(values.runs);
const runMs = Number(values.wait) * 1000;

printPreamble(
  `chaos-gate run: latency and apply time, ${runs} run(s) per size, stand-in wait ${runMs / 1000} s, ` +
    `CLI ${values.cli ?? 'dist/cli.js'}`,
);
const cluster = await startBenchCluster();
const figures = new Map<number, RunFigures[]>(sizes.map((size) => [size, []]));
try {
  for (let run = 1; run <= runs; run++) {
    for (const engines of sizes) {
      const measured = figuresOf(
        await gateRun([cluster], { engines, runMs, cleanup: 'never', poll: true, cli: values.cli }),
      );
      figures.get(engines)?.push(measured);
      console.error(`run ${run}/${runs}, ${engines} engine(s): ${JSON.stringify(measured)}`);
    }
  }
} finally {
  await cluster.sandbox.stop();
}

const column = (size: number, pick: (f: RunFigures) => number | undefined, unit?: 'ms' | 's') =>
  spread(
    (figures.get(size) ?? []).flatMap((f) => {
      const value = pick(f);
      return value === undefined ? [] : [value];
    }),
    unit,
  );
printTable(
  'After the last write (median [min–max]): the CLI showed the last result, printed the verdict; the 5 s poll loop saw all',
  ['engines', 'watch saw last result', 'verdict line', '5 s poll loop saw all'],
  sizes.map((size) => [
    String(size),
    column(size, (f) => f.watchSawMs),
    column(size, (f) => f.verdictMs),
    column(size, (f) => f.pollMs),
  ]),
);
printTable(
  'Apply, from the `preflight of` line (median [min–max]); preflight ends with the last dry-run answer (audit log)',
  ['engines', 'objects', 'preflight', 'preflight + apply', 'wall time of the run'],
  sizes.map((size) => [
    String(size),
    String(figures.get(size)?.[0]?.objects ?? ''),
    column(size, (f) => f.preflightMs),
    column(size, (f) => f.applyMs),
    column(size, (f) => f.wallMs, 's'),
  ]),
);
