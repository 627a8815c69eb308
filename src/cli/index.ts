import '../quiet-warnings.ts';
import { keepYoungGenerationSize } from '../young-generation.ts';
import { enableCompileCache } from 'node:module';
import { asksOnlyForHelp, usage } from './usage.ts';

const argv = process.argv.slice(2);
// The usage is a list of the settings: answered before the bundle loads zod and the YAML parsers.
if (asksOnlyForHelp(argv)) {
  process.stdout.write(`${usage()}\n`);
  process.exit(0);
}

// Node keeps the compiled bundle on disk between runs, which roughly halves start-up. It has to be on
// before the bundle's modules load, so they are imported after it.
enableCompileCache?.();
const { main } = await import('./main.ts');
keepYoungGenerationSize();

// Exit explicitly: keep-alive sockets of the Kubernetes client must not hold the process open.
process.exit(await main(argv));
