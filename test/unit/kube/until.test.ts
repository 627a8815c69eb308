// The one wait engine with in-memory collections in place of the API server: when it ends, and how it
// tells a user why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { until, type Progress, type UntilOptions, type WatchSource } from '../../../src/kube/until.ts';
import type { CollectionWatch, WatchOptions } from '../../../src/kube/watch.ts';

interface Item {
  metadata: { name: string };
  done?: boolean;
  lagging?: boolean;
}

/** A namespace's collection the test fills by hand; `list()` plays the first successful list. */
function collection(namespace: string) {
  const items = new Map<string, Item>();
  let options: WatchOptions | undefined;
  let listed: () => void = () => {};
  let refuse: (error: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    listed = resolve;
    refuse = reject;
  });
  ready.catch(() => {});
  let fatalError: unknown;
  let stopped = false;
  const watch: CollectionWatch<Item> = {
    items,
    ready,
    get fatalError() {
      return fatalError;
    },
    stop: () => {
      stopped = true;
    },
  };
  const source: WatchSource<Item> = {
    namespace,
    open: (given) => {
      options = given;
      return watch;
    },
  };
  return {
    source,
    list: () => listed(),
    put(item: Item) {
      items.set(item.metadata.name, item);
      options?.onChange();
    },
    refuse(error: unknown) {
      fatalError = error;
      refuse(error);
      options?.onChange();
    },
    stopped: () => stopped,
  };
}

/** Pending: every item not done; lagging ones are marked so. */
function condition({ items }: { items: ReadonlyMap<string, Item> }): Progress {
  return {
    pending: [...items]
      .filter(([, item]) => !item.done)
      .map(([key, item]) => ({ key, label: key, lagging: item.lagging })),
  };
}

function options(
  sources: WatchSource<Item>[],
  extra: Partial<UntilOptions<{ items: Item }>> = {},
): UntilOptions<{ items: Item }> {
  return {
    what: 'test items',
    sources: { items: sources },
    condition,
    timeoutMs: 5_000,
    signal: new AbortController().signal,
    ...extra,
  };
}

const limit = { timeout: 10_000 };

test('ends as soon as the condition is met, with the view keyed namespace/name', limit, async () => {
  const shop = collection('shop');
  const pay = collection('pay');
  shop.put({ metadata: { name: 'a' } });
  const waiting = until(options([shop.source, pay.source]));
  shop.list();
  pay.list();
  pay.put({ metadata: { name: 'b' }, done: true });
  shop.put({ metadata: { name: 'a' }, done: true });
  const result = await waiting;
  assert.equal(result.ended, 'done');
  assert.deepEqual([...result.view.items.keys()].sort(), ['pay/b', 'shop/a']);
  assert.ok(shop.stopped() && pay.stopped(), 'every watch is stopped');
});

test('the condition is not asked before every collection has been listed once', limit, async () => {
  const shop = collection('shop');
  const pay = collection('pay');
  let asked = 0;
  const waiting = until(
    options([shop.source, pay.source], {
      condition: (view) => {
        asked++;
        return condition(view);
      },
    }),
  );
  shop.list();
  shop.put({ metadata: { name: 'a' }, done: true });
  assert.equal(asked, 0, 'an empty, unlisted collection must not look like "nothing pending"');
  pay.list();
  assert.equal((await waiting).ended, 'done');
});

test('times out with what it saw, also when the lists never succeed', limit, async () => {
  const shop = collection('shop');
  const started = Date.now();
  const result = await until(options([shop.source], { timeoutMs: 200 }));
  assert.equal(result.ended, 'timeout');
  assert.ok(Date.now() - started < 2_000);
});

test('a cancel ends the wait at once and names the signal', limit, async () => {
  const shop = collection('shop');
  const controller = new AbortController();
  const waiting = until(options([shop.source], { signal: controller.signal }));
  shop.list();
  shop.put({ metadata: { name: 'a' } });
  controller.abort('SIGINT');
  const result = await waiting;
  assert.equal(result.ended, 'cancelled');
  assert.equal(result.cancelled, 'SIGINT');
  assert.equal(result.view.items.size, 1);
});

test('already cancelled: returns without waiting', limit, async () => {
  const controller = new AbortController();
  controller.abort('SIGTERM');
  const result = await until(options([collection('shop').source], { signal: controller.signal }));
  assert.deepEqual([result.ended, result.cancelled], ['cancelled', 'SIGTERM']);
});

test('lagging items end the wait after their grace, even when no event comes', limit, async () => {
  const shop = collection('shop');
  shop.put({ metadata: { name: 'a' }, lagging: true });
  const started = Date.now();
  const waiting = until(options([shop.source], { graceMs: 300 }));
  shop.list();
  const result = await waiting;
  assert.equal(result.ended, 'done');
  assert.ok(Date.now() - started >= 290, 'waited for the grace');
});

test('an item that is still running is not given up on after the grace', limit, async () => {
  const shop = collection('shop');
  shop.put({ metadata: { name: 'lags' }, lagging: true });
  shop.put({ metadata: { name: 'runs' } });
  const waiting = until(options([shop.source], { graceMs: 50, timeoutMs: 400 }));
  shop.list();
  assert.equal((await waiting).ended, 'timeout');
});

test('a watch refused for good (403) rejects, naming what was watched', limit, async () => {
  const shop = collection('shop');
  const waiting = until(options([shop.source]));
  shop.list();
  shop.refuse(Object.assign(new Error('forbidden'), { statusCode: 403 }));
  await assert.rejects(waiting, /watching test items/);
  assert.ok(shop.stopped());
});

test('the heartbeat says what is still pending and how long is left', limit, async () => {
  const shop = collection('shop');
  shop.put({ metadata: { name: 'slow' } });
  const beats: string[] = [];
  const waiting = until(
    options([shop.source], {
      heartbeatMs: 40,
      timeoutMs: 300,
      onHeartbeat: (pending, leftMs) => beats.push(`${pending.map((p) => p.label).join()} ${leftMs > 0}`),
    }),
  );
  shop.list();
  await waiting;
  assert.ok(beats.length >= 2, `heartbeats: ${beats.length}`);
  assert.equal(beats.at(-2), 'shop/slow true');
});

test('observers see every new view before the condition decides', limit, async () => {
  const shop = collection('shop');
  const seen: number[] = [];
  shop.put({ metadata: { name: 'a' } });
  const waiting = until(options([shop.source], { observe: (view) => seen.push(view.items.size) }));
  shop.list();
  await new Promise((resolve) => setImmediate(resolve));
  shop.put({ metadata: { name: 'b' } });
  shop.put({ metadata: { name: 'a' }, done: true });
  shop.put({ metadata: { name: 'b' }, done: true });
  await waiting;
  assert.deepEqual(seen, [1, 2, 2, 2]);
});

test(
  'a failure in what reads the objects ends the wait with it at once, not at the deadline',
  limit,
  async () => {
    const shop = collection('shop');
    const broken = new TypeError("Cannot read properties of null (reading 'phase')");
    const observe = (view: { items: ReadonlyMap<string, Item> }) => {
      if (view.items.has('shop/bad')) throw broken;
    };
    const started = Date.now();
    const waiting = until(options([shop.source], { observe }));
    shop.list();
    shop.put({ metadata: { name: 'bad' } });
    await assert.rejects(waiting, broken);
    assert.ok(Date.now() - started < 1_000, 'well before the 5 s deadline');
    assert.ok(shop.stopped(), 'the watch was stopped');
  },
);
