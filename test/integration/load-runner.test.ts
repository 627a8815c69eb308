// The load runner driving a real load tool (hey) against a local server that slows down and fails
// during a known window: the impact figures must find that window.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { CannotRunError } from '../../src/errors.ts';
import { readRequestFigures } from '../../src/load/read.ts';
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
    // Numbered as it arrives: read when the delay ends, the count would have moved on with the other
    // workers' requests, and which ones fail would depend on how they interleave.
    const number = ++served;
    if (!chaos) return response.end('ok');
    // During the window: +150 ms, and every third request fails.
    setTimeout(() => {
      response.statusCode = number % 3 === 0 ? 503 : 200;
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
  const load = await startLoad(config, (line) => lines.push(line));
  await load.baseline(new AbortController().signal);
  const window = { startMs: Date.now(), endMs: 0 };
  chaos = true;
  await sleep(1500);
  chaos = false;
  window.endMs = Date.now();
  const exit = await load.finish(Date.now() + 60_000, new AbortController().signal);

  assert.equal(exit.code, 0);
  assert.ok(lines.includes('[load] hey done'), 'the command output reaches the log with a prefix');
  const requests = readRequestFigures(config.results, exit, [window]);
  const sent = requests?.overall.count ?? 0;
  assert.ok(sent > 100, `hey sent ${sent} requests`);
  const suite = loadSuite({ exit, requests, windows: [window], thresholds: {}, impact: config.impact });
  const baselineP95 = Number(suite.properties['baseline.p95Ms']);
  const chaosP95 = Number(suite.properties['chaos.p95Ms']);
  assert.ok(chaosP95 >= 150, `p95 during chaos ${chaosP95} ms includes the 150 ms delay`);
  assert.ok(chaosP95 > 2 * baselineP95, `p95 during chaos ${chaosP95} ms vs baseline ${baselineP95} ms`);
  assert.ok(
    Number(suite.properties['chaos.errorRate']) > 0.2,
    `error rate during chaos ${suite.properties['chaos.errorRate']}`,
  );
  // hey's start is read from when it wrote its file, a few ms late at most: a failed request at the
  // window's very edge may still count as baseline.
  assert.ok(
    Number(suite.properties['baseline.errorRate']) < 0.05,
    `error rate outside the chaos ${suite.properties['baseline.errorRate']}`,
  );
  assert.deepEqual(
    suite.cases.filter((c) => c.kind === 'load-impact').map((c) => c.outcome),
    ['fail', 'fail'],
  );
});

/** Whether any process still runs with `marker` in its command line. */
function running(marker: string): boolean {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

test('a string command whose child ignores SIGTERM: the whole group is stopped, SIGKILL after the grace', async () => {
  const marker = `chaos-gate-load-${process.pid}-${Date.now()}`;
  // sh forks the inner shell; the inner one ignores SIGTERM, as a stubborn load tool might.
  const config = loadSchema.parse({
    command: `sh -c 'trap "" TERM; echo ${marker} started; while :; do sleep 0.2; done' ${marker}`,
    leadTime: '1s',
    tail: '1s',
    terminateGrace: '1s',
  });
  const lines: string[] = [];
  const load = await startLoad(config, (line) => lines.push(line));
  await load.baseline(new AbortController().signal);
  assert.ok(running(marker), 'the stubborn child runs');
  const started = Date.now();
  const exit = await load.terminate('on cancel');
  assert.ok(Date.now() - started < 5000, `stopped in ${Date.now() - started} ms`);
  assert.equal(exit.stoppedBy, 'on cancel');
  assert.ok(!running(marker), 'no process of the group is left');
  assert.match(lines.join('\n'), /did not end 1s after SIGTERM: SIGKILL/);
});

test('stop: wait ends at the run deadline: the command is stopped and reported as not finished', async () => {
  const config = loadSchema.parse({ command: ['sleep', '30'], leadTime: '1s', tail: '1s', stop: 'wait' });
  const load = await startLoad(config, () => {});
  const started = Date.now();
  const exit = await load.finish(Date.now() + 1500, new AbortController().signal);
  assert.ok(Date.now() - started < 4000, `waited ${Date.now() - started} ms, not 30 s`);
  assert.equal(exit.stoppedBy, 'at the timeout');
  const suite = loadSuite({ exit, command: 'sleep 30', windows: [], thresholds: {}, impact: {} });
  assert.equal(suite.cases[0]?.outcome, 'timeout');
});

test('the load command gets an allow-listed environment: no runner inputs or tokens, its own env and passEnv', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, {
    INPUT_KUBECONFIG: 'apiVersion: v1 token: do-not-leak',
    GITHUB_TOKEN: 'ghs_do-not-leak',
    ACTIONS_RUNTIME_TOKEN: 'do-not-leak',
    K6_CLOUD_TOKEN: 'given-on-purpose',
  });
  try {
    const config = loadSchema.parse({
      command: 'env',
      env: { TARGET: 'http://checkout' },
      passEnv: ['K6_CLOUD_TOKEN'],
      leadTime: '1s',
      tail: '1s',
      stop: 'wait',
    });
    const lines: string[] = [];
    const load = await startLoad(config, (line) => lines.push(line));
    await load.finish(Date.now() + 10_000, new AbortController().signal);
    const env = lines.join('\n');
    assert.doesNotMatch(env, /do-not-leak/);
    assert.doesNotMatch(env, /INPUT_KUBECONFIG/);
    assert.match(env, /\[load\] TARGET=http:\/\/checkout/);
    assert.match(env, /\[load\] K6_CLOUD_TOKEN=given-on-purpose/);
    assert.match(env, /\[load\] PATH=/);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
});

test('a cancel during the tail stops the load at once', async () => {
  const config = loadSchema.parse({ command: ['sleep', '30'], leadTime: '1s', tail: '30s', stop: 'wait' });
  const load = await startLoad(config, () => {});
  const cancel = new AbortController();
  setTimeout(() => cancel.abort('SIGTERM'), 300);
  const started = Date.now();
  const exit = await load.finish(Date.now() + 60_000, cancel.signal);
  assert.ok(Date.now() - started < 3000, `stopped ${Date.now() - started} ms after the start of the tail`);
  assert.equal(exit.stoppedBy, 'on cancel');
});

test('on Windows a load command is refused before it starts: nothing could stop it with its process group', async () => {
  const marker = path.join(workDir(), 'started');
  const config = loadSchema.parse({ command: `touch '${marker}'`, leadTime: '1s' });
  await assert.rejects(
    startLoad(config, () => {}, 'win32'),
    (error: Error) => {
      assert.ok(error instanceof CannotRunError, String(error));
      assert.match(
        error.message,
        /^load\.command: cannot run on Windows: .*run the job on a Linux or macOS runner$/,
      );
      return true;
    },
  );
  await sleep(200);
  assert.ok(!existsSync(marker), 'the command never ran');
});
