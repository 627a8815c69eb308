// Waits, by watching, until a submitted workflow has completed (phase Succeeded, Failed or Error, or
// the completed label), printing a line whenever a step changes phase and a heartbeat at least every 30 s.
import type { KubeConfig } from '@kubernetes/client-node';
import { formatDuration } from '../config/duration.ts';
import { apiError } from '../kube/errors.ts';
import { watchCollection } from '../kube/watch.ts';
import type { ArgoClient } from './client.ts';
import { isWorkflowCompleted } from './convert.ts';
import type { Workflow } from './types.ts';

export interface WorkflowWaitOptions {
  timeoutMs: number;
  signal: AbortSignal;
  log: (line: string) => void;
  heartbeatMs?: number;
}

export interface WorkflowState {
  workflow?: Workflow;
  timedOut: boolean;
  cancelled?: NodeJS.Signals;
}

export async function waitForWorkflow(
  kc: KubeConfig,
  argo: ArgoClient,
  namespace: string,
  name: string,
  options: WorkflowWaitOptions,
): Promise<WorkflowState> {
  const deadline = Date.now() + options.timeoutMs;
  const seen = new Map<string, string>();
  let settle: (state: WorkflowState | Error) => void = () => {};
  const current = () => watch.items.get(name);
  const report = () => {
    const workflow = current();
    const label = `${namespace}/${name}`;
    if (workflow?.status?.phase && seen.get(label) !== workflow.status.phase) {
      seen.set(label, workflow.status.phase);
      options.log(
        `[argo] ${label}: ${workflow.status.phase}${workflow.status.message ? ` (${workflow.status.message})` : ''}`,
      );
    }
    for (const node of Object.values(workflow?.status?.nodes ?? {})) {
      if (node.type !== 'Pod' || !node.phase || seen.get(node.id ?? '') === node.phase) continue;
      seen.set(node.id ?? '', node.phase);
      options.log(
        `[argo] ${label} step ${node.displayName ?? node.name}: ${node.phase}${node.message ? ` (${node.message})` : ''}`,
      );
    }
  };
  const watch = watchCollection<Workflow>(
    kc,
    argo.list,
    { ...argo.target(namespace), fieldSelector: `metadata.name=${name}` },
    {
      onChange: () => {
        if (watch.fatalError)
          return settle(apiError(`watching workflow ${namespace}/${name}`, watch.fatalError));
        report();
        const workflow = current();
        if (workflow && isWorkflowCompleted(workflow)) settle({ workflow, timedOut: false });
      },
      onRetry: (reason) => options.log(`[chaos-gate] ${reason}`),
    },
  );
  return await new Promise<WorkflowState>((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    const onAbort = () =>
      settle({
        workflow: current(),
        timedOut: false,
        cancelled: (options.signal.reason as NodeJS.Signals) ?? 'SIGTERM',
      });
    settle = (state) => {
      settle = () => {};
      timers.forEach((t) => clearTimeout(t));
      options.signal.removeEventListener('abort', onAbort);
      watch.stop();
      if (state instanceof Error) reject(state);
      else resolve(state);
    };
    timers.push(
      setTimeout(() => settle({ workflow: current(), timedOut: true }), Math.max(0, deadline - Date.now())),
      setInterval(() => {
        const phase = current()?.status?.phase ?? 'not started';
        options.log(
          `[chaos-gate] waiting for workflow ${namespace}/${name} (${phase}); ${formatDuration(Math.max(0, deadline - Date.now()))} left`,
        );
      }, options.heartbeatMs ?? 30_000),
    );
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    watch.ready.catch((error: unknown) => settle(apiError(`watching workflow ${namespace}/${name}`, error)));
  });
}
