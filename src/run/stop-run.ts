// Stops the chaos of a run that its own process could not stop — the action's post step after the main
// step was killed — with the same guarantee as `run`: every engine of the run (by its label, and by
// its workflows' uids) is stopped and confirmed, then its workflows are shut down. Once all of it is
// confirmed stopped, what the run recorded it created is cleaned up as its own cleanup after a cancel
// would have (a cancelled run did not pass: only `cleanup: always` deletes), and then the run id's
// leases the killed run left are deleted, so a re-run under the id need not wait for them to expire;
// unconfirmed, nothing is deleted, and the leases are left to expire, the check of what still runs
// under the id turning a re-run away meanwhile. A run killed in preflight started no chaos: its leases
// alone are deleted (freeRunId).
import type { CleanupPolicy } from '../config/load.ts';
import { ManifestApplier } from '../kube/apply.ts';
import { connect, limited } from '../kube/client.ts';
import { loadKubeContext } from '../kube/context.ts';
import { kubectlFor, type KubeTarget } from '../kube/kubeconfig-source.ts';
import { anythingLeft, RunResources, type Created } from './resources.ts';
import { releaseLeftLeases, type HeldLease } from './run-lock.ts';
import { allConfirmed, stopRunChaos, type StopReport } from './stop.ts';
import { describeUnconfirmed } from './stop-report.ts';

export interface StopRunOptions {
  stopTimeoutMs: number;
  shutdown: 'Stop' | 'Terminate';
  cleanup: CleanupPolicy;
  /** The job insists on leaving: one last attempt, then return. */
  hurry: AbortSignal;
  log: (line: string) => void;
  /** The credentials' warnings (a refresh-token that could not be saved), for the caller to show. */
  warn: (warning: string) => void;
}

export async function stopRun(
  target: KubeTarget,
  run: { runId: string; namespaces: string[]; leases?: HeldLease[]; created?: Created },
  options: StopRunOptions,
): Promise<StopReport> {
  const connection = connectTo(target, options);
  const { leases = [], created, ...scope } = run;
  const stops = await stopRunChaos(
    connection,
    { ...scope, engines: [], workflows: [], search: { engines: true, workflows: true } },
    {
      deadlineMs: options.stopTimeoutMs,
      hurry: options.hurry,
      log: options.log,
      shutdown: options.shutdown,
    },
  );
  const kubectl = kubectlFor(target);
  describeUnconfirmed(stops, { kubectl, strategy: options.shutdown }).forEach((line) => options.log(line));
  // What the run's own cleanup took back is not in its record: nothing left, nothing to say.
  if (created && anythingLeft(created)) {
    const { runId, namespaces } = run;
    const applier = new ManifestApplier(connection, '', {
      id: runId,
      record: created.record,
      chaosIn: namespaces,
    });
    const resources = RunResources.recorded(
      {
        connection,
        sending: connection,
        applier,
        runId,
        namespaces,
        shutdown: options.shutdown,
        kubectl,
        cleanup: options.cleanup,
        stopTimeoutMs: options.stopTimeoutMs,
        log: options.log,
        warn: options.warn,
      },
      created,
    );
    await resources.cleanup(false, options.hurry, stops);
  }
  if (allConfirmed(stops))
    await releaseLeftLeases(limited(connection, { signal: options.hurry }), leases, options.log);
  return stops;
}

/** Deletes the leases of a run killed in preflight, before its chaos started: there is nothing to stop. */
export async function freeRunId(
  target: KubeTarget,
  leases: HeldLease[],
  options: Pick<StopRunOptions, 'hurry' | 'log' | 'warn'>,
): Promise<void> {
  const connection = connectTo(target, options);
  await releaseLeftLeases(limited(connection, { signal: options.hurry }), leases, options.log);
}

function connectTo(target: KubeTarget, { log, warn }: Pick<StopRunOptions, 'log' | 'warn'>) {
  return connect(loadKubeContext(target, { say: (line) => log(`[chaos-gate] ${line}`), warn }));
}
