// JMeter (5.6.3, installed from Maven Central by scripts/install-test-tools.sh) as the load test of a
// `chaos-gate run`: it loads a loopback service that, while the experiment runs, answers 150 ms slower
// and fails every third request. The CSV JTL JMeter writes becomes the run's load testsuite; the XML
// JTL it writes when told to is read the same way.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { stringify } from 'yaml';
import { fixturePath } from '../support/fixtures.ts';
import { samplesIn } from '../support/load.ts';
import { runEntry } from '../support/run-node.ts';
import { testTool } from '../support/tools.ts';
import { engineFile, uniqueName, useSandbox, workDir } from './helpers.ts';

const namespace = 'jmeter';
// The experiment runs about 5 s: the stand-in operator starts it 0.5 s after the apply.
const env = useSandbox(namespace, { stepMs: 500, runMs: 4500 });

/** Status codes the service sent, in order, and whether the chaos was on. */
const served: { status: number; chaos: boolean }[] = [];
let chaos = false;
const server = createServer((_request, response) => {
  const during = chaos;
  const status = during && served.filter((s) => s.chaos).length % 3 === 2 ? 503 : 200;
  served.push({ status, chaos: during });
  setTimeout(
    () => {
      response.statusCode = status;
      response.end(status === 200 ? 'ok' : 'unavailable');
    },
    during ? 150 : 0,
  );
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
after(() => {
  server.close();
});

interface Suite {
  name: string;
  properties: Record<string, string>;
  cases: { name: string; outcome: string; message?: string }[];
}

test('JMeter beside the chaos: its JTL shows the slow, failing window and the impact limits fail the gate', async () => {
  const jmeter = testTool('jmeter');
  const dir = workDir();
  const name = uniqueName('checkout');
  const jtl = path.join(dir, 'results.jtl');
  const json = path.join(dir, 'report.json');
  const { port } = server.address() as AddressInfo;
  // JMeter needs about 2 s to start, but 12 s on a busy 2-core machine (seen in CI): a chaos that
  // started after 5 s had ended before its first request. A 15 s lead holds that start, and 28 s of
  // load cover the baseline, the chaos and the tail.
  const command = [
    jmeter,
    '-n',
    '-t',
    fixturePath('load/checkout.jmx'),
    '-l',
    jtl,
    '-j',
    path.join(dir, 'jmeter.log'),
    `-Jport=${port}`,
    '-Jduration=28',
  ];
  const config = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(
    config,
    stringify({
      engines: [engineFile(dir, name, 'pass', namespace)],
      load: {
        command,
        leadTime: '15s',
        tail: '2s',
        stop: 'wait',
        results: { jtl },
        thresholds: { errorRate: '1%' },
        impact: { maxP95Ratio: 2, maxErrorRateDuringChaos: '1%' },
      },
    }),
  );
  // The service degrades while the experiment runs (the operator's start to its verdict).
  void env.operator.waitFor(name, 'initialized', 60_000).then(() => (chaos = true));
  void env.operator.waitFor(name, 'result-final', 60_000).then(() => (chaos = false));

  const run = await env.run(['--config', config, '--json', json]).done;

  // The experiment passed; the load did not hold up.
  assert.equal(run.code, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /\[load\] summary = +\d+ in/, "JMeter's own summary reaches the log");
  assert.match(run.stdout, /load › p95 during chaos <= 2x baseline failed/);
  assert.match(
    run.stdout,
    /load › error rate during chaos <= 1% failed: error rate during chaos was \d+(\.\d+)?%/,
  );

  // What JMeter wrote: its CSV header, and every request the service answered, quoted messages included.
  const text = readFileSync(jtl, 'utf8');
  assert.match(
    text,
    /^timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,/,
  );
  assert.match(text, /,false,"checkout unavailable, not 200:\nsee the service log",/);
  const samples = samplesIn('jtl', jtl);
  assert.equal(samples.length, served.length, 'one JTL line per request the service answered');
  assert.equal(samples.filter((s) => !s.success).length, served.filter((s) => s.status !== 200).length);

  const report = JSON.parse(readFileSync(json, 'utf8')) as { suites: Suite[] };
  const load = report.suites.find((s) => s.name === 'load');
  assert.ok(load, JSON.stringify(report.suites.map((s) => s.name)));
  const p = load.properties;
  assert.ok(Number(p['baseline.requests']) > 20, `baseline of ${p['baseline.requests']} requests`);
  assert.ok(Number(p['chaos.requests']) > 20, `${p['chaos.requests']} requests during the chaos`);
  assert.equal(p['baseline.errorRate'], '0');
  assert.ok(Number(p['chaos.p95Ms']) >= 150, `p95 during chaos ${p['chaos.p95Ms']} ms includes the 150 ms`);
  assert.ok(Number(p['chaos.p95Ms']) > 2 * Number(p['baseline.p95Ms']));
  assert.ok(Number(p['chaos.errorRate']) > 0.1, `error rate during chaos ${p['chaos.errorRate']}`);
  assert.deepEqual(
    load.cases.map((c) => [c.name, c.outcome]),
    [
      [command.join(' '), 'pass'],
      ['error rate <= 1%', 'fail'],
      ['p95 during chaos <= 2x baseline', 'fail'],
      ['error rate during chaos <= 1%', 'fail'],
    ],
  );
});

test('JMeter results saved as XML: every request JMeter made, the assertion message of each failure, and the gate', async () => {
  const dir = workDir();
  const xml = path.join(dir, 'results.xml');
  const { port } = server.address() as AddressInfo;
  const first = served.length;
  chaos = true;
  try {
    await promisify(execFile)(testTool('jmeter'), [
      '-n',
      '-t',
      fixturePath('load/checkout.jmx'),
      '-l',
      xml,
      '-j',
      path.join(dir, 'jmeter.log'),
      `-Jport=${port}`,
      '-Jduration=3',
      '-Jjmeter.save.saveservice.output_format=xml',
    ]);
  } finally {
    chaos = false;
  }
  const answered = served.slice(first);
  assert.match(readFileSync(xml, 'utf8'), /^<\?xml [^>]*\?>\s*<testResults version="1\.2">\s*<httpSample /);
  const samples = samplesIn('jtl', xml);
  assert.equal(samples.length, answered.length, 'one sample per request the service answered');
  const failures = samples.filter((s) => !s.success);
  assert.equal(failures.length, answered.filter((s) => s.status !== 200).length);
  assert.ok(failures.length > 0);
  for (const { failure } of failures)
    assert.equal(failure, 'GET /checkout: checkout unavailable, not 200:\nsee the service log');

  const config = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(config, stringify({ load: { thresholds: { errorRate: '1%' } } }));
  const report = await runEntry('dist/cli.js', ['report', '--jtl', xml, '--config', config]).done;
  assert.equal(report.code, 1, report.stdout + report.stderr);
  const counted =
    /load › error rate <= 1% failed: error rate was [\d.]+% \((\d+) of (\d+) requests failed\)/.exec(
      report.stdout,
    );
  assert.deepEqual(counted?.slice(1), [String(failures.length), String(samples.length)], report.stdout);
});
