// A run id given by the user is one run's at a time. Preflight takes a Lease named after it in every
// namespace the run puts chaos into, the run renews it while it lives and deletes it at its end; a
// second run under the id is refused while the lease is held, whoever asked first by however little.
// A run killed with SIGKILL cannot let go: its lease expires, and the check of what still runs under
// the id (run-id-in-use.ts) turns away the next run while the killed run's chaos goes on.
import os from 'node:os';
import type { V1Lease } from '@kubernetes/client-node';
import { formatDuration } from '../config/duration.ts';
import { settingName } from '../config/fields.ts';
import { managedBy, runLabel } from '../kube/apply.ts';
import type { Connection } from '../kube/client.ts';
import { apiError, describeApiError, statusCode } from '../kube/errors.ts';
import { LeaseClient, leaseExpiresMs } from '../kube/lease.ts';
import type { Warn } from './warnings.ts';

/** Long enough for a renewal to get through a slow API server; short enough for a killed run's id to be free soon. */
export const leaseDurationSeconds = 60;
/** Who holds the lease, in words, for the user it turns away. */
export const holderAnnotation = 'chaos-gate.io/holder';

export const runLeaseName = (runId: string) => `chaos-gate-run-${runId}`;

export interface RunLock {
  /** Stops renewing and deletes the leases still this run's. Never throws: a lease left expires. */
  release(): Promise<void>;
  /** The leases this run holds, for a process that lets go of them if this one is killed. */
  held(): HeldLease[];
}

/** A run's lease as a record outliving its process: where it is and who holds it. */
export interface HeldLease {
  namespace: string;
  name: string;
  holderIdentity: string;
}

/** The run's leases taken, or why the run may not go ahead (nothing taken then). */
export interface Locked {
  lock: RunLock;
  problems: string[];
}

/** This process, and the CI build it runs for when the CI says so. */
export function describeHolder(env: NodeJS.ProcessEnv = process.env): string {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, BUILD_URL, CI_JOB_URL } = env;
  const build =
    GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID
      ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
      : (BUILD_URL ?? CI_JOB_URL);
  return `host ${os.hostname()} pid ${process.pid}${build ? `, CI build ${build}` : ''}`;
}

/**
 * Takes the run id's lease in each of `namespaces`, in one order for every run so two never hold one
 * each. A namespace where leases may not be used (403) is warned about, and only the check of what
 * still runs guards it, as before leases.
 *
 * `preflight` is the connection of the preflight; `holding`, one that outlives a cancel and the run's
 * deadline, renews and releases the leases until the run's cleanup is over.
 */
export async function lockRunId(
  connections: { preflight: Connection; holding: Connection },
  run: {
    runId: string;
    record: string;
    namespaces: string[];
    renewMs?: number;
    /** `kubectl` and the flags that reach the cluster, for the command that deletes a lease by hand. */
    kubectl?: string;
    /** Hears the leases held each time one is taken, for a process that lets go of them if this one is killed. */
    onTaken?: (held: HeldLease[]) => void;
  },
  warn: Warn,
): Promise<Locked> {
  const { runId, record } = run;
  const claiming = new LeaseClient(connections.preflight);
  const held: V1Lease[] = [];
  const renewMs = run.renewMs ?? (leaseDurationSeconds * 1000) / 3;
  const lock = holdLeases(new LeaseClient(connections.holding), held, { runId, renewMs }, warn);
  try {
    for (const namespace of [...new Set(run.namespaces)].sort()) {
      const name = runLeaseName(runId);
      const attempt = await claiming
        .acquire({
          namespace,
          name,
          holderIdentity: `${os.hostname()}/${record}`,
          durationSeconds: leaseDurationSeconds,
          labels: { ...managedBy, [runLabel]: runId },
          annotations: { [holderAnnotation]: describeHolder() },
        })
        .catch((error: unknown) => {
          if (statusCode(error) !== 403) throw apiError(`taking Lease ${namespace}/${name}`, error);
          warn(
            `run id ${runId} not locked in namespace ${namespace}: ${describeApiError(`taking Lease ${name}`, error)}. ` +
              'Two runs started at the same moment under this id could both go ahead (only one whose chaos is still running is refused); ' +
              `allow get, create, update and delete on leases (coordination.k8s.io) in ${namespace} to lock it`,
          );
          return undefined;
        });
      if (attempt && 'heldBy' in attempt) {
        await lock.release();
        return { lock, problems: [heldProblem(runId, attempt.heldBy, run.kubectl ?? 'kubectl')] };
      }
      if (attempt) {
        held.push(attempt.taken);
        run.onTaken?.(lock.held());
      }
    }
  } catch (error) {
    await lock.release();
    throw error;
  }
  return { lock, problems: [] };
}

function heldProblem(runId: string, lease: V1Lease, kubectl: string): string {
  const { namespace = '', name = '', annotations } = lease.metadata ?? {};
  const { holderIdentity, acquireTime, renewTime } = lease.spec ?? {};
  const holder = annotations?.[holderAnnotation] ?? holderIdentity ?? 'another run';
  const at = (time: unknown) => (time ? new Date(time as string).toISOString() : 'unknown');
  const expires = leaseExpiresMs(lease);
  const left = expires === undefined ? '' : ` (in ${formatDuration(Math.max(0, expires - Date.now()))})`;
  return (
    `run id ${runId} is held by another run: ${holder}, since ${at(acquireTime)}, last renewed ${at(renewTime)} ` +
    `(Lease ${namespace}/${name}). Two runs under one id find each other's chaos by it, and one could stop the other's. ` +
    `Give each run its own run id (${settingName('runId')}; left unset, one is generated), or wait for that run to end. ` +
    `If it was killed, its lease expires unless renewed${left}, or delete it: ${kubectl} delete lease -n ${namespace} ${name}`
  );
}

/** Renews `held` (filled as leases are taken) every `renewMs` until released. */
function holdLeases(
  leases: LeaseClient,
  held: V1Lease[],
  { runId, renewMs }: { runId: string; renewMs: number },
  warn: Warn,
): RunLock {
  const where = (lease: V1Lease) => `Lease ${lease.metadata?.namespace ?? ''}/${lease.metadata?.name ?? ''}`;
  let renewing: Promise<void> = Promise.resolve();
  // A renewal that keeps failing (a 403 always does) is told once, not at every renewal, until one succeeds.
  const failing = new Set<string>();
  const renewAll = async () => {
    const kept: V1Lease[] = [];
    for (const lease of held) {
      try {
        const renewed = await leases.renew(lease);
        failing.delete(where(lease));
        if (renewed) kept.push(renewed);
        else
          warn(
            `${where(lease)} of run id ${runId} is no longer this run's (taken over once it expired, or deleted): another run under the id may start`,
          );
      } catch (error) {
        kept.push(lease);
        if (failing.has(where(lease))) continue;
        failing.add(where(lease));
        const expires = leaseExpiresMs(lease);
        const fix =
          statusCode(error) === 403
            ? `; allow update on leases (coordination.k8s.io) in ${lease.metadata?.namespace ?? ''} to renew it`
            : '';
        warn(
          `${describeApiError(`renewing ${where(lease)}`, error)}; it expires ${expires ? `at ${new Date(expires).toISOString()}` : 'soon'} unless renewed, ` +
            `and another run under run id ${runId} may start then${fix}`,
        );
      }
    }
    held.splice(0, held.length, ...kept);
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renewAll);
  }, renewMs);
  // The run keeps the process alive, not its lease.
  timer.unref();
  let released: Promise<void> | undefined;
  return {
    held: () =>
      held.map((lease) => ({
        namespace: lease.metadata?.namespace ?? '',
        name: lease.metadata?.name ?? '',
        holderIdentity: lease.spec?.holderIdentity ?? '',
      })),
    release() {
      released ??= (async () => {
        clearInterval(timer);
        await renewing;
        for (const lease of held.splice(0))
          await leases.release(lease).catch((error: unknown) => {
            warn(
              `${describeApiError(`deleting ${where(lease)}`, error)}; it expires within ${leaseDurationSeconds}s, and run id ${runId} is free again`,
            );
          });
      })();
      return released;
    },
  };
}

/**
 * Deletes the leases a killed run left, once its chaos is confirmed stopped, so a run under its id
 * need not wait for them to expire. A lease another run took over since (its holder is not the one
 * recorded) is left to that run. Never throws: a lease left expires.
 */
export async function releaseLeftLeases(
  connection: Connection,
  leases: HeldLease[],
  log: (line: string) => void,
): Promise<void> {
  const client = new LeaseClient(connection);
  for (const { namespace, name, holderIdentity } of leases) {
    try {
      const current = await client.read(namespace, name);
      if (!current) continue;
      if (current.spec?.holderIdentity === holderIdentity && (await client.release(current)))
        log(`[chaos-gate] deleted Lease ${namespace}/${name}: its run id is free again`);
      else if (await client.read(namespace, name))
        log(`[chaos-gate] Lease ${namespace}/${name} is held by another run now: left to it`);
    } catch (error) {
      log(
        `[chaos-gate] ${describeApiError(`deleting Lease ${namespace}/${name}`, error)}; it expires within ${leaseDurationSeconds}s`,
      );
    }
  }
}
