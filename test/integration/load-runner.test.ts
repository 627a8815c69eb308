// The load runner driving a real load tool (hey) against a local server that slows down and fails
// during a known window: the impact figures must find that window.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { readSamples } from '../../src/load/read.ts';
import { startLoad } from '../../src/load/runner.ts';
import { loadSchema } from '../../src/load/schema.ts';
import { loadSuite } from '../../src/load/suite.ts';
import { testTool } from '../support/tools.ts';
import { workDir } from './helpers.ts';

test('hey through the load runner: slow, failing requests are found inside the chaos window', async (t) => {
  const hey = testTool('hey');
  let chaos = false;
  let served = 0;
  const server = createServer((request, response) => {
    served++;
    if (!chaos) return response.end('ok');
    // During the window: +150 ms, and every third request fails.
    setTimeout(() => {
      response.statusCode = served % 3 === 0 ? 503 : 200;
      response.end('slow');
    }, 150);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const { port } = server.address() as AddressInfo;
  const csv = path.join(workDir(), 'hey.csv');
  const lines: string[] = [];
  // Bounded: 4 workers at 25 requests/s each for 4 s, to loopback only.
  const config = loadSchema.parse({
    command: `'${hey}' -z 4s -c 4 -q 25 -o csv http://127.0.0.1:${port}/ > '${csv}'; echo "hey done"`,
    leadTime: '1s',
    tail: '30s',
    stop: 'wait',
    results: { heyCsv: csv },
    impact: { maxP95Ratio: 2, maxErrorRateDuringChaos: 0.01 },
  });
  const load = await startLoad(config, (line) => lines.push(line), new AbortController().signal);
  await load.baseline();
  const window = { startMs: Date.now(), endMs: 0 };
  chaos = true;
  await sleep(1500);
  chaos = false;
  window.endMs = Date.now();
  const exit = await load.finish();

  assert.equal(exit.code, 0);
  assert.ok(lines.includes('[load] hey done'), 'the command output reaches the log with a prefix');
  const samples = readSamples(config.results, exit.startedAtMs) ?? [];
  assert.ok(samples.length > 100, `hey sent ${samples.length} requests`);
  const suite = loadSuite({ exit, samples, windows: [window], thresholds: {}, impact: config.impact });
  const baselineP95 = Number(suite.properties['baseline.p95Ms']);
  const chaosP95 = Number(suite.properties['chaos.p95Ms']);
  assert.ok(chaosP95 >= 150, `p95 during chaos ${chaosP95} ms includes the 150 ms delay`);
  assert.ok(chaosP95 > 2 * baselineP95, `p95 during chaos ${chaosP95} ms vs baseline ${baselineP95} ms`);
  assert.ok(
    Number(suite.properties['chaos.errorRate']) > 0.2,
    `error rate during chaos ${suite.properties['chaos.errorRate']}`,
  );
  assert.equal(suite.properties['baseline.errorRate'], '0');
  assert.deepEqual(
    suite.cases.filter((c) => c.kind === 'load-impact').map((c) => c.outcome),
    ['fail', 'fail'],
  );
});
