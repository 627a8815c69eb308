// What a run has put into the cluster — applied manifests, a submitted workflow, the engines it
// started — and the two ways of taking it back: stop the chaos (stop.ts), and clean up per policy.
import { ArgoClient } from '../argo/client.ts';
import { isWorkflowCompleted } from '../argo/condition.ts';
import { argoApiVersion, type WorkflowObject } from '../argo/submit.ts';
import type { LiveWorkflow } from '../argo/types.ts';
import type { CleanupPolicy } from '../config/load.ts';
import { ManifestApplier, runLabel, type AppliedObject, type Removal } from '../kube/apply.ts';
import { limited, type Connection } from '../kube/client.ts';
import { describeApiError, unanswered } from '../kube/errors.ts';
import { retryUntil } from '../kube/retry.ts';
import type { Manifest } from '../kube/manifests.ts';
import { LitmusClient, workflowRunLabel } from '../litmus/client.ts';
import { engineKey, type EngineRef } from '../litmus/condition.ts';
import type { ChaosEngine } from '../litmus/types.ts';
import { isEngineFinished } from '../litmus/verdict.ts';
import { allConfirmed, stopRunChaos, type StopReport, type WorkflowRef } from './stop.ts';
import { runOver } from './run-over.ts';
import { describeUnconfirmed } from './stop-report.ts';
import type { Warn } from './warnings.ts';

export interface ResourceSettings {
  /** The run's connection: ended by its deadline and a cancel. */
  connection: Connection;
  runId: string;
  /**
   * Where applies and the submit go out: a connection a cancel or the timeout does not cut, so a write
   * the server is carrying out is answered, never left to land unseen after the run looked for what
   * it created. Only the second signal ends it.
   */
  sending: Connection;
  /** Applies on `sending`; built from the one preflight used, so what preflight read is not read again. */
  applier: ManifestApplier;
  /** Where the run's engines and workflows may be. */
  namespaces: string[];
  shutdown: 'Stop' | 'Terminate';
  /** `kubectl` and the flags that reach the cluster, for the commands that stop what is not confirmed. */
  kubectl: string;
  cleanup: CleanupPolicy;
  /** How long stopping, and then cleaning up, may take. */
  stopTimeoutMs: number;
  log: (line: string) => void;
  /** The run's warnings (warnings.ts): a cleanup that leaves an object behind. */
  warn: Warn;
  /** Hears what the run has created each time it grows, for a front to clean up after a killed run. */
  onCreated?: (created: Created) => void;
}

/**
 * What a run's cleanup takes back: what it applied, the workflow it submitted, and the key of its
 * records on shared objects (kube/apply.ts). Once its cleanup ran, only what that left.
 */
export interface Created {
  record: string;
  applied: AppliedObject[];
  workflow?: WorkflowRef;
  /** Once its cleanup ran, the engines whose ChaosResults it could not delete; before, every engine's. */
  results?: EngineRef[];
}

/** Whether a cleanup has anything to take back of what a run recorded. */
export const anythingLeft = ({ applied, workflow, results }: Created): boolean =>
  applied.length > 0 || !!workflow || (results?.length ?? 0) > 0;

export class RunResources {
  /** What the run applied, less what its cleanup took back. */
  readonly applied: AppliedObject[] = [];
  /** The workflow it submitted, as the run last saw it, until its cleanup deletes it. */
  workflow?: LiveWorkflow;
  /** Set by the cleanup: the engines whose ChaosResults are still to delete (Created.results). */
  #resultsLeft?: EngineRef[];
  /** Something may have been created: an apply or submit was sent, answered or not. */
  started = false;
  /** An apply or submit got no answer (or a 5xx): it may have created what the run does not know about. */
  #unanswered = { engines: false, workflows: false };
  /** The engine manifests sent to the cluster, to know one of them when the stop finds it by label. */
  #engineManifests: Manifest[] = [];
  /** Set while the run's next report of what it created is queued. */
  #telling = false;
  readonly #settings: ResourceSettings;

  constructor(settings: ResourceSettings) {
    this.#settings = settings;
  }

  /**
   * The resources of a run that was killed, as it recorded them (onCreated), for its cleanup. `applier`
   * must carry the run's id and record key, so only its own records are taken off shared objects.
   */
  static recorded(settings: ResourceSettings, created: Created): RunResources {
    const resources = new RunResources(settings);
    resources.applied.push(...created.applied);
    const { workflow, results } = created;
    if (workflow) resources.workflow = { metadata: { ...workflow } };
    resources.#resultsLeft = results;
    return resources;
  }

  #tellCreated(): void {
    const { onCreated } = this.#settings;
    if (!onCreated || this.#telling) return;
    // The objects of an apply group land at once: one report for them all, sent before any I/O, so a
    // record of a hundred engines is not written a hundred times.
    this.#telling = true;
    queueMicrotask(() => {
      this.#telling = false;
      const workflow = this.workflow?.metadata;
      onCreated({
        record: this.#settings.applier.record,
        applied: [...this.applied],
        ...(workflow?.name
          ? { workflow: { namespace: workflow.namespace ?? '', name: workflow.name, uid: workflow.uid } }
          : {}),
        ...(this.#resultsLeft ? { results: [...this.#resultsLeft] } : {}),
      });
    });
  }

  #applier(connection: Connection): ManifestApplier {
    return this.#settings.applier.on(connection);
  }

  /** Applies the manifests in order, remembering each object as it lands; none sent after `until`. */
  async apply(prepared: Manifest[], until: AbortSignal): Promise<void> {
    this.started = true;
    this.#engineManifests = prepared.filter((m) => m.role === 'engine');
    await this.#settings.applier
      .apply(
        prepared,
        (object, note) => {
          this.applied.push(object);
          this.#tellCreated();
          const where = `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
          this.#settings.log(`[chaos-gate] ${note ? `${where} ${note}` : `applied ${where}`}`);
        },
        until,
      )
      .catch((error: unknown) => {
        if (unanswered(error)) this.#unanswered.engines = true;
        throw error;
      });
  }

  async submit(workflow: WorkflowObject): Promise<void> {
    this.started = true;
    this.workflow = await new ArgoClient(this.#settings.sending).create(workflow).catch((error: unknown) => {
      if (unanswered(error)) this.#unanswered.workflows = true;
      throw error;
    });
    this.#tellCreated();
    const { namespace, name } = this.workflow.metadata;
    this.#settings.log(`[chaos-gate] submitted Workflow ${namespace}/${name}`);
  }

  /** Selects what this run applied, so its watches see nothing of other runs or users. */
  get selector(): string {
    return `${runLabel}=${this.#settings.runId}`;
  }

  /** The engines this run applied itself. */
  appliedEngines(): EngineRef[] {
    return this.applied
      .filter((a) => a.kind === 'ChaosEngine')
      .map((a) => ({ namespace: a.namespace ?? '', name: a.name, uid: a.uid ?? '' }));
  }

  /** An engine the run applied, as its manifest has it, with the uid the server gave it. */
  appliedEngine(ref: EngineRef): ChaosEngine | undefined {
    const manifest = this.#engineManifest(engineKey(ref));
    return (
      manifest &&
      ({ ...manifest.object, metadata: { ...manifest.object.metadata, uid: ref.uid } } as ChaosEngine)
    );
  }

  #engineManifest(key: string): Manifest | undefined {
    return this.#engineManifests.find(
      (m) => `${m.object.metadata.namespace ?? ''}/${m.object.metadata.name ?? ''}` === key,
    );
  }

  /** The engines the submitted workflow has created so far: those labelled with its uid. */
  async workflowEngines(connection: Connection): Promise<ChaosEngine[]> {
    const uid = this.workflow?.metadata.uid;
    if (!uid) return [];
    const litmus = new LitmusClient(connection);
    const found = await Promise.all(
      this.#settings.namespaces.map((ns) => litmus.enginesLabelled(ns, `${workflowRunLabel}=${uid}`)),
    );
    return found.flat();
  }

  /**
   * The engines the submitted workflow created that have not finished (`namespace/name`). Once the
   * workflow has ended, none should run: the controller ended it while a chaos step still waited
   * for its engine (an error mid-run), and nothing of the workflow's will stop that chaos now.
   */
  async unfinishedWorkflowEngines(connection: Connection): Promise<string[]> {
    return (await this.workflowEngines(connection))
      .filter((engine) => !isEngineFinished(engine))
      .map((engine) => `${engine.metadata.namespace ?? ''}/${engine.metadata.name ?? ''}`);
  }

  /**
   * Stops every engine of the run and confirms it, then shuts the workflow down. Never throws: what
   * is not confirmed is in the returned report and logged with the command that stops it.
   */
  async stopChaos(hurry: AbortSignal): Promise<StopReport> {
    const { connection, runId, namespaces, shutdown, kubectl, stopTimeoutMs, log } = this.#settings;
    const live = this.workflow;
    const stops = await stopRunChaos(
      connection,
      {
        runId,
        namespaces,
        engines: this.appliedEngines(),
        workflows: live?.metadata.name
          ? [
              {
                namespace: live.metadata.namespace ?? '',
                name: live.metadata.name,
                uid: live.metadata.uid,
                ended: isWorkflowCompleted(live),
              },
            ]
          : [],
        search: this.#unanswered,
      },
      { deadlineMs: stopTimeoutMs, hurry, log, shutdown },
    );
    describeUnconfirmed(stops, { kubectl, strategy: shutdown }).forEach((line) => log(line));
    this.#adoptFound(stops);
    return stops;
  }

  /**
   * An engine of the run's own manifests that the stop found by label though its apply got no answer
   * (a cancel, a dropped connection) was created by the run: the cleanup removes it with the rest.
   */
  #adoptFound(stops: StopReport): void {
    const known = new Set(this.appliedEngines().map((e) => `${e.namespace}/${e.name}`));
    const before = this.applied.length;
    for (const { ref } of stops.engines) {
      const key = `${ref.namespace}/${ref.name}`;
      const manifest = this.#engineManifest(key);
      if (!manifest || known.has(key)) continue;
      known.add(key);
      this.applied.push({
        role: 'engine',
        apiVersion: manifest.object.apiVersion ?? '',
        kind: 'ChaosEngine',
        namespace: ref.namespace,
        name: ref.name,
        uid: ref.uid,
        ownership: 'run',
      });
    }
    if (this.applied.length > before) this.#tellCreated();
  }

  /** The workflow the run submitted, as its cleanup takes it back: an object of the run's own. */
  #submitted(): AppliedObject[] {
    const workflow = this.workflow?.metadata;
    if (!workflow?.name) return [];
    const { namespace, name, uid } = workflow;
    return [
      {
        role: 'workflow',
        apiVersion: argoApiVersion,
        kind: 'Workflow',
        namespace,
        name,
        uid,
        ownership: 'run',
      },
    ];
  }

  /** After the cleanup: what it created is what the cleanup left, and the record says so. */
  #keepOnly(left: AppliedObject[], resultsLeft: EngineRef[]): void {
    this.applied.splice(0, this.applied.length, ...left.filter((object) => object.role !== 'workflow'));
    if (!left.some((object) => object.role === 'workflow')) this.workflow = undefined;
    this.#resultsLeft = resultsLeft;
    this.#tellCreated();
  }

  /**
   * Deletes what the run created (engines first, RBAC last, then the workflow and the engines'
   * results) and says what it really removed; what it created is then only what the cleanup left,
   * so a later cleanup (the action's post step) neither deletes again nor mentions the rest. Nothing
   * is deleted while chaos may still be running: the engines must stay visible, and their RBAC is
   * what the experiments need to revert.
   */
  async cleanup(passed: boolean, hurry: AbortSignal, stops?: StopReport): Promise<void> {
    const { cleanup: policy, log, stopTimeoutMs } = this.#settings;
    const applied = this.applied.filter((a) => a.ownership !== 'foreign').length + (this.workflow ? 1 : 0);
    if (policy === 'never' || (policy === 'on-success' && !passed)) {
      log(`[chaos-gate] cleanup ${policy}: leaving ${applied} object(s) in place`);
      return;
    }
    if (stops && !allConfirmed(stops)) {
      log(`[chaos-gate] cleanup skipped: chaos may still be running; ${applied} object(s) left in place`);
      return;
    }
    if (hurry.aborted) {
      log(`[chaos-gate] cleanup skipped: leaving now; ${applied} object(s) left in place`);
      return;
    }
    const deadline = AbortSignal.any([hurry, AbortSignal.timeout(stopTimeoutMs)]);
    const connection = limited(this.#settings.connection, { signal: deadline });
    // A server out of reach for a moment is asked again until the deadline, as for the stop.
    const persist = <T>(call: () => Promise<T>) =>
      retryUntil(call, { signal: deadline, isFinal: (error) => !unanswered(error) });
    const engines = this.#resultsLeft ?? this.appliedEngines();
    const removal = await this.#applier(connection).remove(
      [...this.applied, ...this.#submitted()],
      deadline,
      runOver(connection),
    );
    const litmus = new LitmusClient(connection);
    const resultsLeft: EngineRef[] = [];
    for (const namespace of new Set(engines.map((e) => e.namespace))) {
      const of = engines.filter((e) => e.namespace === namespace);
      const uids = of.map((e) => e.uid);
      const deleted = await persist(() => litmus.deleteResults(namespace, `chaosUID in (${uids.join(',')})`));
      if (deleted.ok)
        removal.removed.push(...deleted.value.map((name) => `ChaosResult ${namespace}/${name}`));
      else {
        removal.problems.push(describeApiError(`deleting ChaosResults in ${namespace}`, deleted.error));
        resultsLeft.push(...of);
      }
    }
    this.#keepOnly(removal.left, resultsLeft);
    logRemoval(removal, log, this.#settings.warn);
  }
}

function logRemoval(removal: Removal, log: (line: string) => void, warn: Warn): void {
  const list = (items: string[]) => (items.length > 0 ? `: ${items.join(', ')}` : '');
  for (const { runId, why, from } of removal.pruned)
    log(
      `[chaos-gate] cleanup: removed the record of run ${runId} from ${from.length} shared object(s) (${from.join(', ')}): ${why}`,
    );
  log(`[chaos-gate] cleanup: removed ${removal.removed.length} object(s)${list(removal.removed)}`);
  if (removal.kept.length > 0)
    log(`[chaos-gate] cleanup: kept ${removal.kept.length} shared object(s)${list(removal.kept)}`);
  if (removal.alreadyGone.length > 0)
    log(`[chaos-gate] cleanup: ${removal.alreadyGone.length} already gone${list(removal.alreadyGone)}`);
  removal.problems.forEach((p) => warn(`cleanup: ${p}`));
}
