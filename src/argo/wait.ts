// Waits, by watching, until a submitted workflow has completed; prints a line whenever the workflow or
// a step changes phase and a heartbeat while it waits.
import type { Connection } from '../kube/client.ts';
import { formatDuration } from '../config/duration.ts';
import { until, watchSource } from '../kube/until.ts';
import type { ArgoClient } from './client.ts';
import { workflowCondition } from './condition.ts';
import type { LiveWorkflow } from './types.ts';

export interface WorkflowWaitOptions {
  timeoutMs: number;
  signal: AbortSignal;
  log: (line: string) => void;
  heartbeatMs?: number;
}

export interface WorkflowState {
  workflow?: LiveWorkflow;
  timedOut: boolean;
  cancelled?: NodeJS.Signals;
}

export async function waitForWorkflow(
  connection: Connection,
  argo: ArgoClient,
  namespace: string,
  name: string,
  options: WorkflowWaitOptions,
): Promise<WorkflowState> {
  const key = `${namespace}/${name}`;
  const target = { ...argo.target(namespace), fieldSelector: `metadata.name=${name}` };
  const { view, ended, cancelled } = await until<{ workflows: LiveWorkflow }>({
    what: `workflow ${key}`,
    sources: { workflows: [watchSource(connection, argo.list, target)] },
    condition: ({ workflows }) => workflowCondition(key, workflows),
    observe: phaseLog(key, options.log),
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    heartbeatMs: options.heartbeatMs,
    onHeartbeat: (pending, leftMs) =>
      options.log(
        `[chaos-gate] waiting for ${pending.map((p) => p.label).join('; ') || `workflow ${key}`}; ${formatDuration(leftMs)} left`,
      ),
    onRetry: (reason) => options.log(`[chaos-gate] ${reason}`),
  });
  return { workflow: view.workflows.get(key), timedOut: ended === 'timeout', cancelled };
}

/** The observer of a workflow wait: a line when the workflow or one of its pod steps changes phase. */
function phaseLog(key: string, log: (line: string) => void) {
  const seen = new Map<string, string>();
  return ({ workflows }: { workflows: ReadonlyMap<string, LiveWorkflow> }) => {
    const status = workflows.get(key)?.status;
    if (status?.phase && seen.get(key) !== status.phase) {
      seen.set(key, status.phase);
      log(`[argo] ${key}: ${status.phase}${status.message ? ` (${status.message})` : ''}`);
    }
    for (const node of Object.values(status?.nodes ?? {})) {
      // Unchecked until the report: a null node would throw here, and the watch drop the update.
      if (node === null || node.type !== 'Pod' || !node.phase || seen.get(node.id ?? '') === node.phase)
        continue;
      seen.set(node.id ?? '', node.phase);
      log(
        `[argo] ${key} step ${node.displayName ?? node.name}: ${node.phase}${node.message ? ` (${node.message})` : ''}`,
      );
    }
  };
}
