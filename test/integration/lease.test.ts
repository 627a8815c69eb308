// A run id's Lease against the real API server: of many claimants at once exactly one takes it,
// renewing keeps it, an expired one is taken over, and only its holder lets go of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoordinationV1Api, V1MicroTime } from '@kubernetes/client-node';
import { connect } from '../../src/kube/client.ts';
import { LeaseClient, type LeaseClaim } from '../../src/kube/lease.ts';
import { uniqueName, useSandbox } from './helpers.ts';

const namespace = 'leases';
const env = useSandbox(namespace);

const claim = (name: string, holderIdentity: string): LeaseClaim => ({
  namespace,
  name,
  holderIdentity,
  durationSeconds: 60,
  labels: {},
  annotations: {},
});

test('of ten claimants at once exactly one takes the lease; the others are told who holds it', async () => {
  const leases = new LeaseClient(connect(env.sandbox.kc));
  const name = uniqueName('race');
  const attempts = await Promise.all(
    Array.from({ length: 10 }, (_, i) => leases.acquire(claim(name, `claimant-${i}`))),
  );
  const taken = attempts.flatMap((a) => ('taken' in a ? [a.taken] : []));
  assert.equal(taken.length, 1);
  const holder = taken[0]?.spec?.holderIdentity;
  for (const a of attempts) if ('heldBy' in a) assert.equal(a.heldBy.spec?.holderIdentity, holder);
});

test('a renewed lease stays with its holder; an expired one is taken over; only the holder deletes it', async () => {
  const leases = new LeaseClient(connect(env.sandbox.kc));
  const name = uniqueName('held');
  const first = await leases.acquire(claim(name, 'first'));
  assert.ok('taken' in first);
  const renewed = await leases.renew(first.taken);
  assert.ok(renewed);
  assert.notEqual(renewed.metadata?.resourceVersion, first.taken.metadata?.resourceVersion);
  assert.ok('heldBy' in (await leases.acquire(claim(name, 'second'))), 'a renewed lease is held');

  // Two minutes without a renewal, as a killed holder leaves it.
  const then = new V1MicroTime(Date.now() - 120_000);
  await env.sandbox.kc.makeApiClient(CoordinationV1Api).replaceNamespacedLease({
    namespace,
    name,
    body: { ...renewed, spec: { ...renewed.spec, renewTime: then } },
  });
  const second = await leases.acquire(claim(name, 'second'));
  assert.ok('taken' in second, 'an expired lease is taken over');
  assert.equal(second.taken.spec?.leaseTransitions, 1);
  assert.equal(await leases.renew(renewed), undefined, 'the first holder learns it lost the lease');

  await leases.release(renewed);
  assert.equal((await leases.read(namespace, name))?.spec?.holderIdentity, 'second', 'kept for its holder');
  await leases.release(second.taken);
  assert.equal(await leases.read(namespace, name), undefined);
});
