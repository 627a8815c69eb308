// watchCollection against the in-memory API: what a long chaos run meets on the wire (a dropped
// connection, compacted history, a refused list, a flaky server) and what the cache shows afterwards.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { connect } from '../../../src/kube/client.ts';
import { describeApiError, statusCode } from '../../../src/kube/errors.ts';
import { watchCollection, type CollectionWatch } from '../../../src/kube/watch.ts';
import { LitmusClient } from '../../../src/litmus/client.ts';
import type { ChaosEngine } from '../../../src/litmus/types.ts';
import { FakeApi, status, type KubeObject } from '../../support/fake-api.ts';
import { waitFor } from '../../support/wait-for.ts';

/** A broken retry loop fails the test instead of hanging the file. */
const limit = { timeout: 10_000 };
const enginesPath = '/apis/litmuschaos.io/v1alpha1/namespaces/default/chaosengines';

function engine(name: string, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'litmuschaos.io/v1alpha1',
    kind: 'ChaosEngine',
    metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
  };
}

/** `signal`: the run's own end (a cancel, its deadline), as the connection carries it. */
function setup(t: TestContext, signal?: AbortSignal) {
  const fake = new FakeApi();
  const connection = connect(fake.kubeConfig(), { signal });
  const client = new LitmusClient(connection);
  const retries: string[] = [];
  const watches: CollectionWatch<ChaosEngine>[] = [];
  let changes = 0;
  t.after(() => {
    watches.forEach((w) => w.stop());
    fake.close();
  });
  return {
    fake,
    retries,
    changes: () => changes,
    start: () => {
      const watch = watchCollection<ChaosEngine>(
        connection,
        client.list,
        client.target('chaosengines', 'default'),
        {
          onChange: () => (changes += 1),
          onRetry: (reason) => retries.push(reason),
          retryDelayMs: 10,
        },
      );
      watches.push(watch);
      return watch;
    },
    lists: () => fake.made({ method: 'GET', path: enginesPath, where: (r) => r.query.watch === undefined }),
    watchRequests: () => fake.made({ method: 'GET', path: enginesPath, query: { watch: 'true' } }),
  };
}

const names = (watch: CollectionWatch<ChaosEngine>) => [...watch.items.keys()].sort();

test(
  'a watch that breaks mid-stream resumes from the last event it saw, without listing again',
  limit,
  async (t) => {
    const { fake, start, lists, watchRequests, retries } = setup(t);
    fake.put(engine('a'));
    const watch = start();
    await watch.ready;
    await waitFor(() => fake.openWatches.length === 1, 'the first watch');

    const modified = fake.put(engine('a', { phase: 'two' }));
    await waitFor(() => watch.items.get('a')?.metadata.labels?.phase === 'two', 'the MODIFIED event');
    fake.openWatches[0]?.break();
    await waitFor(() => watchRequests().length === 2, 'a second watch request');

    assert.equal(watchRequests()[1]?.query.resourceVersion, modified.metadata.resourceVersion);
    assert.notEqual(watchRequests()[0]?.query.resourceVersion, modified.metadata.resourceVersion);
    assert.equal(lists().length, 1, 'a broken stream is resumed, not relisted');
    assert.match(retries.join('\n'), /watch broke .*resuming from resourceVersion/);

    // And the resumed watch delivers.
    await waitFor(() => fake.openWatches.length === 1, 'the resumed watch');
    fake.put(engine('b'));
    await waitFor(() => watch.items.has('b'), 'an event on the resumed watch');
    assert.deepEqual(names(watch), ['a', 'b']);
  },
);

test(
  'a 410 Gone ERROR event relists, and the cache drops what was deleted while it was not watching',
  limit,
  async (t) => {
    const { fake, start, lists, watchRequests, retries } = setup(t);
    fake.put(engine('a'));
    const doomed = fake.put(engine('b'));
    const watch = start();
    await watch.ready;
    await waitFor(() => fake.openWatches.length === 1, 'the first watch');
    assert.deepEqual(names(watch), ['a', 'b']);

    // The connection drops; meanwhile b is deleted and etcd compacts away the history the client would resume from.
    fake.openWatches[0]?.break();
    fake.remove(doomed);
    fake.compact();

    await waitFor(() => lists().length === 2 && fake.openWatches.length === 1, 'a relist and a new watch');
    assert.deepEqual(names(watch), ['a'], 'b is gone from the cache');
    assert.match(retries.join('\n'), /410 Gone/);
    // The new watch starts from the relist, not from the expired version.
    const [, resumed, afterRelist] = watchRequests();
    assert.equal(Number(afterRelist?.query.resourceVersion) > Number(resumed?.query.resourceVersion), true);
  },
);

test('an HTTP 410 answer to the watch request relists too', limit, async (t) => {
  const { fake, start, lists, watchRequests, retries } = setup(t);
  fake.put(engine('a'));
  const doomed = fake.put(engine('b'));
  fake.inject({ method: 'GET', query: { watch: 'true' } }, () => {
    fake.remove(doomed);
    return { status: 410, body: status(410, 'too old resource version: 102 (103)', 'Expired') };
  });
  const watch = start();

  await waitFor(() => lists().length === 2 && fake.openWatches.length === 1, 'a relist and a new watch');
  assert.deepEqual(names(watch), ['a']);
  assert.equal(watchRequests().length, 2);
  assert.match(retries.join('\n'), /410 Gone/);
});

test(
  'an ERROR event other than 410 ends the watch, says what the server said, and lists again',
  limit,
  async (t) => {
    const { fake, start, lists, retries } = setup(t);
    fake.put(engine('a'));
    const watch = start();
    await watch.ready;
    await waitFor(() => fake.openWatches.length === 1, 'the first watch');

    // As an API server whose etcd timed out sends it, keeping the stream open.
    fake.openWatches[0]?.send('ERROR', status(500, 'etcdserver: request timed out', 'InternalError'));

    await waitFor(() => lists().length === 2 && fake.openWatches.length === 1, 'a relist and a new watch');
    assert.match(
      retries.join('\n'),
      /the server ended the watch of chaosengines: etcdserver: request timed out \(HTTP 500\); listing again/,
    );
    fake.put(engine('b'));
    await waitFor(() => watch.items.has('b'), 'an event on the new watch');
  },
);

/**
 * A watch and its owner with a retry delay far longer than the test: a second request before the
 * test ends is one made without waiting.
 */
function patient(t: TestContext) {
  const fake = new FakeApi();
  const connection = connect(fake.kubeConfig());
  const client = new LitmusClient(connection);
  const retries: string[] = [];
  const watch = watchCollection<ChaosEngine>(
    connection,
    client.list,
    client.target('chaosengines', 'default'),
    { onChange: () => {}, onRetry: (reason) => retries.push(reason), retryDelayMs: 60_000 },
  );
  t.after(() => {
    watch.stop();
    fake.close();
  });
  const watchRequests = () => fake.made({ method: 'GET', path: enginesPath, query: { watch: 'true' } });
  const lists = () =>
    fake.made({ method: 'GET', path: enginesPath, where: (r) => r.query.watch === undefined });
  return { fake, retries, watchRequests, lists };
}

test(
  'a server that answers every watch with 410 Gone is not asked again in a tight loop',
  limit,
  async (t) => {
    const { fake, retries, watchRequests, lists } = patient(t);
    fake.inject(
      { method: 'GET', query: { watch: 'true' } },
      { status: 410, body: status(410, 'too old resource version', 'Expired') },
      Infinity,
    );
    await waitFor(() => lists().length > 3 || retries.length > 0, 'the first 410');
    await new Promise((resolve) => setTimeout(resolve, 200)); // many round trips of the in-memory API
    assert.equal(watchRequests().length, 1, 'the relist waits the retry delay, as client-go backs off');
    assert.equal(lists().length, 1);
    assert.match(retries.join('\n'), /410 Gone/);
  },
);

test(
  'a server or proxy that closes every watch at once is not asked again in a tight loop',
  limit,
  async (t) => {
    const { fake, retries, watchRequests, lists } = patient(t);
    fake.inject({ method: 'GET', query: { watch: 'true' } }, { status: 200, body: '' }, Infinity);
    await waitFor(() => watchRequests().length > 3 || retries.length > 0, 'the first closed watch');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(watchRequests().length, 1);
    assert.equal(lists().length, 1);
    assert.deepEqual(retries, ['the server closed the watch at once, sending nothing; watching again']);
  },
);

test('a 403 on the list rejects ready, sets fatalError and does not retry', limit, async (t) => {
  const { fake, start, lists, watchRequests, changes } = setup(t);
  const forbidden =
    'chaosengines.litmuschaos.io is forbidden: User "system:serviceaccount:ci:deployer" cannot list ' +
    'resource "chaosengines" in API group "litmuschaos.io" in the namespace "default"';
  fake.inject(
    { method: 'GET', path: enginesPath },
    { status: 403, body: status(403, forbidden, 'Forbidden') },
    100,
  );
  const watch = start();

  const stillPending = new Promise((resolve) => setTimeout(resolve, 2000, 'still pending'));
  await assert.rejects(
    Promise.race([watch.ready, stillPending]),
    (error: unknown) => statusCode(error) === 403,
  );
  assert.equal(statusCode(watch.fatalError), 403);
  assert.ok(changes() > 0, 'the owner is told, so a wait on the cache can end');
  await new Promise((resolve) => setTimeout(resolve, 150)); // 15 retry delays
  assert.equal(lists().length, 1, 'no retries after a 403');
  assert.equal(watchRequests().length, 0);
});

test(
  'a 403 on the watch request (list and watch taken away mid-run) is as final as one on the list',
  limit,
  async (t) => {
    const { fake, start, lists, watchRequests, retries, changes } = setup(t);
    fake.put(engine('a'));
    fake.inject(
      { method: 'GET', query: { watch: 'true' } },
      { status: 403, body: status(403, 'chaosengines.litmuschaos.io is forbidden', 'Forbidden') },
      100,
    );
    const watch = start();
    await watch.ready;

    await waitFor(() => watch.fatalError !== undefined, 'the watch to give up');
    assert.equal(statusCode(watch.fatalError), 403);
    assert.equal(
      describeApiError('watching', watch.fatalError),
      'watching: chaosengines.litmuschaos.io is forbidden (HTTP 403)',
      "the server's words, not its Status object",
    );
    assert.ok(changes() > 1, 'the owner is told, so a wait on the cache can end');
    await new Promise((resolve) => setTimeout(resolve, 150)); // 15 retry delays
    assert.equal(watchRequests().length, 1, 'no retries after a 403');
    assert.equal(lists().length, 1);
    assert.deepEqual(retries, []);
  },
);

test('a list cut short by the run ending (a cancel) is not logged as a retry', limit, async (t) => {
  const cancel = new AbortController();
  const { fake, start, lists, retries } = setup(t, cancel.signal);
  // SIGTERM lands while the list is on the wire.
  fake.inject({ method: 'GET', path: enginesPath }, () => {
    cancel.abort(new Error('cancelled by SIGTERM'));
    return { reset: 'socket hang up' };
  });
  start();

  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.deepEqual(retries, [], 'no "retrying" line for a list the run itself ended');
  assert.equal(lists().length, 1, 'and no retry either');
});

test('a 500 on the watch request is retried and the watch recovers', limit, async (t) => {
  const { fake, start, lists, watchRequests, retries } = setup(t);
  fake.put(engine('a'));
  fake.inject({ method: 'GET', query: { watch: 'true' } }, { status: 500 });
  const watch = start();
  await watch.ready;

  await waitFor(() => fake.openWatches.length === 1, 'a watch after the 500');
  assert.equal(watchRequests().length, 2);
  assert.equal(watchRequests()[1]?.query.resourceVersion, watchRequests()[0]?.query.resourceVersion);
  assert.equal(lists().length, 1, 'a 500 is not a reason to relist');
  assert.match(retries.join('\n'), /watch broke/);
  fake.put(engine('b'));
  await waitFor(() => watch.items.has('b'), 'an event after recovery');
});

test('stop() closes the open watch connection and nothing more is requested', limit, async (t) => {
  const { fake, start } = setup(t);
  const watch = start();
  await watch.ready;
  await waitFor(() => fake.openWatches.length === 1, 'the watch');
  const before = fake.requests.length;

  watch.stop();
  await waitFor(() => fake.openWatches.length === 0, 'the watch to close');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(fake.requests.length, before);
});

test('a connection reset on the first list is retried and ready still resolves', limit, async (t) => {
  const { fake, start, lists, retries } = setup(t);
  fake.put(engine('a'));
  fake.inject(
    { method: 'GET', path: enginesPath, where: (r) => r.query.watch === undefined },
    { reset: 'socket hang up' },
  );
  const watch = start();

  await watch.ready;
  assert.deepEqual(names(watch), ['a']);
  assert.equal(lists().length, 2);
  assert.match(
    retries.join('\n'),
    /listing chaosengines: cannot reach the Kubernetes API server: .*socket hang up/,
  );
});

test('a watch that goes silent is taken for dead and watched again from where it was', limit, async (t) => {
  const fake = new FakeApi();
  t.after(() => fake.close());
  const connection = connect(fake.kubeConfig());
  const client = new LitmusClient(connection);
  const retries: string[] = [];
  fake.put(engine('a'));
  const watch = watchCollection<ChaosEngine>(
    connection,
    client.list,
    client.target('chaosengines', 'default'),
    {
      onChange: () => {},
      onRetry: (reason) => retries.push(reason),
      idleMs: 300,
      retryDelayMs: 10,
    },
  );
  t.after(() => watch.stop());
  await watch.ready;
  // The stream stays open and sends nothing: a half-dead connection, or a frozen server.
  const watches = () => fake.made({ method: 'GET', path: enginesPath, query: { watch: 'true' } });
  await waitFor(() => watches().length >= 2, 'a second watch request after the silence', 3000);
  assert.match(
    retries.join('\n'),
    /watch broke \(the watch sent nothing for 300ms\); resuming from resourceVersion/,
  );
  assert.equal(watches()[1]?.query.resourceVersion, watches()[0]?.query.resourceVersion);
  fake.put(engine('b'));
  await waitFor(() => watch.items.has('b'), 'an event on the new watch');
});
