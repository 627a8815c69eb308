import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fixturePath } from '../support/fixtures.ts';
import { runEntry } from '../support/run-node.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';

const out = () => mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-report-'));

test('report --results converts a passing ChaosResult, writes JUnit and JSON, exits 0', async () => {
  const dir = out();
  const junit = path.join(dir, 'junit.xml');
  const json = path.join(dir, 'report.json');
  const { done } = runEntry('dist/cli.js', [
    'report',
    '--results',
    fixturePath('litmus/results/chaosresult-3x-pass.yaml'),
    '--junit',
    junit,
    '--json',
    json,
  ]);
  const finished = await done;
  assert.equal(finished.code, 0, finished.stderr);
  assert.match(finished.stdout, /gate PASSED \(3 passed, 0 failed, 0 errored, 0 skipped\)/);
  const xml = await readCheckedJUnit(junit);
  assert.match(xml, /<testsuite name="default\/nginx-chaos-pass"/);
  assert.match(xml, /<testcase classname="default\/nginx-chaos-pass" name="pod-delete"/);
  const report = JSON.parse(readFileSync(json, 'utf8')) as { verdict: string };
  assert.equal(report.verdict, 'pass');
});

test('report --results on a failed probe exits 1 and says why', async () => {
  const { done } = runEntry('dist/cli.js', [
    'report',
    '--results',
    fixturePath('litmus/results/chaosresult-3x-fail-probe.yaml'),
    '--results',
    fixturePath('litmus/results/chaosresult-3x-pass.yaml'),
  ]);
  const finished = await done;
  assert.equal(finished.code, 1);
  assert.match(finished.stdout, /gate FAILED/);
  assert.match(finished.stdout, /check-frontend-access-url failed: Actual value: 503/);
});

test('bad configuration exits 2 with a message naming the problem', async () => {
  const cases: [string[], RegExp][] = [
    [
      ['run', '--timeout', 'soon', '--engine', 'x.yaml'],
      /chaos-gate: error: command line: --timeout: "soon" is not a duration/,
    ],
    [
      ['run', '--config', '/nonexistent/chaos-gate.yaml'],
      /\/nonexistent\/chaos-gate\.yaml: cannot read the config file/,
    ],
    [['report'], /report needs --results, --workflow, --k6, --jtl, --ctk-journal or --namespace/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [
      ['report', '--results', fixturePath('litmus/rbac/pod-delete-rbac.yaml')],
      /pod-delete-rbac\.yaml, document 1 \(ServiceAccount pod-delete-sa\): field kind: expected ChaosResult or ChaosEngine/,
    ],
    [
      ['validate', '--engine', fixturePath('litmus/rbac/pod-delete-rbac.yaml')],
      /document 1 \(ServiceAccount pod-delete-sa\): field kind: expected ChaosEngine in engine files/,
    ],
  ];
  for (const [args, expected] of cases) {
    const finished = await runEntry('dist/cli.js', args).done;
    assert.equal(finished.code, 2, args.join(' '));
    assert.match(finished.stderr, expected);
  }
});
