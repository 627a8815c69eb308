// Applying manifests all-or-nothing: a server-side dry run of every object first, then server-side
// apply in dependency order under our own field manager, remembering what we created so cleanup
// removes exactly that.
import {
  KubernetesObjectApi,
  PatchStrategy,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { CannotRunError } from '../errors.ts';
import { describeApiError, statusCode } from './errors.ts';
import type { Manifest } from './manifests.ts';

export const fieldManager = 'chaos-gate';
export const runLabel = 'chaos-gate.io/run';

export interface AppliedObject {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  /** False when the object existed before the run: cleanup leaves it alone. */
  created: boolean;
  source: string;
}

const applyOrder: Manifest['role'][] = ['rbac', 'experiment', 'engine'];

export class ManifestApplier {
  readonly #api: KubernetesObjectApi;
  readonly #defaultNamespace: string;

  constructor(kc: KubeConfig, defaultNamespace: string) {
    this.#api = KubernetesObjectApi.makeApiClient(kc);
    this.#defaultNamespace = defaultNamespace;
  }

  /** Sets namespace and run labels as they will be applied. Pure, so preflight and apply see the same object. */
  prepare(manifests: Manifest[], runId: string): Manifest[] {
    return manifests.map((manifest) => {
      const { object } = manifest;
      const namespaced =
        object.metadata.namespace ?? (isClusterScoped(object) ? undefined : this.#defaultNamespace);
      return {
        ...manifest,
        object: {
          ...object,
          metadata: {
            ...object.metadata,
            ...(namespaced ? { namespace: namespaced } : {}),
            labels: {
              ...object.metadata.labels,
              'app.kubernetes.io/managed-by': 'chaos-gate',
              [runLabel]: runId,
            },
          },
        },
      };
    });
  }

  /**
   * Everything that can be checked without changing the cluster: each object passes a server-side
   * dry-run apply (schema, admission, permissions), and no engine of the same name is still there.
   * Returns every problem, so the user fixes them in one go.
   */
  async preflight(manifests: Manifest[]): Promise<string[]> {
    const problems: string[] = [];
    for (const manifest of manifests) {
      try {
        if (manifest.role === 'engine' && manifest.object.metadata.name) {
          const existing = await this.#read(manifest.object);
          if (existing) {
            problems.push(
              `${manifest.source}: a ChaosEngine with this name already exists in namespace ${existing.metadata?.namespace}; ` +
                'delete it, or use metadata.generateName so each run gets its own engine',
            );
            continue;
          }
        }
        if (manifest.object.metadata.name) {
          await this.#api.patch(
            manifest.object,
            undefined,
            'All',
            fieldManager,
            true,
            PatchStrategy.ServerSideApply,
          );
        } else {
          await this.#api.create(manifest.object, undefined, 'All', fieldManager);
        }
      } catch (error) {
        problems.push(describeApiError(`${manifest.source}: rejected by the server`, error));
      }
    }
    return problems;
  }

  /** Applies in order RBAC → ChaosExperiments → ChaosEngines; calls `onApplied` as each lands. */
  async apply(manifests: Manifest[], onApplied: (applied: AppliedObject) => void): Promise<void> {
    const ordered = applyOrder.flatMap((role) => manifests.filter((m) => m.role === role));
    for (const manifest of ordered) {
      const { object } = manifest;
      try {
        const existed = object.metadata.name ? (await this.#read(object)) !== undefined : false;
        const result = object.metadata.name
          ? await this.#api.patch(
              object,
              undefined,
              undefined,
              fieldManager,
              true,
              PatchStrategy.ServerSideApply,
            )
          : await this.#api.create(object, undefined, undefined, fieldManager);
        onApplied({
          apiVersion: object.apiVersion ?? '',
          kind: object.kind ?? '',
          namespace: result.metadata?.namespace,
          name: result.metadata?.name ?? '',
          uid: result.metadata?.uid,
          created: !existed,
          source: manifest.source,
        });
      } catch (error) {
        throw new CannotRunError(describeApiError(`${manifest.source}: apply failed`, error));
      }
    }
  }

  /** Deletes what this run created, newest first (engines before RBAC). Returns problems, not throws. */
  async remove(applied: AppliedObject[]): Promise<string[]> {
    const problems: string[] = [];
    for (const object of [...applied].reverse().filter((a) => a.created)) {
      try {
        await this.#api.delete(
          {
            apiVersion: object.apiVersion,
            kind: object.kind,
            metadata: { name: object.name, namespace: object.namespace },
          },
          undefined,
          undefined,
          undefined,
          undefined,
          'Background',
        );
      } catch (error) {
        if (statusCode(error) !== 404)
          problems.push(describeApiError(`deleting ${object.kind} ${object.name}`, error));
      }
    }
    return problems;
  }

  async #read(object: KubernetesObject): Promise<KubernetesObject | undefined> {
    try {
      return await this.#api.read({
        apiVersion: object.apiVersion ?? '',
        kind: object.kind ?? '',
        metadata: { name: object.metadata?.name ?? '', namespace: object.metadata?.namespace },
      });
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }
}

const clusterScopedKinds = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
]);

function isClusterScoped(object: KubernetesObject): boolean {
  return clusterScopedKinds.has(object.kind ?? '');
}
