// The LitmusChaos calls chaos-gate makes: is Litmus installed, list engines and results (for the
// watches), stop an engine, delete the results of a run.
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { CannotRunError } from '../errors.ts';
import { apiClient, type Connection } from '../kube/client.ts';
import { apiError, statusCode } from '../kube/errors.ts';
import { listObjects, type Listed, type WatchTarget } from '../kube/watch.ts';
import { litmusGroup, litmusVersion, type ChaosEngine, type ChaosResult } from './types.ts';

export const enginePlural = 'chaosengines';
export const resultPlural = 'chaosresults';
/** The label ChaosCenter workflows put on the engines they create: `{{workflow.uid}}`. */
export const workflowRunLabel = 'workflow_run_id';
const requiredResources = ['chaosengines', 'chaosresults'];

export class LitmusClient {
  readonly #api: CustomObjectsApi;

  constructor(connection: Connection) {
    this.#api = apiClient(connection, CustomObjectsApi);
  }

  /** Fails with a plain message when the Litmus CRDs are not served (discovery needs no special rights). */
  async assertInstalled(extra: string[] = []): Promise<void> {
    let served: string[];
    try {
      const list = await this.#api.getAPIResources({ group: litmusGroup, version: litmusVersion });
      served = list.resources.map((r) => r.name);
    } catch (error) {
      if (statusCode(error) !== 404)
        throw apiError(`checking for LitmusChaos (${litmusGroup}/${litmusVersion})`, error);
      served = [];
    }
    const missing = [...requiredResources, ...extra].find((plural) => !served.includes(plural));
    if (missing) {
      throw new CannotRunError(
        `LitmusChaos is not installed in this cluster: CRD ${missing}.${litmusGroup} not found`,
      );
    }
  }

  target(plural: string, namespace: string, labelSelector?: string): WatchTarget {
    return { group: litmusGroup, version: litmusVersion, plural, namespace, labelSelector };
  }

  list = <T extends ChaosEngine | ChaosResult>(target: WatchTarget): Promise<Listed<T>> =>
    listObjects<T>(this.#api, target);

  /**
   * Asks the operator to abort: it deletes the chaos pods and the experiments revert their faults.
   * A merge patch without resourceVersion, because the runner rewrites the engine every ~2 s.
   */
  async stopEngine(namespace: string, name: string): Promise<void> {
    await this.#api.patchNamespacedCustomObject(
      {
        group: litmusGroup,
        version: litmusVersion,
        namespace,
        plural: enginePlural,
        name,
        body: { spec: { engineState: 'stop' } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  }

  /** The ChaosResult of this name, or undefined when there is none. */
  async getResult(namespace: string, name: string): Promise<ChaosResult | undefined> {
    try {
      const result: unknown = await this.#api.getNamespacedCustomObject({
        group: litmusGroup,
        version: litmusVersion,
        namespace,
        plural: resultPlural,
        name,
      });
      return result as ChaosResult;
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw apiError(`reading ChaosResult ${namespace}/${name}`, error);
    }
  }

  /** The engines in a namespace that carry these labels. */
  async enginesLabelled(namespace: string, labelSelector: string): Promise<ChaosEngine[]> {
    return (await this.list<ChaosEngine>(this.target(enginePlural, namespace, labelSelector))).items;
  }

  /** Deletes the results a selector matches; returns their names (the server answers with what it deleted). */
  async deleteResults(namespace: string, labelSelector: string): Promise<string[]> {
    const deleted: unknown = await this.#api.deleteCollectionNamespacedCustomObject({
      group: litmusGroup,
      version: litmusVersion,
      namespace,
      plural: resultPlural,
      labelSelector,
    });
    const items = (deleted as { items?: { metadata?: { name?: string } }[] }).items ?? [];
    return items.map((item) => item.metadata?.name ?? '');
  }
}
