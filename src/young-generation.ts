// chaos-gate is a short batch step: what it reads in bulk (10,000 ChaosResults, a load file of millions
// of rows) is garbage soon after. V8 grows its young generation to several times its size whenever
// much survives a collection, and keeps that memory: `report` of 10,000 results peaked at 310 MB
// instead of 200 MB, in the same time (bench/README.md). V8 reads this flag each time it would grow,
// so it applies when set from inside the process, which a CLI run as `node cli.js` must do.
import { setFlagsFromString } from 'node:v8';

/**
 * From now on the young generation keeps its size. Called once the code is loaded: loading it lets
 * the young generation grow a little, and keeping it at its very first size made start-up 10% slower.
 */
export function keepYoungGenerationSize(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
