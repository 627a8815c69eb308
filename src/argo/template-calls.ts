// Where a workflow names the templates it runs: the one walker over a Workflow's or
// (Cluster)WorkflowTemplate's template references, for the preflight that follows their templateRefs
// (template-refs.ts). Pure, and without the Kubernetes client, so that `validate` may load it too.
import { isRecord } from '../is-record.ts';
import { closestName } from '../suggest.ts';
import type { TemplateRef } from './submit.ts';

/** A template of a Workflow or (Cluster)WorkflowTemplate, read no further than its calls. */
export type Template = Record<string, unknown>;

/** What a step or DAG task runs: a template beside it by name, or one of a (Cluster)WorkflowTemplate. */
export interface Call {
  /** Where, as Argo's messages name it: templates.main.steps[0].inject, templates.main.tasks.inject. */
  path: string;
  template: string;
  /** Set for a templateRef: whose template it is. */
  ref?: TemplateRef;
}

/** The templates of a spec by name; entries without a name are Argo's to refuse. */
export function templatesOf(spec: unknown): Map<string, Template> {
  const templates = isRecord(spec) && Array.isArray(spec.templates) ? spec.templates : [];
  return new Map(
    templates.filter(isRecord).flatMap((t) => (typeof t.name === 'string' ? [[t.name, t] as const] : [])),
  );
}

/** The calls of a steps or DAG template; a template of any other type calls nothing. */
export function callsOf(name: string, template: Template): Call[] {
  const steps = Array.isArray(template.steps) ? template.steps : [];
  const tasks = isRecord(template.dag) && Array.isArray(template.dag.tasks) ? template.dag.tasks : [];
  const placed = [
    ...steps.flatMap((group: unknown, i) =>
      (Array.isArray(group) ? group : []).map(
        (step: unknown) => [`templates.${name}.steps[${i}]`, step] as const,
      ),
    ),
    ...tasks.map((task: unknown) => [`templates.${name}.tasks`, task] as const),
  ];
  return placed.flatMap(([where, item]): Call[] => {
    if (!isRecord(item)) return [];
    const path = `${where}.${String(item.name)}`;
    const ref = item.templateRef;
    if (!isRecord(ref)) return typeof item.template === 'string' ? [{ path, template: item.template }] : [];
    if (typeof ref.name !== 'string' || typeof ref.template !== 'string') return [];
    // A reference with a parameter in it is resolved only when the step runs, as Argo's validation says.
    if (ref.name.includes('{{') || ref.template.includes('{{')) return [];
    return [
      { path, template: ref.template, ref: { name: ref.name, clusterScope: ref.clusterScope === true } },
    ];
  });
}

/** The end of a message about a template `names` lacks: the one meant, or those there are. */
export function noTemplate(template: string, names: readonly string[]): string {
  const near = closestName(template, names);
  return (
    `has no template "${template}"; ` +
    (near ? `did you mean "${near}"?` : `it has ${names.map((n) => `"${n}"`).join(', ') || 'none'}`)
  );
}
