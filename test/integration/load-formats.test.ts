// What JMeter and hey write when set up otherwise than by default, read by `chaos-gate report`: a JTL
// with another delimiter or without its header, a plan with a Transaction Controller, and hey's CSV
// when no request got a response.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { fixturePath } from '../support/fixtures.ts';
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
before(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
after(() => server.close());

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
