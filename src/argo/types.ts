// The parts of an Argo Workflow chaos-gate reads (argo-workflows pkg/apis/workflow/v1alpha1
// workflow_types.go): phase and messages, and the node tree with each step's phase and times.

import type { ObjectMeta } from '../kube/object-meta.ts';

export type WorkflowPhase = '' | 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error';
export type NodePhase = 'Pending' | 'Running' | 'Succeeded' | 'Skipped' | 'Failed' | 'Error' | 'Omitted';
export type NodeType =
  | 'Pod'
  | 'Container'
  | 'Steps'
  | 'StepGroup'
  | 'DAG'
  | 'TaskGroup'
  | 'Retry'
  | 'Skipped'
  | 'Suspend'
  | 'HTTP'
  | 'Plugin';

export interface WorkflowNode {
  id?: string;
  name?: string;
  displayName?: string;
  type?: NodeType;
  templateName?: string;
  phase?: NodePhase;
  boundaryID?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  children?: string[];
  outputs?: { exitCode?: string };
}

export interface Workflow {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: {
    shutdown?: 'Stop' | 'Terminate';
    workflowTemplateRef?: { name?: string; clusterScope?: boolean };
    arguments?: { parameters?: { name: string; value?: string }[] };
    onExit?: string;
  };
  status?: {
    phase?: WorkflowPhase;
    startedAt?: string;
    finishedAt?: string;
    message?: string;
    progress?: string;
    nodes?: Record<string, WorkflowNode>;
    compressedNodes?: string;
    offloadNodeStatusVersion?: string;
  };
}
