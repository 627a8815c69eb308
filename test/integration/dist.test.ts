// dist/ is what action.yml and the npm bin run, and jenkins/resources/ what the Jenkins step runs: both
// must be the build of the committed sources.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { repoRoot } from '../support/fixtures.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

test('dist/ and jenkins/resources/ match a fresh build of src/ (run `npm run build` and commit both)', () => {
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-dist-'));
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build.ts'), fresh], { cwd: repoRoot });
  for (const folder of ['dist', 'jenkins/resources']) {
    const committed = path.join(repoRoot, folder);
    const built = path.join(fresh, folder);
    assert.deepEqual(filesUnder(committed), filesUnder(built), `the same files in ${folder}/`);
    for (const file of filesUnder(built)) {
      const same = readFileSync(path.join(committed, file)).equals(readFileSync(path.join(built, file)));
      assert.ok(same, `${folder}/${file} is stale`);
    }
  }
});

test('--help, --version, validate with no kubeconfig to read and report start without loading the Kubernetes client, --help and --version without zod, report --results without the load readers', () => {
  // validate loads the client only to read a kubeconfig; here there is none (no KUBECONFIG, an empty home).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-home-')),
  };
  delete env.KUBECONFIG;
  const commands = [
    ['--help'],
    ['--version'],
    ['validate', '--config', path.join(repoRoot, 'examples/pod-delete/chaos-gate.yaml')],
    ['report', '--k6', path.join(repoRoot, 'test/fixtures/load/k6-summary-export.json')],
    ['report', '--results', path.join(repoRoot, 'test/fixtures/litmus/results/chaosresult-3x-pass.yaml')],
  ];
  for (const args of commands) {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        path.join(repoRoot, 'test/support/record-loads.ts'),
        path.join(repoRoot, 'dist/cli.js'),
        ...args,
      ],
      { encoding: 'utf8', env },
    );
    const loaded = child.stderr
      .split('\n')
      .filter((line) => line.startsWith('loaded '))
      .map((line) => fileURLToPath(line.slice('loaded '.length)))
      .filter((file) => file.startsWith(path.join(repoRoot, 'dist')));
    assert.ok(loaded.length > 1, `chaos-gate ${args[0]} loaded its bundle (${child.stderr.slice(0, 300)})`);
    // client-node's KubeConfig class, as esbuild writes it into whichever chunk holds the client.
    const withClient = loaded.filter((file) => readFileSync(file, 'utf8').includes('KubeConfig = class'));
    assert.deepEqual(withClient, [], `chaos-gate ${args[0]} loads the Kubernetes client`);
    if (args.includes('--results')) {
      // Converting ChaosResults reads no load-test file: the readers and their histograms stay unloaded.
      const withLoadReaders = loaded.filter((file) =>
        readFileSync(file, 'utf8').includes('// src/load/read.ts'),
      );
      assert.deepEqual(withLoadReaders, [], 'chaos-gate report --results loads the load-file readers');
    }
    if (args[0] !== '--help' && args[0] !== '--version') continue;
    // They validate nothing: zod's error class, as esbuild writes it, must not be loaded either.
    const withZod = loaded.filter((file) => readFileSync(file, 'utf8').includes('inst.name = "$ZodError"'));
    assert.deepEqual(withZod, [], `chaos-gate ${args[0]} loads zod`);
  }
});

test('--version prints the version of package.json and exits 0, on the CLI and the Jenkins CLI', () => {
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  for (const cli of ['dist/cli.js', 'jenkins/resources/chaos-gate/cli.mjs']) {
    const child = spawnSync(process.execPath, [path.join(repoRoot, cli), '--version'], { encoding: 'utf8' });
    assert.equal(child.status, 0, `${cli}: ${child.stderr}`);
    assert.equal(child.stdout, `${version}\n`, cli);
    assert.equal(child.stderr, '', cli);
  }
});

// The machine's own Node, when it is older (Debian's is 20): what a Jenkins agent may run the CLI with.
const olderNode = ['/usr/bin/node', '/usr/local/bin/node']
  .map((node) => ({ node, version: spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() }))
  .find(({ version }) => !!version && Number(version.slice(1).split('.')[0]) < 24);

test(
  'an older Node is refused with exit 2 and the version it needs, not the exit 1 of a failed gate',
  { skip: olderNode ? false : 'no Node older than 24 on this machine' },
  () => {
    const { node, version } = olderNode as { node: string; version: string };
    for (const cli of ['dist/cli.js', 'jenkins/resources/chaos-gate/cli.mjs']) {
      for (const args of [['--help'], ['report', '--results', 'x.yaml']]) {
        const child = spawnSync(node, [path.join(repoRoot, cli), ...args], { encoding: 'utf8' });
        assert.equal(child.status, 2, `${cli} ${args.join(' ')} on ${version}: ${child.stderr}`);
        assert.equal(child.stderr, `chaos-gate: error: needs Node.js 24 or later; this is ${version}\n`);
      }
    }
  },
);
