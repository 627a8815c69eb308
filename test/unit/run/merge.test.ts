// Joining the JSON reports of parallel CI jobs into one report and one gate.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseSettings, resolveConfig } from '../../../src/config/load.ts';
import { CannotRunError, ConfigError } from '../../../src/errors.ts';
import { defaultPolicy, evaluateGate } from '../../../src/gate/policy.ts';
import { parseJsonReport, renderJson } from '../../../src/report/json.ts';
import type { Report, ReportCase } from '../../../src/report/model.ts';
import { mergeGate } from '../../../src/run/merge.ts';
import { exitCodeOf } from '../../../src/run/outcome.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-merge-'));

function engineReport(outcome: ReportCase['outcome']): Report {
  return {
    suites: [
      {
        kind: 'chaosengine',
        name: 'shop/cart-chaos',
        timestamp: '2026-11-20T10:00:05Z',
        durationSeconds: 70,
        properties: { engine: 'shop/cart-chaos' },
        cases: [
          {
            kind: 'experiment',
            className: 'shop/cart-chaos',
            name: 'pod-delete',
            outcome,
            message: outcome === 'pass' ? undefined : 'probe check-cart failed',
            durationSeconds: 70,
            properties: { verdict: outcome === 'pass' ? 'Pass' : 'Fail' },
            experiment: 'shop/cart-chaos/pod-delete',
          },
        ],
      },
    ],
  };
}

function jobReport(name: string, report: Report, meta: Record<string, string>): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(
    file,
    renderJson(report, evaluateGate(report, defaultPolicy), { policy: defaultPolicy, meta }),
  );
  return file;
}

const config = (raw: unknown = {}) => resolveConfig(parseSettings(raw, 'test config'));

test('a JSON report reads back as the report it was written from', () => {
  const report = engineReport('fail');
  const file = jobReport('round-trip', report, { runId: 'r1' });
  const read = parseJsonReport(readFileSync(file, 'utf8'), file);
  assert.deepEqual(read.report, report);
  assert.deepEqual(read.meta, { runId: 'r1' });
});

test('the same engine on two clusters: two suites named after their job, one gate over both', () => {
  const junit = path.join(dir, 'merged.xml');
  const outcome = mergeGate(
    config({ reports: { junit } }),
    [
      jobReport('a', engineReport('pass'), { runId: 'cluster-a' }),
      jobReport('b', engineReport('fail'), { runId: 'cluster-b' }),
    ],
    () => {},
  );
  assert.deepEqual(
    outcome.report.suites.map((s) => s.name),
    ['cluster-a/shop/cart-chaos', 'cluster-b/shop/cart-chaos'],
  );
  assert.equal(exitCodeOf(outcome), 1);
  assert.match(
    outcome.decision.reasons.join('\n'),
    /cluster-b\/shop\/cart-chaos › pod-delete failed: probe check-cart/,
  );
  assert.match(readFileSync(junit, 'utf8'), /classname="cluster-a\/shop\/cart-chaos"/);
});

test("the merging job's own policy decides: an allowed failure passes the merged gate", () => {
  const outcome = mergeGate(
    config({ gate: { allowFailures: ['cart-chaos/pod-delete'] } }),
    [jobReport('c', engineReport('fail'), { runId: 'cluster-c' })],
    () => {},
  );
  assert.equal(outcome.decision.verdict, 'pass');
});

test('reports whose every case the merging policy skips are nothing to judge, not a pass', () => {
  const stopped = [jobReport('s1', engineReport('stopped'), { runId: 'cluster-s1' })];
  assert.throws(
    () => mergeGate(config({ gate: { stopped: 'skip' } }), stopped, () => {}),
    (error: unknown) =>
      error instanceof CannotRunError &&
      /^nothing to judge \(every case was skipped\): cluster-s1\/shop\/cart-chaos › pod-delete: probe check-cart failed \(skipped: --stopped-as skip\)$/.test(
        error.message,
      ),
  );
  // Beside a case with a verdict, a skipped case is only skipped.
  const mixed = [...stopped, jobReport('p1', engineReport('pass'), { runId: 'cluster-p1' })];
  assert.equal(mergeGate(config({ gate: { stopped: 'skip' } }), mixed, () => {}).decision.verdict, 'pass');
});

test('a file that is not a chaos-gate JSON report is refused naming the file and field', () => {
  const junk = path.join(dir, 'junk.json');
  writeFileSync(junk, JSON.stringify({ tool: 'chaos-gate', schemaVersion: 9, suites: [] }));
  const notReport = (file: string) =>
    `${file}: not a chaos-gate JSON report (schemaVersion 1, written by --json)`;
  assert.throws(
    () => mergeGate(config(), [junk], () => {}),
    (error: Error) =>
      error instanceof ConfigError &&
      error.message === `${notReport(junk)}: field schemaVersion: expected 1, got a number (9)`,
  );
  // A report edited by hand, a case's outcome written as the JUnit says it.
  const edited = path.join(dir, 'edited.json');
  const testCase = {
    kind: 'experiment',
    className: 'c',
    name: 'pod-delete',
    outcome: 'passed',
    properties: {},
  };
  const suite = { kind: 'litmus', name: 'shop/cart', properties: {}, cases: [testCase] };
  writeFileSync(edited, JSON.stringify({ tool: 'chaos-gate', schemaVersion: 1, suites: [suite] }));
  assert.throws(() => mergeGate(config(), [edited], () => {}), {
    message: `${notReport(edited)}: field suites[0].cases[0].outcome: expected one of pass, fail, error, stopped, timeout, skipped, got text ("passed")`,
  });
  assert.throws(() => mergeGate(config(), [], () => {}), /merge needs the JSON reports to join/);
  const junit = path.join(dir, 'junit.xml');
  writeFileSync(
    junit,
    '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="chaos-gate">\n</testsuites>\n',
  );
  assert.throws(() => mergeGate(config(), [junit], () => {}), {
    message: new RegExp(
      `^${junit}: not JSON \\(this is XML, a JUnit report: merge reads the JSON reports that --json writes\\)`,
    ),
  });
});

test('the same report named twice is refused: its cases would count twice', () => {
  const file = jobReport('twice', engineReport('pass'), { runId: 'r-twice' });
  const sameByAnotherPath = path.relative(process.cwd(), file);
  assert.throws(
    () => mergeGate(config(), [file, sameByAnotherPath], () => {}),
    (error: Error) =>
      error instanceof ConfigError &&
      error.message === `${sameByAnotherPath}: the same file as ${file}: its cases would be counted twice`,
  );
});

test('what is not a regular file is refused before it is read: a FIFO would hang, /dev/zero never ends', () => {
  for (const device of ['/dev/zero', dir]) {
    assert.throws(
      () => mergeGate(config(), [device], () => {}),
      (error: Error) =>
        error instanceof ConfigError && error.message.startsWith(`${device}: cannot read the JSON report: `),
    );
  }
});

test('two merged reports to one file are refused before the jobs are read', () => {
  const same = path.join(dir, 'merged-twice.xml');
  const job = jobReport('paths', engineReport('pass'), { runId: 'r-paths' });
  assert.throws(
    () => mergeGate(config({ reports: { junit: same, html: same } }), [job], () => {}),
    (error: Error) =>
      error instanceof ConfigError &&
      error.message.includes(`the HTML report ${same}: the same file as the JUnit report`),
  );
});

test('a merged report over one of the reports it joins is refused before any is read', () => {
  const job = jobReport('over-itself', engineReport('pass'), { runId: 'r-over' });
  const before = readFileSync(job, 'utf8');
  assert.throws(
    () => mergeGate(config({ reports: { json: job } }), [job], () => {}),
    (error: Error) =>
      error instanceof ConfigError &&
      error.message ===
        `the JSON report ${job}: the same file as the report to merge ${job}, which it would overwrite`,
  );
  assert.equal(readFileSync(job, 'utf8'), before);
});

test('a job missing from the expected count is refused before anything is written, naming each report found', () => {
  const junit = path.join(dir, 'expect-merged.xml');
  const jobs = [
    jobReport('expect-eu', engineReport('pass'), { runId: 'eu' }),
    jobReport('expect-us', engineReport('pass'), { runId: 'us' }),
  ];
  assert.throws(
    () => mergeGate(config({ merge: { expect: 3 }, reports: { junit } }), jobs, () => {}),
    (error: Error) =>
      error instanceof CannotRunError &&
      error.message ===
        `expected 3 reports to merge (--expect 3), found 2; a job that could not run writes no report: see which one in the CI run:\n  eu: ${jobs[0]}\n  us: ${jobs[1]}`,
  );
  assert.equal(existsSync(junit), false, 'no merged report over the jobs that did report');
  // One report too many (a pattern matching a stale one) is refused too; the count that holds passes.
  assert.throws(
    () => mergeGate(config({ merge: { expect: 1 } }), jobs, () => {}),
    /^CannotRunError: expected 1 reports to merge \(--expect 1\), found 2; more reports than jobs/,
  );
  const outcome = mergeGate(config({ merge: { expect: 2 }, reports: { junit } }), jobs, () => {});
  assert.equal(exitCodeOf(outcome), 0);
});

test('two jobs under one label are refused, naming both files and the label, not mixed into one suite', () => {
  const junit = path.join(dir, 'same-label.xml');
  const first = jobReport('same-a', engineReport('pass'), { runId: '1234' });
  const second = jobReport('same-b', engineReport('fail'), { runId: '1234' });
  assert.throws(
    () => mergeGate(config({ reports: { junit } }), [first, second], () => {}),
    (error: Error) =>
      error instanceof ConfigError &&
      error.message.startsWith(
        `${first} and ${second} are both labelled "1234" (their run id): their suites would have the same names`,
      ) &&
      error.message.includes(
        'give each job its own label (--label, the label input, label in a config file or in Jenkins)',
      ),
  );
  assert.equal(existsSync(junit), false);
});

test("a job's label names its suites, before its run id: two builds, each run under a run id of its own, merge to the same names", () => {
  const names = (build: number) =>
    mergeGate(
      config(),
      [
        jobReport(`eu-${build}`, engineReport('pass'), { runId: `cg-${build}-eu`, label: 'eu' }),
        jobReport(`us-${build}`, engineReport('pass'), { runId: `cg-${build}-us`, label: 'us' }),
      ],
      () => {},
    ).report.suites.map((s) => s.name);
  assert.deepEqual(names(1), ['eu/shop/cart-chaos', 'us/shop/cart-chaos']);
  assert.deepEqual(names(2), names(1));
});

test('two jobs given one label are refused naming the label setting, also when one is labelled by its run id', () => {
  const first = jobReport('label-a', engineReport('pass'), { runId: 'cg-1', label: 'eu' });
  const second = jobReport('label-b', engineReport('pass'), { runId: 'cg-2', label: 'eu' });
  const third = jobReport('label-c', engineReport('pass'), { runId: 'eu' });
  assert.throws(
    () => mergeGate(config(), [first, second], () => {}),
    (error: Error) =>
      error instanceof ConfigError &&
      error.message.startsWith(`${first} and ${second} are both labelled "eu" (their label):`) &&
      error.message.includes('give each job its own label (--label, the label input'),
  );
  assert.throws(
    () => mergeGate(config(), [first, third], () => {}),
    (error: Error) =>
      error instanceof ConfigError &&
      error.message.startsWith(`${first} and ${third} are both labelled "eu" (their label and run id):`),
  );
});

test("a cancelled job's partial report is refused, even where the policy would skip its stopped experiments", () => {
  const finished = jobReport('finished', engineReport('pass'), { runId: 'eu' });
  const cancelled = jobReport('cancelled', engineReport('stopped'), { runId: 'us', cancelled: 'SIGTERM' });
  for (const stopped of ['fail', 'skip'] as const)
    assert.throws(
      () => mergeGate(config({ gate: { stopped } }), [finished, cancelled], () => {}),
      (error: Error) =>
        error instanceof CannotRunError &&
        error.message ===
          `cancelled before all their verdicts were in, so their reports are partial and nothing can be judged over them (run the jobs again):\n  us: ${cancelled} (cancelled by SIGTERM)`,
    );
});
