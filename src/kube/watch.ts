// A list-then-watch cache of one kind of object in one namespace. Watches (not polls) and survives the
// things a long chaos run meets: a dropped connection resumes from the last resourceVersion, a 410
// Gone (the version was compacted away) relists, and a server that goes silent is given up on and
// watched again (client.ts bounds every request and stream). As client-go's reflector does, every
// retry but the renewal of a watch that ran its course waits a growing delay, so a server or proxy
// that answers each watch with a 410, or closes it at once, is not asked again in a tight loop.
// Any other ERROR event (a metav1.Status: an etcd timeout, "Too large resource version", a throttled
// watch) ends the watch and relists after the delay, said in a retry line, as the reflector does: a
// wait that is not progressing says why.
import type { CustomObjectsApi } from '@kubernetes/client-node';
import { openWatch, WatchStatusError, type Connection, type WatchStream } from './client.ts';
import { apiError, describeApiError, statusCode } from './errors.ts';

export interface WatchTarget {
  group: string;
  version: string;
  plural: string;
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface Listed<T> {
  items: T[];
  metadata?: { resourceVersion?: string };
}

export interface Named {
  metadata?: { name?: string; resourceVersion?: string };
}

export interface CollectionWatch<T> {
  /** The current objects by name. */
  readonly items: ReadonlyMap<string, T>;
  stop(): void;
  /** Resolves once the first list is in; rejects when listing is refused (401, 403, 404). */
  ready: Promise<void>;
  /** Set when the watch gave up for good (listing refused); the cache is then stale. */
  readonly fatalError: unknown;
}

export interface WatchOptions {
  /** Called after every change to the cache. */
  onChange: () => void;
  /** Called when a watch breaks and is retried; for progress output. */
  onRetry?: (reason: string) => void;
  /** Server-side watch timeout; the watch is renewed when it ends (default 60). */
  timeoutSeconds?: number;
  /** A stream silent this long is taken for dead and watched again (default: timeoutSeconds + 30 s). */
  idleMs?: number;
  retryDelayMs?: number;
}

export type Lister<T> = (target: WatchTarget) => Promise<Listed<T>>;

/**
 * One list of custom objects. A failure names what was listed, for whoever shows it as it is (report's
 * live read); the status stays readable, for the watch's and the stop's retry rules.
 */
export async function listObjects<T>(api: CustomObjectsApi, target: WatchTarget): Promise<Listed<T>> {
  const { group, version, namespace, plural, labelSelector, fieldSelector } = target;
  try {
    const listed: unknown = await api.listNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      labelSelector,
      fieldSelector,
    });
    return listed as Listed<T>;
  } catch (error) {
    const selectors = [
      labelSelector && `selector "${labelSelector}"`,
      fieldSelector && `field selector "${fieldSelector}"`,
    ].filter(Boolean);
    const where = `namespace ${namespace}${selectors.length > 0 ? ` (${selectors.join(', ')})` : ''}`;
    throw apiError(`listing ${plural} in ${where}`, error);
  }
}

export function watchCollection<T extends Named>(
  connection: Connection,
  list: Lister<T>,
  target: WatchTarget,
  options: WatchOptions,
): CollectionWatch<T> {
  const items = new Map<string, T>();
  const path = `/apis/${target.group}/${target.version}/namespaces/${target.namespace}/${target.plural}`;
  let stopped = false;
  let stream: WatchStream | undefined;
  let latestVersion: string | undefined;
  let wake: (() => void) | undefined;
  let markReady: () => void = () => {};
  let failReady: (error: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  // Nobody may be awaiting `ready` when a later relist fails; the failure is reported through it.
  ready.catch(() => {});

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const relist = async (): Promise<string | undefined> => {
    const listed = await list(target);
    const seen = new Set<string>();
    for (const item of listed.items) {
      const name = item.metadata?.name ?? '';
      seen.add(name);
      items.set(name, item);
    }
    for (const name of [...items.keys()]) if (!seen.has(name)) items.delete(name);
    options.onChange();
    markReady();
    return listed.metadata?.resourceVersion;
  };

  const firstDelay = options.retryDelayMs ?? 1000;
  let delay = firstDelay;
  /**
   * 'ended': the server closed the watch after its timeout; 'at once': it closed it within a second
   * without sending anything (client-go's "very short watch"), which a renewal would only repeat.
   */
  const watchOnce = async (
    resourceVersion: string | undefined,
  ): Promise<'gone' | 'ended' | 'at once' | WatchErrorEvent | Error> => {
    let gone = false;
    let failed: WatchErrorEvent | undefined;
    let heard = false;
    const openedAt = Date.now();
    const timeoutSeconds = options.timeoutSeconds ?? 60;
    stream = openWatch<T & WatchStatus>(
      connection,
      path,
      {
        allowWatchBookmarks: true,
        resourceVersion,
        timeoutSeconds,
        labelSelector: target.labelSelector,
        fieldSelector: target.fieldSelector,
      },
      ({ type, object }) => {
        if (type === 'ERROR') {
          // A Status object: 410 means our resourceVersion is too old. The server ends the watch after
          // it; so do we, not to wait on a stream that may stay open with nothing more to come.
          if (object.code === 410) gone = true;
          else failed = new WatchErrorEvent(object);
          stream?.abort();
          return;
        }
        // The server holds the watch and sends: the next trouble starts from the first delay again.
        heard = true;
        delay = firstDelay;
        const name = object.metadata?.name ?? '';
        latestVersion = object.metadata?.resourceVersion ?? latestVersion;
        if (type === 'BOOKMARK') return;
        if (type === 'DELETED') items.delete(name);
        else items.set(name, object);
        options.onChange();
      },
      options.idleMs ?? timeoutSeconds * 1000 + 30_000,
    );
    if (stopped) stream.abort();
    const outcome = await stream.ended;
    if (gone || statusCode(outcome) === 410) return 'gone';
    if (failed) return failed;
    if (outcome !== 'closed') return outcome;
    return heard || Date.now() - openedAt >= 1000 ? 'ended' : 'at once';
  };

  let fatalError: unknown;
  const loop = async () => {
    let needList = true;
    // Ended with the connection (the run's deadline, a cancel): the owner is settling anyway.
    while (!stopped && !connection.signal?.aborted) {
      try {
        if (needList) latestVersion = await relist();
        needList = false;
        const outcome = await watchOnce(latestVersion);
        if (stopped || connection.signal?.aborted) break;
        if (outcome === 'ended') {
          delay = firstDelay;
          continue; // a server-side timeout: renew from where we were
        }
        if (outcome === 'gone') {
          options.onRetry?.('watch history expired (410 Gone); listing again');
          needList = true;
        } else if (outcome === 'at once') {
          options.onRetry?.('the server closed the watch at once, sending nothing; watching again');
        } else if (outcome instanceof WatchErrorEvent) {
          // Watching on from the same version could meet the same error: list afresh, as the reflector does.
          options.onRetry?.(
            `${describeApiError(`the server ended the watch of ${target.plural}`, outcome)}; listing again`,
          );
          needList = true;
        } else {
          // Permission taken away since the list (or the kind no longer served): as final as a refused list.
          if (refused(statusCode(outcome))) throw outcome;
          options.onRetry?.(
            `watch broke (${outcome.message}); resuming from resourceVersion ${latestVersion ?? '?'}`,
          );
        }
      } catch (error) {
        if (refused(statusCode(error))) {
          stopped = true;
          fatalError = error;
          failReady(error);
          options.onChange();
          break;
        }
        // A list cut short by the run's own end (a cancel, the deadline) is no retry to report.
        if (stopped || connection.signal?.aborted) break;
        options.onRetry?.(`${describeApiError(`listing ${target.plural}`, error)}; retrying`);
        needList = true;
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 15_000);
    }
  };
  void loop();

  return {
    items,
    ready,
    get fatalError() {
      return fatalError;
    },
    stop() {
      stopped = true;
      stream?.abort();
      wake?.();
    },
  };
}

/** The Status of a watch's ERROR event: what the server says went wrong. */
interface WatchStatus {
  code?: number;
  reason?: string;
  message?: string;
}

/** An ERROR event in an open watch: its Status read as errors.ts reads a refused watch request. */
class WatchErrorEvent extends WatchStatusError {
  override name = 'WatchErrorEvent';
  constructor(status: WatchStatus) {
    // A Status without a code is still the server's error: taken for one of its own (500).
    super(status.code ?? 500, JSON.stringify(status));
  }
}

/** An answer that retrying will not change: no permission, or the resource is not served. */
function refused(code: number | undefined): boolean {
  return code === 401 || code === 403 || code === 404;
}
