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
