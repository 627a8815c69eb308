// Waits, by watching, until every engine of the run has finished and each of its experiments has a
// final verdict, printing a line whenever an experiment moves on and a heartbeat at least every 30 s.
import type { KubeConfig } from '@kubernetes/client-node';
import { formatDuration } from '../config/duration.ts';
import { apiError } from '../kube/errors.ts';
import { watchCollection, type CollectionWatch } from '../kube/watch.ts';
import { enginePlural, resultPlural, type LitmusClient } from './client.ts';
import {
  experimentStatusOf,
  hasFinalVerdict,
  isEngineFinished,
  resultName,
  type ChaosEngine,
  type ChaosResult,
} from './types.ts';

export interface EngineRef {
  namespace: string;
  name: string;
  uid: string;
}

export interface WaitOptions {
  timeoutMs: number;
  signal: AbortSignal;
  log: (line: string) => void;
  heartbeatMs?: number;
  /** How long to wait for a verdict after the engine says it finished (a result can lag, or never come). */
  verdictGraceMs?: number;
}

export interface ChaosState {
  engines: ChaosEngine[];
  results: ChaosResult[];
  timedOut: boolean;
  /** The wait ended because the job was cancelled. */
  cancelled?: NodeJS.Signals;
  /** Engines (`namespace/name`) deleted by someone else during the wait. */
  deleted?: string[];
}

const notRunStatuses = new Set(['ChaosExperiment Not Found', 'Skipped']);

export async function waitForChaos(
  kc: KubeConfig,
  client: LitmusClient,
  refs: EngineRef[],
  options: WaitOptions,
): Promise<ChaosState> {
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const graceMs = options.verdictGraceMs ?? 30_000;
  const deadline = Date.now() + options.timeoutMs;
  const namespaces = [...new Set(refs.map((r) => r.namespace))];
  const finishedAt = new Map<string, number>();
  const lastPhase = new Map<string, string>();
  const lastSeen = new Map<string, ChaosEngine>();
  const deleted = new Set<string>();
  const keyOf = (ref: EngineRef) => `${ref.namespace}/${ref.name}`;
  let evaluate: () => void = () => {};
  const onChange = () => evaluate();
  const onRetry = (reason: string) => options.log(`[chaos-gate] ${reason}`);

  const watches = namespaces.flatMap((namespace) => {
    const uids = refs.filter((r) => r.namespace === namespace).map((r) => r.uid);
    const names = refs.filter((r) => r.namespace === namespace).map((r) => r.name);
    return [
      {
        namespace,
        kind: 'engines' as const,
        watch: watchCollection<ChaosEngine>(kc, client.list, client.target(enginePlural, namespace), {
          onChange,
          onRetry,
        }),
        names,
      },
      {
        namespace,
        kind: 'results' as const,
        watch: watchCollection<ChaosResult>(
          kc,
          client.list,
          client.target(resultPlural, namespace, `chaosUID in (${uids.join(',')})`),
          {
            onChange,
            onRetry,
          },
        ),
        names,
      },
    ];
  });
  const stopAll = () => watches.forEach((w) => w.watch.stop());

  /** What is known now; a deleted engine is reported as last seen, so it does not vanish from the report. */
  const snapshot = (timedOut: boolean): ChaosState => ({
    engines: refs.map(
      (ref) =>
        engineWatch(ref).items.get(ref.name) ??
        lastSeen.get(keyOf(ref)) ?? { metadata: { name: ref.name, namespace: ref.namespace, uid: ref.uid } },
    ),
    results: watches.filter((w) => w.kind === 'results').flatMap((w) => [...w.watch.items.values()]),
    timedOut,
    deleted: [...deleted],
  });

  function engineWatch(ref: EngineRef): CollectionWatch<ChaosEngine> {
    return watches.find((w) => w.kind === 'engines' && w.namespace === ref.namespace)!
      .watch as CollectionWatch<ChaosEngine>;
  }
  function resultWatch(ref: EngineRef): CollectionWatch<ChaosResult> {
    return watches.find((w) => w.kind === 'results' && w.namespace === ref.namespace)!
      .watch as CollectionWatch<ChaosResult>;
  }

  /** Experiments of this engine still without a final verdict, with their current phase. */
  const pending = (ref: EngineRef): { experiment: string; phase: string }[] => {
    const engine = engineWatch(ref).items.get(ref.name);
    if (!engine) return [];
    const experiments = engine.spec?.experiments?.map((e) => e.name) ?? [];
    const open: { experiment: string; phase: string }[] = [];
    for (const experiment of experiments) {
      const result = resultWatch(ref).items.get(resultName(ref.name, experiment));
      const runStatus = engine.status?.experiments?.find((e) => e.name === experiment)?.status;
      const verdict = result ? experimentStatusOf(result).verdict : undefined;
      const phase = `${runStatus ?? 'Waiting'}${verdict ? `, verdict ${verdict}` : ''}`;
      const key = `${ref.namespace}/${ref.name} ${experiment}`;
      if (lastPhase.get(key) !== phase) {
        lastPhase.set(key, phase);
        options.log(`[chaos] ${key}: ${phase}`);
      }
      const final =
        (result && result.metadata.labels?.chaosUID === ref.uid && hasFinalVerdict(result)) ||
        notRunStatuses.has(runStatus ?? '');
      if (!final) open.push({ experiment: `${key}`, phase });
    }
    return open;
  };

  return await new Promise<ChaosState>((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    const finish = (outcome: ChaosState | Error) => {
      timers.forEach((t) => clearTimeout(t));
      options.signal.removeEventListener('abort', onAbort);
      evaluate = () => {};
      stopAll();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onAbort = () =>
      finish({
        ...snapshot(false),
        cancelled: (options.signal.reason as NodeJS.Signals | undefined) ?? 'SIGTERM',
      });

    // The timeout and a cancel hold from the start, also while the first lists are still failing.
    let listed = false;
    evaluate = () => {
      if (!listed) return;
      const broken = watches.find((w) => w.watch.fatalError);
      if (broken) return finish(apiError('watching ChaosEngines and ChaosResults', broken.watch.fatalError));
      const now = Date.now();
      let open = 0;
      for (const ref of refs) {
        const engine = engineWatch(ref).items.get(ref.name);
        const waiting = pending(ref);
        if (!engine) {
          // Applied by us, so its absence after the first list means someone deleted it: nothing more will come.
          if (!deleted.has(keyOf(ref)))
            options.log(`[chaos-gate] WARNING: ChaosEngine ${keyOf(ref)} was deleted during the run`);
          deleted.add(keyOf(ref));
          continue;
        }
        lastSeen.set(keyOf(ref), engine);
        if (!isEngineFinished(engine)) {
          open += Math.max(waiting.length, 1);
          continue;
        }
        const key = `${ref.namespace}/${ref.name}`;
        if (!finishedAt.has(key)) {
          finishedAt.set(key, now);
          // Look again when the grace period is over, even if no event comes.
          if (waiting.length > 0) timers.push(setTimeout(() => evaluate(), graceMs + 10));
        }
        if (waiting.length > 0 && now - (finishedAt.get(key) ?? now) < graceMs) open += waiting.length;
      }
      if (open === 0) finish(snapshot(false));
    };

    timers.push(
      setInterval(() => {
        const waiting = refs.flatMap(pending);
        const left = formatDuration(Math.max(0, deadline - Date.now()));
        const detail = waiting.map((w) => `${w.experiment} (${w.phase})`).join('; ') || 'engines to finish';
        options.log(`[chaos-gate] waiting for ${detail}; ${left} left`);
      }, heartbeatMs),
      setTimeout(() => finish(snapshot(true)), Math.max(0, deadline - Date.now())),
    );
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    Promise.all(watches.map((w) => w.watch.ready)).then(
      () => {
        listed = true;
        evaluate();
      },
      (error: unknown) => finish(apiError('watching ChaosEngines and ChaosResults', error)),
    );
    evaluate();
  });
}
