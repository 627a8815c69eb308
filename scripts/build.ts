// Bundles with esbuild what the repository ships:
// - dist/: the action (dist/index.js, its post step dist/post.js) and the CLI (dist/cli.js), shared code
//   in dist/chunks so the entries do not each carry a copy;
// - jenkins/resources/chaos-gate/: the CLI again as two files, which the Jenkins step reads with
//   libraryResource and runs with node, so Jenkins never fetches a CLI by package name. Jenkins hands
//   over a library's resources one file at a time, so no chunks: cli.mjs answers --help and turns on
//   Node's compile cache, main.mjs holds the rest and is loaded after, so the cache covers it.
// Both are ESM with a `require` made by createRequire, because some dependencies are CommonJS and load
// node built-ins with require(). `node scripts/build.ts DIR` builds into DIR instead of the repository
// (DIR/dist, DIR/jenkins/...), for the test that checks the committed bundles are fresh.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import path from 'node:path';
import packageJson from '../package.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '..');
const target = process.argv[2] ? path.resolve(process.argv[2]) : root;
const jenkinsResources = 'jenkins/resources/chaos-gate';

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  logLevel: 'warning',
  // node-fetch's URL parser asks for the deprecated built-in punycode; give it the npm package, which
  // is the same code without the runtime deprecation warning in every CI log.
  alias: { punycode: 'punycode/' },
  // What `chaos-gate --version` prints, written in so that it reads no file.
  define: { CHAOS_GATE_VERSION: JSON.stringify(packageJson.version) },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __chaosGateCreateRequire } from 'node:module';",
      'const require = __chaosGateCreateRequire(import.meta.url);',
    ].join('\n'),
  },
};

const dist = path.join(target, 'dist');
rmSync(dist, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { index: 'src/action/index.ts', post: 'src/action/post-entry.ts', cli: 'src/cli/index.ts' },
  outdir: dist,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
});
// The package's `bin`: runnable as ./dist/cli.js, and by `npm link` or a global install as `chaos-gate`.
chmodSync(path.join(dist, 'cli.js'), 0o755);
const jenkinsDir = path.join(target, jenkinsResources);
rmSync(jenkinsDir, { recursive: true, force: true });
// The entry, without the CLI itself: its one dynamic import becomes the file beside it.
const mainApart: Plugin = {
  name: 'main-apart',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/main\.ts$/, namespace: 'file' }, () => ({
      path: './main.mjs',
      external: true,
    }));
  },
};
await build({
  ...common,
  entryPoints: ['src/cli/index.ts'],
  outfile: path.join(jenkinsDir, 'cli.mjs'),
  plugins: [mainApart],
  // One file each to hand over: the licences go inside them.
  legalComments: 'eof',
});
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: path.join(jenkinsDir, 'main.mjs'),
  legalComments: 'eof',
});
