import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import * as z from 'zod';
import { workflowSchema } from '../../../src/argo/types.ts';
import { parseShape } from '../../../src/kube/shape.ts';
import { chaosEngineSchema, chaosResultSchema } from '../../../src/litmus/types.ts';
import { plainWords } from '../../../src/schema-issues.ts';
import { fixturePath, readFixture } from '../../support/fixtures.ts';

const fixtures = (folder: string) =>
  readdirSync(fixturePath(folder))
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => loadAll(readFixture(`${folder}/${file}`), null, { schema: CORE_SCHEMA }));

/** The value with what is at `path` replaced (or, for `undefined`, removed). */
function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && by === undefined) delete copy[head];
  else copy[head] = replaced(copy[head], rest, by);
  return copy;
}

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...prefix, key])),
  ];
}

const wrongValues = [7, -1, 1.5, 'text', true, null, [], {}, [1], { extra: 1 }, undefined];

/** What is at `path`. */
const at = (value: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown>)[key], value);

const isMapping = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every field of every sample replaced by every kind of wrong value, and an unknown key added to each mapping. */
function variants(samples: unknown[]): unknown[] {
  return samples.flatMap((sample) =>
    paths(sample).flatMap((path) => [
      ...wrongValues.map((wrong) => replaced(sample, path, wrong)),
      ...(isMapping(at(sample, path)) ? [replaced(sample, [...path, 'unknownKey'], 'kept?')] : []),
    ]),
  );
}

function assertAgreesWithZod(schema: z.ZodType, values: unknown[]): void {
  for (const value of values) {
    const fast = parseShape(schema, value);
    const zod = schema.safeParse(value, plainWords);
    const shown = JSON.stringify(value)?.slice(0, 300);
    assert.equal(fast.success, zod.success, shown);
    if (zod.success) assert.deepEqual(fast.data, zod.data, shown);
    else assert.deepEqual(fast.error?.issues, zod.error.issues, shown);
  }
}

test('ChaosResults of every Litmus generation, and any field made wrong: the same verdict and data as zod', () => {
  const samples = fixtures('litmus/results');
  assert.ok(samples.length >= 9);
  assertAgreesWithZod(chaosResultSchema, [...samples, ...variants(samples)]);
});

test('ChaosEngines and a Workflow, and any field made wrong: the same verdict and data as zod', () => {
  const engines = fixtures('litmus/engines');
  assertAgreesWithZod(chaosEngineSchema, [...engines, ...variants(engines)]);
  const workflow = {
    kind: 'Workflow',
    metadata: { name: 'chaos', namespace: 'argo', labels: { app: 'x' } },
    spec: { shutdown: 'Stop', arguments: { parameters: [{ name: 'a', value: 'b' }] } },
    status: {
      phase: 'Succeeded',
      nodes: {
        n1: { id: 'n1', type: 'Pod', phase: 'Failed', children: ['n2'], outputs: { exitCode: '1' } },
        n2: { id: 'n2', type: 'Retry', phase: 'Succeeded' },
      },
    },
  };
  assertAgreesWithZod(workflowSchema, [workflow, ...variants([workflow])]);
});

test('an object that already has the shape is handed back as it is, without a copy', () => {
  const [result] = fixtures('litmus/results');
  const parsed = parseShape(chaosResultSchema, result);
  assert.ok(parsed.success);
  assert.equal(parsed.data, result);
});

test('what zod would change goes to zod: a transform, a stripped or refused key, a refinement', () => {
  const percentage = {
    kind: 'ChaosResult',
    metadata: { name: 'r' },
    status: { experimentStatus: { probeSuccessPercentage: 80 } },
  };
  const parsed = parseShape(chaosResultSchema, percentage);
  assert.equal(parsed.data?.status?.experimentStatus?.probeSuccessPercentage, '80');

  const stripping = z.object({ a: z.string() });
  assert.deepEqual(parseShape(stripping, { a: 'x', b: 1 }).data, { a: 'x' });
  assert.equal(parseShape(z.strictObject({ a: z.string() }), { a: 'x', b: 1 }).success, false);
  assert.equal(parseShape(z.string().min(3), 'ab').success, false);
  assert.equal(parseShape(z.number().int().nonnegative(), -1).success, false);
  assert.equal(parseShape(z.number().int().nonnegative(), 2.5).success, false);
  assert.equal(parseShape(z.number().int().nonnegative(), 0).success, true);
  // zod takes the first option that accepts: here the transforming one, so its output is used.
  const union = z.union([z.string().transform((s) => s.toUpperCase()), z.string()]);
  assert.equal(parseShape(union, 'ab').data, 'AB');
});
