// What JMeter and hey write when set up otherwise than by default, read by `chaos-gate report`: a JTL
// with another delimiter or without its header, a plan with a Transaction Controller, and hey's CSV
// when no request got a response.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { fixturePath } from '../support/fixtures.ts';
import { readRecords } from '../support/github-files.ts';
import { runEntry } from '../support/run-node.ts';
import { testTool } from '../support/tools.ts';
import { workDir } from './helpers.ts';

/** Every third request fails with 503. */
let served = { requests: 0, failed: 0 };
const server: Server = createServer((_request, response) => {
  served.requests++;
  response.statusCode = served.requests % 3 === 0 ? 503 : 200;
  if (response.statusCode === 503) served.failed++;
  response.end();
});
/** Resets every second connection before answering: requests that get no response at all. */
let resets = 0;
const resetting: Server = createServer((request, response) => {
  if (++resets % 2 === 0) request.socket.resetAndDestroy();
  else response.end('ok');
});
before(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
before(() => new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve)));
after(() => server.close());
after(() => resetting.close());

/** One second of JMeter's checkout plan (or `plan`) against the server, with `properties` as -J flags. */
async function jmeter(
  dir: string,
  file: string,
  properties: string[],
  plan = fixturePath('load/checkout.jmx'),
): Promise<string> {
  const { port } = server.address() as AddressInfo;
  const jtl = path.join(dir, file);
  served = { requests: 0, failed: 0 };
  await promisify(execFile)(testTool('jmeter'), [
    '-n',
    '-t',
    plan,
    '-l',
    jtl,
    '-j',
    path.join(dir, `${file}.log`),
    `-Jport=${port}`,
    '-Jduration=1',
    ...properties.map((property) => `-J${property}`),
  ]);
  return jtl;
}

function report(dir: string, args: string[]) {
  const config = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(config, 'load:\n  thresholds:\n    errorRate: 1%\n');
  return runEntry('dist/cli.js', ['report', '--config', config, ...args]).done;
}

test('a JTL with JMeter told to separate fields with a semicolon is read field by field', async () => {
  const dir = workDir();
  const jtl = await jmeter(dir, 'results.jtl', ['jmeter.save.saveservice.default_delimiter=;']);
  assert.match(readFileSync(jtl, 'utf8'), /^timeStamp;elapsed;label;/);

  const json = path.join(dir, 'report.json');
  const run = await report(dir, ['--jtl', jtl, '--json', json]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  assert.ok(served.failed > 0);
  assert.match(
    run.stdout,
    new RegExp(
      `error rate <= 1% failed: error rate was [\\d.]+% \\(${served.failed} of ${served.requests} requests failed\\)`,
    ),
  );
  // The assertion's message holds a comma and a line break: JMeter quotes it, the fields stay apart.
  assert.match(
    readFileSync(json, 'utf8'),
    /GET \/checkout: checkout unavailable, not 200:\\nsee the service log/,
  );
});

test('a JTL written without its header is refused with the setting that turned it off', async () => {
  const dir = workDir();
  const jtl = await jmeter(dir, 'results.jtl', ['jmeter.save.saveservice.print_field_names=false']);

  const run = await report(dir, ['--jtl', jtl]);
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(
    run.stderr,
    /the first line is a sample, not a header; JMeter writes none with jmeter\.save\.saveservice\.print_field_names=false/,
  );
});

/** `report`'s count of failed and all requests, from its error-rate case. */
function counted(stdout: string): string[] | undefined {
  return /error rate <= 1% failed: error rate was [\d.]+% \((\d+) of (\d+) requests failed\)/
    .exec(stdout)
    ?.slice(1);
}

test('a Transaction Controller: its requests are counted, not its summing sample as one more', async () => {
  const dir = workDir();
  const plan = fixturePath('load/transaction.jmx');
  const csv = await jmeter(dir, 'results.jtl', [], plan);
  assert.match(readFileSync(csv, 'utf8'), /,checkout flow,[^\n]*"Number of samples in transaction : 2, /);
  const expected = [String(served.failed), String(served.requests)];
  assert.equal(served.requests, 20, '2 threads x 5 loops x 2 requests');
  const fromCsv = await report(dir, ['--jtl', csv]);
  assert.equal(fromCsv.code, 1, fromCsv.stdout + fromCsv.stderr);
  assert.deepEqual(counted(fromCsv.stdout), expected, fromCsv.stdout);

  // "Generate parent sample": in XML the requests are nested in the transaction's sample.
  const parentPlan = path.join(dir, 'parent.jmx');
  writeFileSync(
    parentPlan,
    readFileSync(plan, 'utf8').replace(
      '<boolProp name="TransactionController.parent">false',
      '<boolProp name="TransactionController.parent">true',
    ),
  );
  const xml = await jmeter(dir, 'results.xml', ['jmeter.save.saveservice.output_format=xml'], parentPlan);
  assert.match(readFileSync(xml, 'utf8'), /<sample [^>]*lb="checkout flow"[^>]*>\s*<httpSample /);
  const fromXml = await report(dir, ['--jtl', xml]);
  assert.equal(fromXml.code, 1, fromXml.stdout + fromXml.stderr);
  assert.deepEqual(counted(fromXml.stdout), [String(served.failed), '20'], fromXml.stdout);
});

test("hey's CSV when no request got a response: refused, saying hey leaves those requests out", async () => {
  const dir = workDir();
  // A port nothing listens on: the server's, once closed.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  const { stdout } = await promisify(execFile)(testTool('hey'), [
    '-n',
    '4',
    '-c',
    '2',
    '-o',
    'csv',
    `http://127.0.0.1:${port}/`,
  ]);
  const csv = path.join(dir, 'hey.csv');
  writeFileSync(csv, stdout);
  assert.equal(stdout.trim().split('\n').length, 1, 'hey wrote its header alone');

  const config = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(config, `load:\n  results:\n    heyCsv: ${csv}\n  thresholds:\n    errorRate: 1%\n`);
  const run = await runEntry('dist/cli.js', ['report', '--config', config]).done;
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(
    run.stderr,
    /no samples: only the CSV header, no row after it; hey writes a row only for a request that got a response/,
  );
});

test("hey's CSV under an error-rate limit: the gate warns that requests without a response are not counted", async () => {
  const dir = workDir();
  const { port } = resetting.address() as AddressInfo;
  resets = 0;
  // One connection a request (hey reuses them otherwise), so every second request is reset.
  const { stdout } = await promisify(execFile)(testTool('hey'), [
    ...['-n', '20', '-c', '1', '-disable-keepalive', '-o', 'csv'],
    `http://127.0.0.1:${port}/`,
  ]);
  const csv = path.join(dir, 'hey.csv');
  writeFileSync(csv, stdout);
  const rows = stdout.trim().split('\n').slice(1);
  assert.equal(resets, 20, 'hey sent every request');
  assert.equal(rows.length, 10, 'hey wrote a row for the answered requests alone');

  const config = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(config, `load:\n  results:\n    heyCsv: ${csv}\n  thresholds:\n    errorRate: 1%\n`);
  const json = path.join(dir, 'report.json');
  const summary = path.join(dir, 'summary.md');
  const html = path.join(dir, 'report.html');
  const junit = path.join(dir, 'junit.xml');
  const run = await runEntry('dist/cli.js', [
    ...['report', '--config', config, '--json', json, '--summary', summary, '--html', html],
    ...['--junit', junit],
  ]).done;
  // The verdict is the same: the CSV's error rate is 0% whatever the warning says.
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const warning =
    `${csv}: load.thresholds.errorRate counted HTTP error statuses only: hey's CSV has no row for a request ` +
    'that got no response (connection refused or reset, timed out), so those are not counted. ' +
    "To count them, use a load tool that records them (JMeter's JTL, k6 --out json)";
  const logged = run.stdout.split('\n').filter((line) => line.startsWith('chaos-gate: WARNING: '));
  assert.equal(logged.length, 1, run.stdout);
  assert.ok(logged[0]?.startsWith(`chaos-gate: WARNING: ${warning}`), run.stdout);
  const load = (
    JSON.parse(readFileSync(json, 'utf8')) as { suites: { name: string; warnings?: string[] }[] }
  ).suites.find((suite) => suite.name === 'load');
  assert.equal(load?.warnings?.length, 1);
  assert.ok(load?.warnings?.[0]?.startsWith(warning), JSON.stringify(load?.warnings));
  assert.match(
    readFileSync(summary, 'utf8'),
    /^- ⚠️ .*hey's CSV has no row for a request that got no response/m,
  );
  assert.match(readFileSync(html, 'utf8'), /<ul class="warnings"><li>⚠️ .*hey&#39;s CSV has no row/);
  // In the load suite's output, which Jenkins shows on the page of each of its checks.
  assert.match(
    readFileSync(junit, 'utf8'),
    /<testsuite name="load" [^>]*>\n(?:.*\n)*?<system-out>WARNING: .*hey's CSV has no row.*<\/system-out>\n<system-err\/>\n<\/testsuite>/,
  );

  // The report carries it on: the Action's merge of it warns in an annotation beside a passing gate.
  const step = path.join(dir, 'step');
  mkdirSync(step);
  const github = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary' };
  const env: Record<string, string> = { INPUT_COMMAND: 'merge', INPUT_REPORTS: json };
  for (const [name, file] of Object.entries(github)) writeFileSync((env[name] = path.join(step, file)), '');
  const merged = await runEntry('dist/index.js', [], { cwd: step, env }).done;
  assert.equal(merged.code, 0, merged.stdout);
  assert.equal(readRecords(path.join(step, 'output')).verdict, 'pass');
  const annotations = merged.stdout.split('\n').filter((line) => line.startsWith('::warning'));
  assert.equal(annotations.length, 1, merged.stdout);
  assert.ok(annotations[0]?.startsWith(`::warning title=Chaos gate warning::${warning}`), annotations[0]);
  assert.match(readFileSync(path.join(step, 'summary'), 'utf8'), /^- ⚠️ .*hey's CSV has no row/m);
});
