#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

// src/run/warnings.ts
var RunWarnings = class {
  #log;
  #kept = [];
  constructor(log) {
    this.#log = log;
  }
  /** Logs `[chaos-gate] WARNING: …` and keeps the warning. */
  warn = (warning) => {
    this.#log(`[chaos-gate] WARNING: ${warning}`);
    this.#kept.push(warning);
  };
  /** The warnings raised since the last take, each once, in order. */
  take() {
    const taken = [...new Set(this.#kept)];
    this.#kept = [];
    return taken;
  }
};
function withRunWarnings(report, warnings) {
  if (warnings.length === 0) return report;
  return {
    suites: report.suites.map((suite) => ({
      ...suite,
      warnings: [.../* @__PURE__ */ new Set([...suite.warnings ?? [], ...warnings])]
    }))
  };
}

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
  isCustomResource,
  RunWarnings,
  withRunWarnings
};
