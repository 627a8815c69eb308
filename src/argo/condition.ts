// When a submitted workflow is over, read from what the watch sees. Pure.
import type { Progress } from '../kube/until.ts';
import type { LiveWorkflow, Workflow } from './types.ts';

const completedPhases = new Set(['Succeeded', 'Failed', 'Error']);

/**
 * Phase Succeeded, Failed or Error, or the completed label the controller sets in the same update.
 * Checked or not: both are read the same way.
 */
export function isWorkflowCompleted(workflow: LiveWorkflow | Workflow): boolean {
  return (
    completedPhases.has(workflow.status?.phase ?? '') ||
    workflow.metadata.labels?.['workflows.argoproj.io/completed'] === 'true'
  );
}

/** Pending until the workflow `key` (`namespace/name`) has completed. */
export function workflowCondition(key: string, workflows: ReadonlyMap<string, LiveWorkflow>): Progress {
  const workflow = workflows.get(key);
  if (workflow && isWorkflowCompleted(workflow)) return { pending: [] };
  return { pending: [{ key, label: `workflow ${key} (${workflow?.status?.phase || 'not started'})` }] };
}
