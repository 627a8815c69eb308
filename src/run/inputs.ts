// What a run applies and submits, and where, read and checked before anything connects to a cluster,
// so a configuration problem is always reported first and nothing is applied: the files, the engines
// against the CRD's rules, the fields of RBAC objects, objects given twice, templates a workflow runs
// but does not define, how far the run reaches, where the reports go, and each cluster's kube context
// (kubeconfig read, context resolved). With several clusters every one is checked before any is
// touched: a mistake in one target's settings must not leave chaos on the others, nor two targets on
// one cluster apply the same engine. `run` and `validate`
// both go through checkClusters; `validate` stops there.
import type { KubeConfig } from '@kubernetes/client-node';
import { readWorkflow, workflowName, workflowSource, type WorkflowObject } from '../argo/submit.ts';
import { undefinedTemplateProblems } from '../argo/template-calls.ts';
import { configFileName, settingName } from '../config/fields.ts';
import type { GateConfig, Target } from '../config/load.ts';
import { CannotRunError, ConfigError } from '../errors.ts';
import type { KubeContextOptions } from '../kube/context.ts';
import { kubeconfigSource, NoClusterAccessError, type KubeTarget } from '../kube/kubeconfig-source.ts';
import { duplicateProblems, readManifests, type Manifest, type ManifestRole } from '../kube/manifests.ts';
import { metadataProblems } from '../kube/object-meta.ts';
import { rbacFieldRules } from '../kube/rbac-rules.ts';
import { engineCrdRules } from '../litmus/crd-rules.ts';
import { describeIssues, plainWords } from '../schema-issues.ts';
import { displayUrl } from '../secrets.ts';
import { blastRadiusProblems } from './blast-radius.ts';
import { reportPathProblems } from './publish.ts';
import { RunWarnings } from './warnings.ts';

export interface RunInputs {
  manifests: Manifest[];
  workflow?: WorkflowObject;
}

/**
 * The run's inputs and every problem in them. `defaultNamespace`: where objects that name none land,
 * undefined when it is not known (neither the config nor a loaded kube context says).
 */
export function checkRunInputs(
  config: GateConfig,
  defaultNamespace = config.namespace,
): { inputs: RunInputs; problems: string[] } {
  const read = readRunInputs(config);
  return {
    inputs: read.inputs,
    problems: [...read.problems, ...placementProblems(config, read, defaultNamespace)],
  };
}

/** A config file's key and the settings that give it as the running front takes them, each once. */
const alsoAs = (key: string, ...fields: string[]): string =>
  [...new Set([key, ...fields.map(settingName)])].join(', ');

/**
 * The files read and checked on their own: what does not depend on the cluster. Targets share the
 * files (only their connection and namespace differ), so this runs once however many clusters there are.
 */
function readRunInputs(config: GateConfig): ReadInputs {
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
  const nothingToRun =
    unreadable.length === 0 && !manifests.some((m) => m.role === 'engine') && !workflow
      ? [
          `nothing to run: give ChaosEngines (${alsoAs('engines', 'engines')}) or an Argo Workflow (${alsoAs('workflow', 'workflow.file', 'workflow.template')})` +
            // A config file beside the user is not read unless named: say so rather than leave them guessing.
            (config.configFile ? '' : `, or the config file that names them (${configFileName()})`),
        ]
      : [];
  const engineProblems = new Map(
    manifests.filter((m) => m.role === 'engine').map((m) => [m, crdProblems(m)] as const),
  );
  const problems = [
    ...nothingToRun,
    ...unreadable,
    ...[...engineProblems.values()].flat(),
    ...manifests.flatMap((m) => metadataProblems(m.source, m.object.metadata)),
    ...manifests.filter((m) => m.role === 'rbac').flatMap(rbacProblems),
    ...(workflow && source?.file
      ? metadataProblems(workflowSource(source.file, workflow), workflow.metadata)
      : []),
    ...(workflow ? undefinedTemplateProblems(workflow, workflowSource(source?.file, workflow)) : []),
  ];
  // An engine its CRD would refuse is not read any further: its fields may not have the types they need.
  const readable = manifests.filter((m) => !engineProblems.get(m)?.length);
  return { inputs: { manifests, workflow }, problems, readable };
}

interface ReadInputs {
  inputs: RunInputs;
  /** Problems of the files on their own. */
  problems: string[];
  /** The manifests whose fields can be read further. */
  readable: Manifest[];
}

/** What depends on the cluster's settings: objects given twice, how far the run reaches, where the reports go. */
function placementProblems(
  config: GateConfig,
  { inputs: { manifests, workflow }, readable }: ReadInputs,
  defaultNamespace?: string,
): string[] {
  // An object without a namespace lands in the target namespace, whatever that turns out to be.
  const namespaceOf = (m: Manifest) => m.object.metadata.namespace ?? defaultNamespace ?? '';
  return [
    ...duplicateProblems(manifests, namespaceOf),
    ...blastRadiusProblems(readable, config.workflow?.namespace ?? workflow?.metadata.namespace, {
      ...config,
      defaultNamespace,
    }),
    ...reportPathProblems(config),
  ];
}

/** One cluster of a run: the settings it runs with (a target's over the top level's) and its inputs. */
export interface ClusterInputs {
  /** Unset for a run on one cluster without `targets`. */
  target?: Target;
  config: GateConfig;
  inputs: RunInputs;
}

/** A cluster ready to be connected to: its kube context loaded, its target namespace known. */
export interface PreparedCluster extends ClusterInputs {
  kc: KubeConfig;
  /** Where objects that name no namespace go: the config's namespace, else the context's. */
  defaultNamespace: string;
  /**
   * The run id made for this cluster's run when none is given (targets.ts derives one per cluster):
   * no other run has it, so it is neither locked nor looked for, as a generated id.
   */
  generatedRunId?: string;
  /**
   * The kube context's warnings while the run goes on (a refresh-token that could not be saved),
   * logged as they come and kept for the run's reports.
   */
  credentialWarnings: RunWarnings;
}

/** `run` on one cluster: its inputs and kube context, or a ConfigError naming every problem. */
export async function prepareCluster(
  config: GateConfig,
  kubeconfigContent: string | undefined,
  log: (line: string) => void,
): Promise<PreparedCluster> {
  const load = (target: ClusterTarget) => loadForRun(target, log);
  const [cluster] = (await checkClusters(config, [{ config }], kubeconfigContent, load)).map(loaded);
  if (!cluster) throw new Error('one cluster checked, none returned');
  return cluster;
}

/** `run` on `targets`: all of them checked before any is touched, or a ConfigError naming every problem. */
export async function prepareTargets(
  config: GateConfig,
  kubeconfigContent: string | undefined,
  log: (line: string) => void,
): Promise<(PreparedCluster & { target: Target })[]> {
  const load = (target: ClusterTarget, { target: { name } }: { target: Target }) =>
    loadForRun(target, (line) => log(`[${name}] ${line}`));
  return (await checkClusters(config, targetClusters(config), kubeconfigContent, load)).map(loaded);
}

/**
 * `chaos-gate validate`: the checks `run` makes before connecting, made by the same code. On a machine
 * with no way to a cluster (no kubeconfig, or in-cluster outside a pod) the kube contexts cannot be
 * checked, which is said in `unchecked` rather than refused: the configuration may be right for the
 * machine that runs it. Returns the objects a run would apply or submit, each named as in error messages.
 */
export async function validateRun(config: GateConfig): Promise<{ objects: string[]; unchecked: string[] }> {
  const unchecked = new Set<string>();
  const load = async (target: ClusterTarget) => {
    try {
      kubeconfigSource(target);
    } catch (error) {
      if (!(error instanceof NoClusterAccessError)) throw error;
      unchecked.add(error.message);
      return { kc: undefined, defaultNamespace: undefined };
    }
    return loadKube(target);
  };
  const clusters = config.targets.length ? targetClusters(config) : [{ config }];
  const [first] = await checkClusters(config, clusters, undefined, load);
  const { manifests, workflow } = first?.inputs ?? { manifests: [] };
  return {
    objects: [...manifests.map((m) => m.source), ...(workflow ? [`Workflow ${workflowName(workflow)}`] : [])],
    unchecked: [...unchecked],
  };
}

/** Where a cluster is and what it is reached with: what loadKubeContext reads, and the namespace setting. */
type ClusterTarget = KubeTarget & { namespace?: string };

/** Loads the kube context as `run` connects with it: nothing is sent to the cluster. */
async function loadKube(
  target: ClusterTarget,
  options: KubeContextOptions = {},
): Promise<{ kc: KubeConfig; defaultNamespace: string }> {
  // Imported only here: `validate` on a machine with no kubeconfig never loads the Kubernetes client.
  const { contextNamespace, loadKubeContext } = await import('../kube/context.ts');
  const kc = loadKubeContext(target, options);
  return { kc, defaultNamespace: target.namespace ?? contextNamespace(kc) };
}

/** For a run: what the credentials say goes to its `log`, and their warnings through its channel. */
async function loadForRun(target: ClusterTarget, log: (line: string) => void) {
  const credentialWarnings = new RunWarnings(log);
  const kube = await loadKube(target, {
    say: (line) => log(`[chaos-gate] ${line}`),
    warn: credentialWarnings.warn,
  });
  return { ...kube, credentialWarnings };
}

const loaded = <C, K>({ kube, ...cluster }: C & { kube: K }): Omit<C, 'kube'> & K => ({
  ...cluster,
  ...kube,
});

/**
 * Every cluster's kube context and its inputs, checked with its own namespace, before any cluster is
 * touched: one ConfigError lists every problem of every cluster, naming the target where they differ.
 */
async function checkClusters<
  C extends { target?: Target; config: GateConfig },
  K extends { defaultNamespace?: string; kc?: KubeConfig },
>(
  config: GateConfig,
  clusters: C[],
  kubeconfigContent: string | undefined,
  load: (target: ClusterTarget, cluster: C) => Promise<K>,
): Promise<(C & { inputs: RunInputs; kube: K })[]> {
  if (kubeconfigContent) refuseKubeconfigFiles(config);
  const checked: (C & { inputs: RunInputs; kube: K })[] = [];
  const found: { target?: Target; problems: string[] }[] = [];
  const read = readRunInputs(config);
  for (const cluster of clusters) {
    let kube: K | undefined;
    let unloadable: string[] = [];
    try {
      kube = await load({ ...cluster.config, kubeconfigContent }, cluster);
    } catch (error) {
      if (!(error instanceof CannotRunError)) throw error;
      unloadable = [error.message];
    }
    // With the context loaded, the namespace it gives is judged here too, not first in the preflight.
    const placement = placementProblems(
      cluster.config,
      read,
      kube?.defaultNamespace ?? cluster.config.namespace,
    );
    found.push({ target: cluster.target, problems: [...read.problems, ...placement, ...unloadable] });
    if (kube) checked.push({ ...cluster, inputs: read.inputs, kube });
  }
  const problems = [...describeProblems(found), ...sharedObjectProblems(checked)];
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return checked;
}

/**
 * Targets that reach one API server and would apply the same named engine, or submit the same named
 * workflow: their preflights run side by side and both pass, then the second apply takes over the
 * first's engine, which the first run reports deleted and its cleanup deletes under the second. The
 * server is compared as loaded, since two contexts can point at one cluster; engines and workflows
 * named by generateName get a new name each time and never meet.
 */
function sharedObjectProblems(
  clusters: {
    target?: Target;
    config: GateConfig;
    inputs: RunInputs;
    kube: { defaultNamespace?: string; kc?: KubeConfig };
  }[],
): string[] {
  const byServer = new Map<string, { target: string; objects: Named[] }[]>();
  for (const { target, config, inputs, kube } of clusters) {
    const server = kube.kc?.getCurrentCluster()?.server;
    const namespace = kube.defaultNamespace;
    if (!target || !server || namespace === undefined) continue;
    const { workflow } = inputs;
    const objects: Named[] = [
      ...inputs.manifests
        .filter((m) => m.role === 'engine' && m.object.metadata.name)
        .map(({ object: { metadata } }) => ({
          kind: 'ChaosEngine',
          namespace: metadata.namespace ?? namespace,
          name: metadata.name ?? '',
        })),
      ...(workflow?.metadata.name
        ? [
            {
              kind: 'Workflow',
              // As prepareWorkflow places it.
              namespace: config.workflow?.namespace ?? workflow.metadata.namespace ?? namespace,
              name: workflow.metadata.name,
            },
          ]
        : []),
    ];
    const key = sameServer(server);
    byServer.set(key, [...(byServer.get(key) ?? []), { target: target.name, objects }]);
  }
  const text = ({ kind, namespace, name }: Named) => `${kind} ${namespace}/${name}`;
  const problems: string[] = [];
  for (const [server, targets] of byServer)
    targets.forEach((first, i) => {
      for (const second of targets.slice(i + 1)) {
        const both = first.objects.filter((o) => second.objects.some((p) => text(p) === text(o)));
        if (both.length === 0) continue;
        const namespaces = [...new Set(both.map((o) => o.namespace))].join(', ');
        problems.push(
          `targets ${first.target} and ${second.target} reach the same cluster (server ${displayUrl(server)}) and namespace ${namespaces}, ` +
            `and both would apply ${both.map(text).join(', ')}: a name can be one run's only (the second would take over the first's engine, and the first's cleanup delete it under the second); ` +
            'give each target its own namespace, or name them with metadata.generateName',
        );
      }
    });
  return problems;
}

interface Named {
  kind: string;
  namespace: string;
  name: string;
}

/** A server URL as the one cluster it is: `https://API.example:443/` and `https://api.example` are one. */
function sameServer(server: string): string {
  try {
    return new URL(server).href.replace(/\/+$/, '');
  } catch {
    return server;
  }
}

/** What every target has in common is said once; the rest names its target. */
function describeProblems(found: { target?: Target; problems: string[] }[]): string[] {
  const [first, ...others] = found;
  const shared =
    others.length > 0
      ? (first?.problems ?? []).filter((p) => others.every((o) => o.problems.includes(p)))
      : [];
  return [
    ...shared,
    ...found.flatMap(({ target, problems }) =>
      problems.filter((p) => !shared.includes(p)).map((p) => (target ? `target ${target.name}: ${p}` : p)),
    ),
  ];
}

const targetClusters = (config: GateConfig) =>
  config.targets.map((target) => ({ target, config: configFor(config, target) }));

/** One cluster's settings: the top level's, with the target's connection and namespace. */
function configFor(config: GateConfig, target: Target): GateConfig {
  return {
    ...config,
    kubeconfig: target.kubeconfig ?? config.kubeconfig,
    context: target.context ?? config.context,
    namespace: target.namespace ?? config.namespace,
    targets: [],
    // Read once for all clusters, by runTargets.
    ctkJournals: [],
  };
}

/**
 * Inline kubeconfig content (the Action's secret) is used for every cluster, so a kubeconfig file named
 * in the config file would be silently ignored, and its cluster's gate run on the content's cluster.
 */
function refuseKubeconfigFiles(config: GateConfig): void {
  const targets = config.targets.filter((target) => target.kubeconfig).map((target) => `"${target.name}"`);
  const where = [
    ...(config.kubeconfig ? ['the top level'] : []),
    ...(targets.length ? [`targets ${targets.join(', ')}`] : []),
  ];
  if (where.length > 0)
    throw new ConfigError(
      `the kubeconfig input (inline content) and the kubeconfig file the config file gives (${where.join('; ')}) exclude each other: give one; with inline content, choose each target's cluster by its context`,
    );
}

function crdProblems(manifest: Manifest): string[] {
  const checked = engineCrdRules.safeParse(manifest.object, plainWords);
  if (!checked.success) return describeIssues(manifest.source, checked.error);
  // The CRD allows it, but the operator would run nothing and the gate wait for nothing: most likely a typo.
  if (!checked.data.spec?.experiments?.length)
    return [
      `${manifest.source}: field spec.experiments: required; an engine without experiments runs no chaos`,
    ];
  return [];
}

function rbacProblems(manifest: Manifest): string[] {
  const checked = rbacFieldRules(manifest.object)?.safeParse(manifest.object, plainWords);
  return checked?.success === false ? describeIssues(manifest.source, checked.error) : [];
}
