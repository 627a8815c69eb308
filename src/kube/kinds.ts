// What a manifest's kind says without asking a server. Kept apart from the client so that `validate`
// and `report`, which check manifests offline, do not load it.

/** Kinds served cluster-wide, known without asking a server (for `validate` and for defaulting namespaces). */
const clusterScopedKinds = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'ClusterWorkflowTemplate',
]);

export function isClusterScopedKind(kind: string | undefined): boolean {
  return clusterScopedKinds.has(kind ?? '');
}

/**
 * Whether an apiVersion is a custom resource's: a CRD's group has a dot, and built-in groups are either
 * without one (`apps`, `batch`) or under `k8s.io`. A CRD approved into `k8s.io` counts as built in.
 */
export function isCustomResource(apiVersion: string | undefined): boolean {
  const [group = '', version] = (apiVersion ?? '').split('/');
  return version !== undefined && group.includes('.') && !group.endsWith('.k8s.io');
}
