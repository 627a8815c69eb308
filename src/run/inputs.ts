// What a run applies and submits, read from the files before anything connects to a cluster, so a
// configuration problem is always reported first. `validate` stops here.
import { readWorkflow, type WorkflowObject } from '../argo/submit.ts';
import type { GateConfig } from '../config/load.ts';
import { ConfigError } from '../errors.ts';
import { readManifests, type Manifest } from '../kube/manifests.ts';

export interface RunInputs {
  manifests: Manifest[];
  workflow?: WorkflowObject;
}

export function readRunInputs(config: GateConfig): RunInputs {
  const manifests = [
    ...readManifests(config.rbac, 'rbac'),
    ...readManifests(config.experiments, 'experiment'),
    ...readManifests(config.engines, 'engine'),
  ];
  const workflow = config.workflow && readWorkflow(config.workflow);
  if (!manifests.some((m) => m.role === 'engine') && !workflow) {
    throw new ConfigError(
      'nothing to run: give ChaosEngines (engines, --engine) or an Argo Workflow (workflow, --workflow, --workflow-template)',
    );
  }
  return { manifests, workflow };
}

/** `chaos-gate validate`: the objects a run would apply or submit, each named as in error messages. */
export function describeRunInputs(config: GateConfig): string[] {
  const { manifests, workflow } = readRunInputs(config);
  return [
    ...manifests.map((m) => m.source),
    ...(workflow ? [`Workflow ${workflow.metadata.name ?? workflow.metadata.generateName}`] : []),
  ];
}
