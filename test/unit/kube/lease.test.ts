// When a run id's lease still keeps other runs out: while its holder renews it in time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { V1Lease } from '@kubernetes/client-node';
import { leaseFree } from '../../../src/kube/lease.ts';

// As the server sends a MicroTime, which client-node leaves a string whatever its typings say.
const lease = (holderIdentity: string | undefined, renewTime: string | undefined) =>
  ({ spec: { holderIdentity, leaseDurationSeconds: 60, renewTime } }) as unknown as V1Lease;
const now = Date.parse('2026-12-02T05:00:00Z');

test('a lease renewed within its duration is held; one past it, or with no holder, is free', () => {
  assert.equal(leaseFree(lease('h/1', '2026-12-02T04:59:30.000000Z'), now), false);
  assert.equal(leaseFree(lease('h/1', '2026-12-02T04:58:59.000000Z'), now), true);
  assert.equal(leaseFree(lease('', '2026-12-02T04:59:30.000000Z'), now), true);
  assert.equal(leaseFree(lease('h/1', undefined), now), true);
});
