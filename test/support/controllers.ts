// Plumbing for the test-side players of the sandbox (fake-operator.ts, argo-controller.ts): a
// connection, an event log a test can wait on, and a watch that re-opens until stopped.
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { KubeConfig, PatchStrategy, Watch, setHeaderOptions } from '@kubernetes/client-node';

export interface ControllerConnection {
  /** An admin KubeConfig (the sandbox's `kc`), or server + token (+ the sandbox's `caPem`). */
  kc?: KubeConfig;
  server?: string;
  token?: string;
  caPem?: string;
  namespace: string;
}

export function kubeConfigOf(options: ControllerConnection): KubeConfig {
  if (options.kc) return options.kc;
  if (!options.server || !options.token) throw new Error('fake controller: give kc, or server and token');
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'sandbox',
        server: options.server,
        ...(options.caPem
          ? { caData: Buffer.from(options.caPem).toString('base64') }
          : { skipTLSVerify: true }),
      },
    ],
    users: [{ name: 'fake-controller', token: options.token }],
    contexts: [{ name: 'sandbox', cluster: 'sandbox', user: 'fake-controller' }],
    currentContext: 'sandbox',
  });
  return kc;
}

export interface ControllerEvent<T extends string> {
  type: T;
  /** The object's name. */
  name: string;
  uid: string;
  at: number;
  detail?: string;
}

/** What every fake controller hands back. */
export interface FakeController<T extends string> {
  stop(): Promise<void>;
  /** Everything it did, in order. */
  events: ControllerEvent<T>[];
  /** Resolves with the first event of `type` for object `name` (past or future). */
  waitFor(name: string, type: T, timeoutMs?: number): Promise<ControllerEvent<T>>;
}

export function eventLog<T extends string>() {
  const events: ControllerEvent<T>[] = [];
  const emitter = new EventEmitter();
  const record = (type: T, name: string, uid: string, detail?: string) => {
    const event = { type, name, uid, at: Date.now(), detail };
    events.push(event);
    emitter.emit('event', event);
  };
  const waitFor = (name: string, type: T, timeoutMs = 30_000) =>
    new Promise<ControllerEvent<T>>((resolve, reject) => {
      const seen = events.find((e) => e.name === name && e.type === type);
      if (seen) return resolve(seen);
      const listener = (event: ControllerEvent<T>) => {
        if (event.name !== name || event.type !== type) return;
        clearTimeout(timer);
        emitter.off('event', listener);
        resolve(event);
      };
      const timer = setTimeout(() => {
        emitter.off('event', listener);
        const log = events.filter((e) => e.name === name).map((e) => e.type);
        reject(
          new Error(
            `fake controller: no '${type}' for ${name} in ${timeoutMs} ms (saw: ${log.join(', ') || 'nothing'})`,
          ),
        );
      }, timeoutMs);
      emitter.on('event', listener);
    });
  return { events, record, waitFor };
}

interface Watched {
  metadata: { name?: string; uid?: string; resourceVersion?: string };
}

/** A watch that re-opens (re-listing, so ADDED comes again for every object) until stopped. */
export async function keepWatching<O extends Watched>(
  kc: KubeConfig,
  watchPath: string,
  onEvent: (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: O) => void,
): Promise<() => void> {
  let stopped = false;
  let current: AbortController | undefined;
  const open = async (): Promise<void> => {
    if (stopped) return;
    current = await new Watch(kc).watch(
      watchPath,
      {},
      (type: string, object: O) => {
        if (!stopped && (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED'))
          onEvent(type, object);
      },
      () => {
        if (!stopped) setTimeout(() => void open().catch(() => setTimeout(() => void open(), 1000)), 200);
      },
    );
  };
  await open();
  return () => {
    stopped = true;
    current?.abort();
  };
}

export const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
export const suffix = (length: number) => randomBytes(8).toString('hex').slice(0, length);
export const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
export const codeOf = (error: unknown) => (error as { code?: number }).code;
