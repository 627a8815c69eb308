// How far a run may reach, checked before anything is applied: the namespaces its objects live in and
// its engines aim at, and no cluster-wide objects or Secrets unless the user says so. Pure: `validate`
// checks what it can offline, `run` again with the namespaces resolved and the server's word on which
// kinds are cluster-scoped.
import { settingName } from '../config/fields.ts';
import { isClusterScopedKind } from '../kube/kinds.ts';
import type { Manifest } from '../kube/manifests.ts';
import type { ChaosEngine } from '../litmus/types.ts';

export interface ReachPolicy {
  /** Namespaces the run may touch; default: the target namespace only. */
  allowNamespaces?: string[];
  allowClusterScoped: boolean;
  /** The target namespace; undefined offline when neither the config nor the context is known. */
  defaultNamespace?: string;
}

/** Never touched unless listed in allowNamespaces, even when one is the target namespace. */
function isSystemNamespace(namespace: string): boolean {
  return namespace.startsWith('kube-') || namespace.startsWith('openshift-');
}

/** The namespaces a run may reach. */
export function allowedNamespaces(policy: ReachPolicy): string[] {
  const allowed = policy.allowNamespaces ?? (policy.defaultNamespace ? [policy.defaultNamespace] : []);
  return [...new Set(allowed)];
}

export function blastRadiusProblems(
  manifests: Manifest[],
  workflowNamespace: string | undefined,
  policy: ReachPolicy,
  clusterScoped: (manifest: Manifest) => boolean = (m) => isClusterScopedKind(m.object.kind),
): string[] {
  const listed = new Set(policy.allowNamespaces ?? []);
  const allowed = new Set(allowedNamespaces(policy));
  const hint = `add it to allowNamespaces (${settingName('allowNamespaces')}) if the run may reach it`;
  const checkNamespace = (where: string, namespace: string | undefined): string | undefined => {
    // Offline, a namespace left to the context cannot be judged; the run checks it again.
    if (namespace === undefined || namespace === '') return undefined;
    if (isSystemNamespace(namespace) && !listed.has(namespace))
      return `${where}: namespace ${namespace} is a system namespace; chaos there is refused unless allowNamespaces (${settingName('allowNamespaces')}) lists it`;
    if (!allowed.has(namespace) && (policy.defaultNamespace !== undefined || policy.allowNamespaces))
      return `${where}: namespace ${namespace} is not allowed (allowed: ${[...allowed].join(', ') || 'none'}); ${hint}`;
    return undefined;
  };
  const problems: (string | undefined)[] = [];
  for (const manifest of manifests) {
    const { object, source } = manifest;
    const namespace = object.metadata.namespace ?? policy.defaultNamespace;
    if (clusterScoped(manifest)) {
      if (!policy.allowClusterScoped)
        problems.push(
          `${source}: ${object.kind} is cluster-scoped; cluster-wide objects are refused unless allowClusterScoped (${settingName('allowClusterScoped')}) is true`,
        );
    } else problems.push(checkNamespace(source, namespace));
    if (object.kind === 'Secret' && !policy.allowClusterScoped)
      problems.push(
        `${source}: Secrets are refused unless allowClusterScoped (${settingName('allowClusterScoped')}) is true`,
      );
    if (bindsClusterAdmin(object))
      problems.push(`${source}: a binding to the cluster-admin ClusterRole is always refused`);
    if (object.kind === 'ChaosEngine')
      // Once a namespace: an engine whose appinfo and selectors all name it has one problem there.
      for (const target of new Set(targetNamespaces(object as unknown as ChaosEngine)))
        problems.push(checkNamespace(`${source}: its chaos targets`, target));
  }
  if (workflowNamespace !== undefined) problems.push(checkNamespace('the Workflow', workflowNamespace));
  return problems.filter((p): p is string => !!p);
}

function bindsClusterAdmin(object: Manifest['object']): boolean {
  if (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') return false;
  const roleRef = (object as { roleRef?: { kind?: unknown; name?: unknown } }).roleRef;
  return roleRef?.kind === 'ClusterRole' && roleRef.name === 'cluster-admin';
}

/** Where an engine's chaos lands: appinfo.appns and the namespaces of its selectors (Litmus 3). */
function targetNamespaces(engine: ChaosEngine): string[] {
  const selectors = engine.spec?.selectors;
  return [
    engine.spec?.appinfo?.appns,
    ...(selectors?.workloads ?? []).map((w) => w.namespace),
    ...(selectors?.pods ?? []).map((p) => p.namespace),
  ].filter((ns): ns is string => typeof ns === 'string' && ns !== '');
}
