// The one wait, after kubectl's UntilWithSync: list and watch some collections, hand what is known to
// a pure condition after every change, and own everything around it — the timeout, the cancel, the
// heartbeat, a watch that is refused for good, and lists that keep failing (the timeout and the
// cancel hold from the start, before the first list succeeds).
import type { Connection } from './client.ts';
import { apiError } from './errors.ts';
import {
  watchCollection,
  type CollectionWatch,
  type Lister,
  type Named,
  type WatchOptions,
  type WatchTarget,
} from './watch.ts';

/** One namespace's collection of one kind. */
export interface WatchSource<T> {
  namespace: string;
  open(options: WatchOptions): CollectionWatch<T>;
}

export function watchSource<T extends Named>(
  connection: Connection,
  list: Lister<T>,
  target: WatchTarget,
): WatchSource<T> {
  return {
    namespace: target.namespace,
    open: (options) => watchCollection(connection, list, target, options),
  };
}

/** What a wait watches: for each kind, the object type it holds. */
export type Kinds = Record<string, unknown>;

/** The objects known now, per kind, keyed `namespace/name`. */
export type View<K extends Kinds> = { readonly [Kind in keyof K]: ReadonlyMap<string, K[Kind]> };

export interface Pending {
  /** Identifies what is awaited across evaluations (e.g. an engine's `namespace/name`). */
  key: string;
  /** For the heartbeat line. */
  label: string;
  /** May still change, but is not waited for longer than `graceMs` (a finished engine's lagging verdict). */
  lagging?: boolean;
}

/** What a condition says of a view: nothing pending means done. */
export interface Progress {
  pending: Pending[];
}

export interface UntilOptions<K extends Kinds> {
  /** Names what is watched, in errors: "ChaosEngines and ChaosResults". */
  what: string;
  sources: { [Kind in keyof K]: WatchSource<K[Kind]>[] };
  /** Pure: what is still pending in this view. */
  condition: (view: View<K>) => Progress;
  /** Called with every new view, before the condition: progress lines and other observers. */
  observe?: (view: View<K>) => void;
  timeoutMs: number;
  signal: AbortSignal;
  /** How long lagging items are waited for, from when they first lag (default 0). */
  graceMs?: number;
  heartbeatMs?: number;
  onHeartbeat?: (pending: Pending[], leftMs: number) => void;
  /** A watch broke and is being retried. */
  onRetry?: (reason: string) => void;
}

export interface UntilResult<K extends Kinds> {
  view: View<K>;
  ended: 'done' | 'timeout' | 'cancelled';
  /** The signal that cancelled the wait. */
  cancelled?: NodeJS.Signals;
}

/** The reason an AbortController was aborted with, as the signal name the fronts use. */
export function cancelReason(signal: AbortSignal): NodeJS.Signals {
  return (signal.reason as NodeJS.Signals | undefined) ?? 'SIGTERM';
}

export async function until<K extends Kinds>(options: UntilOptions<K>): Promise<UntilResult<K>> {
  const deadline = Date.now() + options.timeoutMs;
  const graceMs = options.graceMs ?? 0;
  let evaluate = () => {};
  const watchOptions: WatchOptions = { onChange: () => evaluate(), onRetry: options.onRetry };
  const kinds = Object.keys(options.sources) as (keyof K)[];
  const watches = kinds.flatMap((kind) =>
    options.sources[kind].map((source) => ({ kind, source, watch: source.open(watchOptions) })),
  );
  const view = (): View<K> => {
    const maps = Object.fromEntries(kinds.map((kind) => [kind, new Map<string, unknown>()]));
    for (const { kind, source, watch } of watches) {
      const map = maps[kind as string] as Map<string, unknown>;
      for (const [name, object] of watch.items) map.set(`${source.namespace}/${name}`, object);
    }
    return maps as unknown as View<K>;
  };
  const laggingSince = new Map<string, number>();

  return await new Promise<UntilResult<K>>((resolve, reject) => {
    const timers = new Set<NodeJS.Timeout>();
    let recheck: NodeJS.Timeout | undefined;
    const settle = (outcome: UntilResult<K> | Error) => {
      evaluate = () => {};
      timers.forEach((timer) => clearTimeout(timer));
      clearTimeout(recheck);
      options.signal.removeEventListener('abort', onAbort);
      watches.forEach(({ watch }) => watch.stop());
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onAbort = () =>
      settle({ view: view(), ended: 'cancelled', cancelled: cancelReason(options.signal) });

    /** Done when nothing is pending, or only lagging items that have had their grace. */
    const isDone = (pending: Pending[], now: number): boolean => {
      for (const key of laggingSince.keys())
        if (!pending.some((p) => p.lagging && p.key === key)) laggingSince.delete(key);
      let earliestExpiry = Infinity;
      for (const item of pending) {
        if (!item.lagging) return false;
        if (!laggingSince.has(item.key)) laggingSince.set(item.key, now);
        earliestExpiry = Math.min(earliestExpiry, (laggingSince.get(item.key) ?? now) + graceMs);
      }
      if (earliestExpiry <= now || pending.length === 0) return true;
      // No event may come: look again when the first grace runs out.
      clearTimeout(recheck);
      recheck = setTimeout(() => evaluate(), earliestExpiry - now + 5);
      return false;
    };

    let listed = false;
    evaluate = () => {
      if (!listed) return;
      const broken = watches.find(({ watch }) => watch.fatalError);
      if (broken) return settle(apiError(`watching ${options.what}`, broken.watch.fatalError));
      try {
        const current = view();
        options.observe?.(current);
        const { pending } = options.condition(current);
        if (isDone(pending, Date.now())) settle({ view: current, ended: 'done' });
      } catch (error) {
        // A bug in what reads the objects ends the wait with it, rather than every later event
        // failing the same way unseen until the deadline.
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    };

    timers.add(
      setTimeout(() => settle({ view: view(), ended: 'timeout' }), Math.max(0, deadline - Date.now())),
    );
    timers.add(
      setInterval(
        () =>
          options.onHeartbeat?.(
            listed ? options.condition(view()).pending : [],
            Math.max(0, deadline - Date.now()),
          ),
        options.heartbeatMs ?? 30_000,
      ),
    );
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    Promise.all(watches.map(({ watch }) => watch.ready)).then(
      () => {
        listed = true;
        evaluate();
      },
      (error: unknown) => settle(apiError(`watching ${options.what}`, error)),
    );
  });
}
