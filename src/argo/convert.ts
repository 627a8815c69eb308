// A Workflow with its status in, a report suite out: a case per step that ran a pod. The workflow's
// phase is not the chaos verdict (Litmus chaos steps exit 0 whatever the verdict); the ChaosResults of
// the run are reported beside it by the Litmus converter.
// A step with a retryStrategy is one case, judged by its Retry node (the final outcome); its attempts
// are listed in the case's properties, and one that passed after failed attempts is marked flaky. A
// step that failed while the template around it succeeded (continueOn, a DAG `depends` on its failure)
// was tolerated by the workflow: it is reported as skipped, saying so, not as a failure. A workflow that
// ended Failed or Error with no failed step to show for it is a case of its own, with Argo's message.
import type { z } from 'zod';
import { parseShape } from '../kube/shape.ts';
import { secondsBetween, type Outcome, type ReportCase, type ReportSuite } from '../report/model.ts';
import { interruptionOf, type Interruption, type RunEnd } from '../report/interruption.ts';
import { describeIssues } from '../schema-issues.ts';
import { isWorkflowCompleted } from './condition.ts';
import { restrictionAdvice } from './restrictions.ts';
import {
  workflowSchema,
  type LiveWorkflow,
  type NodePhase,
  type Workflow,
  type WorkflowNode,
} from './types.ts';

/** Every phase a checked node can have (workflowSchema refuses any other, `constructor` included). */
const nodeOutcomes: Record<NodePhase, Outcome> = {
  Succeeded: 'pass',
  Failed: 'fail',
  Error: 'error',
  Skipped: 'skipped',
  Omitted: 'skipped',
  Pending: 'timeout',
  Running: 'timeout',
};

/** Nodes that stand for a step a user wrote: what ran a pod, a suspend, and what was skipped or omitted. */
const isStep = (node: WorkflowNode | undefined) =>
  node?.type === 'Pod' || node?.type === 'Container' || node?.type === 'Suspend' || node?.type === 'Skipped';

/**
 * Why the wait ended before the workflow did: what it leaves unfinished is judged by it. Cancelled,
 * what was still running was stopped by us, as an engine's experiments are (litmus/convert.ts), and a
 * workflow it submitted may not have started yet. `source`: how messages name the workflow the user
 * gave (submit.ts workflowSource), for a refusal only the user's file can fix; `templateSetting`: how
 * the running front takes workflow.template, which the advice on such a refusal names.
 */
type SuiteOptions = RunEnd & { source?: string; templateSetting?: string };

/** A workflow checked against workflowSchema (a file is when it is read). */
export function workflowToSuite(workflow: Workflow, options: SuiteOptions = {}): ReportSuite {
  return suiteOf(workflow, options);
}

/**
 * A workflow read from the cluster, checked here as a file is when it is read. Its chaos has run by
 * now: what does not fit the schema is an error case naming the field, so the gate cannot pass it,
 * and the rest of the report stands. When only its steps are unreadable, its phase and times are
 * still reported beside that case.
 */
export function liveWorkflowToSuite(live: LiveWorkflow, options: SuiteOptions = {}): ReportSuite {
  const checked = parseShape(workflowSchema, live);
  if (checked.success) return suiteOf(checked.data, options);
  // The API server checks metadata itself: the name can be trusted when nothing else can.
  const name = suiteName(live);
  const problem = describeIssues(`workflow ${name}`, checked.error).join('\n');
  const rest = checked.error.issues.every(inNodeMap)
    ? parseShape(workflowSchema, withoutNodeMaps(live))
    : undefined;
  return rest?.success ? suiteOf(rest.data, options, problem) : unreadableSuite(name, problem);
}

/** An issue in status.nodes or status.compressedNodes: the steps are unreadable, not the workflow. */
const inNodeMap = ({ path: [field, map] }: z.core.$ZodIssue) =>
  field === 'status' && (map === 'nodes' || map === 'compressedNodes');

const withoutNodeMaps = (live: LiveWorkflow): LiveWorkflow => ({
  ...live,
  status: { ...live.status, nodes: undefined, compressedNodes: undefined },
});

/** A workflow whose shape is wrong beyond its steps: its name and one error case. */
function unreadableSuite(name: string, problem: string): ReportSuite {
  return {
    kind: 'workflow',
    name,
    properties: {},
    cases: [
      {
        kind: 'workflow',
        className: name,
        name: 'workflow',
        outcome: 'error',
        message: problem,
        properties: {},
      },
    ],
  };
}

const suiteName = (workflow: Pick<LiveWorkflow, 'metadata'>) =>
  `${workflow.metadata.namespace ?? ''}/${workflow.metadata.name ?? ''}`;

/** `unreadableSteps`: why the steps are not in the workflow as given; they are an error case instead. */
function suiteOf(workflow: Workflow, options: SuiteOptions, unreadableSteps?: string): ReportSuite {
  const name = suiteName(workflow);
  const status = workflow.status;
  const byId = nodesOf(workflow);
  const nodes = [...byId.values()];
  // A Retry node over pod attempts stands for the step; the attempts are not steps of their own.
  const retries = nodes.filter(
    (node) =>
      node.type === 'Retry' &&
      (node.children ?? []).length > 0 &&
      (node.children ?? []).every((id) => isStep(byId.get(id))),
  );
  const attempts = new Set(retries.flatMap((node) => node.children ?? []));
  const steps = [...retries, ...nodes.filter((node) => isStep(node) && !attempts.has(node.id ?? ''))];
  const displayNames = steps.map((n) => n.displayName ?? n.name ?? '');
  const interruption = interruptionOf(options);
  const cases = steps
    .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''))
    .map((node) => stepCase(name, node, byId, displayNames, interruption));
  const stepsProblem =
    unreadableSteps ??
    (status?.offloadNodeStatusVersion && nodes.length === 0
      ? 'the step statuses are offloaded to the Argo database and not readable through the Kubernetes API'
      : undefined);
  if (stepsProblem) {
    cases.push({
      kind: 'workflow',
      className: name,
      name: 'steps',
      outcome: 'error',
      message: stepsProblem,
      properties: {},
    });
  }
  // A workflow the timeout found without a status was not started by then, whatever came after.
  if (!isWorkflowCompleted(workflow) && !status?.phase && options.cancelled && !options.timedOut) {
    cases.push({
      kind: 'workflow',
      className: name,
      name: 'workflow',
      outcome: 'stopped',
      message: `no status: the run was cancelled (${options.cancelled}) before the workflow started`,
      properties: {},
    });
  } else if (!isWorkflowCompleted(workflow)) {
    // Cancelled mid-wait, it was stopped by the run, not a workflow that outlasted it.
    const cutShort = status?.phase ? interruption : undefined;
    cases.push({
      kind: 'workflow',
      className: name,
      name: 'workflow',
      outcome: cutShort?.outcome ?? 'timeout',
      message: status?.phase
        ? `still ${status.phase}${cutShort ? ` when ${cutShort.why}` : ''}`
        : 'no status: is the workflow controller running (and its instance ID matching)?',
      properties: {},
    });
  } else if (
    (status?.phase === 'Failed' || status?.phase === 'Error') &&
    !cases.some((c) => c.outcome === 'fail' || c.outcome === 'error')
  ) {
    // No step says why: the controller refused the spec before any step ran (a DAG task depending on a
    // task the DAG lacks, a workflow its restrictions do not let run), or failed it between steps (a
    // withParam that does not parse). Its message is the reason.
    cases.push({
      kind: 'workflow',
      className: name,
      name: 'workflow',
      outcome: nodeOutcomes[status.phase],
      message: controllerMessage(status.phase, status.message, options),
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

/** The controller's reason for ending a workflow no step failed, and what to do when it is a restriction's. */
function controllerMessage(
  phase: string,
  message: string | undefined,
  { source, templateSetting }: SuiteOptions,
): string {
  if (!message) return `${phase}, with no message from the controller`;
  const advice = restrictionAdvice(message, templateSetting);
  if (!advice) return message;
  return source ? `${source}: ${advice}` : advice;
}

/**
 * The nodes by id, in a Map since ids (children, boundaryID) are the workflow's text. Large workflows
 * keep them gzipped and base64-encoded in compressedNodes, which workflowSchema has decoded.
 */
function nodesOf(workflow: Workflow): ReadonlyMap<string, WorkflowNode> {
  const status = workflow.status;
  if (status?.nodes && Object.keys(status.nodes).length > 0) return new Map(Object.entries(status.nodes));
  return new Map(Object.entries(status?.compressedNodes ?? {}));
}

function stepCase(
  suite: string,
  node: WorkflowNode,
  byId: ReadonlyMap<string, WorkflowNode>,
  displayNames: string[],
  interruption: Interruption | undefined,
): ReportCase {
  const display = node.displayName ?? node.name ?? node.id ?? '';
  // Loops repeat display names; the node name (path) keeps cases apart.
  const unique = displayNames.filter((n) => n === display).length === 1;
  const phaseOutcome = nodeOutcomes[node.phase ?? 'Pending'];
  const tries = (node.type === 'Retry' ? (node.children ?? []) : [])
    .map((id) => byId.get(id))
    .filter((attempt): attempt is WorkflowNode => !!attempt)
    .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''));
  const last = tries.at(-1);
  const failedTries = tries.filter((t) => t.phase === 'Failed' || t.phase === 'Error');
  const why = (last?.phase === 'Failed' || last?.phase === 'Error' ? last : node).message;
  // The template around it succeeded although it failed: continueOn (or a DAG depending on the failure).
  const boundary = node.boundaryID ? byId.get(node.boundaryID) : undefined;
  const tolerated = (phaseOutcome === 'fail' || phaseOutcome === 'error') && boundary?.phase === 'Succeeded';
  // Still running when the wait ended: judged by why it ended (a cancel stopped it).
  const unfinished = phaseOutcome === 'timeout' ? interruption : undefined;
  const outcome = tolerated ? 'skipped' : (unfinished?.outcome ?? phaseOutcome);
  const failure = why ?? `step ${node.phase ?? 'Pending'}`;
  const exitCode = (last ?? node).outputs?.exitCode;
  const triesText = tries.map(
    (t, i) =>
      `attempt ${i + 1} (${t.displayName ?? t.name}): ${t.phase ?? 'Pending'}${t.message ? ` — ${t.message}` : ''}`,
  );
  const flaky = phaseOutcome === 'pass' && failedTries.length > 0;
  return {
    kind: 'workflow-step',
    className: suite,
    name: unique ? display : (node.name ?? display),
    outcome,
    message: stepMessage({ node, outcome, tolerated, failure, attempts: tries.length, unfinished }),
    details:
      [
        // Argo's messages name the exit code since v3.7 ("main: Error (exit code 1)"); older ones do not.
        exitCode && phaseOutcome !== 'pass' && !failure.includes('exit code')
          ? `${failure} (exit code ${exitCode})`
          : undefined,
        flaky ? `passed on attempt ${tries.length} after ${failedTries.length} failed` : undefined,
        ...triesText,
      ]
        .filter((line) => !!line)
        .join('\n') || undefined,
    startedAt: node.startedAt,
    durationSeconds: secondsBetween(node.startedAt, node.finishedAt),
    properties: Object.fromEntries(
      Object.entries({
        template: node.templateName,
        phase: node.phase,
        node: node.name,
        ...(tries.length > 0 && {
          attempts: String(tries.length),
          failedAttempts: String(failedTries.length),
          ...Object.fromEntries(
            triesText.map((text, i) => [`attempt.${i + 1}`, text.replace(/^attempt \d+ /, '')]),
          ),
        }),
        ...(flaky && { flaky: 'true' }),
        ...(tolerated && { tolerated: 'true' }),
      }).filter((e): e is [string, string] => !!e[1]),
    ),
  };
}

function stepMessage(step: {
  node: WorkflowNode;
  outcome: Outcome;
  tolerated: boolean;
  failure: string;
  attempts: number;
  unfinished: Interruption | undefined;
}): string | undefined {
  const { node, outcome, failure } = step;
  if (outcome === 'pass') return undefined;
  if (step.tolerated) return `${node.phase}, tolerated by the workflow (it continued): ${failure}`;
  if (step.unfinished || outcome === 'timeout')
    return `still ${node.phase ?? 'Pending'} when ${step.unfinished?.why ?? 'the workflow ended'}`;
  return step.attempts > 1 ? `${failure} (after ${step.attempts} attempts)` : failure;
}
