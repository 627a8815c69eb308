// Several clusters: from `targets:` in the config file, or from repeated --context / --kubeconfig.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseCommandLine } from '../../../src/cli/args.ts';
import { loadConfig, readConfigFile, resolveConfig } from '../../../src/config/load.ts';

const fromFlags = (...flags: string[]) => resolveConfig(parseCommandLine(['run', ...flags]).layer);

test('one --context is one cluster, as before: no targets', () => {
  const config = fromFlags('--context', 'staging');
  assert.deepEqual([config.context, config.targets], ['staging', []]);
});

test('repeated --context: one target per context, named after it, in the one kubeconfig', () => {
  const config = fromFlags('--kubeconfig', '/k/all.yaml', '--context', 'eu-west', '--context', 'US_East.1');
  assert.deepEqual(config.targets, [
    { name: 'eu-west', kubeconfig: '/k/all.yaml', context: 'eu-west' },
    { name: 'us-east-1', kubeconfig: '/k/all.yaml', context: 'US_East.1' },
  ]);
  assert.equal(config.context, undefined);
  assert.equal(config.parallelTargets, 10);
});

test('repeated --kubeconfig: one target per file, named after it and made unique', () => {
  const config = fromFlags('--kubeconfig', '/a/prod.yaml', '--kubeconfig', '/b/prod.yaml');
  assert.deepEqual(
    config.targets.map((t) => [t.name, t.kubeconfig]),
    [
      ['prod', '/a/prod.yaml'],
      ['prod-2', '/b/prod.yaml'],
    ],
  );
});

test('both repeated, different counts: refused, saying how they pair', () => {
  assert.throws(
    () =>
      fromFlags(
        '--kubeconfig',
        'a',
        '--kubeconfig',
        'b',
        '--context',
        'x',
        '--context',
        'y',
        '--context',
        'z',
      ),
    /2 kubeconfigs and 3 contexts: give one of them once, or both as many times \(they pair in order\)/,
  );
});

test('targets in a config file: paths relative to it; a name given twice and a load test are refused', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-targets-'));
  const file = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(
    file,
    'targets:\n  - name: eu\n    kubeconfig: kube/eu.yaml\n  - name: us\n    context: us\n    namespace: shop-us\nparallelTargets: 2\n',
  );
  const config = loadConfig(file, {});
  assert.deepEqual(config.targets, [
    { name: 'eu', kubeconfig: path.join(dir, 'kube/eu.yaml') },
    { name: 'us', context: 'us', namespace: 'shop-us', kubeconfig: undefined },
  ]);
  assert.equal(config.parallelTargets, 2);

  writeFileSync(file, 'targets:\n  - name: eu\n  - name: eu\n');
  assert.throws(() => loadConfig(file, {}), /targets: the name "eu" is given twice/);
  writeFileSync(file, 'targets:\n  - name: eu\nload:\n  command: k6 run x.js\n');
  assert.throws(() => loadConfig(file, {}), /load: a load test runs beside the chaos of one cluster/);
  writeFileSync(file, 'targets:\n  - name: EU West\n');
  assert.throws(
    () => readConfigFile(file),
    /targets\[0\]\.name: expected a lowercase DNS label \(a-z, 0-9, -\), got text/,
  );
});

test("repeated --context or --kubeconfig beside the config file's targets is refused, not one of them dropped", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-targets-'));
  const file = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(
    file,
    'targets:\n  - name: eu\n    context: staging-eu\n  - name: us\n    context: staging-us\n',
  );
  const withFlags = (...flags: string[]) => loadConfig(file, parseCommandLine(['run', ...flags]).layer);
  assert.throws(
    () => withFlags('--context', 'a', '--context', 'b'),
    /^ConfigError: targets \(the config file\) and 2 contexts \(--context\) both list the clusters to run on: give one of them$/,
  );
  assert.throws(
    () => withFlags('--kubeconfig', 'a.yaml', '--kubeconfig', 'b.yaml'),
    /targets \(the config file\) and 2 kubeconfigs \(--kubeconfig\) both list/,
  );
  // One --context or --kubeconfig is the default of every target that names none.
  assert.equal(withFlags('--context', 'a').targets.length, 2);
});
