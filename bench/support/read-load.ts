// The reading path `run` takes after the chaos, on one result file: readLoadSuite with a chaos window
// and thresholds, as one process so its wall time and peak RSS can be measured. Prints the figures.
//   node bench/support/read-load.ts jtl|k6Json|heyCsv FILE WINDOW_START_MS WINDOW_END_MS
import { readLoadSuite } from '../../src/load/collect.ts';
import { loadSchema } from '../../src/load/schema.ts';
import { keepYoungGenerationSize } from '../../src/young-generation.ts';

// As the CLI does once its code is loaded.
keepYoungGenerationSize();

const [kind = '', file = '', startMs = '0', endMs = '0'] = process.argv.slice(2);
const config = loadSchema.parse({
  results: { [kind]: file },
  thresholds: { p95: '1s', errorRate: '1%' },
  impact: { maxP95Ratio: 2, maxErrorRateDuringChaos: '1%' },
});
let properties: Record<string, string>;
try {
  ({ properties } = readLoadSuite(config, undefined, [{ startMs: Number(startMs), endMs: Number(endMs) }]));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
console.log(
  ['overall', 'baseline', 'chaos']
    .map(
      (part) => `${part}: ${properties[`${part}.requests`]} requests, p95 ${properties[`${part}.p95Ms`]} ms`,
    )
    .join('; '),
);
