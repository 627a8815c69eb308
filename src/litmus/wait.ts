// Waits, by watching, until every engine of the run has finished and each of its experiments has a
// final verdict; prints a line whenever an experiment moves on and a heartbeat while it waits.
import type { Connection } from '../kube/client.ts';
import { formatDuration } from '../config/duration.ts';
import { until, watchSource } from '../kube/until.ts';
import { enginePlural, resultPlural, type LitmusClient } from './client.ts';
import {
  chaosCondition,
  engineKey,
  experimentProgress,
  type ChaosView,
  type EngineRef,
} from './condition.ts';
import { engineProblem, type ChaosEngine, type ChaosResult } from './types.ts';

export type { EngineRef };

export interface WaitOptions {
  timeoutMs: number;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Where a warning goes (an engine deleted under the run): the run's channel, which logs it. */
  warn: (warning: string) => void;
  heartbeatMs?: number;
  /** How long to wait for a verdict after the engine says it finished (a result can lag, or never come). */
  verdictGraceMs?: number;
  /**
   * Label selector of the run's engines: a namespace with thousands of other engines then costs the
   * watch nothing. Without it every engine of the namespace is listed.
   */
  engineSelector?: string;
  /**
   * An engine as the run applied it, for one the wait never saw (cancelled before its first list came
   * back): its experiments are still the report's cases, each saying it had not started.
   */
  asApplied?: (ref: EngineRef) => ChaosEngine | undefined;
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

export async function waitForChaos(
  connection: Connection,
  client: LitmusClient,
  refs: EngineRef[],
  options: WaitOptions,
): Promise<ChaosState> {
  const namespaces = [...new Set(refs.map((r) => r.namespace))];
  const uidsIn = (namespace: string) =>
    refs
      .filter((r) => r.namespace === namespace)
      .map((r) => r.uid)
      .join(',');
  const progress = progressLog(refs, options);
  const { view, ended, cancelled } = await until<{ engines: ChaosEngine; results: ChaosResult }>({
    what: 'ChaosEngines and ChaosResults',
    sources: {
      engines: namespaces.map((ns) =>
        watchSource<ChaosEngine>(
          connection,
          client.list,
          client.target(enginePlural, ns, options.engineSelector),
        ),
      ),
      results: namespaces.map((ns) =>
        watchSource<ChaosResult>(
          connection,
          client.list,
          client.target(resultPlural, ns, `chaosUID in (${uidsIn(ns)})`),
        ),
      ),
    },
    condition: (current) => chaosCondition(refs, current),
    observe: progress.observe,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    graceMs: options.verdictGraceMs ?? 30_000,
    heartbeatMs: options.heartbeatMs,
    onHeartbeat: (pending, leftMs) => {
      const detail = pending.map((p) => p.label).join('; ') || 'engines to finish';
      options.log(`[chaos-gate] waiting for ${detail}; ${formatDuration(leftMs)} left`);
    },
    onRetry: (reason) => options.log(`[chaos-gate] ${reason}`),
  });
  return {
    // A deleted engine is reported as last seen, so it does not vanish from the report.
    engines: refs.map(
      (ref) =>
        view.engines.get(engineKey(ref)) ??
        progress.lastSeen.get(engineKey(ref)) ??
        options.asApplied?.(ref) ?? { metadata: { name: ref.name, namespace: ref.namespace, uid: ref.uid } },
    ),
    results: [...view.results.values()],
    timedOut: ended === 'timeout',
    cancelled,
    deleted: [...progress.deleted],
  };
}

/**
 * The observer of a chaos wait: a line per experiment phase change, per engine deleted under us, and
 * per engine that turns unreadable.
 */
function progressLog(refs: EngineRef[], { log, warn }: Pick<WaitOptions, 'log' | 'warn'>) {
  const lastPhase = new Map<string, string>();
  const lastSeen = new Map<string, ChaosEngine>();
  const deleted = new Set<string>();
  const observe = (view: ChaosView) => {
    for (const ref of refs) {
      const key = engineKey(ref);
      const engine = view.engines.get(key);
      if (!engine) {
        // Applied by us, so its absence after the first list means someone deleted it.
        if (!deleted.has(key)) warn(`ChaosEngine ${key} was deleted during the run`);
        deleted.add(key);
        continue;
      }
      lastSeen.set(key, engine);
      // Its experiments cannot be read: say why once, as the wait gives it the grace (condition.ts).
      const problem = engineProblem(engine);
      if (problem && lastPhase.get(key) !== problem) log(`[chaos] ${problem}`);
      if (problem) lastPhase.set(key, problem);
      else lastPhase.delete(key);
      for (const { label, phase } of experimentProgress(ref, view)) {
        if (lastPhase.get(label) === phase) continue;
        lastPhase.set(label, phase);
        log(`[chaos] ${label}: ${phase}`);
      }
    }
  };
  return { observe, lastSeen, deleted };
}
