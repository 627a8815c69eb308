// How far a run may reach, decided before anything is applied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifests } from '../../../src/kube/manifests.ts';
import { blastRadiusProblems } from '../../../src/run/blast-radius.ts';

const rbac = (yaml: string) => parseManifests(yaml, 'rbac.yaml', 'rbac');
const engine = (spec: string, namespace = '') =>
  parseManifests(
    `apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\nmetadata:\n  name: e\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n${spec}`,
    'engine.yaml',
    'engine',
  );
const policy = { allowClusterScoped: false, defaultNamespace: 'shop' };

test('by default only the target namespace: an engine elsewhere, or aimed elsewhere, is refused', () => {
  assert.deepEqual(blastRadiusProblems(engine('  appinfo: { appns: shop }'), undefined, policy), []);
  assert.match(
    blastRadiusProblems(engine('  appinfo: { appns: shop }', 'billing'), undefined, policy).join('\n'),
    /engine\.yaml, document 1 \(ChaosEngine e\): namespace billing is not allowed \(allowed: shop\)/,
  );
  assert.match(
    blastRadiusProblems(engine('  appinfo: { appns: billing }'), undefined, policy).join('\n'),
    /its chaos targets: namespace billing is not allowed/,
  );
  assert.match(
    blastRadiusProblems(
      engine('  selectors: { workloads: [{ kind: deployment, namespace: billing, names: x }] }'),
      undefined,
      policy,
    ).join('\n'),
    /its chaos targets: namespace billing is not allowed/,
  );
  assert.deepEqual(
    blastRadiusProblems(engine('  appinfo: { appns: billing }'), undefined, {
      ...policy,
      allowNamespaces: ['shop', 'billing'],
    }),
    [],
  );
  assert.match(
    blastRadiusProblems([], 'billing', policy).join('\n'),
    /the Workflow: namespace billing is not allowed/,
  );
});

test('kube-system and other system namespaces are refused unless listed, even as the target namespace', () => {
  const inSystem = engine('  appinfo: { appns: kube-system }', 'kube-system');
  const problems = blastRadiusProblems(inSystem, undefined, {
    allowClusterScoped: false,
    defaultNamespace: 'kube-system',
  });
  assert.match(
    problems.join('\n'),
    /namespace kube-system is a system namespace; chaos there is refused unless allowNamespaces \(--allow-namespace\) lists it/,
  );
  assert.deepEqual(
    blastRadiusProblems(inSystem, undefined, { allowClusterScoped: false, allowNamespaces: ['kube-system'] }),
    [],
  );
  // Offline, with the target namespace unknown, a system namespace is still refused.
  assert.equal(blastRadiusProblems(inSystem, undefined, { allowClusterScoped: false }).length, 2);
});

test('cluster-scoped objects and Secrets need allowClusterScoped; a binding to cluster-admin never passes', () => {
  const objects = rbac(
    [
      'apiVersion: v1\nkind: Namespace\nmetadata: { name: chaos }',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: reader }\nrules: []',
      'apiVersion: v1\nkind: Secret\nmetadata: { name: creds, namespace: shop }',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: god }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }\nsubjects: []',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: local-god, namespace: shop }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }\nsubjects: []',
    ].join('\n---\n'),
  );
  const refused = blastRadiusProblems(objects, undefined, policy).join('\n');
  assert.match(
    refused,
    /document 1 \(Namespace chaos\): Namespace is cluster-scoped; cluster-wide objects are refused unless allowClusterScoped \(--allow-cluster-scoped\) is true/,
  );
  assert.match(refused, /document 2 \(ClusterRole reader\): ClusterRole is cluster-scoped/);
  assert.match(
    refused,
    /document 3 \(Secret creds\): Secrets are refused unless allowClusterScoped \(--allow-cluster-scoped\) is true/,
  );
  assert.match(
    refused,
    /document 4 \(ClusterRoleBinding god\): a binding to the cluster-admin ClusterRole is always refused/,
  );
  assert.match(
    refused,
    /document 5 \(RoleBinding local-god\): a binding to the cluster-admin ClusterRole is always refused/,
  );
  const allowed = blastRadiusProblems(objects, undefined, { ...policy, allowClusterScoped: true });
  assert.deepEqual(
    allowed.map((p) => p.replace(/^.*\((\w+ [\w-]+)\).*$/, '$1')),
    ['ClusterRoleBinding god', 'RoleBinding local-god'],
  );
});

test('a namespace an engine aims at in appinfo and in its selectors is named once', () => {
  const aimed = engine(
    '  appinfo: { appns: billing }\n  selectors: { workloads: [{ kind: deployment, namespace: billing, names: x }, { kind: statefulset, namespace: billing, names: y }] }',
  );
  assert.deepEqual(blastRadiusProblems(aimed, undefined, policy), [
    'engine.yaml, document 1 (ChaosEngine e): its chaos targets: namespace billing is not allowed (allowed: shop); add it to allowNamespaces (--allow-namespace) if the run may reach it',
  ]);
});
