// The fields of the built-in objects RBAC files hold, after their v1 API (unchanged since Kubernetes
// 1.8), checked offline so `validate` refuses a misspelt field (`subject:` for `subjects:`) that `run`
// would only learn from the server in preflight. Only the names of fields are checked, and that lists are
// lists of objects: values are the server's to judge.
import * as z from 'zod';

const any = z.unknown().optional();
const only = (...names: string[]) => z.strictObject(Object.fromEntries(names.map((name) => [name, any])));
const listOf = (item: z.ZodType) => z.array(item).nullish();
const object = { apiVersion: any, kind: any, metadata: any };

const rules = listOf(only('apiGroups', 'resources', 'verbs', 'resourceNames', 'nonResourceURLs'));
const binding = z.strictObject({
  ...object,
  subjects: listOf(only('kind', 'apiGroup', 'name', 'namespace')),
  roleRef: only('apiGroup', 'kind', 'name').nullish(),
});

const rbacRules: Record<string, z.ZodType> = {
  'v1 ServiceAccount': z.strictObject({
    ...object,
    secrets: any,
    imagePullSecrets: any,
    automountServiceAccountToken: any,
  }),
  'rbac.authorization.k8s.io/v1 Role': z.strictObject({ ...object, rules }),
  'rbac.authorization.k8s.io/v1 ClusterRole': z.strictObject({
    ...object,
    rules,
    aggregationRule: any,
  }),
  'rbac.authorization.k8s.io/v1 RoleBinding': binding,
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding': binding,
};

/** The rules for an object of one of these kinds; undefined for any other kind, left to the server. */
export function rbacFieldRules(object: { apiVersion?: string; kind?: string }): z.ZodType | undefined {
  return rbacRules[`${object.apiVersion ?? ''} ${object.kind ?? ''}`];
}
