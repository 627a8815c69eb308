// The parts of an Argo Workflow chaos-gate reads (argo-workflows pkg/apis/workflow/v1alpha1
// workflow_types.go): phase and messages, and the node tree with each step's phase and times. As a
// schema: a recorded workflow read from a file is checked against it, so a wrong shape names the field.
import * as z from 'zod';
import { objectMetaSchema } from '../kube/object-meta.ts';

const workflowPhase = z.enum(['', 'Pending', 'Running', 'Succeeded', 'Failed', 'Error']);
export type WorkflowPhase = z.output<typeof workflowPhase>;
const nodePhase = z.enum(['Pending', 'Running', 'Succeeded', 'Skipped', 'Failed', 'Error', 'Omitted']);
export type NodePhase = z.output<typeof nodePhase>;
const nodeType = z.enum([
  'Pod',
  'Container',
  'Steps',
  'StepGroup',
  'DAG',
  'TaskGroup',
  'Retry',
  'Skipped',
  'Suspend',
  'HTTP',
  'Plugin',
]);
export type NodeType = z.output<typeof nodeType>;

const text = z.string();

const workflowNodeSchema = z.looseObject({
  id: text.optional(),
  name: text.optional(),
  displayName: text.optional(),
  type: nodeType.optional(),
  templateName: text.optional(),
  phase: nodePhase.optional(),
  boundaryID: text.optional(),
  message: text.optional(),
  startedAt: text.optional(),
  finishedAt: text.optional(),
  children: z.array(text).optional(),
  outputs: z.looseObject({ exitCode: text.optional() }).optional(),
});
export type WorkflowNode = z.output<typeof workflowNodeSchema>;

export const workflowSchema = z.looseObject({
  apiVersion: text.optional(),
  kind: text.optional(),
  metadata: objectMetaSchema,
  spec: z
    .looseObject({
      shutdown: z.enum(['Stop', 'Terminate']).optional(),
      workflowTemplateRef: z
        .looseObject({ name: text.optional(), clusterScope: z.boolean().optional() })
        .optional(),
      arguments: z
        .looseObject({
          parameters: z.array(z.looseObject({ name: text, value: text.optional() })).optional(),
        })
        .optional(),
      onExit: text.optional(),
    })
    .optional(),
  status: z
    .looseObject({
      phase: workflowPhase.optional(),
      startedAt: text.optional(),
      finishedAt: text.optional(),
      message: text.optional(),
      progress: text.optional(),
      nodes: z.record(z.string(), workflowNodeSchema).optional(),
      compressedNodes: text.optional(),
      offloadNodeStatusVersion: text.optional(),
    })
    .optional(),
});
export type Workflow = z.output<typeof workflowSchema>;
