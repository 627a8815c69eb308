import '../quiet-warnings.ts';
import { keepYoungGenerationSize } from '../young-generation.ts';
// A namespace import: a named one of an export an older Node lacks fails before any line runs.
import * as nodeModule from 'node:module';
import { asksForVersion, helpAlone } from './usage.ts';

/** package.json's version, written in by the build (scripts/build.ts). */
declare const CHAOS_GATE_VERSION: string;

// An older Node (a Jenkins agent's own) would fail further on with exit 1, which reads as a failed gate.
const minimumNode = 24;
if (Number(process.versions.node.split('.')[0]) < minimumNode) {
  process.stderr.write(
    `chaos-gate: error: needs Node.js ${minimumNode} or later; this is ${process.version}\n`,
  );
  process.exit(2);
}

const argv = process.argv.slice(2);
if (asksForVersion(argv)) {
  process.stdout.write(`${CHAOS_GATE_VERSION}\n`);
  process.exit(0);
}
// The usage is a list of the settings: answered before the bundle loads zod and the YAML parsers.
const help = helpAlone(argv);
if (help !== undefined) {
  process.stdout.write(`${help}\n`);
  process.exit(0);
}

// Node keeps the compiled bundle on disk between runs, which roughly halves start-up. It has to be on
// before the bundle's modules load, so they are imported after it.
nodeModule.enableCompileCache?.();
const { main } = await import('./main.ts');
keepYoungGenerationSize();

// Exit explicitly: keep-alive sockets of the Kubernetes client must not hold the process open.
process.exit(await main(argv));
