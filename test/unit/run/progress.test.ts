import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../../../src/config/load.ts';
import { expectedChaosMs, progressLog } from '../../../src/run/progress.ts';

test('each line carries the time since the start and the chaos time against the expected duration', () => {
  let clock = 0;
  const lines: string[] = [];
  const progress = progressLog(
    (l) => lines.push(l),
    120_000,
    () => clock,
  );
  clock = 12_000;
  progress.log('preflight');
  progress.onPhase('apply');
  clock = 77_000;
  progress.log('waiting');
  clock = 137_000;
  progress.onPhase('after');
  clock = 3_900_000;
  progress.log('cleanup done');
  assert.deepEqual(lines, [
    '[+00:12 | chaos ~02:00] preflight',
    '[+01:17 | chaos 01:05 of ~02:00] waiting',
    '[+1:05:00 | chaos took 02:05] cleanup done',
  ]);
});

test('without an expected duration (a workflow) the chaos time is still shown', () => {
  let clock = 0;
  const lines: string[] = [];
  const progress = progressLog(
    (l) => lines.push(l),
    undefined,
    () => clock,
  );
  progress.log('a');
  progress.onPhase('apply');
  clock = 5_000;
  progress.log('b');
  assert.deepEqual(lines, ['[+00:00] a', '[+00:05 | chaos 00:05] b']);
});

test('expected chaos: the longest engine, each the sum of its experiments', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-progress-'));
  const engine = (name: string, durations: (string | undefined)[]) => {
    const file = path.join(dir, `${name}.yaml`);
    const experiments = durations.map((d, i) => ({
      name: `exp-${i}`,
      spec: { components: { env: d === undefined ? [] : [{ name: 'TOTAL_CHAOS_DURATION', value: d }] } },
    }));
    writeFileSync(
      file,
      JSON.stringify({
        apiVersion: 'litmuschaos.io/v1alpha1',
        kind: 'ChaosEngine',
        metadata: { name },
        spec: { experiments },
      }),
    );
    return file;
  };
  const config = resolveConfig({ engines: [engine('a', ['60', '30']), engine('b', ['100', undefined])] });
  assert.equal(expectedChaosMs(config), 100_000);
  assert.equal(expectedChaosMs(resolveConfig({ engines: [engine('c', [undefined])] })), undefined);
  assert.equal(expectedChaosMs(resolveConfig({ engines: [path.join(dir, 'missing.yaml')] })), undefined);
});

test("several clusters: each cluster's lines have its own chaos clock, the run's spans them all", () => {
  let clock = 0;
  const lines: string[] = [];
  const progress = progressLog(
    (l) => lines.push(l),
    60_000,
    () => clock,
  );
  const eu = progress.clusterLog();
  const us = progress.clusterLog();
  eu.onPhase('apply');
  clock = 10_000;
  us.onPhase('apply');
  clock = 40_000;
  eu.log('[eu] waiting');
  us.log('[us] waiting');
  eu.onPhase('after');
  clock = 50_000;
  progress.log('us still running');
  us.onPhase('after');
  clock = 70_000;
  eu.log('[eu] cleanup');
  progress.log('gate PASSED');
  assert.deepEqual(lines, [
    '[+00:40 | chaos 00:40 of ~01:00] [eu] waiting',
    '[+00:40 | chaos 00:30 of ~01:00] [us] waiting',
    '[+00:50 | chaos 00:50 of ~01:00] us still running',
    '[+01:10 | chaos took 00:40] [eu] cleanup',
    '[+01:10 | chaos took 00:50] gate PASSED',
  ]);
});
