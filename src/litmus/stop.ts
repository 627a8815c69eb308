// Stopping ChaosEngines as a guarantee rather than an attempt: the `engineState: stop` patch goes out
// again with backoff until the server takes it, and an engine counts as stopped only once it is read
// back finished (the operator aborted it) or gone. Whatever is not confirmed when the time is up, or
// when the job insists on leaving, is returned with the reason, never hidden.
import { describeApiError, statusCode } from '../kube/errors.ts';
import { limited, type Connection } from '../kube/client.ts';
import { retryUntil } from '../kube/retry.ts';
import { until, watchSource } from '../kube/until.ts';
import { enginePlural, LitmusClient } from './client.ts';
import { engineKey, engineStopState, stoppedCondition, type EngineRef } from './condition.ts';
import type { ChaosEngine } from './types.ts';

export interface EngineStop {
  ref: EngineRef;
  confirmed: boolean;
  /** Why it is not confirmed. */
  why?: string;
}

export interface StopOptions {
  /** How long to keep trying. */
  deadlineMs: number;
  /** The job insists on leaving: one last patch of every engine not confirmed, then return. */
  hurry: AbortSignal;
  log: (line: string) => void;
}

/** A stop patch given the moment the job leaves: short, whatever the connection's usual limit. */
export const lastAttemptMs = 2_000;
/** Each request of the stop phase. */
const stopRequestMs = 10_000;

export async function stopEngines(
  connection: Connection,
  refs: EngineRef[],
  options: StopOptions,
): Promise<EngineStop[]> {
  if (refs.length === 0) return [];
  const { hurry, log } = options;
  const finished = new AbortController();
  const phase = AbortSignal.any([hurry, finished.signal, AbortSignal.timeout(options.deadlineMs)]);
  // Shorter requests than usual: a server that stopped answering is tried again sooner.
  const bounded = limited(connection, {
    signal: phase,
    requestTimeoutMs: Math.min(connection.requestTimeoutMs, stopRequestMs),
  });
  const litmus = new LitmusClient(bounded);
  const accepted = new Set<string>();
  const confirmed = new Set<string>();
  const problems = new Map<string, string>();
  const states = new Map<string, string>();
  let readProblem: string | undefined;

  const patch = async (client: LitmusClient, ref: EngineRef) => {
    try {
      await client.stopEngine(ref.namespace, ref.name);
    } catch (error) {
      // Gone already: the read-back confirms it.
      if (statusCode(error) !== 404) throw error;
    }
    accepted.add(engineKey(ref));
  };
  const patching = Promise.all(
    refs.map((ref) =>
      retryUntil(() => patch(litmus, ref), {
        signal: phase,
        onError: (error) => problems.set(engineKey(ref), describeApiError('the stop patch failed', error)),
        // No permission: asking again will not help.
        isFinal: (error) => statusCode(error) === 401 || statusCode(error) === 403,
      }),
    ),
  );

  const namespaces = [...new Set(refs.map((r) => r.namespace))];
  try {
    await until<{ engines: ChaosEngine }>({
      what: 'the ChaosEngines being stopped',
      sources: {
        engines: namespaces.map((ns) =>
          watchSource<ChaosEngine>(bounded, litmus.list, litmus.target(enginePlural, ns)),
        ),
      },
      condition: (view) => stoppedCondition(refs, view),
      observe: ({ engines }) => {
        for (const ref of refs) {
          const key = engineKey(ref);
          const state = engineStopState(ref, engines);
          if (state !== 'done') states.set(key, state);
          else if (!confirmed.has(key)) {
            confirmed.add(key);
            log(`[chaos-gate] stopped ChaosEngine ${key}`);
          }
        }
      },
      timeoutMs: options.deadlineMs,
      signal: hurry,
      heartbeatMs: 15_000,
      onHeartbeat: (pending) =>
        log(`[chaos-gate] waiting for ${pending.map((p) => p.label).join('; ')} to stop`),
      onRetry: (reason) => log(`[chaos-gate] ${reason}`),
    });
  } catch (error) {
    readProblem = describeApiError('reading the engines back failed', error);
  }
  // Every engine confirmed, or out of time: no more patches. An engine that cannot be read back (a
  // list refused with 403) is no reason to give up the patch: it may still get through and stop the
  // chaos, so it is retried until the server takes it, refuses it for good, or the time is up.
  if (readProblem === undefined) finished.abort();
  await patching;

  const open = refs.filter((ref) => !confirmed.has(engineKey(ref)));
  if (hurry.aborted && open.length > 0) {
    log(`[chaos-gate] leaving now: one last stop of ${open.length} ChaosEngine(s) not confirmed stopped`);
    const last = new LitmusClient(limited(connection, { requestTimeoutMs: lastAttemptMs }));
    await Promise.all(
      open.map((ref) =>
        patch(last, ref).catch((error: unknown) =>
          problems.set(engineKey(ref), describeApiError('the last stop patch failed', error)),
        ),
      ),
    );
  }
  return refs.map((ref) => {
    const key = engineKey(ref);
    if (confirmed.has(key)) return { ref, confirmed: true };
    const why = accepted.has(key)
      ? (readProblem ??
        `the stop was accepted, but the engine was not read back stopped (${states.get(key) ?? 'never read'}); is the chaos-operator running?`)
      : (problems.get(key) ?? 'no stop patch got through');
    return { ref, confirmed: false, why };
  });
}
