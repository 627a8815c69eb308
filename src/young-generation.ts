// chaos-gate is a short batch step: what it reads in bulk (10,000 ChaosResults, a load file of millions
// of rows) is garbage soon after. V8 grows its young generation to several times its starting size
// whenever much survives a collection, and keeps that memory: `report` of 10,000 results peaked at
// 310 MB instead of 200 MB, in the same time (bench/README.md). V8 reads this flag each time it would
// grow, so it still applies when set after start-up, which a CLI run as `node cli.js` must do.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
