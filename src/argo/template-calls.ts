// Where a workflow names the templates it runs: the one walker over a Workflow's or
// (Cluster)WorkflowTemplate's template references, for the offline check of the names a workflow
// gives its own templates (here) and for the preflight that follows their templateRefs
// (template-refs.ts). Pure, and without the Kubernetes client, so that `validate` loads it too.
import { isRecord } from '../is-record.ts';
import { closestName } from '../suggest.ts';
import type { TemplateRef, WorkflowObject } from './submit.ts';

/** A template of a Workflow or (Cluster)WorkflowTemplate, read no further than its calls. */
export type Template = Record<string, unknown>;

/** What a step, DAG task or hook runs: a template beside it by name, or one of a (Cluster)WorkflowTemplate. */
export interface Call {
  /**
   * Where, as Argo's messages name it: templates.main.steps[0].inject, templates.main.tasks.inject;
   * spec.entrypoint, spec.onExit, templates.main.tasks.inject.hooks.exit; inside an inline template,
   * templates.main.steps[0].chaos.inline.tasks.inject.
   */
  path: string;
  template: string;
  /** Set for a templateRef: whose template it is. */
  ref?: TemplateRef;
}

/** A Workflow's or (Cluster)WorkflowTemplate's spec, read for its calls. */
export interface Spec {
  /** Its templates by name; entries without a name are Argo's to refuse. */
  templates: Map<string, Template>;
  /** What the spec runs of its own: spec.entrypoint, then its exit handler and hooks. */
  own: Call[];
}

/**
 * A spec as read from a file or the server, whatever its shape: what is not as Argo has it calls nothing.
 * `under`: the spec of a workflow that runs this one by workflowTemplateRef. The controller merges the
 * workflow's spec over the template's, so an entrypoint, onExit or hook the workflow sets, even to a
 * name resolved later, takes the place of the template's; the workflow's own are its to check.
 */
export function specOf(spec: unknown, under: unknown = {}): Spec {
  if (!isRecord(spec)) return { templates: new Map(), own: [] };
  const over = isRecord(under) ? under : {};
  const overHooks = isRecord(over.hooks) ? over.hooks : {};
  const hooks = isRecord(spec.hooks) ? spec.hooks : {};
  const left = {
    entrypoint: over.entrypoint ? undefined : spec.entrypoint,
    onExit: over.onExit ? undefined : spec.onExit,
    hooks: Object.fromEntries(Object.entries(hooks).filter(([event]) => !(event in overHooks))),
  };
  return {
    templates: templatesOf(spec),
    own: [...callOf('spec.entrypoint', { template: left.entrypoint }), ...hookCalls('spec', left)],
  };
}

function templatesOf(spec: Record<string, unknown>): Map<string, Template> {
  const templates = Array.isArray(spec.templates) ? spec.templates : [];
  return new Map(
    templates.filter(isRecord).flatMap((t) => (typeof t.name === 'string' ? [[t.name, t] as const] : [])),
  );
}

/**
 * The calls of a steps or DAG template, with their hooks and those of the templates its steps and tasks
 * hold `inline`; a template of any other type calls nothing.
 */
export function callsOf(name: string, template: Template): Call[] {
  return callsWithin(`templates.${name}`, template, new Set());
}

/** `within`: the inline templates this one is in; a YAML alias can make one hold itself. */
function callsWithin(at: string, template: Template, within: ReadonlySet<Template>): Call[] {
  if (within.has(template)) return [];
  const inside = new Set([...within, template]);
  const steps = Array.isArray(template.steps) ? template.steps : [];
  const tasks = isRecord(template.dag) && Array.isArray(template.dag.tasks) ? template.dag.tasks : [];
  const placed = [
    ...steps.flatMap((group: unknown, i) =>
      (Array.isArray(group) ? group : []).map((step: unknown) => [`${at}.steps[${i}]`, step] as const),
    ),
    ...tasks.map((task: unknown) => [`${at}.tasks`, task] as const),
  ];
  return placed.flatMap(([where, item]) => {
    if (!isRecord(item)) return [];
    const path = `${where}.${String(item.name)}`;
    // An inline template (Argo 3.2 on) has no name of its own to be called by: its steps and tasks
    // call templates of the spec that holds it, as Argo's validation resolves them.
    const inline = isRecord(item.inline) ? callsWithin(`${path}.inline`, item.inline, inside) : [];
    return [...callOf(path, item), ...hookCalls(path, item), ...inline];
  });
}

/**
 * The templates the exit handler (onExit) and the lifecycle hooks of a spec, step or task run: the
 * controller runs them as it runs steps, though Argo's validation checks none but spec.onExit, so a
 * wrong one fails the workflow only when it fires, after the chaos.
 */
function hookCalls(path: string, holder: Record<string, unknown>): Call[] {
  const hooks = isRecord(holder.hooks) ? Object.entries(holder.hooks) : [];
  return [
    ...callOf(`${path}.onExit`, { template: holder.onExit }),
    ...hooks.flatMap(([event, hook]) => (isRecord(hook) ? callOf(`${path}.hooks.${event}`, hook) : [])),
  ];
}

/** The template a step, task or hook names, by `template` or by `templateRef`. */
function callOf(path: string, holder: Record<string, unknown>): Call[] {
  const ref = holder.templateRef;
  if (!isRecord(ref)) return checkable(holder.template) ? [{ path, template: holder.template }] : [];
  if (!checkable(ref.name) || !checkable(ref.template)) return [];
  return [{ path, template: ref.template, ref: { name: ref.name, clusterScope: ref.clusterScope === true } }];
}

/**
 * A name to look up: an empty one is Argo's to refuse, and one with a parameter in it is resolved only
 * when the step runs, as Argo's validation says.
 */
const checkable = (name: unknown): name is string =>
  typeof name === 'string' && name !== '' && !name.includes('{{');

/**
 * Each place a workflow runs a template of its own that it does not define, found with no cluster: the
 * API server would take the workflow, and the controller fail it ("template name 'injet' undefined")
 * only after the run had applied its ChaosEngines. `source` names the workflow in messages. With a
 * workflowTemplateRef the workflow has no templates of its own: the names are those of the template it
 * runs, which preflight reads.
 */
export function undefinedTemplateProblems(workflow: WorkflowObject, source: string): string[] {
  const { spec } = workflow;
  const templateList = Array.isArray(spec.templates) ? spec.templates : [];
  // The controller refuses both ("Templates is invalid field in spec if workflow referred
  // WorkflowTemplate reference") and requires an entrypoint of a workflow without one.
  if (spec.workflowTemplateRef)
    return templateList.length > 0
      ? [
          `${source}: spec.templates: a workflow that runs a WorkflowTemplate (spec.workflowTemplateRef) cannot have templates of its own; the controller would fail it: move them into the WorkflowTemplate`,
        ]
      : [];
  if (!spec.entrypoint)
    return [`${source}: spec.entrypoint: required: the controller would fail the workflow without it`];
  const { templates, own } = specOf(spec);
  const names = [...templates.keys()];
  return [...own, ...[...templates].flatMap(([name, template]) => callsOf(name, template))]
    .filter((call) => !call.ref && !templates.has(call.template))
    .map((call) => `${source}: ${call.path}: the workflow ${noTemplate(call.template, names)}`);
}

/** The end of a message about a template `names` lacks: the one meant, or those there are. */
export function noTemplate(template: string, names: readonly string[]): string {
  const near = closestName(template, names);
  return (
    `has no template "${template}"; ` +
    (near ? `did you mean "${near}"?` : `it has ${names.map((n) => `"${n}"`).join(', ') || 'none'}`)
  );
}
