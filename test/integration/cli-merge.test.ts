// The built CLI joining two jobs' JSON reports, as a GitHub matrix's last job or a Jenkins stage after
// `parallel` would call it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { writeResults } from '../../bench/support/results.ts';
import { runEntry, signalOnceWritten } from '../support/run-node.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-merge-it-'));

/** A job's report as `chaos-gate report --json` writes it, from a ChaosResult file; `flags` added. */
async function jobReport(job: string, verdict: 'Pass' | 'Fail', ...flags: string[]): Promise<string> {
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
  const { done } = runEntry('dist/cli.js', ['report', '--results', results, '--json', json, ...flags]);
  assert.equal((await done).code, verdict === 'Pass' ? 0 : 1);
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

test('merge --expect: a job that wrote no report fails the merge (exit 2) before any report is written', async () => {
  const a = await jobReport('expect-a', 'Pass');
  const junit = path.join(dir, 'expect.xml');
  // The shell expands the pattern to the one report there is: the other job could not run.
  const { done } = runEntry('dist/cli.js', ['merge', a, '--expect', '2', '--junit', junit], { cwd: dir });
  const finished = await done;
  assert.equal(finished.code, 2, finished.stdout + finished.stderr);
  assert.equal(
    finished.stderr,
    `chaos-gate: error: expected 2 reports to merge (--expect 2), found 1; a job that could not run writes no report: see which one in the CI run:\n  expect-a/report: ${a}\n`,
  );
  assert.equal(existsSync(junit), false);
  const { done: counted } = runEntry('dist/cli.js', ['merge', a, '--expect', '1', '--junit', junit], {
    cwd: dir,
  });
  assert.equal((await counted).code, 0);
});

test('merge: two jobs given the same run id are refused (exit 2), naming both files and the label', async () => {
  // As every matrix job given `--run-id ${{ github.run_id }}` writes it.
  const reports = [
    await jobReport('same-a', 'Pass', '--run-id', '4711'),
    await jobReport('same-b', 'Fail', '--run-id', '4711'),
  ];
  const { done } = runEntry('dist/cli.js', ['merge', ...reports], { cwd: dir });
  const finished = await done;
  assert.equal(finished.code, 2, finished.stdout + finished.stderr);
  assert.match(
    finished.stderr,
    new RegExp(
      `^chaos-gate: error: ${reports[0]} and ${reports[1]} are both labelled "4711" \\(their run id\\): .* give each job its own label \\(--label, the label input, label in a config file or in Jenkins\\)`,
    ),
  );
});

test('merge: jobs labelled with --label keep their suite names build after build, whatever their run ids', async () => {
  const merged = async (build: string) => {
    const reports = [
      await jobReport(`${build}-eu`, 'Pass', '--label', 'eu', '--run-id', `cg-${build}-eu`),
      await jobReport(`${build}-us`, 'Fail', '--label', 'us', '--run-id', `cg-${build}-us`),
    ];
    const junit = path.join(dir, `${build}.xml`);
    const finished = await runEntry('dist/cli.js', ['merge', ...reports, '--junit', junit], { cwd: dir })
      .done;
    assert.equal(finished.code, 1, finished.stdout + finished.stderr);
    return [...readFileSync(junit, 'utf8').matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
  };
  const first = await merged('build-1');
  assert.deepEqual(first, ['eu/shop/cart-chaos', 'us/shop/cart-chaos']);
  assert.deepEqual(await merged('build-2'), first);
  // Two jobs given one label are refused, naming the setting to change.
  const same = [
    await jobReport('label-a', 'Pass', '--label', 'eu'),
    await jobReport('label-b', 'Pass', '--label', 'eu'),
  ];
  const refused = await runEntry('dist/cli.js', ['merge', ...same], { cwd: dir }).done;
  assert.equal(refused.code, 2, refused.stdout + refused.stderr);
  assert.match(
    refused.stderr,
    new RegExp(
      `${same[0]} and ${same[1]} are both labelled "eu" \\(their label\\): .* give each job its own label \\(--label`,
    ),
  );
});

test('other commands take no positional arguments, and say so', async () => {
  const { done } = runEntry('dist/cli.js', ['report', 'results.yaml']);
  const finished = await done;
  assert.equal(finished.code, 2);
  assert.match(finished.stderr, /unexpected argument "results\.yaml" \(options start with --\)/);
});

test('SIGTERM while the merged reports of 2 × 10,000 results are written: exit 143 and no report file left', async () => {
  const results = path.join(dir, 'many-results.json');
  writeResults(10_000, results, path.join(dir, 'many-results.yaml'));
  const a = path.join(dir, 'many-a', 'report.json');
  const made = await runEntry('dist/cli.js', ['report', '--results', results, '--json', a, '--label', 'a'])
    .done;
  assert.equal(made.code, 1, made.stderr);
  const b = path.join(dir, 'many-b.json');
  writeFileSync(b, readFileSync(a, 'utf8').replace(/"label": "a"/, '"label": "b"'));
  const out = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-merge-signal-'));
  const junit = path.join(out, 'junit.xml');
  const child = runEntry('dist/cli.js', [
    'merge',
    a,
    b,
    '--junit',
    junit,
    '--json',
    path.join(out, 'all.json'),
  ]);
  // The JUnit report is written first; the JSON report after it takes a while more.
  const finished = await signalOnceWritten(child, junit, 'SIGTERM');
  assert.equal(finished.code, 143, finished.stderr);
  assert.match(
    finished.stderr,
    /cancelled by SIGTERM; removed the reports it wrote: .*junit\.xml, .*all\.json$/m,
  );
  assert.deepEqual(readdirSync(out), []);
});
