#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

// src/kube/kinds.ts
var clusterScopedKinds = /* @__PURE__ */ new Set([
  "Namespace",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "PersistentVolume",
  "StorageClass",
  "PriorityClass",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "APIService",
  "ClusterWorkflowTemplate"
]);
function isClusterScopedKind(kind) {
  return clusterScopedKinds.has(kind ?? "");
}

export {
  isClusterScopedKind
};
