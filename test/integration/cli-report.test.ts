import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { writeResults } from '../../bench/support/results.ts';
import { blackHoleKubeconfig, startBlackHole } from '../support/black-hole.ts';
import { fixturePath, repoRoot } from '../support/fixtures.ts';
import { runEntry, signalOnceWritten } from '../support/run-node.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';

const out = () => mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-report-'));
const runReport = (...args: string[]) => runEntry('dist/cli.js', ['report', ...args]).done;
const passingResult = fixturePath('litmus/results/chaosresult-3x-pass.yaml');

test('report --results converts a passing ChaosResult, writes JUnit and JSON, exits 0', async () => {
  const dir = out();
  const junit = path.join(dir, 'junit.xml');
  const json = path.join(dir, 'report.json');
  const finished = await runReport('--results', passingResult, '--junit', junit, '--json', json);
  assert.equal(finished.code, 0, finished.stderr);
  assert.match(finished.stdout, /gate PASSED \(3 passed, 0 failed, 0 errored, 0 skipped\)/);
  const xml = await readCheckedJUnit(junit);
  assert.match(xml, /<testsuite name="default\/nginx-chaos-pass"/);
  assert.match(xml, /<testcase classname="default\/nginx-chaos-pass" name="pod-delete"/);
  const report = JSON.parse(readFileSync(json, 'utf8')) as { verdict: string };
  assert.equal(report.verdict, 'pass');
});

test('a report the disk cannot take (/dev/full) exits 2 naming the file, and a device is never removed', async () => {
  // Through a link, so that a regression removes the link rather than the machine's /dev/full.
  const junit = path.join(out(), 'junit.xml');
  symlinkSync('/dev/full', junit);
  const finished = await runReport('--results', passingResult, '--junit', junit);
  assert.equal(finished.code, 2, finished.stderr);
  assert.match(finished.stderr, /junit\.xml: cannot write the report: ENOSPC/);
  assert.ok(lstatSync(junit).isSymbolicLink());
});

test('a report pointed at the file it reads exits 2 naming both, and the input is left as it was', async () => {
  const results = path.join(out(), 'results.yaml');
  writeFileSync(results, readFileSync(passingResult));
  const finished = await runReport('--results', results, '--junit', results);
  assert.equal(finished.code, 2, finished.stdout + finished.stderr);
  assert.equal(
    finished.stderr,
    `chaos-gate: error: the JUnit report ${results}: the same file as the ChaosResults file ${results}, which it would overwrite\n`,
  );
  assert.ok(readFileSync(results).equals(readFileSync(passingResult)));
});

test("a report where the HTML report's stylesheet goes exits 2 before writing anything, naming both", async () => {
  const dir = out();
  const [page, css] = [path.join(dir, 'r.html'), path.join(dir, 'r.css')];
  const finished = await runReport('--results', passingResult, '--html', page, '--json', css);
  assert.equal(finished.code, 2, finished.stdout + finished.stderr);
  assert.equal(
    finished.stderr,
    `chaos-gate: error: the HTML report's stylesheet ${css}: the same file as the JSON report\n`,
  );
  assert.equal(existsSync(css), false);
});

test('a report cut off half-way (a file-size limit) is never left: the previous one stays as it was', () => {
  const dir = out();
  const junit = path.join(dir, 'junit.xml');
  const command = [process.execPath, path.join(repoRoot, 'dist/cli.js'), 'report']
    .concat(['--results', fixturePath('litmus/results/chaosresult-3x-fail-probe.yaml')])
    .concat(['--results', fixturePath('litmus/results/chaosresult-3x-pass.yaml'), '--junit', junit])
    .map((word) => `'${word}'`)
    .join(' ');
  // 1 KiB at most per file, with SIGXFSZ ignored so a write past it fails (EFBIG) instead of killing
  // the process; the JUnit file for these results is about 1.7 KB.
  const limited = `trap '' XFSZ; ulimit -f 1; ${command}`;
  const first = spawnSync('bash', ['-c', limited], { encoding: 'utf8' });
  assert.equal(first.status, 2, first.stderr);
  assert.match(first.stderr, /junit\.xml: cannot write the report: EFBIG/);
  assert.deepEqual(readdirSync(dir), []);

  // A previous job's report in its place is neither cut off nor removed.
  const previous = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="previous"/>\n';
  writeFileSync(junit, previous);
  const again = spawnSync('bash', ['-c', limited], { encoding: 'utf8' });
  assert.equal(again.status, 2, again.stderr);
  assert.equal(readFileSync(junit, 'utf8'), previous);
  assert.deepEqual(readdirSync(dir), ['junit.xml']);
});

test('SIGKILL while a large report is written leaves the previous report whole, not a cut-off one', async () => {
  const inputs = out();
  const results = path.join(inputs, 'results.json');
  writeResults(10_000, results, path.join(inputs, 'results.yaml'));
  const dir = out();
  const junit = path.join(dir, 'junit.xml');
  const previous = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="previous"/>\n';
  writeFileSync(junit, previous);
  const child = runEntry('dist/cli.js', ['report', '--results', results, '--junit', junit]);
  // Killed as the OOM killer would: no handler runs, nothing is cleaned up.
  const finished = await signalOnceWritten(child, junit, 'SIGKILL');
  assert.equal(finished.signal, 'SIGKILL');
  assert.equal(readFileSync(junit, 'utf8'), previous);
  // It was killed mid-write: the temporary file it was writing is left, under a name no *.xml matches.
  assert.deepEqual(
    readdirSync(dir)
      .map((name) => name.replace(/\.\d+\.tmp$/, '.<pid>.tmp'))
      .sort(),
    ['.junit.xml.<pid>.tmp', 'junit.xml'],
  );
  // Once it is written whole, it takes the previous one's place.
  const whole = await runReport('--results', results, '--junit', junit);
  assert.equal(whole.code, 1, whole.stderr);
  assert.match(readFileSync(junit, 'utf8'), /<\/testsuites>\n$/);
});

test('report --results on a failed probe exits 1 and says why', async () => {
  const finished = await runReport(
    '--results',
    fixturePath('litmus/results/chaosresult-3x-fail-probe.yaml'),
    '--results',
    passingResult,
  );
  assert.equal(finished.code, 1);
  assert.match(finished.stdout, /gate FAILED/);
  assert.match(finished.stdout, /check-frontend-access-url failed: Actual value: 503/);
});

test("report of a ChaosEngine whose only ChaosResult is another run's exits 2, saying whose it is", async () => {
  const previousRun = path.join(out(), 'previous-run.yaml');
  const passed = readFileSync(passingResult, 'utf8');
  writeFileSync(previousRun, passed.replace(/chaosUID: .*/, 'chaosUID: uid-of-a-previous-run'));
  const finished = await runReport(
    '--results',
    fixturePath('litmus/engines/observed-completed.yaml'),
    '--results',
    previousRun,
  );
  assert.equal(finished.code, 2, finished.stdout + finished.stderr);
  assert.match(
    finished.stderr,
    /chaos-gate: error: nothing to judge: \S*observed-completed\.yaml, \S*previous-run\.yaml \(default\/nginx-chaos-pass\): pod-delete: no ChaosResult of this run: the ChaosResult nginx-chaos-pass-pod-delete found belongs to another run \(chaosUID uid-of-a-previous-run, not the engine's UID 6b3e9a10-52d4-4f0e-8c3b-7a9d2e41f5c8\)/,
  );
});

test('results all skipped by --stopped-as skip or --timeouts-as skip exit 2, naming the flag', async () => {
  const cases: [string, string, RegExp][] = [
    [
      'chaosresult-3x-stopped.yaml',
      '--stopped-as',
      /nothing to judge \(every case was skipped\): \S*chaosresult-3x-stopped\.yaml \(default\/nginx-chaos-stopped\): pod-delete: the experiment was stopped \(aborted\) before it finished \(skipped: --stopped-as skip\)/,
    ],
    [
      'chaosresult-3x-awaited.yaml',
      '--timeouts-as',
      /nothing to judge \(every case was skipped\): \S*chaosresult-3x-awaited\.yaml \(default\/nginx-chaos-running\): pod-delete: still Awaited \(phase Running\) when the results were read \(skipped: --timeouts-as skip\)/,
    ],
  ];
  for (const [results, flag, expected] of cases) {
    const args = ['report', '--results', fixturePath(`litmus/results/${results}`), flag, 'skip'];
    const finished = await runEntry('dist/cli.js', args).done;
    assert.equal(finished.code, 2, `${args.join(' ')}\n${finished.stdout}${finished.stderr}`);
    assert.match(finished.stderr, expected);
    assert.doesNotMatch(finished.stdout, /gate PASSED/);
  }
});

test('input without verdicts is named by the file it came from: a JTL beside Awaited results', async () => {
  const jtl = path.join(out(), 'results.jtl');
  writeFileSync(
    jtl,
    'timeStamp,elapsed,label,responseCode,responseMessage,success,failureMessage\n1795000000000,95,GET /checkout,200,OK,true,\n',
  );
  const awaited = fixturePath('litmus/results/chaosresult-3x-awaited.yaml');
  const finished = await runReport('--jtl', jtl, '--results', awaited);
  assert.equal(finished.code, 2, finished.stdout + finished.stderr);
  assert.ok(
    finished.stderr.includes(
      `chaos-gate: error: nothing to judge: ${jtl} (load): 1 request read (error rate 0.00%) but no threshold`,
    ),
    finished.stderr,
  );
  assert.ok(
    finished.stderr.includes(`; ${awaited} (default/nginx-chaos-running): pod-delete: still Awaited`),
  );
});

test('results saved by Windows PowerShell 5.1 (UTF-16, CRLF) give the same JUnit as the UTF-8 file', async () => {
  const dir = out();
  const original = fixturePath('litmus/results/chaosresult-3x-fail-probe.yaml');
  const windows = path.join(dir, 'results.yaml');
  // What `kubectl get chaosresults -o yaml > results.yaml` leaves there: a byte-order mark, UTF-16LE, CRLF.
  writeFileSync(windows, `\uFEFF${readFileSync(original, 'utf8').replaceAll('\n', '\r\n')}`, 'utf16le');
  const junitOf = async (results: string, name: string) => {
    const junit = path.join(dir, name);
    const finished = await runReport('--results', results, '--junit', junit);
    assert.equal(finished.code, 1, finished.stderr);
    return readFileSync(junit, 'utf8');
  };
  const expected = await junitOf(original, 'utf8.xml');
  assert.match(expected, /check-frontend-access-url/);
  assert.equal(await junitOf(windows, 'utf16.xml'), expected);
});

test('an input that is not there says what it is and, for a relative path, where it was looked for', async () => {
  // A CI step whose folder is not the checkout's (a Tekton workingDir, a Jenkins dir step).
  const cwd = out();
  const cases: [string[], string][] = [
    [
      ['--results', 'results.yaml'],
      `results.yaml: cannot read the ChaosResults file: no such file or directory (relative to the current directory, ${cwd})`,
    ],
    [
      ['--workflow', '/nowhere/wf.yaml'],
      '/nowhere/wf.yaml: cannot read the Workflow file: no such file or directory',
    ],
    // kubectl's `-f -` is standard input; here it would be a file named -.
    [
      ['--results', '-'],
      '-: cannot read the ChaosResults file: standard input is not read: save it to a file and give that file',
    ],
  ];
  for (const [args, message] of cases) {
    const finished = await runEntry('dist/cli.js', ['report', ...args], { cwd }).done;
    assert.equal(finished.code, 2, args.join(' '));
    assert.equal(finished.stderr, `chaos-gate: error: ${message}\n`);
  }
});

test('bad configuration exits 2 with a message naming the problem', async () => {
  const cases: [string[], RegExp][] = [
    [
      ['run', '--timeout', 'soon', '--engine', 'x.yaml'],
      /chaos-gate: error: command line: --timeout: expected a duration such as 500ms, 90s, 15m or 1h30m, got text \("soon"\)/,
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

test('without --json, what the summary and the page leave out points to the JUnit file, or says how to write the JSON report', async () => {
  // 3,000 failed experiments (each a failed probe too): 6,000 failed rows, more than the summary holds.
  const failing = parse(
    readFileSync(fixturePath('litmus/results/chaosresult-3x-fail-probe.yaml'), 'utf8'),
  ) as {
    metadata: { name: string; labels: Record<string, string> };
    spec: { engine: string };
  };
  const items = Array.from({ length: 3_000 }, (_, i) => ({
    ...failing,
    metadata: {
      ...failing.metadata,
      name: `engine-${i}-pod-delete`,
      labels: { ...failing.metadata.labels, chaosUID: `uid-${i}` },
    },
    spec: { ...failing.spec, engine: `engine-${i}` },
  }));
  const dir = out();
  const results = path.join(dir, 'results.json');
  writeFileSync(results, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  const junit = path.join(dir, 'junit.xml');
  const summary = path.join(dir, 'summary.md');
  const html = path.join(dir, 'report.html');

  const withJUnit = await runReport(
    '--results',
    results,
    '--junit',
    junit,
    '--summary',
    summary,
    '--html',
    html,
  );
  assert.equal(withJUnit.code, 1, withJUnit.stderr);
  const markdown = readFileSync(summary, 'utf8');
  assert.match(
    markdown,
    new RegExp(
      `more failed check\\(s\\), for which the summary has no room: the JUnit report ${junit} has every one\\.\n`,
    ),
  );
  assert.doesNotMatch(markdown, /see the JSON report|the JSON report has/);
  assert.match(
    readFileSync(html, 'utf8'),
    /<dt>other chaos windows<\/dt><dd>\d+: a JSON report would have every one: write one with --json<\/dd>/,
  );

  const alone = await runReport('--results', results, '--summary', summary);
  assert.equal(alone.code, 1, alone.stderr);
  assert.match(
    readFileSync(summary, 'utf8'),
    /for which the summary has no room: a JSON report would have every one: write one with --json\.\n/,
  );
});

test('SIGTERM while the reports of 10,000 results are written: exit 143 and no report file left', async () => {
  const inputs = out();
  const results = path.join(inputs, 'results.json');
  writeResults(10_000, results, path.join(inputs, 'results.yaml'));
  const dir = out();
  const junit = path.join(dir, 'junit.xml');
  const reports = [
    '--junit',
    junit,
    '--json',
    path.join(dir, 'report.json'),
    '--html',
    path.join(dir, 'report.html'),
  ];
  const child = runEntry('dist/cli.js', ['report', '--results', results, ...reports]);
  // The JUnit report is written first, and the three take a good second to write.
  const finished = await signalOnceWritten(child, junit, 'SIGTERM');
  assert.equal(finished.code, 143, finished.stderr);
  assert.match(finished.stderr, /received SIGTERM: stopping, leaving no report behind/);
  assert.match(finished.stderr, /cancelled by SIGTERM; removed the reports it wrote: .*junit\.xml/);
  assert.deepEqual(readdirSync(dir), []);
});

test('SIGTERM while report --namespace waits on the cluster: the read ends, exit 143, no report written', async () => {
  const hole = await startBlackHole();
  try {
    const dir = out();
    const kubeconfig = path.join(out(), 'kubeconfig');
    writeFileSync(kubeconfig, blackHoleKubeconfig(hole.server, 'black-hole-token-0123456789abcdef'));
    const child = runEntry(
      'dist/cli.js',
      ['report', '--kubeconfig', kubeconfig, '--namespace', 'shop'].concat([
        '--junit',
        path.join(dir, 'junit.xml'),
        '--json',
        path.join(dir, 'report.json'),
      ]),
    );
    // A request is under way once the server has accepted its connection.
    while (hole.accepted() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGTERM');
    const finished = await child.done;
    assert.equal(finished.code, 143, finished.stderr);
    assert.match(finished.stderr, /^chaos-gate: cancelled by SIGTERM; no report was written$/m);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    await hole.close();
  }
});
