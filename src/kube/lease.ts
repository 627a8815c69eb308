// A Lease (coordination.k8s.io/v1) held as client-go's leader election holds one: a holder identity,
// a duration and a renew time, taken over only once it expired, and every write conditional on the
// resourceVersion read, so of two takers at the same moment exactly one wins.
import { CoordinationV1Api, V1MicroTime, type V1Lease } from '@kubernetes/client-node';
import { apiClient, type Connection } from './client.ts';
import { statusCode } from './errors.ts';

export interface LeaseClaim {
  namespace: string;
  name: string;
  /** Unique to the claimant: a release or renewal touches the lease only while it still says this. */
  holderIdentity: string;
  durationSeconds: number;
  labels: Record<string, string>;
  /** Who the holder is, for a user the lease turns away (host, CI build). */
  annotations: Record<string, string>;
}

/** Taken (and now ours), or held by someone else, as last read. */
export type LeaseAttempt = { taken: V1Lease } | { heldBy: V1Lease };

/** When the lease's holder must have renewed it by; a lease with no holder is free. */
export function leaseExpiresMs(lease: V1Lease): number | undefined {
  const { holderIdentity, renewTime, acquireTime, leaseDurationSeconds } = lease.spec ?? {};
  // client-node leaves a MicroTime as the string the server sent, whatever its typings say.
  const renewed = renewTime ?? acquireTime;
  if (!holderIdentity || !renewed) return undefined;
  return new Date(renewed).getTime() + (leaseDurationSeconds ?? 0) * 1000;
}

export function leaseFree(lease: V1Lease, nowMs: number): boolean {
  const expires = leaseExpiresMs(lease);
  return expires === undefined || expires <= nowMs;
}

export class LeaseClient {
  readonly #api: CoordinationV1Api;

  constructor(connection: Connection) {
    this.#api = apiClient(connection, CoordinationV1Api);
  }

  /**
   * Creates the lease, or takes it over if it expired. The answer of a create or takeover that lost to
   * another claimant (409) is that claimant's lease. Errors (a 403: no permission) are thrown as they came.
   */
  async acquire(claim: LeaseClaim): Promise<LeaseAttempt> {
    const { namespace, name } = claim;
    const now = new V1MicroTime(Date.now());
    const spec = {
      holderIdentity: claim.holderIdentity,
      leaseDurationSeconds: claim.durationSeconds,
      acquireTime: now,
      renewTime: now,
      leaseTransitions: 0,
    };
    const metadata = { name, namespace, labels: claim.labels, annotations: claim.annotations };
    const current = await this.read(namespace, name);
    try {
      if (!current)
        return { taken: await this.#api.createNamespacedLease({ namespace, body: { metadata, spec } }) };
      if (!leaseFree(current, Date.now())) return { heldBy: current };
      const body: V1Lease = {
        metadata: { ...metadata, resourceVersion: current.metadata?.resourceVersion },
        spec: { ...spec, leaseTransitions: (current.spec?.leaseTransitions ?? 0) + 1 },
      };
      return { taken: await this.#api.replaceNamespacedLease({ namespace, name, body }) };
    } catch (error) {
      if (statusCode(error) !== 409) throw error;
      const winner = await this.read(namespace, name);
      // Taken and already let go in between: free again, but a race is not worth a second round.
      return { heldBy: winner ?? current ?? { metadata: { namespace, name }, spec: {} } };
    }
  }

  /** The lease renewed; undefined if it is no longer ours (expired and taken, or deleted). */
  async renew(lease: V1Lease, attempt = 1): Promise<V1Lease | undefined> {
    const { namespace = '', name = '' } = lease.metadata ?? {};
    const body: V1Lease = { ...lease, spec: { ...lease.spec, renewTime: new V1MicroTime(Date.now()) } };
    try {
      return await this.#api.replaceNamespacedLease({ namespace, name, body });
    } catch (error) {
      const code = statusCode(error);
      if ((code !== 409 && code !== 404) || attempt >= 3) throw error;
      const current = await this.read(namespace, name);
      // Changed by someone else but still ours (a lost answer to our own renewal): renew that.
      if (!current || current.spec?.holderIdentity !== lease.spec?.holderIdentity) return undefined;
      return this.renew(current, attempt + 1);
    }
  }

  /**
   * Deletes the lease if it is still ours; a lease someone else took over is left to them. Whether it
   * was deleted (false: taken over, or gone already).
   */
  async release(lease: V1Lease): Promise<boolean> {
    const { namespace = '', name = '' } = lease.metadata ?? {};
    let current: V1Lease | undefined = lease;
    for (let attempt = 1; current && current.spec?.holderIdentity === lease.spec?.holderIdentity; attempt++) {
      try {
        await this.#api.deleteNamespacedLease({
          namespace,
          name,
          body: { preconditions: { resourceVersion: current.metadata?.resourceVersion } },
        });
        return true;
      } catch (error) {
        const code = statusCode(error);
        if (code === 404) return false;
        if (code !== 409 || attempt >= 3) throw error;
      }
      current = await this.read(namespace, name);
    }
    return false;
  }

  async read(namespace: string, name: string): Promise<V1Lease | undefined> {
    try {
      return await this.#api.readNamespacedLease({ namespace, name });
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }
}
