// The metadata fields chaos-gate reads from any Kubernetes object, as a schema: objects read from files
// are checked against it, so a wrong shape is a message naming the field, not a crash later.
import * as z from 'zod';
import { fieldPath } from '../schema-issues.ts';
import { closestName } from '../suggest.ts';

export const objectMetaSchema = z.looseObject({
  name: z.string().optional(),
  generateName: z.string().optional(),
  namespace: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  creationTimestamp: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  managedFields: z
    .array(z.looseObject({ manager: z.string().optional(), time: z.string().optional() }))
    .optional(),
});

export type ObjectMeta = z.output<typeof objectMetaSchema>;

/**
 * The fields of a v1 ObjectMeta (Kubernetes 1.25 removed clusterName). Sent with fieldValidation=Strict,
 * any other key in an object's metadata is refused by the API server whatever the kind, custom resources
 * included; checked offline so `validate` refuses `metadata.lables` as `run` does in preflight.
 */
const objectMetaFields = [
  'annotations',
  'creationTimestamp',
  'deletionGracePeriodSeconds',
  'deletionTimestamp',
  'finalizers',
  'generateName',
  'generation',
  'labels',
  'managedFields',
  'name',
  'namespace',
  'ownerReferences',
  'resourceVersion',
  'selfLink',
  'uid',
];

/** A problem for each key of `metadata` that ObjectMeta does not have; `source` names the object. */
export function metadataProblems(source: string, metadata: object): string[] {
  return Object.keys(metadata)
    .filter((key) => !objectMetaFields.includes(key))
    .map((key) => {
      const meant = closestName(key, objectMetaFields);
      return `${source}: field ${fieldPath(['metadata', key])}: unknown field${meant ? `; did you mean "${meant}"?` : ''} (not in ObjectMeta, so the server would refuse it)`;
    });
}
