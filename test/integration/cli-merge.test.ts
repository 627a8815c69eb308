// The built CLI joining two jobs' JSON reports, as a GitHub matrix's last job or a Jenkins stage after
// `parallel` would call it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runEntry } from '../support/run-node.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-merge-it-'));

/** A job's report as `chaos-gate report --json` writes it, from a ChaosResult file. */
async function jobReport(job: string, verdict: 'Pass' | 'Fail'): Promise<string> {
  const results = path.join(dir, `${job}-results.json`);
  writeFileSync(
    results,
    JSON.stringify({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosResult',
      metadata: { name: 'cart-chaos-pod-delete', namespace: 'shop' },
      spec: { engine: 'cart-chaos', experiment: 'pod-delete' },
      status: { experimentStatus: { phase: 'Completed', verdict } },
    }),
  );
  const json = path.join(dir, job, 'report.json');
  const { done } = runEntry('dist/cli.js', ['report', '--results', results, '--json', json]);
  await done;
  return json;
}

test('merge: one JUnit and one gate over the jobs, each suite named after its job', async () => {
  const a = await jobReport('cluster-a', 'Pass');
  const b = await jobReport('cluster-b', 'Fail');
  const junit = path.join(dir, 'all.xml');
  const { done } = runEntry('dist/cli.js', ['merge', a, b, '--junit', junit], { cwd: dir });
  const finished = await done;
  assert.equal(finished.code, 1, finished.stderr);
  assert.match(finished.stdout, /gate FAILED \(1 passed, 1 failed, 0 errored, 0 skipped\)/);
  const xml = readFileSync(junit, 'utf8');
  assert.match(xml, /<testsuite name="cluster-a\/report\/shop\/cart-chaos"/);
  assert.match(xml, /<testsuite name="cluster-b\/report\/shop\/cart-chaos"/);
});

test('other commands take no positional arguments, and say so', async () => {
  const { done } = runEntry('dist/cli.js', ['report', 'results.yaml']);
  const finished = await done;
  assert.equal(finished.code, 2);
  assert.match(finished.stderr, /unexpected argument "results\.yaml" \(options start with --\)/);
});
