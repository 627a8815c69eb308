// What a run applies and submits, read and checked before anything connects to a cluster, so a
// configuration problem is always reported first and nothing is applied: the files, the engines
// against the CRD's rules, objects given twice, how far the run reaches, and where the reports go.
// `validate` stops here.
import { readWorkflow, type WorkflowObject } from '../argo/submit.ts';
import type { GateConfig } from '../config/load.ts';
import { ConfigError } from '../errors.ts';
import { duplicateProblems, readManifests, type Manifest, type ManifestRole } from '../kube/manifests.ts';
import { describeSchemaIssues } from '../kube/object-meta.ts';
import { engineCrdRules } from '../litmus/crd-rules.ts';
import { blastRadiusProblems } from './blast-radius.ts';
import { reportPathProblems } from './publish.ts';

export interface RunInputs {
  manifests: Manifest[];
  workflow?: WorkflowObject;
}

export function readRunInputs(config: GateConfig): RunInputs {
  // A file that cannot be read is one problem among the others: the rest are still checked and told.
  const unreadable: string[] = [];
  const orProblem = <T>(read: () => T, instead: T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      unreadable.push(error.message);
      return instead;
    }
  };
  const read = (files: string[], role: ManifestRole) =>
    files.flatMap((file) => orProblem(() => readManifests([file], role), []));
  const manifests = [
    ...read(config.rbac, 'rbac'),
    ...read(config.experiments, 'experiment'),
    ...read(config.engines, 'engine'),
  ];
  const source = config.workflow;
  const workflow = source && orProblem(() => readWorkflow(source), undefined);
  if (unreadable.length === 0 && !manifests.some((m) => m.role === 'engine') && !workflow) {
    throw new ConfigError(
      'nothing to run: give ChaosEngines (engines, --engine) or an Argo Workflow (workflow, --workflow, --workflow-template)',
    );
  }
  // Offline, an object without a namespace lands in the target namespace, whatever that turns out to be.
  const namespaceOf = (m: Manifest) => m.object.metadata.namespace ?? config.namespace ?? '';
  const engineProblems = new Map(
    manifests.filter((m) => m.role === 'engine').map((m) => [m, crdProblems(m)] as const),
  );
  // An engine its CRD would refuse is not read any further: its fields may not have the types they need.
  const readable = manifests.filter((m) => !engineProblems.get(m)?.length);
  const problems = [
    ...unreadable,
    ...[...engineProblems.values()].flat(),
    ...duplicateProblems(manifests, namespaceOf),
    ...blastRadiusProblems(readable, config.workflow?.namespace ?? workflow?.metadata.namespace, {
      ...config,
      defaultNamespace: config.namespace,
    }),
    ...reportPathProblems(config),
  ];
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return { manifests, workflow };
}

function crdProblems(manifest: Manifest): string[] {
  const checked = engineCrdRules.safeParse(manifest.object);
  if (!checked.success) return [describeSchemaIssues(manifest.source, checked.error)];
  // The CRD allows it, but the operator would run nothing and the gate wait for nothing: most likely a typo.
  if (!checked.data.spec?.experiments?.length)
    return [
      `${manifest.source}: field spec.experiments: required; an engine without experiments runs no chaos`,
    ];
  return [];
}

/** `chaos-gate validate`: the objects a run would apply or submit, each named as in error messages. */
export function describeRunInputs(config: GateConfig): string[] {
  const { manifests, workflow } = readRunInputs(config);
  return [
    ...manifests.map((m) => m.source),
    ...(workflow ? [`Workflow ${workflow.metadata.name ?? workflow.metadata.generateName}`] : []),
  ];
}
