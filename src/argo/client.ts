// The Argo Workflows calls chaos-gate makes through the Kubernetes API (no Argo Server needed).
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { CannotRunError } from '../errors.ts';
import { apiClient, type Connection } from '../kube/client.ts';
import { apiError, statusCode } from '../kube/errors.ts';
import { listObjects, type Listed, type WatchTarget } from '../kube/watch.ts';
import type { TemplateRef, WorkflowObject } from './submit.ts';
import type { WorkflowTemplateObject } from './template-refs.ts';
import type { LiveWorkflow } from './types.ts';

const group = 'argoproj.io';
const version = 'v1alpha1';
const workflowPlural = 'workflows';

export class ArgoClient {
  readonly #api: CustomObjectsApi;

  constructor(connection: Connection) {
    this.#api = apiClient(connection, CustomObjectsApi);
  }

  async assertInstalled(): Promise<void> {
    let served: string[] = [];
    try {
      served = (await this.#api.getAPIResources({ group, version })).resources.map((r) => r.name);
    } catch (error) {
      if (statusCode(error) !== 404)
        throw apiError(`checking for Argo Workflows (${group}/${version})`, error);
    }
    if (!served.includes(workflowPlural)) {
      throw new CannotRunError(
        `Argo Workflows is not installed in this cluster: CRD ${workflowPlural}.${group} not found`,
      );
    }
  }

  /**
   * Creates the workflow; with `dryRun` the server only validates it (schema, admission, permissions).
   * Strict, as kubectl: a field the Workflow CRD's schema does not have is refused, not dropped.
   */
  async create(workflow: WorkflowObject, dryRun = false): Promise<LiveWorkflow> {
    const created: unknown = await this.#api.createNamespacedCustomObject({
      group,
      version,
      namespace: workflow.metadata.namespace ?? 'default',
      plural: workflowPlural,
      body: workflow,
      dryRun: dryRun ? 'All' : undefined,
      fieldValidation: 'Strict',
    });
    return created as LiveWorkflow;
  }

  /** The (Cluster)WorkflowTemplate (a workflow is submitted in `namespace`); undefined on a 404. */
  async readTemplate(ref: TemplateRef, namespace: string): Promise<WorkflowTemplateObject | undefined> {
    const reading = ref.clusterScope
      ? this.#api.getClusterCustomObject({
          group,
          version,
          plural: 'clusterworkflowtemplates',
          name: ref.name,
        })
      : this.#api.getNamespacedCustomObject({
          group,
          version,
          namespace,
          plural: 'workflowtemplates',
          name: ref.name,
        });
    return reading.then(
      (template: unknown) => template as WorkflowTemplateObject,
      (error: unknown) => {
        if (statusCode(error) === 404) return undefined;
        throw error;
      },
    );
  }

  /** `argo stop` / `argo terminate`: a merge patch of spec.shutdown. */
  async shutdown(namespace: string, name: string, strategy: 'Stop' | 'Terminate'): Promise<void> {
    await this.#api.patchNamespacedCustomObject(
      { group, version, namespace, plural: workflowPlural, name, body: { spec: { shutdown: strategy } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  }

  target(namespace: string, labelSelector?: string): WatchTarget {
    return { group, version, plural: workflowPlural, namespace, labelSelector };
  }

  list = (target: WatchTarget): Promise<Listed<LiveWorkflow>> => listObjects(this.#api, target);
}
