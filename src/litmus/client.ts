// The LitmusChaos calls chaos-gate makes: is Litmus installed, list engines and results (for the
// watches), stop an engine, delete the results of a run.
import { CustomObjectsApi, PatchStrategy, setHeaderOptions, type KubeConfig } from '@kubernetes/client-node';
import { CannotRunError } from '../errors.ts';
import { apiError, statusCode } from '../kube/errors.ts';
import type { WatchTarget } from '../kube/watch.ts';
import { litmusGroup, litmusVersion, type ChaosEngine, type ChaosResult } from './types.ts';

export const enginePlural = 'chaosengines';
export const resultPlural = 'chaosresults';
const requiredResources = ['chaosengines', 'chaosresults'];

export class LitmusClient {
  readonly #api: CustomObjectsApi;

  constructor(kc: KubeConfig) {
    this.#api = kc.makeApiClient(CustomObjectsApi);
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

  list = async <T extends ChaosEngine | ChaosResult>(
    target: WatchTarget,
  ): Promise<{ items: T[]; metadata?: { resourceVersion?: string } }> => {
    const listed: unknown = await this.#api.listNamespacedCustomObject({
      group: target.group,
      version: target.version,
      namespace: target.namespace,
      plural: target.plural,
      labelSelector: target.labelSelector,
      fieldSelector: target.fieldSelector,
    });
    return listed as { items: T[]; metadata?: { resourceVersion?: string } };
  };

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

  /**
   * Engines a workflow created: labelled with its UID (`workflow_run_id`, as ChaosCenter workflows do),
   * or created in the namespace since the workflow was submitted.
   */
  async enginesOfWorkflow(namespace: string, workflowUid: string, since: string): Promise<ChaosEngine[]> {
    const { items } = await this.list<ChaosEngine>(this.target(enginePlural, namespace));
    return items.filter(
      (engine) =>
        engine.metadata.labels?.workflow_run_id === workflowUid ||
        (engine.metadata.creationTimestamp ?? '') >= since,
    );
  }

  async deleteResults(namespace: string, labelSelector: string): Promise<void> {
    await this.#api.deleteCollectionNamespacedCustomObject({
      group: litmusGroup,
      version: litmusVersion,
      namespace,
      plural: resultPlural,
      labelSelector,
    });
  }
}
