// Every call to the API server is bounded: against a server that accepts connections and never
// answers, a request and a watch end with a plain error within their limit, and the connection's
// signal ends whatever is in flight with its reason. Requests share their connections, follow a proxy
// as client-go does, and are sent again when the server answers 429 with Retry-After.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { ApiTimeoutError, apiClient, connect, openWatch } from '../../../src/kube/client.ts';
import { describeApiError, statusCode } from '../../../src/kube/errors.ts';
import { LitmusClient } from '../../../src/litmus/client.ts';
import { blackHoleKubeconfig, startBlackHole } from '../../support/black-hole.ts';

const limit = { timeout: 10_000 };

async function blackHoleConfig(t: { after: (fn: () => Promise<void>) => void }) {
  const hole = await startBlackHole();
  t.after(() => hole.close());
  const kc = new KubeConfig();
  kc.loadFromString(blackHoleKubeconfig(hole.server, 'a-token-for-the-black-hole'));
  return { hole, kc };
}

test(
  'a request to a server that never answers fails after the request timeout, saying so',
  limit,
  async (t) => {
    const { hole, kc } = await blackHoleConfig(t);
    const litmus = new LitmusClient(connect(kc, { requestTimeoutMs: 300 }));
    const started = Date.now();
    const error = await litmus.assertInstalled().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    assert.ok(Date.now() - started < 3000, `ended after ${Date.now() - started} ms`);
    assert.ok(hole.accepted() >= 1, 'the connection was accepted');
    assert.match(String(error), /no answer from the API server within 300ms/);
  },
);

test('the connection signal ends a request in flight with its reason', limit, async (t) => {
  const { kc } = await blackHoleConfig(t);
  const controller = new AbortController();
  const litmus = new LitmusClient(connect(kc, { signal: controller.signal }));
  setTimeout(() => controller.abort(new Error('the 1s timeout passed')), 200);
  const started = Date.now();
  await assert.rejects(litmus.list(litmus.target('chaosengines', 'default')), /the 1s timeout passed/);
  assert.ok(Date.now() - started < 3000);
});

test('a watch stopped while it opens sends no request and leaves no timer behind', limit, async (t) => {
  const { hole, kc } = await blackHoleConfig(t);
  const stream = openWatch(
    connect(kc, { requestTimeoutMs: 30_000 }),
    '/apis/litmuschaos.io/v1alpha1/namespaces/default/chaosengines',
    { timeoutSeconds: 60 },
    () => {},
    90_000,
  );
  stream.abort();
  assert.equal(await stream.ended, 'closed');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(hole.accepted(), 0, 'no connection was made');
  // Nothing of the watch may keep the process alive: only this test's own timers and handles remain.
  const timers = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout');
  assert.deepEqual(timers, [], 'no request timer left running');
});

test('a watch on a server that never answers ends with a timeout, not a hang', limit, async (t) => {
  const { kc } = await blackHoleConfig(t);
  const stream = openWatch(
    connect(kc, { requestTimeoutMs: 300 }),
    '/apis/litmuschaos.io/v1alpha1/namespaces/default/chaosengines',
    { timeoutSeconds: 60 },
    () => {},
    90_000,
  );
  const outcome = await stream.ended;
  assert.ok(outcome instanceof ApiTimeoutError, String(outcome));
  assert.equal(
    describeApiError('watching', outcome),
    'watching: cannot reach the Kubernetes API server: no answer from the API server within 300ms',
  );
});

test(
  'requests to one cluster share a kept-alive connection, whichever client makes them',
  limit,
  async (t) => {
    let connections = 0;
    const server = http.createServer((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: {}, items: [] }));
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => {
      server.closeAllConnections();
      server.close();
    });
    const kc = new KubeConfig();
    const { port } = server.address() as AddressInfo;
    kc.loadFromString(blackHoleKubeconfig(`http://127.0.0.1:${port}`, 'a-token'));
    for (let i = 0; i < 10; i++) {
      const litmus = new LitmusClient(connect(kc));
      await litmus.list(litmus.target('chaosengines', 'default'));
    }
    assert.equal(connections, 1);
  },
);

test(
  'a proxy in the environment is not used for a loopback server, as client-go does not',
  limit,
  async (t) => {
    const server = http.createServer((_request, response) =>
      response.setHeader('Content-Type', 'application/json').end('{"items":[]}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => server.close());
    // A proxy that refuses every connection: a request sent to it would fail.
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    delete process.env.NO_PROXY;
    t.after(() => {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    });
    for (const host of ['127.0.0.1', 'localhost']) {
      const kc = new KubeConfig();
      kc.loadFromString(
        blackHoleKubeconfig(`http://${host}:${(server.address() as AddressInfo).port}`, 'a-token'),
      );
      const litmus = new LitmusClient(connect(kc));
      assert.deepEqual((await litmus.list(litmus.target('chaosengines', 'default'))).items, [], host);
    }
  },
);

/** A server that answers each request in turn from `answers` (status and Retry-After), then 200. */
async function answering(
  t: { after: (fn: () => void) => void },
  answers: { status: number; retryAfter?: string }[],
) {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.method ?? '');
    const answer = answers[requests.length - 1] ?? { status: 200 };
    if (answer.retryAfter !== undefined) response.setHeader('Retry-After', answer.retryAfter);
    response.setHeader('Content-Type', 'application/json');
    response.writeHead(answer.status).end(JSON.stringify({ kind: 'List', items: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const kc = new KubeConfig();
  kc.loadFromString(
    blackHoleKubeconfig(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'a-token'),
  );
  return { kc, requests };
}

test('a 429 with Retry-After is sent again after that long, as client-go does', limit, async (t) => {
  const { kc, requests } = await answering(t, [
    { status: 429, retryAfter: '1' },
    { status: 429, retryAfter: '0' },
  ]);
  const litmus = new LitmusClient(connect(kc));
  const started = Date.now();
  assert.deepEqual((await litmus.list(litmus.target('chaosengines', 'default'))).items, []);
  assert.equal(requests.length, 3);
  assert.ok(Date.now() - started >= 1_000, 'it waited the second the server asked for');
});

test('not sent again: a 429 without Retry-After, a 5xx to a POST, an 11th time', limit, async (t) => {
  const noRetryAfter = await answering(t, [{ status: 429 }]);
  await assert.rejects(
    new LitmusClient(connect(noRetryAfter.kc)).list({
      group: 'g',
      version: 'v1',
      plural: 'p',
      namespace: 'n',
    }),
    (error) => statusCode(error) === 429,
  );
  assert.equal(noRetryAfter.requests.length, 1);
  // A POST that failed may have created the object: sending it again could create a second one.
  const post = await answering(t, [{ status: 503, retryAfter: '0' }]);
  const body = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'w-' } };
  await assert.rejects(
    apiClient(connect(post.kc), CustomObjectsApi).createNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: 'n',
      plural: 'workflows',
      body,
    }),
    (error) => statusCode(error) === 503,
  );
  assert.deepEqual(post.requests, ['POST']);
  const busy = await answering(t, Array(20).fill({ status: 429, retryAfter: '0' }));
  await assert.rejects(
    new LitmusClient(connect(busy.kc)).list({ group: 'g', version: 'v1', plural: 'p', namespace: 'n' }),
    (error) => statusCode(error) === 429,
  );
  assert.equal(busy.requests.length, 11);
});

test('the connection signal ends the wait a Retry-After asked for', limit, async (t) => {
  const { kc, requests } = await answering(t, [{ status: 429, retryAfter: '30' }]);
  const litmus = new LitmusClient(connect(kc, { signal: AbortSignal.timeout(300) }));
  const started = Date.now();
  await assert.rejects(litmus.list(litmus.target('chaosengines', 'default')));
  assert.ok(Date.now() - started < 2_000);
  assert.equal(requests.length, 1);
});
