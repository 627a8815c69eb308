// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild. Both are ESM with a
// `require` made by createRequire, because some dependencies are CommonJS and load node built-ins
// with require(). Shared code goes into dist/chunks so the two entries do not each carry a copy.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/action/index.ts', cli: 'src/cli/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'linked',
  logLevel: 'warning',
  // node-fetch's URL parser asks for the deprecated built-in punycode; give it the npm package, which
  // is the same code without the runtime deprecation warning in every CI log.
  alias: { punycode: 'punycode/' },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __chaosGateCreateRequire } from 'node:module';",
      'const require = __chaosGateCreateRequire(import.meta.url);',
    ].join('\n'),
  },
});
