// The metadata fields chaos-gate reads from any Kubernetes object, as a schema: objects read from files
// are checked against it, so a wrong shape is a message naming the field, not a crash later.
import * as z from 'zod';

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
