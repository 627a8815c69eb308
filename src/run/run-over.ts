// Whether the run of a record left on a shared object (RBAC, a ChaosExperiment) is over, so cleanup
// may remove the record: a run killed with SIGKILL never removes its own, and the object would then
// stay for good. A record is judged over only when everything says so; anything that cannot be
// checked keeps it.
//
// A live run has its record and, until its cleanup ends, its run id's lease (a given run id) or its
// engines and workflows (labelled with its run id; they go before its records in its cleanup). The
// one moment a live run has neither is between writing its records and creating its engines, with a
// generated run id (never locked) or a lease refused (403): the record's age covers it, as that
// moment lasts an apply. A run that left its engines (`cleanup: never`, or killed with its chaos
// running) keeps its record as long as they are there.
import { ArgoClient } from '../argo/client.ts';
import { runLabel, type RunOver, type RunRecord } from '../kube/apply.ts';
import type { Connection } from '../kube/client.ts';
import { statusCode } from '../kube/errors.ts';
import { LeaseClient, leaseFree } from '../kube/lease.ts';
import { LitmusClient } from '../litmus/client.ts';
import { runLeaseName } from './run-lock.ts';

/** How long a record is kept whatever else is found: far longer than an apply takes. */
export const recordGraceMs = 10 * 60_000;

/** Judges each record once (a record is on several objects), with what `connection` may read. */
export function runOver(connection: Connection, nowMs = Date.now()): RunOver {
  const judged = new Map<string, Promise<string | undefined>>();
  return (record) => {
    let judging = judged.get(record.key);
    if (!judging) {
      judging = whyOver(connection, record, nowMs).catch(() => undefined);
      judged.set(record.key, judging);
    }
    return judging;
  };
}

async function whyOver(
  connection: Connection,
  record: RunRecord,
  nowMs: number,
): Promise<string | undefined> {
  const { runId, at, chaosIn } = record;
  // A record of an earlier release does not say where its run's chaos was.
  if (!at || !chaosIn || chaosIn.length === 0) return undefined;
  const age = nowMs - Date.parse(at);
  if (!(age >= recordGraceMs)) return undefined;
  const selector = `${runLabel}=${runId}`;
  // Not served (404): none of that kind can be there. Any other error throws: the record is kept.
  const none = (error: unknown) => {
    if (statusCode(error) === 404) return [];
    throw error;
  };
  const litmus = new LitmusClient(connection);
  const argo = new ArgoClient(connection);
  const leases = new LeaseClient(connection);
  // The record's key is the run id when it was generated: no lease was ever taken for it.
  const locked = record.key !== runId;
  for (const namespace of chaosIn) {
    if (locked) {
      const lease = await leases.read(namespace, runLeaseName(runId));
      // Held by a later run under the same id (its holder names its own record), it says nothing of this one.
      if (lease && !leaseFree(lease, nowMs) && lease.spec?.holderIdentity?.endsWith(`/${record.key}`))
        return undefined;
    }
    const engines = await litmus.enginesLabelled(namespace, selector).catch(none);
    const workflows = await argo.list(argo.target(namespace, selector)).then((listed) => listed.items, none);
    if (engines.length > 0 || workflows.length > 0) return undefined;
  }
  return (
    `its run is over: recorded at ${at}, ${locked ? `no Lease ${runLeaseName(runId)} of its own held, ` : ''}` +
    `and no ChaosEngine or Workflow labelled ${selector} left in namespace${chaosIn.length > 1 ? 's' : ''} ${chaosIn.join(', ')}`
  );
}
