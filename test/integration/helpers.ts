// Shared set-up for the integration tests: manifests written for one test, and what is left in a
// namespace afterwards.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CoreV1Api,
  CustomObjectsApi,
  RbacAuthorizationV1Api,
  type KubeConfig,
} from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import type { ChaosEngine } from '../../src/litmus/types.ts';
import { outcomeAnnotation, type Outcome } from '../support/fake-operator.ts';
import { repoRoot } from '../support/fixtures.ts';

let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export function workDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-it-'));
}

/** The example engine, renamed and told which outcome the fake operator should play. */
export function engineFile(dir: string, name: string, outcome: Outcome): string {
  const engine = parse(
    readFileSync(path.join(repoRoot, 'examples/pod-delete/engine.yaml'), 'utf8'),
  ) as ChaosEngine;
  engine.metadata = { name, annotations: { [outcomeAnnotation]: outcome } };
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(engine));
  return file;
}

export const exampleRbac = path.join(repoRoot, 'examples/pod-delete/rbac.yaml');

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
