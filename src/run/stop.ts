// Takes back the chaos of a run — in `run` after a timeout, a cancel or an error, and in the action's
// post step after the main step was killed. In this order: every ChaosEngine of the run is stopped
// and confirmed, its workflows are shut down (terminating a workflow does not stop chaos pods), and
// any engine a workflow started meanwhile is stopped too. Engines and workflows are found by label
// (the run's, and each workflow's uid), so one whose apply answer was lost is found as well.
import { ArgoClient } from '../argo/client.ts';
import { isWorkflowCompleted } from '../argo/condition.ts';
import { runLabel } from '../kube/apply.ts';
import { limited, type Connection } from '../kube/client.ts';
import { describeApiError, statusCode } from '../kube/errors.ts';
import { retryUntil } from '../kube/retry.ts';
import { LitmusClient, workflowRunLabel } from '../litmus/client.ts';
import { engineKey, type EngineRef } from '../litmus/condition.ts';
import { lastAttemptMs, stopEngines, type EngineStop } from '../litmus/stop.ts';
import type { ChaosEngine } from '../litmus/types.ts';
import { isEngineFinished } from '../litmus/verdict.ts';

export interface WorkflowRef {
  namespace: string;
  name: string;
  uid?: string;
  /** The run saw it completed: there is nothing to shut down. */
  ended?: boolean;
}

/** What a run may have started, as far as it knows; the rest is found by label. */
export interface RunScope {
  runId: string;
  /** Where its engines and workflows may be. */
  namespaces: string[];
  engines: EngineRef[];
  workflows: WorkflowRef[];
  /**
   * Look for engines and workflows labelled with the run: the run does not know all it created (an
   * apply whose answer was lost, or the post step of a killed run).
   */
  search: { engines: boolean; workflows: boolean };
}

export interface WorkflowStop {
  ref: WorkflowRef;
  confirmed: boolean;
  why?: string;
}

export interface StopReport {
  engines: EngineStop[];
  /**
   * Engines (`namespace/name`) found by label already finished (completed or stopped) before any stop
   * was sent: a Stopped verdict of theirs was not this stop's doing.
   */
  foundFinished: string[];
  workflows: WorkflowStop[];
  /** Namespaces where the run's engines could not be listed: there may be more than `engines`. */
  unlisted: { kind: 'ChaosEngines' | 'Workflows'; namespace: string; selector: string; why: string }[];
}

export interface StopRunOptions {
  deadlineMs: number;
  /** The job insists on leaving: one last attempt at what is not confirmed, then return. */
  hurry: AbortSignal;
  log: (line: string) => void;
  shutdown: 'Stop' | 'Terminate';
}

export async function stopRunChaos(
  connection: Connection,
  scope: RunScope,
  options: StopRunOptions,
): Promise<StopReport> {
  const { hurry, log } = options;
  const deadlineAt = Date.now() + options.deadlineMs;
  const left = () => Math.max(0, deadlineAt - Date.now());
  const phase = AbortSignal.any([hurry, AbortSignal.timeout(options.deadlineMs)]);
  const bounded = limited(connection, { signal: phase });
  const litmus = new LitmusClient(bounded);
  const argo = new ArgoClient(bounded);
  const unlisted: StopReport['unlisted'] = [];
  const foundFinished = new Set<string>();

  /** Lists until it works, the time is up, or the resource is not served (404: nothing of that kind). */
  const listed = async <T>(
    what: { namespace: string; selector: string; kind: 'ChaosEngines' | 'Workflows' },
    list: () => Promise<T[]>,
  ): Promise<T[]> => {
    const attempt = await retryUntil(list, { signal: phase, isFinal: (e) => statusCode(e) === 404 });
    if (attempt.ok) return attempt.value;
    if (statusCode(attempt.error) === 404) return [];
    unlisted.push({ ...what, why: describeApiError(`listing ${what.kind}`, attempt.error) });
    return [];
  };
  const seen = new Set<string>();
  /** Refs of listed engines, noting those already finished when first found, before any stop. */
  const engineRefs = (engines: ChaosEngine[]): EngineRef[] =>
    engines.map((e) => {
      const ref = {
        namespace: e.metadata.namespace ?? '',
        name: e.metadata.name ?? '',
        uid: e.metadata.uid ?? '',
      };
      const key = engineKey(ref);
      if (!seen.has(key) && isEngineFinished(e)) foundFinished.add(key);
      seen.add(key);
      return ref;
    });
  const workflowEngines = async (workflows: WorkflowRef[]) =>
    (
      await Promise.all(
        workflows
          .filter((w) => w.uid)
          .flatMap((w) =>
            scope.namespaces.map(async (namespace) => {
              const selector = `${workflowRunLabel}=${w.uid}`;
              const what = { namespace, selector, kind: 'ChaosEngines' as const };
              return engineRefs(await listed(what, () => litmus.enginesLabelled(namespace, selector)));
            }),
          ),
      )
    ).flat();

  // What the run started: known to it, or labelled with its id.
  const runSelector = `${runLabel}=${scope.runId}`;
  const searched = (search: boolean) => (search ? scope.namespaces : []);
  const [labelledEngines, labelledWorkflows] = await Promise.all([
    Promise.all(
      searched(scope.search.engines).map(async (namespace) => {
        const what = { namespace, selector: runSelector, kind: 'ChaosEngines' as const };
        return engineRefs(await listed(what, () => litmus.enginesLabelled(namespace, runSelector)));
      }),
    ),
    Promise.all(
      searched(scope.search.workflows).map(async (namespace) => {
        const what = { namespace, selector: runSelector, kind: 'Workflows' as const };
        return listed(what, async () => (await argo.list(argo.target(namespace, runSelector))).items);
      }),
    ),
  ]);
  const workflows = unique(
    [
      ...scope.workflows,
      ...labelledWorkflows.flat().map((w) => ({
        namespace: w.metadata.namespace ?? '',
        name: w.metadata.name ?? '',
        uid: w.metadata.uid,
      })),
    ],
    (w) => `${w.namespace}/${w.name}`,
  );
  const completed = new Set(
    [
      ...scope.workflows.filter((w) => w.ended),
      ...labelledWorkflows
        .flat()
        .filter(isWorkflowCompleted)
        .map((w) => ({ namespace: w.metadata.namespace ?? '', name: w.metadata.name ?? '' })),
    ].map((w) => `${w.namespace}/${w.name}`),
  );
  const engines = unique(
    [...scope.engines, ...labelledEngines.flat(), ...(await workflowEngines(workflows))],
    engineKey,
  );

  const stops = await stopEngines(connection, engines, { deadlineMs: left(), hurry, log });

  const workflowStops: WorkflowStop[] = [];
  for (const ref of workflows) {
    const where = `${ref.namespace}/${ref.name}`;
    if (completed.has(where)) {
      workflowStops.push({ ref, confirmed: true });
      continue;
    }
    const shutdown = () => argo.shutdown(ref.namespace, ref.name, options.shutdown);
    let attempt = await retryUntil(shutdown, { signal: phase, isFinal: (e) => statusCode(e) === 404 });
    if (!attempt.ok && hurry.aborted && statusCode(attempt.error) !== 404) {
      const last = new ArgoClient(limited(connection, { requestTimeoutMs: lastAttemptMs }));
      attempt = await last.shutdown(ref.namespace, ref.name, options.shutdown).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    }
    if (attempt.ok || statusCode(attempt.error) === 404) {
      log(`[chaos-gate] workflow ${where}: shutdown ${options.shutdown}`);
      workflowStops.push({ ref, confirmed: true });
    } else {
      workflowStops.push({
        ref,
        confirmed: false,
        why: describeApiError(`shutting the workflow down`, attempt.error),
      });
    }
  }

  // A workflow may have started another chaos step before its shutdown landed.
  const known = new Set(engines.map(engineKey));
  const late =
    workflows.length > 0 ? (await workflowEngines(workflows)).filter((e) => !known.has(engineKey(e))) : [];
  const lateStops = await stopEngines(connection, unique(late, engineKey), {
    deadlineMs: left(),
    hurry,
    log,
  });
  return {
    engines: [...stops, ...lateStops],
    foundFinished: [...foundFinished],
    workflows: workflowStops,
    unlisted: unique(unlisted, (u) => `${u.kind}/${u.namespace}/${u.selector}`),
  };
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** Whether the chaos of the run is known to be over. */
export function allConfirmed(report: StopReport): boolean {
  return (
    report.engines.every((e) => e.confirmed) &&
    report.workflows.every((w) => w.confirmed) &&
    report.unlisted.length === 0
  );
}
