#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  readManifests
} from "./chunk-6S4KZUTS.js";
import {
  ConfigError
} from "./chunk-A2VFD3MS.js";

// src/argo/submit.ts
import path from "node:path";
var argoApiVersion = "argoproj.io/v1alpha1";
function workflowName(workflow) {
  return workflow.metadata.name ?? workflow.metadata.generateName ?? "";
}
function workflowSource(file, workflow) {
  return file ? `${file} (Workflow ${workflowName(workflow)})` : "";
}
function readWorkflow(source) {
  return source.file ? fromFile(source.file) : fromTemplate(source);
}
function prepareWorkflow(base, source, defaultNamespace, labels) {
  const namespace = source.namespace ?? base.metadata.namespace ?? defaultNamespace;
  return {
    ...base,
    metadata: { ...base.metadata, namespace, labels: { ...base.metadata.labels, ...labels } },
    spec: {
      ...base.spec,
      arguments: { ...base.spec.arguments, parameters: withParameters(base, source.parameters) }
    }
  };
}
function fromFile(file) {
  const workflows = readManifests([file], "input", { what: "Workflow file" });
  const [first, ...rest] = workflows;
  if (!first || rest.length > 0)
    throw new ConfigError(`${file}: expected exactly one Workflow, found ${workflows.length} objects`);
  if (first.object.kind !== "Workflow")
    throw new ConfigError(`${first.source}: field kind: expected Workflow`);
  const workflow = first.object;
  if (typeof workflow.spec !== "object" || workflow.spec === null)
    throw new ConfigError(`${first.source}: field spec: required`);
  return workflow;
}
function fromTemplate(source) {
  const template = source.template;
  if (!template) throw new ConfigError("workflow: set file or template");
  const label = template.clusterScope ? "workflows.argoproj.io/cluster-workflow-template" : "workflows.argoproj.io/workflow-template";
  return {
    apiVersion: argoApiVersion,
    kind: "Workflow",
    metadata: { generateName: `${path.basename(template.name)}-`, labels: { [label]: template.name } },
    spec: {
      workflowTemplateRef: { name: template.name, ...template.clusterScope ? { clusterScope: true } : {} }
    }
  };
}
function withParameters(workflow, overrides) {
  const parameters = [...workflow.spec.arguments?.parameters ?? []];
  for (const [name, value] of Object.entries(overrides)) {
    const index = parameters.findIndex((p) => p.name === name);
    if (index >= 0) parameters[index] = { ...parameters[index], name, value };
    else parameters.push({ name, value });
  }
  return parameters;
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
  argoApiVersion,
  workflowName,
  workflowSource,
  readWorkflow,
  prepareWorkflow,
  isClusterScopedKind,
  isCustomResource
};
