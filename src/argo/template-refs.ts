// The (Cluster)WorkflowTemplates a workflow runs, checked in preflight: the API server takes a workflow
// whose workflowTemplateRef, or a step's, DAG task's or hook's templateRef, names a template that is not
// there, and only the controller fails it, after the run has applied its ChaosEngines. Followed as
// Argo's validation follows them (workflow/validate): every template of the workflow, or of the
// template it runs, and from a templateRef the one template named and whatever that one calls, through
// further templateRefs too; and the hooks of each, which the controller runs though Argo does not check them. Each (Cluster)WorkflowTemplate is read once and each of its templates walked once,
// so the walk is bounded by the templates there are.
import { describeApiError, statusCode } from '../kube/errors.ts';
import type { TemplateRef, WorkflowObject } from './submit.ts';
import { callsOf, noTemplate, specOf, type Call, type Template } from './template-calls.ts';

/** A (Cluster)WorkflowTemplate as the server sends it; Argo's CRDs leave its spec unchecked. */
export interface WorkflowTemplateObject {
  spec?: unknown;
}

export interface TemplateReading {
  /** Where the workflow is submitted: where a WorkflowTemplate (not a cluster one) must be. */
  namespace: string;
  /** Undefined on a 404; throws otherwise. */
  read(ref: TemplateRef): Promise<WorkflowTemplateObject | undefined>;
  /** Says that a template could not be read, and so was not checked. */
  warn(line: string): void;
}

/** A (Cluster)WorkflowTemplate read: it, or that it is not there, or that it could not be checked. */
type Read = WorkflowTemplateObject | 'missing' | 'unchecked';

/** The scope of the workflow's own templates; the others are keyed by the (Cluster)WorkflowTemplate's kind and name. */
const workflowScope = 'Workflow';

/** Where the walk is: the templates in reach by name, and how a message leads there. */
interface Scope {
  key: string;
  /** How a message starts: "wf.yaml (Workflow chaos-): templates.main.steps[0].a → WorkflowTemplate lib: ". */
  trail: string;
  templates: Map<string, Template>;
}

/**
 * Every reference of the workflow to a missing (Cluster)WorkflowTemplate or to a template one does not
 * define. `source` names the workflow in messages; empty for one that only runs a template
 * (--workflow-template), whose messages start with that template.
 */
export async function templateRefProblems(
  workflow: WorkflowObject,
  source: string,
  reading: TemplateReading,
): Promise<string[]> {
  const problems: string[] = [];
  const reads = new Map<string, Promise<Read>>();
  const walked = new Set<string>();
  const trail = source && `${source}: `;
  const named = (ref: TemplateRef) =>
    `${ref.clusterScope ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate'} ${ref.name}`;

  /** Each (Cluster)WorkflowTemplate read once; an error is told once, here, and never thrown. */
  const read = (ref: TemplateRef): Promise<Read> => {
    const what = named(ref);
    const known = reads.get(what);
    if (known) return known;
    const found = reading.read(ref).then(
      (template): Read => template ?? 'missing',
      (error: unknown): Read => {
        // Permission to create workflows does not always include reading templates (a
        // ClusterWorkflowTemplate needs a ClusterRole): not refused, the controller may read it.
        if (statusCode(error) === 403)
          reading.warn(describeApiError(`cannot check that ${what} exists`, error));
        else problems.push(describeApiError(`reading ${what}`, error));
        return 'unchecked';
      },
    );
    reads.set(what, found);
    return found;
  };

  const walk = async (scope: Scope, name: string, template: Template): Promise<void> => {
    const key = `${scope.key}\0${name}`;
    if (walked.has(key)) return;
    walked.add(key);
    await followAll(scope, callsOf(name, template));
  };

  const followAll = async (scope: Scope, calls: Call[]): Promise<void> => {
    // All of one template's references asked for at once: one round trip, not one per step.
    for (const call of calls) if (call.ref) void read(call.ref);
    for (const call of calls) {
      if (call.ref) await follow(`${scope.trail}${call.path}`, call.ref, call.template);
      else {
        const local = scope.templates.get(call.template);
        if (local) await walk(scope, call.template, local);
        // A name the workflow does not define was refused offline. One a (Cluster)WorkflowTemplate lacks
        // fails the workflow at the controller just the same.
        else if (scope.key !== workflowScope)
          problems.push(
            `${scope.trail}${call.path}: ${scope.key} ${noTemplate(call.template, [...scope.templates.keys()])}`,
          );
      }
    }
  };

  /** The (Cluster)WorkflowTemplate a reference names; undefined, said when it is missing, if there is none to walk. */
  const found = async (at: string, ref: TemplateRef): Promise<WorkflowTemplateObject | undefined> => {
    const got = await read(ref);
    if (got === 'unchecked') return undefined;
    if (got !== 'missing') return got;
    const [where, list] = ref.clusterScope
      ? ['in the cluster', 'kubectl get clusterworkflowtemplates']
      : [
          `in namespace ${reading.namespace}, where the workflow is submitted`,
          `kubectl get workflowtemplates -n ${reading.namespace}`,
        ];
    problems.push(`${at}${named(ref)}: not found ${where} (\`${list}\` lists those there)`);
    return undefined;
  };

  /** A step's, task's or hook's templateRef: the one template it runs, and what that one calls. */
  const follow = async (via: string, ref: TemplateRef, template: string): Promise<void> => {
    const object = await found(`${via}: `, ref);
    if (!object) return;
    const what = named(ref);
    const { templates } = specOf(object.spec);
    const target = templates.get(template);
    if (target) return walk({ key: what, trail: `${via} → ${what}: `, templates }, template, target);
    problems.push(`${via}: ${what} ${noTemplate(template, [...templates.keys()])}`);
  };

  /**
   * A workflowTemplateRef: the template run whole, under the entrypoint, onExit and hooks the workflow
   * sets (`own`), which name its templates. False if it was not read.
   */
  const runWhole = async (ref: TemplateRef, own: Call[]): Promise<boolean> => {
    const via = source && `${source}: spec.workflowTemplateRef`;
    const object = await found(via ? `${via}: ` : '', ref);
    if (!object) return false;
    const key = named(ref);
    const { templates, own: its } = specOf(object.spec, workflow.spec);
    // Its templates first, so that what they hold is told as theirs.
    await walkSpec({ key, trail: via ? `${via} → ${key}: ` : `${key}: `, templates }, its);
    // Argo validates the workflow's entrypoint and onExit there: one the template lacks fails the
    // workflow ("template reference lib.mian not found"), after the run has applied its ChaosEngines.
    await followAll({ key, trail, templates }, own);
    return true;
  };

  /** All of a spec: the controller runs its hooks beside its entrypoint, and Argo checks every template. */
  const walkSpec = async (scope: Scope, own: Call[]): Promise<void> => {
    await followAll(scope, own);
    for (const [name, template] of scope.templates) await walk(scope, name, template);
  };

  const runs = workflow.spec.workflowTemplateRef;
  const { templates, own } = specOf(workflow.spec);
  // A workflow that runs a template it could not read still has hooks of its own to follow.
  if (!runs || !(await runWhole(runs, own))) await walkSpec({ key: workflowScope, trail, templates }, own);
  return problems;
}
