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

/**
 * "field status.probeStatuses[0].status: expected object, received string" for each problem, and
 * "field spec.appinfo.appLabel: unknown field" for each key a strict object does not know. A key that
 * is not a plain name (a k6 threshold such as `p(95)<500`, a label key) is quoted:
 * `thresholds["p(95)<500"]`.
 */
export function describeSchemaIssues(where: string, error: z.ZodError): string {
  return error.issues
    .flatMap((issue) => {
      // Named by the key's own path, as the API server names an unknown field.
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((key) => `${where}: field ${fieldPath([...issue.path, key])}: unknown field`);
      const { path, message } = innermost(issue);
      return [
        `${where}: field ${fieldPath(path) || '(the object)'}: ${message.replace(/^(Invalid input|Too small|Too big): /, '')}`,
      ];
    })
    .slice(0, 10)
    .join('\n');
}

/**
 * For a value that may be a list or an object and is wrong inside, zod says only that neither fitted:
 * the problem is taken from the one alternative whose type did fit (its issues are below the field).
 */
function innermost(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === 'invalid_union') {
    const fitted = issue.errors.filter((branch) =>
      branch.some((inner) => inner.path.length > 0 || inner.code !== 'invalid_type'),
    );
    const inside = fitted.length === 1 ? fitted[0]?.[0] : undefined;
    if (inside) {
      const deeper = innermost(inside);
      return { path: [...issue.path, ...deeper.path], message: deeper.message };
    }
  }
  return { path: issue.path, message: issue.message };
}

/** `spec.experiments[0]["httpProbe/inputs"]`: a field as every message names it. */
export const fieldPath = (path: PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    if (!/^[A-Za-z_][\w-]*$/.test(name)) return `${text}[${JSON.stringify(name)}]`;
    return text ? `${text}.${name}` : name;
  }, '');
