// Applying manifests all-or-nothing: a server-side dry run of every object first, then server-side
// apply in dependency order under our own field manager, remembering what we applied so cleanup takes
// back exactly that.
//
// Who owns what:
// - A ChaosEngine belongs to the run that applied it (preflight refuses a name that is taken), and so
//   does the workflow it submitted; either is deleted only if its uid is the one the run created.
// - RBAC and ChaosExperiments may be shared by runs going on at the same time. Each run records itself
//   on the object (annotation `users.chaos-gate.io/<record>`, the record unique to the run, so a later
//   run under the same id does not take an earlier one's record for its own; its value says the run
//   id, when, and where its chaos may be); cleanup removes its record and deletes the object only when
//   no other run's record is left, with a resourceVersion precondition so a run that registers in
//   between keeps it. A record whose run is provably over (a killed run's; the caller judges) is
//   removed on the way.
// - An object that already exists and was not made by chaos-gate (no managed-by label) is used as it
//   is: never changed, relabelled or deleted.
import {
  HttpMethod,
  KubernetesObjectApi,
  PatchStrategy,
  type KubernetesObject,
  type V1APIResource,
} from '@kubernetes/client-node';
import pMap, { pMapSettled } from 'p-map';
import { CancelledError, CannotRunError } from '../errors.ts';
import { fieldPath } from '../schema-issues.ts';
import { isClusterScopedKind, isCustomResource } from './kinds.ts';
import { apiClient, type Connection } from './client.ts';
import { describeApiError, missingNamespace, statusCode, unanswered, unknownFields } from './errors.ts';
import { retryUntil } from './retry.ts';
import type { Manifest } from './manifests.ts';
import { isRecord } from '../is-record.ts';

export const fieldManager = 'chaos-gate';
/** Records of runs on shared objects are written under their own manager, outside the applied fields. */
const usersFieldManager = 'chaos-gate-users';
export const runLabel = 'chaos-gate.io/run';
export const managedBy = { 'app.kubernetes.io/managed-by': 'chaos-gate' };
const usersPrefix = 'users.chaos-gate.io/';

/** How cleanup treats an applied object. */
export type Ownership = 'run' | 'shared' | 'foreign';

export interface AppliedObject {
  /** A manifest's role, or the workflow the run submitted, which its cleanup deletes as one of its own. */
  role: Manifest['role'] | 'workflow';
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  ownership: Ownership;
}

export interface Removal {
  removed: string[];
  /** Shared objects another run still uses, with its id. */
  kept: string[];
  alreadyGone: string[];
  problems: string[];
  /** The objects whose delete failed (`problems`): still to take back. */
  left: AppliedObject[];
  /** Records of runs that are over, removed from shared objects (`from`), and why each run is over. */
  pruned: { runId: string; why: string; from: string[] }[];
}

/** A run's record on a shared object. */
export interface RunRecord {
  /** Unique to the run: the annotation key is `users.chaos-gate.io/<key>`. */
  key: string;
  runId: string;
  /**
   * When the run recorded itself, and the namespaces its engines, workflows and leases may be in.
   * Unknown in a record of an earlier release, whose value was the run id alone.
   */
  at?: string;
  chaosIn?: string[];
}

/** Why the run of another run's record is over, or undefined while it may still be running. Never throws. */
export type RunOver = (record: RunRecord) => Promise<string | undefined>;

/** The records of runs on an object. */
export function recordsOn(object: KubernetesObject): RunRecord[] {
  return Object.entries(object.metadata?.annotations ?? {})
    .filter(([key]) => key.startsWith(usersPrefix))
    .map(([annotation, value]) => {
      const key = annotation.slice(usersPrefix.length);
      const parsed = parseRecordValue(value);
      if (!parsed) return { key, runId: value || key };
      const { run, at, chaosIn } = parsed;
      return {
        key,
        runId: run,
        ...(typeof at === 'string' ? { at } : {}),
        ...(Array.isArray(chaosIn) && chaosIn.every((n) => typeof n === 'string') ? { chaosIn } : {}),
      };
    });
}

/**
 * The run a record keeps an object for. A record of an earlier release says neither when nor where its
 * run was, so no cleanup can tell that run is over: the line says how to remove it by hand.
 */
function describeUser(record: RunRecord, object: KubernetesObject): string {
  if (record.at) return `run ${record.runId}`;
  const { namespace, name } = object.metadata ?? {};
  const where = namespace ? `-n ${namespace} ` : '';
  return (
    `run ${record.runId}, whose record an earlier release wrote and no cleanup removes; once that run is over: ` +
    `kubectl annotate ${where}${object.kind?.toLowerCase() ?? ''}/${name ?? ''} ${usersPrefix}${record.key}-`
  );
}

function parseRecordValue(value: string): { run: string; at?: unknown; chaosIn?: unknown[] } | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) && typeof parsed.run === 'string'
      ? (parsed as { run: string; at?: unknown; chaosIn?: unknown[] })
      : undefined;
  } catch {
    return undefined;
  }
}

const applyOrder: Manifest['role'][] = ['rbac', 'experiment', 'engine'];
/** The order cleanup takes objects back in (remove). */
const removeOrder: AppliedObject['role'][] = [...[...applyOrder].reverse(), 'workflow'];

/**
 * Requests in flight at once: objects of one kind of role do not depend on each other, so a hundred
 * engines need not wait for one another, while a busy API server is not flooded.
 */
const concurrency = 10;

/** The manifests of each role, in the order they are applied. */
const inOrder = (manifests: Manifest[]) =>
  applyOrder.map((role) => manifests.filter((m) => m.role === role)).filter((group) => group.length > 0);

/** Named RBAC and experiments may be shared; engines and generated names belong to one run. */
const isShared = (manifest: Manifest) => manifest.role !== 'engine' && !!manifest.object.metadata.name;
const isManaged = (object: KubernetesObject | undefined) =>
  object?.metadata?.labels?.['app.kubernetes.io/managed-by'] === managedBy['app.kubernetes.io/managed-by'];
const describe = (object: { kind?: string; metadata?: { namespace?: string; name?: string } }) =>
  `${object.kind ?? ''} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name ?? ''}`;

/**
 * KubernetesObjectApi with its discovery of whether a kind is namespaced made available. client-node
 * caches each group version's discovery once answered; ten objects sent at once would each ask before
 * the answer comes, so a lookup waits for the one of its group version already under way.
 */
class ObjectApi extends KubernetesObjectApi {
  readonly #discovering = new Map<string, Promise<unknown>>();

  scopeOf(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    return this.resource(apiVersion, kind);
  }

  /** What `other` discovered is not asked again, and what this one discovers `other` knows too. */
  shareDiscovery(other: ObjectApi): void {
    this.apiVersionResourceCache = other.apiVersionResourceCache;
  }

  /**
   * Server-side apply of a named object, create of one with generateName, with fieldValidation=Strict
   * as kubectl sends it. The object goes out as read, and the answer comes back as sent: client-node's
   * own create and patch pass both through its models of the built-in kinds, which drop every field
   * they do not know (a RoleBinding's `subject`) before the server could refuse it.
   */
  async write(object: KubernetesObject, dryRun: boolean): Promise<KubernetesObject> {
    const named = !!object.metadata?.name;
    const request = this.configuration.baseServer.makeRequestContext(
      await this.specUriPath(object, named ? 'patch' : 'create'),
      named ? HttpMethod.PATCH : HttpMethod.POST,
    );
    request.setHeaderParam('Accept', 'application/json');
    request.setHeaderParam('Content-Type', named ? PatchStrategy.ServerSideApply : 'application/json');
    if (dryRun) request.setQueryParam('dryRun', 'All');
    request.setQueryParam('fieldManager', fieldManager);
    request.setQueryParam('fieldValidation', 'Strict');
    if (named) request.setQueryParam('force', 'true');
    request.setBody(JSON.stringify(object));
    // 'any': client-node's name for a value its serializer leaves as it is.
    return this.requestPromise(request, 'any');
  }

  protected override async resource(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    const underWay = this.#discovering.get(apiVersion);
    if (underWay) {
      await underWay.catch(() => undefined);
      return super.resource(apiVersion, kind);
    }
    const lookup = super.resource(apiVersion, kind);
    this.#discovering.set(apiVersion, lookup);
    try {
      return await lookup;
    } finally {
      this.#discovering.delete(apiVersion);
    }
  }
}

export class ManifestApplier {
  readonly #api: ObjectApi;
  readonly #defaultNamespace: string;
  readonly #runId: string;
  /** The key of this run's record on shared objects. */
  readonly #record: string;
  /** Where the run's engines, workflows and leases may be, for its record. */
  readonly #chaosIn: string[];
  /** What preflight read of each named object, so apply reads nothing again. */
  #existing = new Map<Manifest['source'], KubernetesObject | undefined>();

  constructor(
    connection: Connection,
    defaultNamespace: string,
    run: { id: string; record: string; chaosIn: string[] },
  ) {
    this.#api = apiClient(connection, ObjectApi);
    this.#defaultNamespace = defaultNamespace;
    this.#runId = run.id;
    this.#record = run.record;
    this.#chaosIn = run.chaosIn;
  }

  /** The key of this run's record on shared objects. */
  get record(): string {
    return this.#record;
  }

  /** This applier sending on `connection`, with what its preflight read and discovered. */
  on(connection: Connection): ManifestApplier {
    const applier = new ManifestApplier(connection, this.#defaultNamespace, {
      id: this.#runId,
      record: this.#record,
      chaosIn: this.#chaosIn,
    });
    applier.#existing = this.#existing;
    applier.#api.shareDiscovery(this.#api);
    return applier;
  }

  /** Sets namespace and run labels as they will be applied. Pure, so preflight and apply see the same object. */
  prepare(manifests: Manifest[]): Manifest[] {
    return manifests.map((manifest) => {
      const { object } = manifest;
      const namespaced =
        object.metadata.namespace ?? (isClusterScopedKind(object.kind) ? undefined : this.#defaultNamespace);
      return {
        ...manifest,
        object: {
          ...object,
          metadata: {
            ...object.metadata,
            ...(namespaced ? { namespace: namespaced } : {}),
            labels: { ...object.metadata.labels, ...managedBy, [runLabel]: this.#runId },
          },
        },
      };
    });
  }

  /** Whether the server serves this kind cluster-scoped; undefined for a kind it does not serve. */
  async isClusterScoped(object: KubernetesObject): Promise<boolean | undefined> {
    const resource = await this.#api.scopeOf(object.apiVersion ?? '', object.kind ?? '');
    return resource && !resource.namespaced;
  }

  /**
   * Everything that can be checked without changing the cluster: each object passes a server-side
   * dry-run apply (schema, admission, permissions), and no engine of the same name is still there.
   * Returns every problem, so the user fixes them in one go.
   */
  async preflight(manifests: Manifest[]): Promise<string[]> {
    const found = await pMap(manifests, (manifest) => this.#check(manifest), { concurrency });
    // A namespace that is not there is said once, not once for every object that would go in it.
    const missing = new Map<string, string[]>();
    const problems: string[] = [];
    for (const problem of found) {
      if (typeof problem === 'string') problems.push(problem);
      else if (problem)
        missing.set(problem.namespace, [...(missing.get(problem.namespace) ?? []), problem.source]);
    }
    const namespaces = [...missing].map(
      ([namespace, sources]) =>
        `namespace ${namespace} does not exist on the cluster, and ${sources.length} object(s) would go there (${sources[0]}${sources.length > 1 ? ', …' : ''}); ` +
        `create it (kubectl create namespace ${namespace}), or give the namespace they belong in`,
    );
    return [...namespaces, ...problems];
  }

  async #check(manifest: Manifest): Promise<string | { namespace: string; source: string } | undefined> {
    try {
      const existing = manifest.object.metadata.name ? await this.#read(manifest.object) : undefined;
      this.#existing.set(manifest.source, existing);
      if (existing && manifest.role === 'engine') {
        return (
          `${manifest.source}: a ChaosEngine with this name already exists in namespace ${existing.metadata?.namespace}; ` +
          'delete it, or use metadata.generateName so each run gets its own engine'
        );
      }
      // Used as it is: nothing will be written to it.
      if (existing && !isManaged(existing)) return undefined;
      const answer = await this.#api.write(manifest.object, true);
      const dropped = isCustomResource(manifest.object.apiVersion)
        ? droppedFields(manifest.object, answer)
        : [];
      return dropped.length > 0 ? droppedFieldProblems(manifest, dropped) : undefined;
    } catch (error) {
      const namespace = missingNamespace(error);
      if (namespace) return { namespace, source: manifest.source };
      return describeRefusal(manifest, 'rejected by the server', error) + unboundRoleHint(manifest, error);
    }
  }

  /**
   * Applies RBAC, then ChaosExperiments, then ChaosEngines, each group in parallel. `onApplied` hears of
   * every object that landed, in the order of the manifests, also when another of its group failed, so
   * what the run put into the cluster is known before anything is taken back. Once `until` is aborted
   * no more objects are sent, and it ends with its reason; the requests already sent are answered.
   */
  async apply(
    manifests: Manifest[],
    onApplied: (applied: AppliedObject, note?: string) => void,
    until?: AbortSignal,
  ): Promise<void> {
    const next = (manifest: Manifest) => {
      if (!until?.aborted) return this.#applyOne(manifest);
      const reason: unknown = until.reason;
      return Promise.reject(reason instanceof Error ? reason : new CancelledError(reason as NodeJS.Signals));
    };
    for (const group of inOrder(manifests)) {
      const landed = await pMapSettled(group, next, { concurrency });
      for (const result of landed) if (result.status === 'fulfilled') onApplied(...result.value);
      const failed = landed.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }

  async #applyOne(manifest: Manifest): Promise<[AppliedObject, string?]> {
    const { object } = manifest;
    try {
      const existing = isShared(manifest) ? await this.#existingOf(manifest) : undefined;
      if (existing && !isManaged(existing))
        return [
          applied(manifest, existing, 'foreign'),
          'exists and was not created by chaos-gate: used as it is',
        ];
      const result = isShared(manifest)
        ? await this.#applyShared(object)
        : await this.#api.write(object, false);
      return [applied(manifest, result, isShared(manifest) ? 'shared' : 'run')];
    } catch (error) {
      throw new CannotRunError(describeRefusal(manifest, 'apply failed', error), { cause: error });
    }
  }

  /**
   * Takes back what this run applied and submitted: engines, then experiments, then RBAC (the
   * experiments need their RBAC to revert), then the workflow, each group in parallel. A delete the server did not answer (out of reach for a
   * moment, restarted, a 5xx) is sent again with backoff until `deadline`. Another run's record on a
   * shared object is removed when `over` finds that run over. Reports, never throws.
   */
  async remove(objects: AppliedObject[], deadline: AbortSignal, over?: RunOver): Promise<Removal> {
    const removal: Removal = { removed: [], kept: [], alreadyGone: [], problems: [], left: [], pruned: [] };
    const pruned = new Map<string, Removal['pruned'][number]>();
    const prune: Pruning | undefined = over && {
      over,
      done: (record, why, from) => {
        const entry = pruned.get(record.key) ?? { runId: record.runId, why, from: [] };
        entry.from.push(from);
        pruned.set(record.key, entry);
      },
    };
    const newestFirst = [...objects].reverse().filter((object) => object.ownership !== 'foreign');
    for (const role of removeOrder) {
      const group = newestFirst.filter((object) => object.role === role);
      const outcomes = await pMap(group, (object) => this.#removeOne(object, deadline, prune), {
        concurrency,
      });
      // Listed in the order they were applied, newest first, however the deletes finish.
      group.forEach((object, i) => {
        const what = describe(refOf(object));
        const outcome = outcomes[i] as RemoveOutcome;
        if (outcome === 'removed') removal.removed.push(what);
        else if (outcome === 'gone') removal.alreadyGone.push(what);
        else if (Array.isArray(outcome)) removal.kept.push(`${what} (still used by ${outcome.join(', ')})`);
        else {
          removal.problems.push(describeApiError(`deleting ${what}`, outcome.error));
          removal.left.push(object);
        }
      });
    }
    // Named in the order of the rest of the cleanup's lines, however the deletes finished.
    const order = newestFirst.map((object) => describe(refOf(object)));
    for (const entry of pruned.values())
      removal.pruned.push({ ...entry, from: entry.from.sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
    return removal;
  }

  async #removeOne(object: AppliedObject, deadline: AbortSignal, prune?: Pruning): Promise<RemoveOutcome> {
    const ref = refOf(object);
    const attempt = await retryUntil(
      () => (object.ownership === 'run' ? this.#deleteOwn(ref, object.uid) : this.#release(ref, prune)),
      { signal: deadline, isFinal: (error) => !unanswered(error) },
    );
    return attempt.ok ? attempt.value : { error: attempt.error };
  }

  /** What preflight read of the object; one that preflight did not see is read now. */
  async #existingOf(manifest: Manifest): Promise<KubernetesObject | undefined> {
    if (this.#existing.has(manifest.source)) return this.#existing.get(manifest.source);
    return this.#read(manifest.object);
  }

  /** Applies a shared object and records this run on it; again if another run deleted it in between. */
  async #applyShared(object: KubernetesObject): Promise<KubernetesObject> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.#api.write(object, false);
      const record = { run: this.#runId, at: new Date().toISOString(), chaosIn: this.#chaosIn };
      try {
        await this.#annotate(object, { [this.#record]: JSON.stringify(record) });
        return result;
      } catch (error) {
        if (statusCode(error) !== 404 || attempt >= 3) throw error;
      }
    }
  }

  /**
   * Removes this run's record, and those of runs that are over; deletes the object if no other run's
   * is left.
   */
  async #release(ref: KubernetesObject, prune?: Pruning): Promise<'removed' | 'gone' | string[]> {
    try {
      await this.#annotate(ref, { [this.#record]: null });
    } catch (error) {
      if (statusCode(error) === 404) return 'gone';
      throw error;
    }
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read(ref);
      if (!current) return 'gone';
      const records = recordsOn(current);
      const over = prune
        ? (
            await Promise.all(records.map(async (record) => ({ record, why: await prune.over(record) })))
          ).filter((found): found is { record: RunRecord; why: string } => found.why !== undefined)
        : [];
      if (over.length > 0) {
        // Each record is its run's own: removing a finished run's races with no other run's write.
        try {
          await this.#annotate(ref, Object.fromEntries(over.map(({ record }) => [record.key, null])));
        } catch (error) {
          if (statusCode(error) === 404) return 'gone';
          throw error;
        }
        over.forEach(({ record, why }) => prune?.done(record, why, describe(ref)));
        continue;
      }
      if (records.length > 0) return records.map((record) => describeUser(record, current));
      try {
        const resourceVersion = current.metadata?.resourceVersion;
        return await this.#delete(ref, resourceVersion ? { resourceVersion } : {});
      } catch (error) {
        // Changed since we read it (another run registered): look again.
        if (statusCode(error) !== 409 || attempt >= 5) throw error;
      }
    }
  }

  /** Writes (a string) or removes (null) records, by their keys. */
  async #annotate(ref: KubernetesObject, records: Record<string, string | null>): Promise<void> {
    const annotations = Object.fromEntries(
      Object.entries(records).map(([key, value]) => [`${usersPrefix}${key}`, value]),
    );
    await this.#api.patch(
      {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: {
          name: ref.metadata?.name,
          namespace: ref.metadata?.namespace,
          annotations,
        },
      } as KubernetesObject,
      undefined,
      undefined,
      usersFieldManager,
      undefined,
      PatchStrategy.MergePatch,
    );
  }

  /**
   * Deletes an object of the run's own only if it is the one the run created (its uid): after the
   * run's own cleanup, another may have been created under its name, which the action's post step,
   * cleaning up again, must leave.
   */
  async #deleteOwn(ref: KubernetesObject, uid?: string): Promise<'removed' | 'gone'> {
    try {
      return await this.#delete(ref, uid ? { uid } : {});
    } catch (error) {
      // The precondition failed: the object of that name is another.
      if (uid && statusCode(error) === 409) return 'gone';
      throw error;
    }
  }

  async #delete(
    ref: KubernetesObject,
    preconditions: { resourceVersion?: string; uid?: string },
  ): Promise<'removed' | 'gone'> {
    try {
      await this.#api.delete(ref, undefined, undefined, undefined, undefined, 'Background', {
        ...(Object.keys(preconditions).length > 0 ? { preconditions } : {}),
      });
      return 'removed';
    } catch (error) {
      if (statusCode(error) === 404) return 'gone';
      throw error;
    }
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

/**
 * The fields of a custom resource that the server's dry run dropped: not in its CRD's schema. Below a
 * field that keeps unknown fields (a Litmus engine's `spec`), server-side apply prunes them without a
 * word even with fieldValidation=Strict (kubernetes/kubernetes#111074). Metadata is left out (the
 * server refuses a misspelt key there itself), and so is status, which a CRD with a status subresource
 * resets.
 */
function droppedFields(sent: KubernetesObject, answer: KubernetesObject): string[] {
  const dropped: PropertyKey[][] = [];
  const walk = (given: unknown, kept: unknown, path: PropertyKey[]) => {
    if (Array.isArray(given) && Array.isArray(kept))
      given.forEach((item, i) => walk(item, kept[i], [...path, i]));
    else if (isRecord(given) && isRecord(kept))
      for (const [key, value] of Object.entries(given)) {
        if (path.length === 0 && (key === 'metadata' || key === 'status')) continue;
        if (key in kept) walk(value, kept[key], [...path, key]);
        // A null where the schema allows none is dropped too: no typo.
        else if (value !== null) dropped.push([...path, key]);
      }
  };
  walk(sent, answer, []);
  return dropped.map(fieldPath);
}

/** One line per field, named as the offline checks name it. */
const unknownFieldLines = (where: string, fields: string[], why: string) =>
  fields.map((field) => `${where}: field ${field}: unknown field (${why})`).join('\n');

const droppedFieldProblems = (manifest: Manifest, fields: string[]) =>
  unknownFieldLines(
    manifest.source,
    fields,
    `not in the ${manifest.object.kind ?? ''} schema, so the server would drop it`,
  );

/** A refusal for unknown fields names each field; any other is told as the server put it. */
function describeRefusal(manifest: Manifest, what: string, error: unknown): string {
  const fields = unknownFields(error);
  const where = `${manifest.source}: ${what}`;
  return fields.length > 0
    ? unknownFieldLines(where, fields, `not in the ${manifest.object.kind ?? ''} schema`)
    : describeApiError(where, error);
}

/**
 * The server's 404 for a binding whose role is not there yet names neither the role nor the cause:
 * without `bind`, Kubernetes reads the role to check that the binder holds all it grants, and a role
 * this run is about to create does not exist during preflight.
 */
function unboundRoleHint(manifest: Manifest, error: unknown): string {
  const { kind, roleRef } = manifest.object as { kind?: string; roleRef?: { kind?: string; name?: string } };
  if (statusCode(error) !== 404 || (kind !== 'RoleBinding' && kind !== 'ClusterRoleBinding')) return '';
  const role = `${roleRef?.kind ?? 'Role'} ${roleRef?.name ?? ''}`;
  return (
    `\n  Kubernetes reads the ${role} this binds to check that chaos-gate's identity holds everything it grants, ` +
    `and it does not exist yet: allow \`bind\` on ${roleRef?.kind === 'ClusterRole' ? 'clusterroles' : 'roles'} ` +
    'for that identity (README: Permissions chaos-gate needs), or create the role beforehand'
  );
}

/** How cleanup judges other runs' records, and hears of those it removed. */
interface Pruning {
  over: RunOver;
  done: (record: RunRecord, why: string, from: string) => void;
}

/** What taking back one object came to: deleted, already gone, kept for the runs still using it, or failed. */
type RemoveOutcome = 'removed' | 'gone' | string[] | { error: unknown };

function refOf(object: AppliedObject): KubernetesObject {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata: { name: object.name, namespace: object.namespace },
  };
}

function applied(manifest: Manifest, result: KubernetesObject, ownership: Ownership): AppliedObject {
  return {
    role: manifest.role,
    apiVersion: manifest.object.apiVersion ?? '',
    kind: manifest.object.kind ?? '',
    namespace: result.metadata?.namespace,
    name: result.metadata?.name ?? '',
    uid: result.metadata?.uid,
    ownership,
  };
}
