// What a run has put into the cluster — applied manifests, a submitted workflow, the engines it
// started — and the two ways of taking it back: stop the chaos, and clean up per policy.
import type { ArgoClient } from '../argo/client.ts';
import type { WorkflowObject } from '../argo/submit.ts';
import type { Workflow } from '../argo/types.ts';
import type { CleanupPolicy } from '../config/load.ts';
import { errorMessage } from '../errors.ts';
import { runLabel, type AppliedObject, type ManifestApplier } from '../kube/apply.ts';
import type { Manifest } from '../kube/manifests.ts';
import type { LitmusClient } from '../litmus/client.ts';
import type { EngineRef } from '../litmus/condition.ts';
import type { ChaosEngine } from '../litmus/types.ts';

export class RunResources {
  readonly applied: AppliedObject[] = [];
  workflow?: Workflow;
  readonly #litmus: LitmusClient;
  readonly #applier: ManifestApplier;
  readonly #argo: ArgoClient | undefined;
  readonly #log: (line: string) => void;
  readonly #shutdown: 'Stop' | 'Terminate';
  readonly #runId: string;
  readonly #cleanup: CleanupPolicy;

  constructor(deps: {
    litmus: LitmusClient;
    applier: ManifestApplier;
    argo?: ArgoClient;
    log: (line: string) => void;
    shutdown: 'Stop' | 'Terminate';
    runId: string;
    cleanup: CleanupPolicy;
  }) {
    this.#litmus = deps.litmus;
    this.#applier = deps.applier;
    this.#argo = deps.argo;
    this.#log = deps.log;
    this.#shutdown = deps.shutdown;
    this.#runId = deps.runId;
    this.#cleanup = deps.cleanup;
  }

  /** Applies the manifests in order, remembering each object as it lands. */
  async apply(prepared: Manifest[]): Promise<void> {
    await this.#applier.apply(prepared, (object) => {
      this.applied.push(object);
      this.#log(
        `[chaos-gate] applied ${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`,
      );
    });
  }

  async submit(workflow: WorkflowObject): Promise<void> {
    if (!this.#argo) return;
    this.workflow = await this.#argo.create(workflow);
    const { namespace, name } = this.workflow.metadata;
    this.#log(`[chaos-gate] submitted Workflow ${namespace}/${name}`);
  }

  /** Selects what this run applied, so its watches see nothing of other runs or users. */
  get selector(): string {
    return `${runLabel}=${this.#runId}`;
  }

  /** The engines this run applied itself. */
  appliedEngines(): EngineRef[] {
    return this.applied
      .filter((a) => a.kind === 'ChaosEngine')
      .map((a) => ({ namespace: a.namespace ?? '', name: a.name, uid: a.uid ?? '' }));
  }

  /** The engines the submitted workflow has created so far. */
  async workflowEngines(): Promise<ChaosEngine[]> {
    const workflow = this.workflow;
    if (!workflow?.metadata.uid) return [];
    const namespace = workflow.metadata.namespace ?? '';
    const since = workflow.metadata.creationTimestamp ?? new Date().toISOString();
    return this.#litmus.enginesOfWorkflow(namespace, workflow.metadata.uid, since);
  }

  /**
   * Stops every engine of the run first — terminating a workflow does not stop chaos pods — then
   * shuts the workflow down. Never throws: each failure is logged and the rest still happens.
   */
  async stopChaos(): Promise<void> {
    const fromWorkflow = await this.workflowEngines().catch((error: unknown) => {
      this.#log(`[chaos-gate] WARNING: could not list the workflow's ChaosEngines: ${errorMessage(error)}`);
      return [];
    });
    const engines = [
      ...this.appliedEngines(),
      ...fromWorkflow.map((e) => ({ namespace: e.metadata.namespace ?? '', name: e.metadata.name ?? '' })),
    ];
    for (const engine of engines) {
      try {
        await this.#litmus.stopEngine(engine.namespace, engine.name);
        this.#log(`[chaos-gate] stopped ChaosEngine ${engine.namespace}/${engine.name}`);
      } catch (error) {
        this.#log(
          `[chaos-gate] WARNING: could not stop ChaosEngine ${engine.namespace}/${engine.name}: ${errorMessage(error)}`,
        );
      }
    }
    const workflow = this.workflow;
    if (this.#argo && workflow?.metadata.name) {
      const where = `${workflow.metadata.namespace}/${workflow.metadata.name}`;
      try {
        await this.#argo.shutdown(workflow.metadata.namespace ?? '', workflow.metadata.name, this.#shutdown);
        this.#log(`[chaos-gate] workflow ${where}: shutdown ${this.#shutdown}`);
      } catch (error) {
        this.#log(`[chaos-gate] WARNING: could not shut down workflow ${where}: ${errorMessage(error)}`);
      }
    }
  }

  /** Deletes what the run created (engines first, RBAC last, then the workflow and the engines' results). */
  async cleanup(passed: boolean): Promise<void> {
    const policy = this.#cleanup;
    const runId = this.#runId;
    const created = this.applied.filter((a) => a.created).length + (this.workflow ? 1 : 0);
    if (policy === 'never' || (policy === 'on-success' && !passed)) {
      this.#log(`[chaos-gate] cleanup ${policy}: leaving ${created} object(s) in place`);
      return;
    }
    const problems = await this.#applier.remove(this.applied);
    const workflow = this.workflow;
    if (this.#argo && workflow?.metadata.name) {
      await this.#argo
        .delete(workflow.metadata.namespace ?? '', workflow.metadata.name)
        .catch((error: unknown) => {
          problems.push(`deleting workflow ${workflow.metadata.name}: ${errorMessage(error)}`);
        });
    }
    const engines = this.appliedEngines();
    for (const namespace of new Set(engines.map((e) => e.namespace))) {
      const uids = engines.filter((e) => e.namespace === namespace).map((e) => e.uid);
      await this.#litmus
        .deleteResults(namespace, `chaosUID in (${uids.join(',')})`)
        .catch((error: unknown) => {
          problems.push(`deleting ChaosResults in ${namespace}: ${errorMessage(error)}`);
        });
    }
    problems.forEach((p) => this.#log(`[chaos-gate] WARNING: cleanup: ${p}`));
    this.#log(`[chaos-gate] cleanup: removed ${created} object(s) created by run ${runId}`);
  }
}
