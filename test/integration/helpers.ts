// Shared set-up for the integration tests: the sandbox a file's tests run chaos-gate against,
// manifests written for one test, and what is left in a namespace afterwards.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CoreV1Api,
  CustomObjectsApi,
  RbacAuthorizationV1Api,
  type KubeConfig,
  type V1ClusterRole,
} from '@kubernetes/client-node';
import { parse, parseAllDocuments, stringify } from 'yaml';
import type { ChaosEngine } from '../../src/litmus/types.ts';
import { after, before } from 'node:test';
import {
  outcomeAnnotation,
  startFakeOperator,
  type FakeOperator,
  type FakeOperatorOptions,
  type Outcome,
} from '../support/fake-operator.ts';
import { startArgoController, type ArgoController } from '../support/argo-controller.ts';
import { startSandbox, type Sandbox, type SandboxOptions } from '../support/sandbox.ts';
import { fixturePath, repoRoot } from '../support/fixtures.ts';
import { runEntry } from '../support/run-node.ts';

let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export function workDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-it-'));
}

/** The example engine, renamed, aimed at an app in `namespace` and told which outcome the fake operator should play. */
export function engineFile(dir: string, name: string, outcome: Outcome, namespace = 'shop'): string {
  const engine = parse(
    readFileSync(path.join(repoRoot, 'examples/pod-delete/engine.yaml'), 'utf8'),
  ) as ChaosEngine;
  engine.metadata = { name, annotations: { [outcomeAnnotation]: outcome } };
  if (engine.spec?.appinfo) engine.spec.appinfo.appns = namespace;
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(engine));
  return file;
}

export const exampleRbac = path.join(repoRoot, 'examples/pod-delete/rbac.yaml');

const fixtureTemplate = () =>
  parse(readFileSync(fixturePath('argo/chaos-load-workflowtemplate.yaml'), 'utf8')) as {
    kind: string;
    metadata: object;
  };

/** Our WorkflowTemplate fixture, created in `namespace` under `name`; returns the name. */
export async function createFixtureTemplate(
  kc: KubeConfig,
  namespace: string,
  name = 'chaos-load',
): Promise<string> {
  const template = fixtureTemplate();
  template.metadata = { ...template.metadata, name, namespace };
  await kc.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    namespace,
    plural: 'workflowtemplates',
    body: template,
  });
  return name;
}

/** Our WorkflowTemplate fixture as a ClusterWorkflowTemplate named `name`; returns the name. */
export async function createFixtureClusterTemplate(kc: KubeConfig, name: string): Promise<string> {
  const template = fixtureTemplate();
  template.kind = 'ClusterWorkflowTemplate';
  template.metadata = { ...template.metadata, name };
  await kc.makeApiClient(CustomObjectsApi).createClusterCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'clusterworkflowtemplates',
    body: template,
  });
  return name;
}

export interface Leftovers {
  engines: string[];
  results: string[];
  serviceAccounts: string[];
  roles: string[];
  roleBindings: string[];
}

export async function leftovers(kc: KubeConfig, namespace: string): Promise<Leftovers> {
  const custom = kc.makeApiClient(CustomObjectsApi);
  const names = async (plural: string) => {
    const list = (await custom.listNamespacedCustomObject({
      group: 'litmuschaos.io',
      version: 'v1alpha1',
      namespace,
      plural,
    })) as {
      items: { metadata: { name: string } }[];
    };
    return list.items.map((i) => i.metadata.name);
  };
  const core = kc.makeApiClient(CoreV1Api);
  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  return {
    engines: await names('chaosengines'),
    results: await names('chaosresults'),
    serviceAccounts: (await core.listNamespacedServiceAccount({ namespace })).items.map(
      (i) => i.metadata?.name ?? '',
    ),
    roles: (await rbac.listNamespacedRole({ namespace })).items.map((i) => i.metadata?.name ?? ''),
    roleBindings: (await rbac.listNamespacedRoleBinding({ namespace })).items.map(
      (i) => i.metadata?.name ?? '',
    ),
  };
}

/** How fast the stand-in operator plays, and whether the tests need the real Argo controller too. */
type UseSandboxOptions = Pick<FakeOperatorOptions, 'stepMs' | 'runMs'> & {
  argo?: boolean;
  sandbox?: SandboxOptions;
};

/** A sandbox with a namespace and the stand-in operator (and Argo if asked), for the tests of one file. */
export function useSandbox(
  namespace: string,
  options: UseSandboxOptions = {},
): {
  readonly sandbox: Sandbox;
  readonly operator: FakeOperator;
  /** `chaos-gate run` through the built CLI against the sandbox in `namespace`, as its admin or `kubeconfig`'s user. */
  run(
    args: string[],
    options?: { kubeconfig?: string; env?: Record<string, string>; onStdout?: (text: string) => void },
  ): ReturnType<typeof runEntry>;
} {
  let sandbox: Sandbox | undefined;
  let operator: FakeOperator | undefined;
  let argo: ArgoController | undefined;
  const { argo: withArgo, sandbox: sandboxOptions, ...operatorOptions } = options;
  before(async () => {
    sandbox = await startSandbox(sandboxOptions);
    await sandbox.createNamespace(namespace);
    operator = await startFakeOperator({ kc: sandbox.kc, namespace, ...operatorOptions });
    if (withArgo) argo = await startArgoController({ sandbox, namespace });
  });
  after(async () => {
    await argo?.stop();
    await operator?.stop();
    await sandbox?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the sandbox is not started');
    return value;
  };
  return {
    get sandbox() {
      return started(sandbox);
    },
    get operator() {
      return started(operator);
    },
    run: (args, { kubeconfig = started(sandbox).kubeconfigPath, env, onStdout } = {}) =>
      runEntry('dist/cli.js', ['run', '--kubeconfig', kubeconfig, '--namespace', namespace, ...args], {
        env,
        onStdout,
      }),
  };
}

/** The ClusterRoles README.md documents for chaos-gate's own identity, as shipped. */
export const ciRoles = parseAllDocuments(
  readFileSync(path.join(repoRoot, 'examples/rbac/chaos-gate-ci.yaml'), 'utf8'),
).map((doc) => doc.toJS() as V1ClusterRole);

/** The shipped roles bound cluster-wide (a ClusterRoleBinding), and only for runs that reach cluster-scoped objects. */
export const ciClusterWide = new Set(['chaos-gate-ci-cluster', 'chaos-gate-ci-cluster-rbac']);

/** The shipped roles as the CI identity is bound to them: the cluster-wide ones with `cluster` only. */
export const ciBoundRoles = (cluster: boolean) =>
  ciRoles
    .map((role) => ({ role, clusterWide: ciClusterWide.has(role.metadata?.name ?? '') }))
    .filter((bound) => cluster || !bound.clusterWide);

/**
 * A kubeconfig for a new service account `account` of `namespace` bound to the ClusterRoles `bound`:
 * in `namespace` by a RoleBinding, or cluster-wide by a ClusterRoleBinding.
 */
export async function accountBoundTo(
  sandbox: Sandbox,
  namespace: string,
  account: string,
  bound: { name: string; clusterWide: boolean }[],
): Promise<string> {
  const token = await sandbox.mintToken(namespace, account);
  const rbac = sandbox.kc.makeApiClient(RbacAuthorizationV1Api);
  for (const role of bound) {
    const body = {
      metadata: { name: `${account}-${role.name}` },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role.name },
      subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
    };
    if (role.clusterWide) await rbac.createClusterRoleBinding({ body });
    else await rbac.createNamespacedRoleBinding({ namespace, body });
  }
  const file = path.join(workDir(), 'kubeconfig');
  writeFileSync(file, sandbox.kubeconfigFor(token, account, namespace));
  return file;
}

/**
 * A kubeconfig for a new service account bound, in `namespace`, to copies of the shipped namespaced
 * ClusterRoles, with the verbs `taken` names taken off the rules for each resource: what a user who
 * left them out sees.
 */
export async function identityWithout(
  sandbox: Sandbox,
  namespace: string,
  taken: Record<string, string[]>,
): Promise<string> {
  const name = uniqueName(`without-${Object.keys(taken).join('-')}`);
  const rbac = sandbox.kc.makeApiClient(RbacAuthorizationV1Api);
  const copies = [];
  for (const [i, { role, clusterWide }] of ciBoundRoles(false).entries()) {
    const copy = `${name}-${i}`;
    await rbac.createClusterRole({
      body: {
        metadata: { name: copy },
        rules: (role.rules ?? [])
          .map((rule) => {
            const verbs = Object.entries(taken).find(([resource]) => rule.resources?.includes(resource))?.[1];
            return verbs ? { ...rule, verbs: rule.verbs.filter((verb) => !verbs.includes(verb)) } : rule;
          })
          .filter((rule) => rule.verbs.length > 0),
      },
    });
    copies.push({ name: copy, clusterWide });
  }
  return accountBoundTo(sandbox, namespace, name, copies);
}
