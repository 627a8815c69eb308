// A Workflow with its status in, a report suite out: a case per step that ran a pod. The workflow's
// phase is not the chaos verdict (Litmus chaos steps exit 0 whatever the verdict); the ChaosResults of
// the run are reported beside it by the Litmus converter.
import { gunzipSync } from 'node:zlib';
import { secondsBetween, type Outcome, type ReportCase, type ReportSuite } from '../report/model.ts';
import { isWorkflowCompleted } from './condition.ts';
import type { NodePhase, Workflow, WorkflowNode } from './types.ts';

const nodeOutcomes: Record<NodePhase, Outcome | undefined> = {
  Succeeded: 'pass',
  Failed: 'fail',
  Error: 'error',
  Skipped: 'skipped',
  Omitted: 'skipped',
  Pending: undefined,
  Running: undefined,
};

export function workflowToSuite(workflow: Workflow, options: { timedOut?: boolean } = {}): ReportSuite {
  const name = `${workflow.metadata.namespace ?? ''}/${workflow.metadata.name ?? ''}`;
  const status = workflow.status;
  const nodes = Object.values(nodesOf(workflow));
  const steps = nodes.filter(
    (node) => node.type === 'Pod' || node.type === 'Container' || node.type === 'Suspend',
  );
  const displayNames = steps.map((n) => n.displayName ?? n.name ?? '');
  const cases = steps
    .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''))
    .map((node) => stepCase(name, node, displayNames, options.timedOut ?? false));
  if (status?.offloadNodeStatusVersion && nodes.length === 0) {
    cases.push({
      kind: 'workflow',
      className: name,
      name: 'steps',
      outcome: 'error',
      message:
        'the step statuses are offloaded to the Argo database and not readable through the Kubernetes API',
      properties: {},
    });
  }
  if (!isWorkflowCompleted(workflow)) {
    cases.push({
      kind: 'workflow',
      className: name,
      name: 'workflow',
      outcome: 'timeout',
      message: status?.phase
        ? `still ${status.phase}`
        : 'no status: is the workflow controller running (and its instance ID matching)?',
      properties: {},
    });
  }
  return {
    kind: 'workflow',
    name,
    timestamp: status?.startedAt,
    durationSeconds: secondsBetween(status?.startedAt, status?.finishedAt),
    properties: Object.fromEntries(
      Object.entries({
        phase: status?.phase,
        message: status?.message,
        template: workflow.spec?.workflowTemplateRef?.name,
        progress: status?.progress,
      }).filter((e): e is [string, string] => !!e[1]),
    ),
    cases,
  };
}

/** Large workflows keep their nodes gzipped and base64-encoded in compressedNodes. */
function nodesOf(workflow: Workflow): Record<string, WorkflowNode> {
  const status = workflow.status;
  if (status?.nodes && Object.keys(status.nodes).length > 0) return status.nodes;
  if (!status?.compressedNodes) return {};
  try {
    return JSON.parse(gunzipSync(Buffer.from(status.compressedNodes, 'base64')).toString('utf8')) as Record<
      string,
      WorkflowNode
    >;
  } catch {
    // zstd or brotli (Argo 4.1 options) are not read; the steps then show as missing.
    return {};
  }
}

function stepCase(suite: string, node: WorkflowNode, displayNames: string[], timedOut: boolean): ReportCase {
  const display = node.displayName ?? node.name ?? node.id ?? '';
  // Retries and loops repeat display names; the node name (path) keeps cases apart.
  const unique = displayNames.filter((n) => n === display).length === 1;
  const outcome = nodeOutcomes[node.phase ?? 'Pending'] ?? 'timeout';
  const exitCode = node.outputs?.exitCode;
  return {
    kind: 'workflow-step',
    className: suite,
    name: unique ? display : (node.name ?? display),
    outcome,
    message:
      outcome === 'pass'
        ? undefined
        : outcome === 'timeout'
          ? `still ${node.phase ?? 'Pending'} when ${timedOut ? 'the wait timed out' : 'the workflow ended'}`
          : (node.message ?? `step ${node.phase}`),
    details:
      exitCode && outcome !== 'pass' ? `${node.message ?? ''} (exit code ${exitCode})`.trim() : undefined,
    startedAt: node.startedAt,
    durationSeconds: secondsBetween(node.startedAt, node.finishedAt),
    properties: Object.fromEntries(
      Object.entries({ template: node.templateName, phase: node.phase, node: node.name }).filter(
        (e): e is [string, string] => !!e[1],
      ),
    ),
  };
}
