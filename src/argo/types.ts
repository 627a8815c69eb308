// The parts of an Argo Workflow chaos-gate reads (argo-workflows pkg/apis/workflow/v1alpha1
// workflow_types.go): phase and messages, and the node tree with each step's phase and times. As a
// schema: a recorded workflow read from a file, or one read from the cluster for the report, is checked
// against it, so a wrong shape names the field; nodes kept compressed are decoded and checked like the
// others, and handed on decoded.
import { gunzipSync } from 'node:zlib';
import * as z from 'zod';
import { errorMessage } from '../errors.ts';
import { MiB } from '../files.ts';
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
/** A time not reached yet (a running node's finishedAt) is written by Argo as a zero metav1.Time: null. */
const time = text
  .nullish()
  .transform((at) => at ?? undefined)
  .optional();

const workflowNodeSchema = z.looseObject({
  id: text.optional(),
  name: text.optional(),
  displayName: text.optional(),
  type: nodeType.optional(),
  templateName: text.optional(),
  phase: nodePhase.optional(),
  boundaryID: text.optional(),
  message: text.optional(),
  startedAt: time,
  finishedAt: time,
  children: z.array(text).optional(),
  outputs: z.looseObject({ exitCode: text.optional() }).optional(),
});
export type WorkflowNode = z.output<typeof workflowNodeSchema>;

const workflowNodesSchema = z.record(z.string(), workflowNodeSchema);

/**
 * The most a compressed node map may decompress to. Argo keeps a workflow, its compressed nodes
 * included, within MAX_WORKFLOW_SIZE (1 MiB unless raised), and node maps gzip about 15 to 1, so a real
 * map decompresses to some 15 MiB. This leaves room for a raised limit and refuses a gzip bomb before it
 * fills memory.
 */
export const maxDecompressedNodesBytes = 128 * MiB;

/** status.compressedNodes as Argo writes it: base64 of the gzipped JSON node map. */
const compressedNodesSchema = text.transform(decompressed).pipe(workflowNodesSchema);

function decompressed(encoded: string, ctx: z.core.$RefinementCtx<string>): unknown {
  const refuse = (message: string) => {
    ctx.addIssue({ code: 'custom', input: encoded, message });
    return z.NEVER;
  };
  let json: string;
  try {
    json = gunzipSync(Buffer.from(encoded, 'base64'), {
      maxOutputLength: maxDecompressedNodesBytes,
    }).toString('utf8');
  } catch (error) {
    return refuse(
      (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
        ? `decompresses to more than ${maxDecompressedNodesBytes / MiB} MiB, far more than a workflow's nodes take`
        : 'not base64 of gzip data, which is how Argo compresses nodes',
    );
  }
  try {
    return JSON.parse(json);
  } catch (error) {
    return refuse(`the decompressed nodes are not JSON: ${errorMessage(error)}`);
  }
}

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
      startedAt: time,
      finishedAt: time,
      message: text.optional(),
      progress: text.optional(),
      nodes: workflowNodesSchema.optional(),
      // Decoded here, once: a wrong node map is refused naming the field, and a checked workflow
      // holds the decoded nodes for the converter.
      compressedNodes: compressedNodesSchema.optional(),
      offloadNodeStatusVersion: text.optional(),
    })
    .optional(),
});
/** A workflow checked against workflowSchema: what the converter reads. */
export type Workflow = z.output<typeof workflowSchema>;
/**
 * A workflow as the cluster sends it, not yet checked: Argo's CRDs leave its status to the controller
 * (x-kubernetes-preserve-unknown-fields), so only its metadata, which the API server checks, is sure.
 */
export type LiveWorkflow = z.input<typeof workflowSchema>;
