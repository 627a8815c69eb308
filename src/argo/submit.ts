// What to submit: a Workflow from a file, or one that references a (Cluster)WorkflowTemplate, with
// parameters and a run label. Pure: the cluster sees the result in argo/client.ts.
import path from 'node:path';
import { ConfigError } from '../errors.ts';
import { readManifests } from '../kube/manifests.ts';

export const argoApiVersion = 'argoproj.io/v1alpha1';

/** A (Cluster)WorkflowTemplate, as spec.workflowTemplateRef names it (a step's templateRef adds which template). */
export interface TemplateRef {
  name: string;
  clusterScope?: boolean;
}

export interface WorkflowSource {
  /** A file holding one Workflow. */
  file?: string;
  /** Or a template to run. */
  template?: Required<TemplateRef>;
  parameters: Record<string, string>;
  namespace?: string;
  /** How to end it on cancel or timeout: Stop runs exit handlers, Terminate does not. */
  shutdown: 'Stop' | 'Terminate';
}

export interface WorkflowObject {
  apiVersion: string;
  kind: 'Workflow';
  metadata: { name?: string; generateName?: string; namespace?: string; labels?: Record<string, string> };
  spec: {
    arguments?: { parameters?: { name: string; value?: string }[] };
    workflowTemplateRef?: TemplateRef;
    [field: string]: unknown;
  };
}

/** Its name, or the prefix of the one the server will give it. */
export function workflowName(workflow: WorkflowObject): string {
  return workflow.metadata.name ?? workflow.metadata.generateName ?? '';
}

/** How messages name a workflow: its file and name; empty for one that only runs a template (--workflow-template). */
export function workflowSource(file: string | undefined, workflow: WorkflowObject): string {
  return file ? `${file} (Workflow ${workflowName(workflow)})` : '';
}

/** The workflow as given: read from its file, or the object that runs the template. */
export function readWorkflow(source: WorkflowSource): WorkflowObject {
  return source.file ? fromFile(source.file) : fromTemplate(source);
}

/** With namespace, parameters and run labels, as it is submitted. Pure. */
export function prepareWorkflow(
  base: WorkflowObject,
  source: WorkflowSource,
  defaultNamespace: string,
  labels: Record<string, string>,
): WorkflowObject {
  const namespace = source.namespace ?? base.metadata.namespace ?? defaultNamespace;
  return {
    ...base,
    metadata: { ...base.metadata, namespace, labels: { ...base.metadata.labels, ...labels } },
    spec: {
      ...base.spec,
      arguments: { ...base.spec.arguments, parameters: withParameters(base, source.parameters) },
    },
  };
}

function fromFile(file: string): WorkflowObject {
  const workflows = readManifests([file], 'input', { what: 'Workflow file' });
  const [first, ...rest] = workflows;
  if (!first || rest.length > 0)
    throw new ConfigError(`${file}: expected exactly one Workflow, found ${workflows.length} objects`);
  if (first.object.kind !== 'Workflow')
    throw new ConfigError(`${first.source}: field kind: expected Workflow`);
  const workflow = first.object as unknown as WorkflowObject;
  if (typeof workflow.spec !== 'object' || workflow.spec === null)
    throw new ConfigError(`${first.source}: field spec: required`);
  return workflow;
}

/** The object `argo submit --from workflowtemplate/NAME` asks the server to create. */
function fromTemplate(source: WorkflowSource): WorkflowObject {
  const template = source.template;
  if (!template) throw new ConfigError('workflow: set file or template');
  const label = template.clusterScope
    ? 'workflows.argoproj.io/cluster-workflow-template'
    : 'workflows.argoproj.io/workflow-template';
  return {
    apiVersion: argoApiVersion,
    kind: 'Workflow',
    metadata: { generateName: `${path.basename(template.name)}-`, labels: { [label]: template.name } },
    spec: {
      workflowTemplateRef: { name: template.name, ...(template.clusterScope ? { clusterScope: true } : {}) },
    },
  };
}

/** `-p name=value`: replaces a parameter of that name or adds it. */
function withParameters(
  workflow: WorkflowObject,
  overrides: Record<string, string>,
): { name: string; value?: string }[] {
  const parameters = [...(workflow.spec.arguments?.parameters ?? [])];
  for (const [name, value] of Object.entries(overrides)) {
    const index = parameters.findIndex((p) => p.name === name);
    if (index >= 0) parameters[index] = { ...parameters[index], name, value };
    else parameters.push({ name, value });
  }
  return parameters;
}
