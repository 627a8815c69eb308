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

/** "field status.probeStatuses[0].status: expected object, received string" for each problem. */
export function describeSchemaIssues(where: string, error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (text, key) =>
          typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
        '',
      );
      return `${where}: field ${path || '(the object)'}: ${issue.message.replace(/^Invalid input: /, '')}`;
    })
    .join('\n');
}
