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
function isCustomResource(apiVersion) {
  const [group = "", version] = (apiVersion ?? "").split("/");
  return version !== void 0 && group.includes(".") && !group.endsWith(".k8s.io");
}

export {
  isClusterScopedKind,
  isCustomResource
};
