#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  LitmusClient,
  apiClient,
  apiError,
  describeApiError,
  enginePlural,
  limited,
  listObjects,
  missingNamespace,
  pMap,
  pMapSettled,
  statusCode,
  unanswered,
  unknownFields,
  watchCollection,
  workflowRunLabel
} from "./chunk-FTCHEUJJ.js";
import {
  isWorkflowCompleted
} from "./chunk-7GHJJVB5.js";
import {
  engineProblem,
  experimentStatusOf,
  isEngineFinished,
  isNotRun,
  isVerdictFinal,
  resultName
} from "./chunk-4PREBK7H.js";
import {
  describeUnconfirmed
} from "./chunk-6FZ6MQKZ.js";
import {
  formatDuration
} from "./chunk-IGRTILGH.js";
import {
  HttpMethod,
  KubernetesObjectApi,
  ObjectCoordinationV1Api,
  ObjectCustomObjectsApi,
  PatchStrategy,
  V1MicroTime,
  setHeaderOptions
} from "./chunk-GG633MRR.js";
import {
  argoApiVersion,
  isClusterScopedKind,
  isCustomResource
} from "./chunk-SB6IFH6Q.js";
import {
  isRecord
} from "./chunk-5L5Z5RRO.js";
import {
  settingName
} from "./chunk-WWMJPIHK.js";
import {
  fieldPath
} from "./chunk-LFKR3ZVH.js";
import {
  CancelledError,
  CannotRunError
} from "./chunk-A2VFD3MS.js";

// src/argo/client.ts
var group = "argoproj.io";
var version = "v1alpha1";
var workflowPlural = "workflows";
var ArgoClient = class {
  #api;
  constructor(connection) {
    this.#api = apiClient(connection, ObjectCustomObjectsApi);
  }
  async assertInstalled() {
    let served = [];
    try {
      served = (await this.#api.getAPIResources({ group, version })).resources.map((r) => r.name);
    } catch (error) {
      if (statusCode(error) !== 404)
        throw apiError(`checking for Argo Workflows (${group}/${version})`, error);
    }
    if (!served.includes(workflowPlural)) {
      throw new CannotRunError(
        `Argo Workflows is not installed in this cluster: CRD ${workflowPlural}.${group} not found`
      );
    }
  }
  /**
   * Creates the workflow; with `dryRun` the server only validates it (schema, admission, permissions).
   * Strict, as kubectl: a field the Workflow CRD's schema does not have is refused, not dropped.
   */
  async create(workflow, dryRun = false) {
    const created = await this.#api.createNamespacedCustomObject({
      group,
      version,
      namespace: workflow.metadata.namespace ?? "default",
      plural: workflowPlural,
      body: workflow,
      dryRun: dryRun ? "All" : void 0,
      fieldValidation: "Strict"
    });
    return created;
  }
  /** The (Cluster)WorkflowTemplate (a workflow is submitted in `namespace`); undefined on a 404. */
  async readTemplate(ref, namespace) {
    const reading = ref.clusterScope ? this.#api.getClusterCustomObject({
      group,
      version,
      plural: "clusterworkflowtemplates",
      name: ref.name
    }) : this.#api.getNamespacedCustomObject({
      group,
      version,
      namespace,
      plural: "workflowtemplates",
      name: ref.name
    });
    return reading.then(
      (template) => template,
      (error) => {
        if (statusCode(error) === 404) return void 0;
        throw error;
      }
    );
  }
  /** `argo stop` / `argo terminate`: a merge patch of spec.shutdown. */
  async shutdown(namespace, name, strategy) {
    await this.#api.patchNamespacedCustomObject(
      { group, version, namespace, plural: workflowPlural, name, body: { spec: { shutdown: strategy } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch)
    );
  }
  target(namespace, labelSelector) {
    return { group, version, plural: workflowPlural, namespace, labelSelector };
  }
  list = (target) => listObjects(this.#api, target);
};

// src/kube/until.ts
function watchSource(connection, list, target) {
  return {
    namespace: target.namespace,
    open: (options) => watchCollection(connection, list, target, options)
  };
}
function cancelReason(signal) {
  return signal.reason ?? "SIGTERM";
}
async function until(options) {
  const deadline = Date.now() + options.timeoutMs;
  const graceMs = options.graceMs ?? 0;
  let evaluate = () => {
  };
  const watchOptions = { onChange: () => evaluate(), onRetry: options.onRetry };
  const kinds = Object.keys(options.sources);
  const watches = kinds.flatMap(
    (kind) => options.sources[kind].map((source) => ({ kind, source, watch: source.open(watchOptions) }))
  );
  const view = () => {
    const maps = Object.fromEntries(kinds.map((kind) => [kind, /* @__PURE__ */ new Map()]));
    for (const { kind, source, watch } of watches) {
      const map = maps[kind];
      for (const [name, object] of watch.items) map.set(`${source.namespace}/${name}`, object);
    }
    return maps;
  };
  const laggingSince = /* @__PURE__ */ new Map();
  return await new Promise((resolve, reject) => {
    const timers = /* @__PURE__ */ new Set();
    let recheck;
    const settle = (outcome) => {
      evaluate = () => {
      };
      timers.forEach((timer) => clearTimeout(timer));
      clearTimeout(recheck);
      options.signal.removeEventListener("abort", onAbort);
      watches.forEach(({ watch }) => watch.stop());
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onAbort = () => settle({ view: view(), ended: "cancelled", cancelled: cancelReason(options.signal) });
    const isDone = (pending, now) => {
      for (const key of laggingSince.keys())
        if (!pending.some((p) => p.lagging && p.key === key)) laggingSince.delete(key);
      let earliestExpiry = Infinity;
      for (const item of pending) {
        if (!item.lagging) return false;
        if (!laggingSince.has(item.key)) laggingSince.set(item.key, now);
        earliestExpiry = Math.min(earliestExpiry, (laggingSince.get(item.key) ?? now) + graceMs);
      }
      if (earliestExpiry <= now || pending.length === 0) return true;
      clearTimeout(recheck);
      recheck = setTimeout(() => evaluate(), earliestExpiry - now + 5);
      return false;
    };
    let listed = false;
    evaluate = () => {
      if (!listed) return;
      const broken = watches.find(({ watch }) => watch.fatalError);
      if (broken) return settle(apiError(`watching ${options.what}`, broken.watch.fatalError));
      try {
        const current = view();
        options.observe?.(current);
        const { pending } = options.condition(current);
        if (isDone(pending, Date.now())) settle({ view: current, ended: "done" });
      } catch (error) {
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    };
    timers.add(
      setTimeout(() => settle({ view: view(), ended: "timeout" }), Math.max(0, deadline - Date.now()))
    );
    timers.add(
      setInterval(
        () => options.onHeartbeat?.(
          listed ? options.condition(view()).pending : [],
          Math.max(0, deadline - Date.now())
        ),
        options.heartbeatMs ?? 3e4
      )
    );
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener("abort", onAbort, { once: true });
    Promise.all(watches.map(({ watch }) => watch.ready)).then(
      () => {
        listed = true;
        evaluate();
      },
      (error) => settle(apiError(`watching ${options.what}`, error))
    );
  });
}

// src/kube/retry.ts
import { setTimeout as sleep } from "node:timers/promises";
async function retryUntil(attempt, options) {
  let delay = options.firstDelayMs ?? 500;
  let error = new Error("not attempted: the time was up");
  while (!options.signal.aborted) {
    try {
      return { ok: true, value: await attempt() };
    } catch (caught) {
      error = caught;
      options.onError?.(caught);
      if (options.isFinal?.(caught)) break;
    }
    await sleep(delay, void 0, { signal: options.signal }).catch(() => {
    });
    delay = Math.min(delay * 2, options.maxDelayMs ?? 1e4);
  }
  return { ok: false, error };
}

// src/kube/apply.ts
var fieldManager = "chaos-gate";
var usersFieldManager = "chaos-gate-users";
var runLabel = "chaos-gate.io/run";
var managedBy = { "app.kubernetes.io/managed-by": "chaos-gate" };
var usersPrefix = "users.chaos-gate.io/";
function recordsOn(object) {
  return Object.entries(object.metadata?.annotations ?? {}).filter(([key]) => key.startsWith(usersPrefix)).map(([annotation, value]) => {
    const key = annotation.slice(usersPrefix.length);
    const parsed = parseRecordValue(value);
    if (!parsed) return { key, runId: value || key };
    const { run, at, chaosIn } = parsed;
    return {
      key,
      runId: run,
      ...typeof at === "string" ? { at } : {},
      ...Array.isArray(chaosIn) && chaosIn.every((n) => typeof n === "string") ? { chaosIn } : {}
    };
  });
}
function describeUser(record, object) {
  if (record.at) return `run ${record.runId}`;
  const { namespace, name } = object.metadata ?? {};
  const where = namespace ? `-n ${namespace} ` : "";
  return `run ${record.runId}, whose record an earlier release wrote and no cleanup removes; once that run is over: kubectl annotate ${where}${object.kind?.toLowerCase() ?? ""}/${name ?? ""} ${usersPrefix}${record.key}-`;
}
function parseRecordValue(value) {
  try {
    const parsed = JSON.parse(value);
    return isRecord(parsed) && typeof parsed.run === "string" ? parsed : void 0;
  } catch {
    return void 0;
  }
}
var applyOrder = ["rbac", "experiment", "engine"];
var removeOrder = [...[...applyOrder].reverse(), "workflow"];
var concurrency = 10;
var inOrder = (manifests) => applyOrder.map((role) => manifests.filter((m) => m.role === role)).filter((group2) => group2.length > 0);
var isShared = (manifest) => manifest.role !== "engine" && !!manifest.object.metadata.name;
var isManaged = (object) => object?.metadata?.labels?.["app.kubernetes.io/managed-by"] === managedBy["app.kubernetes.io/managed-by"];
var describe = (object) => `${object.kind ?? ""} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ""}${object.metadata?.name ?? ""}`;
var ObjectApi = class extends KubernetesObjectApi {
  #discovering = /* @__PURE__ */ new Map();
  scopeOf(apiVersion, kind) {
    return this.resource(apiVersion, kind);
  }
  /** What `other` discovered is not asked again, and what this one discovers `other` knows too. */
  shareDiscovery(other) {
    this.apiVersionResourceCache = other.apiVersionResourceCache;
  }
  /**
   * Server-side apply of a named object, create of one with generateName, with fieldValidation=Strict
   * as kubectl sends it. The object goes out as read, and the answer comes back as sent: client-node's
   * own create and patch pass both through its models of the built-in kinds, which drop every field
   * they do not know (a RoleBinding's `subject`) before the server could refuse it.
   */
  async write(object, dryRun) {
    const named = !!object.metadata?.name;
    const request = this.configuration.baseServer.makeRequestContext(
      await this.specUriPath(object, named ? "patch" : "create"),
      named ? HttpMethod.PATCH : HttpMethod.POST
    );
    request.setHeaderParam("Accept", "application/json");
    request.setHeaderParam("Content-Type", named ? PatchStrategy.ServerSideApply : "application/json");
    if (dryRun) request.setQueryParam("dryRun", "All");
    request.setQueryParam("fieldManager", fieldManager);
    request.setQueryParam("fieldValidation", "Strict");
    if (named) request.setQueryParam("force", "true");
    request.setBody(JSON.stringify(object));
    return this.requestPromise(request, "any");
  }
  async resource(apiVersion, kind) {
    const underWay = this.#discovering.get(apiVersion);
    if (underWay) {
      await underWay.catch(() => void 0);
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
};
var ManifestApplier = class _ManifestApplier {
  #api;
  #defaultNamespace;
  #runId;
  /** The key of this run's record on shared objects. */
  #record;
  /** Where the run's engines, workflows and leases may be, for its record. */
  #chaosIn;
  /** What preflight read of each named object, so apply reads nothing again. */
  #existing = /* @__PURE__ */ new Map();
  constructor(connection, defaultNamespace, run) {
    this.#api = apiClient(connection, ObjectApi);
    this.#defaultNamespace = defaultNamespace;
    this.#runId = run.id;
    this.#record = run.record;
    this.#chaosIn = run.chaosIn;
  }
  /** The key of this run's record on shared objects. */
  get record() {
    return this.#record;
  }
  /** This applier sending on `connection`, with what its preflight read and discovered. */
  on(connection) {
    const applier = new _ManifestApplier(connection, this.#defaultNamespace, {
      id: this.#runId,
      record: this.#record,
      chaosIn: this.#chaosIn
    });
    applier.#existing = this.#existing;
    applier.#api.shareDiscovery(this.#api);
    return applier;
  }
  /** Sets namespace and run labels as they will be applied. Pure, so preflight and apply see the same object. */
  prepare(manifests) {
    return manifests.map((manifest) => {
      const { object } = manifest;
      const namespaced = object.metadata.namespace ?? (isClusterScopedKind(object.kind) ? void 0 : this.#defaultNamespace);
      return {
        ...manifest,
        object: {
          ...object,
          metadata: {
            ...object.metadata,
            ...namespaced ? { namespace: namespaced } : {},
            labels: { ...object.metadata.labels, ...managedBy, [runLabel]: this.#runId }
          }
        }
      };
    });
  }
  /** Whether the server serves this kind cluster-scoped; undefined for a kind it does not serve. */
  async isClusterScoped(object) {
    const resource = await this.#api.scopeOf(object.apiVersion ?? "", object.kind ?? "");
    return resource && !resource.namespaced;
  }
  /**
   * Everything that can be checked without changing the cluster: each object passes a server-side
   * dry-run apply (schema, admission, permissions), and no engine of the same name is still there.
   * Returns every problem, so the user fixes them in one go.
   */
  async preflight(manifests) {
    const found = await pMap(manifests, (manifest) => this.#check(manifest), { concurrency });
    const missing = /* @__PURE__ */ new Map();
    const problems = [];
    for (const problem of found) {
      if (typeof problem === "string") problems.push(problem);
      else if (problem)
        missing.set(problem.namespace, [...missing.get(problem.namespace) ?? [], problem.source]);
    }
    const namespaces = [...missing].map(
      ([namespace, sources]) => `namespace ${namespace} does not exist on the cluster, and ${sources.length} object(s) would go there (${sources[0]}${sources.length > 1 ? ", \u2026" : ""}); create it (kubectl create namespace ${namespace}), or give the namespace they belong in`
    );
    return [...namespaces, ...problems];
  }
  async #check(manifest) {
    try {
      const existing = manifest.object.metadata.name ? await this.#read(manifest.object) : void 0;
      this.#existing.set(manifest.source, existing);
      if (existing && manifest.role === "engine") {
        return `${manifest.source}: a ChaosEngine with this name already exists in namespace ${existing.metadata?.namespace}; delete it, or use metadata.generateName so each run gets its own engine`;
      }
      if (existing && !isManaged(existing)) return void 0;
      const answer = await this.#api.write(manifest.object, true);
      const dropped = isCustomResource(manifest.object.apiVersion) ? droppedFields(manifest.object, answer) : [];
      return dropped.length > 0 ? droppedFieldProblems(manifest, dropped) : void 0;
    } catch (error) {
      const namespace = missingNamespace(error);
      if (namespace) return { namespace, source: manifest.source };
      return describeRefusal(manifest, "rejected by the server", error) + unboundRoleHint(manifest, error);
    }
  }
  /**
   * Applies RBAC, then ChaosExperiments, then ChaosEngines, each group in parallel. `onApplied` hears of
   * every object that landed, in the order of the manifests, also when another of its group failed, so
   * what the run put into the cluster is known before anything is taken back. Once `until` is aborted
   * no more objects are sent, and it ends with its reason; the requests already sent are answered.
   */
  async apply(manifests, onApplied, until2) {
    const next = (manifest) => {
      if (!until2?.aborted) return this.#applyOne(manifest);
      const reason = until2.reason;
      return Promise.reject(reason instanceof Error ? reason : new CancelledError(reason));
    };
    for (const group2 of inOrder(manifests)) {
      const landed = await pMapSettled(group2, next, { concurrency });
      for (const result of landed) if (result.status === "fulfilled") onApplied(...result.value);
      const failed = landed.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
    }
  }
  async #applyOne(manifest) {
    const { object } = manifest;
    try {
      const existing = isShared(manifest) ? await this.#existingOf(manifest) : void 0;
      if (existing && !isManaged(existing))
        return [
          applied(manifest, existing, "foreign"),
          "exists and was not created by chaos-gate: used as it is"
        ];
      const result = isShared(manifest) ? await this.#applyShared(object) : await this.#api.write(object, false);
      return [applied(manifest, result, isShared(manifest) ? "shared" : "run")];
    } catch (error) {
      throw new CannotRunError(describeRefusal(manifest, "apply failed", error), { cause: error });
    }
  }
  /**
   * Takes back what this run applied and submitted: engines, then experiments, then RBAC (the
   * experiments need their RBAC to revert), then the workflow, each group in parallel. A delete the server did not answer (out of reach for a
   * moment, restarted, a 5xx) is sent again with backoff until `deadline`. Another run's record on a
   * shared object is removed when `over` finds that run over. Reports, never throws.
   */
  async remove(objects, deadline, over) {
    const removal = { removed: [], kept: [], alreadyGone: [], problems: [], left: [], pruned: [] };
    const pruned = /* @__PURE__ */ new Map();
    const prune = over && {
      over,
      done: (record, why, from) => {
        const entry = pruned.get(record.key) ?? { runId: record.runId, why, from: [] };
        entry.from.push(from);
        pruned.set(record.key, entry);
      }
    };
    const newestFirst = [...objects].reverse().filter((object) => object.ownership !== "foreign");
    for (const role of removeOrder) {
      const group2 = newestFirst.filter((object) => object.role === role);
      const outcomes = await pMap(group2, (object) => this.#removeOne(object, deadline, prune), {
        concurrency
      });
      group2.forEach((object, i) => {
        const what = describe(refOf(object));
        const outcome = outcomes[i];
        if (outcome === "removed") removal.removed.push(what);
        else if (outcome === "gone") removal.alreadyGone.push(what);
        else if (Array.isArray(outcome)) removal.kept.push(`${what} (still used by ${outcome.join(", ")})`);
        else {
          removal.problems.push(describeApiError(`deleting ${what}`, outcome.error));
          removal.left.push(object);
        }
      });
    }
    const order = newestFirst.map((object) => describe(refOf(object)));
    for (const entry of pruned.values())
      removal.pruned.push({ ...entry, from: entry.from.sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
    return removal;
  }
  async #removeOne(object, deadline, prune) {
    const ref = refOf(object);
    const attempt = await retryUntil(
      () => object.ownership === "run" ? this.#deleteOwn(ref, object.uid) : this.#release(ref, prune),
      { signal: deadline, isFinal: (error) => !unanswered(error) }
    );
    return attempt.ok ? attempt.value : { error: attempt.error };
  }
  /** What preflight read of the object; one that preflight did not see is read now. */
  async #existingOf(manifest) {
    if (this.#existing.has(manifest.source)) return this.#existing.get(manifest.source);
    return this.#read(manifest.object);
  }
  /** Applies a shared object and records this run on it; again if another run deleted it in between. */
  async #applyShared(object) {
    for (let attempt = 1; ; attempt++) {
      const result = await this.#api.write(object, false);
      const record = { run: this.#runId, at: (/* @__PURE__ */ new Date()).toISOString(), chaosIn: this.#chaosIn };
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
  async #release(ref, prune) {
    try {
      await this.#annotate(ref, { [this.#record]: null });
    } catch (error) {
      if (statusCode(error) === 404) return "gone";
      throw error;
    }
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read(ref);
      if (!current) return "gone";
      const records = recordsOn(current);
      const over = prune ? (await Promise.all(records.map(async (record) => ({ record, why: await prune.over(record) })))).filter((found) => found.why !== void 0) : [];
      if (over.length > 0) {
        try {
          await this.#annotate(ref, Object.fromEntries(over.map(({ record }) => [record.key, null])));
        } catch (error) {
          if (statusCode(error) === 404) return "gone";
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
        if (statusCode(error) !== 409 || attempt >= 5) throw error;
      }
    }
  }
  /** Writes (a string) or removes (null) records, by their keys. */
  async #annotate(ref, records) {
    const annotations = Object.fromEntries(
      Object.entries(records).map(([key, value]) => [`${usersPrefix}${key}`, value])
    );
    await this.#api.patch(
      {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: {
          name: ref.metadata?.name,
          namespace: ref.metadata?.namespace,
          annotations
        }
      },
      void 0,
      void 0,
      usersFieldManager,
      void 0,
      PatchStrategy.MergePatch
    );
  }
  /**
   * Deletes an object of the run's own only if it is the one the run created (its uid): after the
   * run's own cleanup, another may have been created under its name, which the action's post step,
   * cleaning up again, must leave.
   */
  async #deleteOwn(ref, uid) {
    try {
      return await this.#delete(ref, uid ? { uid } : {});
    } catch (error) {
      if (uid && statusCode(error) === 409) return "gone";
      throw error;
    }
  }
  async #delete(ref, preconditions) {
    try {
      await this.#api.delete(ref, void 0, void 0, void 0, void 0, "Background", {
        ...Object.keys(preconditions).length > 0 ? { preconditions } : {}
      });
      return "removed";
    } catch (error) {
      if (statusCode(error) === 404) return "gone";
      throw error;
    }
  }
  async #read(object) {
    try {
      return await this.#api.read({
        apiVersion: object.apiVersion ?? "",
        kind: object.kind ?? "",
        metadata: { name: object.metadata?.name ?? "", namespace: object.metadata?.namespace }
      });
    } catch (error) {
      if (statusCode(error) === 404) return void 0;
      throw error;
    }
  }
};
function droppedFields(sent, answer) {
  const dropped = [];
  const walk = (given, kept, path) => {
    if (Array.isArray(given) && Array.isArray(kept))
      given.forEach((item, i) => walk(item, kept[i], [...path, i]));
    else if (isRecord(given) && isRecord(kept))
      for (const [key, value] of Object.entries(given)) {
        if (path.length === 0 && (key === "metadata" || key === "status")) continue;
        if (key in kept) walk(value, kept[key], [...path, key]);
        else if (value !== null) dropped.push([...path, key]);
      }
  };
  walk(sent, answer, []);
  return dropped.map(fieldPath);
}
var unknownFieldLines = (where, fields, why) => fields.map((field) => `${where}: field ${field}: unknown field (${why})`).join("\n");
var droppedFieldProblems = (manifest, fields) => unknownFieldLines(
  manifest.source,
  fields,
  `not in the ${manifest.object.kind ?? ""} schema, so the server would drop it`
);
function describeRefusal(manifest, what, error) {
  const fields = unknownFields(error);
  const where = `${manifest.source}: ${what}`;
  return fields.length > 0 ? unknownFieldLines(where, fields, `not in the ${manifest.object.kind ?? ""} schema`) : describeApiError(where, error);
}
function unboundRoleHint(manifest, error) {
  const { kind, roleRef } = manifest.object;
  if (statusCode(error) !== 404 || kind !== "RoleBinding" && kind !== "ClusterRoleBinding") return "";
  const role = `${roleRef?.kind ?? "Role"} ${roleRef?.name ?? ""}`;
  return `
  Kubernetes reads the ${role} this binds to check that chaos-gate's identity holds everything it grants, and it does not exist yet: allow \`bind\` on ${roleRef?.kind === "ClusterRole" ? "clusterroles" : "roles"} for that identity (README: Permissions chaos-gate needs), or create the role beforehand`;
}
function refOf(object) {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata: { name: object.name, namespace: object.namespace }
  };
}
function applied(manifest, result, ownership) {
  return {
    role: manifest.role,
    apiVersion: manifest.object.apiVersion ?? "",
    kind: manifest.object.kind ?? "",
    namespace: result.metadata?.namespace,
    name: result.metadata?.name ?? "",
    uid: result.metadata?.uid,
    ownership
  };
}

// src/litmus/condition.ts
var engineKey = (ref) => `${ref.namespace}/${ref.name}`;
function experimentProgress(ref, view) {
  const engine = view.engines.get(engineKey(ref));
  if (!engine || engineProblem(engine)) return [];
  return (engine.spec?.experiments ?? []).map(({ name: experiment }) => {
    const result = view.results.get(`${ref.namespace}/${resultName(ref.name, experiment)}`);
    const ours = result?.metadata.labels?.chaosUID === ref.uid ? result : void 0;
    const runStatus = engine.status?.experiments?.find((e) => e.name === experiment)?.status;
    const verdict = result ? experimentStatusOf(result).verdict : void 0;
    return {
      label: `${engineKey(ref)} ${experiment}`,
      phase: `${runStatus ?? "Waiting"}${verdict ? `, verdict ${verdict}` : ""}`,
      final: !!ours && isVerdictFinal(experimentStatusOf(ours)) || isNotRun(runStatus)
    };
  });
}
function chaosCondition(refs, view) {
  const pending = [];
  for (const ref of refs) {
    const engine = view.engines.get(engineKey(ref));
    if (!engine) continue;
    const key = engineKey(ref);
    const problem = engineProblem(engine);
    if (problem) {
      pending.push({ key, label: problem, lagging: true });
      continue;
    }
    const open = experimentProgress(ref, view).filter((e) => !e.final);
    const finished = isEngineFinished(engine);
    for (const experiment of open)
      pending.push({ key, label: `${experiment.label} (${experiment.phase})`, lagging: finished });
    if (!finished && open.length === 0)
      pending.push({ key, label: `${key} (engine ${engine.status?.engineStatus ?? "starting"})` });
  }
  return { pending };
}
function engineStopState(ref, engines) {
  const engine = engines.get(engineKey(ref));
  if (!engine || ref.uid && engine.metadata.uid && engine.metadata.uid !== ref.uid) return "done";
  if (isEngineFinished(engine)) return "done";
  const problem = engineProblem(engine);
  if (problem) return `unreadable: ${problem}`;
  return `engineState ${engine.spec?.engineState ?? "unset"}, engineStatus ${engine.status?.engineStatus ?? "unset"}`;
}
function stoppedCondition(refs, view) {
  const pending = [];
  for (const ref of refs) {
    const state = engineStopState(ref, view.engines);
    if (state !== "done") pending.push({ key: engineKey(ref), label: `${engineKey(ref)} (${state})` });
  }
  return { pending };
}

// src/litmus/stop.ts
var lastAttemptMs = 2e3;
var stopRequestMs = 1e4;
async function stopEngines(connection, refs, options) {
  if (refs.length === 0) return [];
  const { hurry, log } = options;
  const finished = new AbortController();
  const phase = AbortSignal.any([hurry, finished.signal, AbortSignal.timeout(options.deadlineMs)]);
  const bounded = limited(connection, {
    signal: phase,
    requestTimeoutMs: Math.min(connection.requestTimeoutMs, stopRequestMs)
  });
  const litmus = new LitmusClient(bounded);
  const accepted = /* @__PURE__ */ new Set();
  const confirmed = /* @__PURE__ */ new Set();
  const problems = /* @__PURE__ */ new Map();
  const states = /* @__PURE__ */ new Map();
  let readProblem;
  const patch = async (client, ref) => {
    try {
      await client.stopEngine(ref.namespace, ref.name);
    } catch (error) {
      if (statusCode(error) !== 404) throw error;
    }
    accepted.add(engineKey(ref));
  };
  const patching = Promise.all(
    refs.map(
      (ref) => retryUntil(() => patch(litmus, ref), {
        signal: phase,
        onError: (error) => problems.set(engineKey(ref), describeApiError("the stop patch failed", error)),
        // No permission: asking again will not help.
        isFinal: (error) => statusCode(error) === 401 || statusCode(error) === 403
      })
    )
  );
  const namespaces = [...new Set(refs.map((r) => r.namespace))];
  try {
    await until({
      what: "the ChaosEngines being stopped",
      sources: {
        engines: namespaces.map(
          (ns) => watchSource(bounded, litmus.list, litmus.target(enginePlural, ns))
        )
      },
      condition: (view) => stoppedCondition(refs, view),
      observe: ({ engines }) => {
        for (const ref of refs) {
          const key = engineKey(ref);
          const state = engineStopState(ref, engines);
          if (state !== "done") states.set(key, state);
          else if (!confirmed.has(key)) {
            confirmed.add(key);
            log(`[chaos-gate] stopped ChaosEngine ${key}`);
          }
        }
      },
      timeoutMs: options.deadlineMs,
      signal: hurry,
      heartbeatMs: 15e3,
      onHeartbeat: (pending) => log(`[chaos-gate] waiting for ${pending.map((p) => p.label).join("; ")} to stop`),
      onRetry: (reason) => log(`[chaos-gate] ${reason}`)
    });
  } catch (error) {
    readProblem = describeApiError("reading the engines back failed", error);
  }
  if (readProblem === void 0) finished.abort();
  await patching;
  const open = refs.filter((ref) => !confirmed.has(engineKey(ref)));
  if (hurry.aborted && open.length > 0) {
    log(`[chaos-gate] leaving now: one last stop of ${open.length} ChaosEngine(s) not confirmed stopped`);
    const last = new LitmusClient(limited(connection, { requestTimeoutMs: lastAttemptMs }));
    await Promise.all(
      open.map(
        (ref) => patch(last, ref).catch(
          (error) => problems.set(engineKey(ref), describeApiError("the last stop patch failed", error))
        )
      )
    );
  }
  return refs.map((ref) => {
    const key = engineKey(ref);
    if (confirmed.has(key)) return { ref, confirmed: true };
    const why = accepted.has(key) ? readProblem ?? `the stop was accepted, but the engine was not read back stopped (${states.get(key) ?? "never read"}); is the chaos-operator running?` : problems.get(key) ?? "no stop patch got through";
    return { ref, confirmed: false, why };
  });
}

// src/run/stop.ts
async function stopRunChaos(connection, scope, options) {
  const { hurry, log } = options;
  const deadlineAt = Date.now() + options.deadlineMs;
  const left = () => Math.max(0, deadlineAt - Date.now());
  const phase = AbortSignal.any([hurry, AbortSignal.timeout(options.deadlineMs)]);
  const bounded = limited(connection, { signal: phase });
  const litmus = new LitmusClient(bounded);
  const argo = new ArgoClient(bounded);
  const unlisted = [];
  const foundFinished = /* @__PURE__ */ new Set();
  const listed = async (what, list) => {
    const attempt = await retryUntil(list, { signal: phase, isFinal: (e) => statusCode(e) === 404 });
    if (attempt.ok) return attempt.value;
    if (statusCode(attempt.error) === 404) return [];
    unlisted.push({ ...what, why: describeApiError(`listing ${what.kind}`, attempt.error) });
    return [];
  };
  const seen = /* @__PURE__ */ new Set();
  const engineRefs = (engines2) => engines2.map((e) => {
    const ref = {
      namespace: e.metadata.namespace ?? "",
      name: e.metadata.name ?? "",
      uid: e.metadata.uid ?? ""
    };
    const key = engineKey(ref);
    if (!seen.has(key) && isEngineFinished(e)) foundFinished.add(key);
    seen.add(key);
    return ref;
  });
  const workflowEngines = async (workflows2) => (await Promise.all(
    workflows2.filter((w) => w.uid).flatMap(
      (w) => scope.namespaces.map(async (namespace) => {
        const selector = `${workflowRunLabel}=${w.uid}`;
        const what = { namespace, selector, kind: "ChaosEngines" };
        return engineRefs(await listed(what, () => litmus.enginesLabelled(namespace, selector)));
      })
    )
  )).flat();
  const runSelector = `${runLabel}=${scope.runId}`;
  const searched = (search) => search ? scope.namespaces : [];
  const [labelledEngines, labelledWorkflows] = await Promise.all([
    Promise.all(
      searched(scope.search.engines).map(async (namespace) => {
        const what = { namespace, selector: runSelector, kind: "ChaosEngines" };
        return engineRefs(await listed(what, () => litmus.enginesLabelled(namespace, runSelector)));
      })
    ),
    Promise.all(
      searched(scope.search.workflows).map(async (namespace) => {
        const what = { namespace, selector: runSelector, kind: "Workflows" };
        return listed(what, async () => (await argo.list(argo.target(namespace, runSelector))).items);
      })
    )
  ]);
  const workflows = unique(
    [
      ...scope.workflows,
      ...labelledWorkflows.flat().map((w) => ({
        namespace: w.metadata.namespace ?? "",
        name: w.metadata.name ?? "",
        uid: w.metadata.uid
      }))
    ],
    (w) => `${w.namespace}/${w.name}`
  );
  const completed = new Set(
    [
      ...scope.workflows.filter((w) => w.ended),
      ...labelledWorkflows.flat().filter(isWorkflowCompleted).map((w) => ({ namespace: w.metadata.namespace ?? "", name: w.metadata.name ?? "" }))
    ].map((w) => `${w.namespace}/${w.name}`)
  );
  const engines = unique(
    [...scope.engines, ...labelledEngines.flat(), ...await workflowEngines(workflows)],
    engineKey
  );
  const stops = await stopEngines(connection, engines, { deadlineMs: left(), hurry, log });
  const workflowStops = [];
  for (const ref of workflows) {
    const where = `${ref.namespace}/${ref.name}`;
    if (completed.has(where)) {
      workflowStops.push({ ref, confirmed: true });
      continue;
    }
    const shutdown = () => argo.shutdown(ref.namespace, ref.name, options.shutdown);
    let attempt = await retryUntil(shutdown, { signal: phase, isFinal: (e) => statusCode(e) === 404 });
    if (!attempt.ok && hurry.aborted && statusCode(attempt.error) !== 404) {
      const last = new ArgoClient(limited(connection, { requestTimeoutMs: lastAttemptMs }));
      attempt = await last.shutdown(ref.namespace, ref.name, options.shutdown).then(
        (value) => ({ ok: true, value }),
        (error) => ({ ok: false, error })
      );
    }
    if (attempt.ok || statusCode(attempt.error) === 404) {
      log(`[chaos-gate] workflow ${where}: shutdown ${options.shutdown}`);
      workflowStops.push({ ref, confirmed: true });
    } else {
      workflowStops.push({
        ref,
        confirmed: false,
        why: describeApiError(`shutting the workflow down`, attempt.error)
      });
    }
  }
  const known = new Set(engines.map(engineKey));
  const late = workflows.length > 0 ? (await workflowEngines(workflows)).filter((e) => !known.has(engineKey(e))) : [];
  const lateStops = await stopEngines(connection, unique(late, engineKey), {
    deadlineMs: left(),
    hurry,
    log
  });
  return {
    engines: [...stops, ...lateStops],
    foundFinished: [...foundFinished],
    workflows: workflowStops,
    unlisted: unique(unlisted, (u) => `${u.kind}/${u.namespace}/${u.selector}`)
  };
}
function unique(items, key) {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
function allConfirmed(report) {
  return report.engines.every((e) => e.confirmed) && report.workflows.every((w) => w.confirmed) && report.unlisted.length === 0;
}

// src/run/run-lock.ts
import os from "node:os";

// src/kube/lease.ts
function leaseExpiresMs(lease) {
  const { holderIdentity, renewTime, acquireTime, leaseDurationSeconds: leaseDurationSeconds2 } = lease.spec ?? {};
  const renewed = renewTime ?? acquireTime;
  if (!holderIdentity || !renewed) return void 0;
  return new Date(renewed).getTime() + (leaseDurationSeconds2 ?? 0) * 1e3;
}
function leaseFree(lease, nowMs) {
  const expires = leaseExpiresMs(lease);
  return expires === void 0 || expires <= nowMs;
}
var LeaseClient = class {
  #api;
  constructor(connection) {
    this.#api = apiClient(connection, ObjectCoordinationV1Api);
  }
  /**
   * Creates the lease, or takes it over if it expired. The answer of a create or takeover that lost to
   * another claimant (409) is that claimant's lease. Errors (a 403: no permission) are thrown as they came.
   */
  async acquire(claim) {
    const { namespace, name } = claim;
    const now = new V1MicroTime(Date.now());
    const spec = {
      holderIdentity: claim.holderIdentity,
      leaseDurationSeconds: claim.durationSeconds,
      acquireTime: now,
      renewTime: now,
      leaseTransitions: 0
    };
    const metadata = { name, namespace, labels: claim.labels, annotations: claim.annotations };
    const current = await this.read(namespace, name);
    try {
      if (!current)
        return { taken: await this.#api.createNamespacedLease({ namespace, body: { metadata, spec } }) };
      if (!leaseFree(current, Date.now())) return { heldBy: current };
      const body = {
        metadata: { ...metadata, resourceVersion: current.metadata?.resourceVersion },
        spec: { ...spec, leaseTransitions: (current.spec?.leaseTransitions ?? 0) + 1 }
      };
      return { taken: await this.#api.replaceNamespacedLease({ namespace, name, body }) };
    } catch (error) {
      if (statusCode(error) !== 409) throw error;
      const winner = await this.read(namespace, name);
      return { heldBy: winner ?? current ?? { metadata: { namespace, name }, spec: {} } };
    }
  }
  /** The lease renewed; undefined if it is no longer ours (expired and taken, or deleted). */
  async renew(lease, attempt = 1) {
    const { namespace = "", name = "" } = lease.metadata ?? {};
    const body = { ...lease, spec: { ...lease.spec, renewTime: new V1MicroTime(Date.now()) } };
    try {
      return await this.#api.replaceNamespacedLease({ namespace, name, body });
    } catch (error) {
      const code = statusCode(error);
      if (code !== 409 && code !== 404 || attempt >= 3) throw error;
      const current = await this.read(namespace, name);
      if (!current || current.spec?.holderIdentity !== lease.spec?.holderIdentity) return void 0;
      return this.renew(current, attempt + 1);
    }
  }
  /**
   * Deletes the lease if it is still ours; a lease someone else took over is left to them. Whether it
   * was deleted (false: taken over, or gone already).
   */
  async release(lease) {
    const { namespace = "", name = "" } = lease.metadata ?? {};
    let current = lease;
    for (let attempt = 1; current && current.spec?.holderIdentity === lease.spec?.holderIdentity; attempt++) {
      try {
        await this.#api.deleteNamespacedLease({
          namespace,
          name,
          body: { preconditions: { resourceVersion: current.metadata?.resourceVersion } }
        });
        return true;
      } catch (error) {
        const code = statusCode(error);
        if (code === 404) return false;
        if (code !== 409 || attempt >= 3) throw error;
      }
      current = await this.read(namespace, name);
    }
    return false;
  }
  async read(namespace, name) {
    try {
      return await this.#api.readNamespacedLease({ namespace, name });
    } catch (error) {
      if (statusCode(error) === 404) return void 0;
      throw error;
    }
  }
};

// src/run/run-lock.ts
var leaseDurationSeconds = 60;
var holderAnnotation = "chaos-gate.io/holder";
var runLeaseName = (runId) => `chaos-gate-run-${runId}`;
function describeHolder(env = process.env) {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, BUILD_URL, CI_JOB_URL } = env;
  const build = GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}` : BUILD_URL ?? CI_JOB_URL;
  return `host ${os.hostname()} pid ${process.pid}${build ? `, CI build ${build}` : ""}`;
}
async function lockRunId(connections, run, warn) {
  const { runId, record } = run;
  const claiming = new LeaseClient(connections.preflight);
  const held = [];
  const renewMs = run.renewMs ?? leaseDurationSeconds * 1e3 / 3;
  const lock = holdLeases(new LeaseClient(connections.holding), held, { runId, renewMs }, warn);
  try {
    for (const namespace of [...new Set(run.namespaces)].sort()) {
      const name = runLeaseName(runId);
      const attempt = await claiming.acquire({
        namespace,
        name,
        holderIdentity: `${os.hostname()}/${record}`,
        durationSeconds: leaseDurationSeconds,
        labels: { ...managedBy, [runLabel]: runId },
        annotations: { [holderAnnotation]: describeHolder() }
      }).catch((error) => {
        if (statusCode(error) !== 403) throw apiError(`taking Lease ${namespace}/${name}`, error);
        warn(
          `run id ${runId} not locked in namespace ${namespace}: ${describeApiError(`taking Lease ${name}`, error)}. Two runs started at the same moment under this id could both go ahead (only one whose chaos is still running is refused); allow get, create, update and delete on leases (coordination.k8s.io) in ${namespace} to lock it`
        );
        return void 0;
      });
      if (attempt && "heldBy" in attempt) {
        await lock.release();
        return { lock, problems: [heldProblem(runId, attempt.heldBy, run.kubectl ?? "kubectl")] };
      }
      if (attempt) {
        held.push(attempt.taken);
        run.onTaken?.(lock.held());
      }
    }
  } catch (error) {
    await lock.release();
    throw error;
  }
  return { lock, problems: [] };
}
function heldProblem(runId, lease, kubectl) {
  const { namespace = "", name = "", annotations } = lease.metadata ?? {};
  const { holderIdentity, acquireTime, renewTime } = lease.spec ?? {};
  const holder = annotations?.[holderAnnotation] ?? holderIdentity ?? "another run";
  const at = (time) => time ? new Date(time).toISOString() : "unknown";
  const expires = leaseExpiresMs(lease);
  const left = expires === void 0 ? "" : ` (in ${formatDuration(Math.max(0, expires - Date.now()))})`;
  return `run id ${runId} is held by another run: ${holder}, since ${at(acquireTime)}, last renewed ${at(renewTime)} (Lease ${namespace}/${name}). Two runs under one id find each other's chaos by it, and one could stop the other's. Give each run its own run id (${settingName("runId")}; left unset, one is generated), or wait for that run to end. If it was killed, its lease expires unless renewed${left}, or delete it: ${kubectl} delete lease -n ${namespace} ${name}`;
}
function holdLeases(leases, held, { runId, renewMs }, warn) {
  const where = (lease) => `Lease ${lease.metadata?.namespace ?? ""}/${lease.metadata?.name ?? ""}`;
  let renewing = Promise.resolve();
  const failing = /* @__PURE__ */ new Set();
  const renewAll = async () => {
    const kept = [];
    for (const lease of held) {
      try {
        const renewed = await leases.renew(lease);
        failing.delete(where(lease));
        if (renewed) kept.push(renewed);
        else
          warn(
            `${where(lease)} of run id ${runId} is no longer this run's (taken over once it expired, or deleted): another run under the id may start`
          );
      } catch (error) {
        kept.push(lease);
        if (failing.has(where(lease))) continue;
        failing.add(where(lease));
        const expires = leaseExpiresMs(lease);
        const fix = statusCode(error) === 403 ? `; allow update on leases (coordination.k8s.io) in ${lease.metadata?.namespace ?? ""} to renew it` : "";
        warn(
          `${describeApiError(`renewing ${where(lease)}`, error)}; it expires ${expires ? `at ${new Date(expires).toISOString()}` : "soon"} unless renewed, and another run under run id ${runId} may start then${fix}`
        );
      }
    }
    held.splice(0, held.length, ...kept);
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renewAll);
  }, renewMs);
  timer.unref();
  let released;
  return {
    held: () => held.map((lease) => ({
      namespace: lease.metadata?.namespace ?? "",
      name: lease.metadata?.name ?? "",
      holderIdentity: lease.spec?.holderIdentity ?? ""
    })),
    release() {
      released ??= (async () => {
        clearInterval(timer);
        await renewing;
        for (const lease of held.splice(0))
          await leases.release(lease).catch((error) => {
            warn(
              `${describeApiError(`deleting ${where(lease)}`, error)}; it expires within ${leaseDurationSeconds}s, and run id ${runId} is free again`
            );
          });
      })();
      return released;
    }
  };
}
async function releaseLeftLeases(connection, leases, log) {
  const client = new LeaseClient(connection);
  for (const { namespace, name, holderIdentity } of leases) {
    try {
      const current = await client.read(namespace, name);
      if (!current) continue;
      if (current.spec?.holderIdentity === holderIdentity && await client.release(current))
        log(`[chaos-gate] deleted Lease ${namespace}/${name}: its run id is free again`);
      else if (await client.read(namespace, name))
        log(`[chaos-gate] Lease ${namespace}/${name} is held by another run now: left to it`);
    } catch (error) {
      log(
        `[chaos-gate] ${describeApiError(`deleting Lease ${namespace}/${name}`, error)}; it expires within ${leaseDurationSeconds}s`
      );
    }
  }
}

// src/run/run-over.ts
var recordGraceMs = 10 * 6e4;
function runOver(connection, nowMs = Date.now()) {
  const judged = /* @__PURE__ */ new Map();
  return (record) => {
    let judging = judged.get(record.key);
    if (!judging) {
      judging = whyOver(connection, record, nowMs).catch(() => void 0);
      judged.set(record.key, judging);
    }
    return judging;
  };
}
async function whyOver(connection, record, nowMs) {
  const { runId, at, chaosIn } = record;
  if (!at || !chaosIn || chaosIn.length === 0) return void 0;
  const age = nowMs - Date.parse(at);
  if (!(age >= recordGraceMs)) return void 0;
  const selector = `${runLabel}=${runId}`;
  const none = (error) => {
    if (statusCode(error) === 404) return [];
    throw error;
  };
  const litmus = new LitmusClient(connection);
  const argo = new ArgoClient(connection);
  const leases = new LeaseClient(connection);
  const locked = record.key !== runId;
  for (const namespace of chaosIn) {
    if (locked) {
      const lease = await leases.read(namespace, runLeaseName(runId));
      if (lease && !leaseFree(lease, nowMs) && lease.spec?.holderIdentity?.endsWith(`/${record.key}`))
        return void 0;
    }
    const engines = await litmus.enginesLabelled(namespace, selector).catch(none);
    const workflows = await argo.list(argo.target(namespace, selector)).then((listed) => listed.items, none);
    if (engines.length > 0 || workflows.length > 0) return void 0;
  }
  return `its run is over: recorded at ${at}, ${locked ? `no Lease ${runLeaseName(runId)} of its own held, ` : ""}and no ChaosEngine or Workflow labelled ${selector} left in namespace${chaosIn.length > 1 ? "s" : ""} ${chaosIn.join(", ")}`;
}

// src/run/resources.ts
var anythingLeft = ({ applied: applied2, workflow, results }) => applied2.length > 0 || !!workflow || (results?.length ?? 0) > 0;
var RunResources = class _RunResources {
  /** What the run applied, less what its cleanup took back. */
  applied = [];
  /** The workflow it submitted, as the run last saw it, until its cleanup deletes it. */
  workflow;
  /** Set by the cleanup: the engines whose ChaosResults are still to delete (Created.results). */
  #resultsLeft;
  /** Something may have been created: an apply or submit was sent, answered or not. */
  started = false;
  /** An apply or submit got no answer (or a 5xx): it may have created what the run does not know about. */
  #unanswered = { engines: false, workflows: false };
  /** The engine manifests sent to the cluster, to know one of them when the stop finds it by label. */
  #engineManifests = [];
  /** Set while the run's next report of what it created is queued. */
  #telling = false;
  #settings;
  constructor(settings) {
    this.#settings = settings;
  }
  /**
   * The resources of a run that was killed, as it recorded them (onCreated), for its cleanup. `applier`
   * must carry the run's id and record key, so only its own records are taken off shared objects.
   */
  static recorded(settings, created) {
    const resources = new _RunResources(settings);
    resources.applied.push(...created.applied);
    const { workflow, results } = created;
    if (workflow) resources.workflow = { metadata: { ...workflow } };
    resources.#resultsLeft = results;
    return resources;
  }
  #tellCreated() {
    const { onCreated } = this.#settings;
    if (!onCreated || this.#telling) return;
    this.#telling = true;
    queueMicrotask(() => {
      this.#telling = false;
      const workflow = this.workflow?.metadata;
      onCreated({
        record: this.#settings.applier.record,
        applied: [...this.applied],
        ...workflow?.name ? { workflow: { namespace: workflow.namespace ?? "", name: workflow.name, uid: workflow.uid } } : {},
        ...this.#resultsLeft ? { results: [...this.#resultsLeft] } : {}
      });
    });
  }
  #applier(connection) {
    return this.#settings.applier.on(connection);
  }
  /** Applies the manifests in order, remembering each object as it lands; none sent after `until`. */
  async apply(prepared, until2) {
    this.started = true;
    this.#engineManifests = prepared.filter((m) => m.role === "engine");
    await this.#settings.applier.apply(
      prepared,
      (object, note) => {
        this.applied.push(object);
        this.#tellCreated();
        const where = `${object.kind} ${object.namespace ? `${object.namespace}/` : ""}${object.name}`;
        this.#settings.log(`[chaos-gate] ${note ? `${where} ${note}` : `applied ${where}`}`);
      },
      until2
    ).catch((error) => {
      if (unanswered(error)) this.#unanswered.engines = true;
      throw error;
    });
  }
  async submit(workflow) {
    this.started = true;
    this.workflow = await new ArgoClient(this.#settings.sending).create(workflow).catch((error) => {
      if (unanswered(error)) this.#unanswered.workflows = true;
      throw error;
    });
    this.#tellCreated();
    const { namespace, name } = this.workflow.metadata;
    this.#settings.log(`[chaos-gate] submitted Workflow ${namespace}/${name}`);
  }
  /** Selects what this run applied, so its watches see nothing of other runs or users. */
  get selector() {
    return `${runLabel}=${this.#settings.runId}`;
  }
  /** The engines this run applied itself. */
  appliedEngines() {
    return this.applied.filter((a) => a.kind === "ChaosEngine").map((a) => ({ namespace: a.namespace ?? "", name: a.name, uid: a.uid ?? "" }));
  }
  /** An engine the run applied, as its manifest has it, with the uid the server gave it. */
  appliedEngine(ref) {
    const manifest = this.#engineManifest(engineKey(ref));
    return manifest && { ...manifest.object, metadata: { ...manifest.object.metadata, uid: ref.uid } };
  }
  #engineManifest(key) {
    return this.#engineManifests.find(
      (m) => `${m.object.metadata.namespace ?? ""}/${m.object.metadata.name ?? ""}` === key
    );
  }
  /** The engines the submitted workflow has created so far: those labelled with its uid. */
  async workflowEngines(connection) {
    const uid = this.workflow?.metadata.uid;
    if (!uid) return [];
    const litmus = new LitmusClient(connection);
    const found = await Promise.all(
      this.#settings.namespaces.map((ns) => litmus.enginesLabelled(ns, `${workflowRunLabel}=${uid}`))
    );
    return found.flat();
  }
  /**
   * The engines the submitted workflow created that have not finished (`namespace/name`). Once the
   * workflow has ended, none should run: the controller ended it while a chaos step still waited
   * for its engine (an error mid-run), and nothing of the workflow's will stop that chaos now.
   */
  async unfinishedWorkflowEngines(connection) {
    return (await this.workflowEngines(connection)).filter((engine) => !isEngineFinished(engine)).map((engine) => `${engine.metadata.namespace ?? ""}/${engine.metadata.name ?? ""}`);
  }
  /**
   * Stops every engine of the run and confirms it, then shuts the workflow down. Never throws: what
   * is not confirmed is in the returned report and logged with the command that stops it.
   */
  async stopChaos(hurry) {
    const { connection, runId, namespaces, shutdown, kubectl, stopTimeoutMs, log } = this.#settings;
    const live = this.workflow;
    const stops = await stopRunChaos(
      connection,
      {
        runId,
        namespaces,
        engines: this.appliedEngines(),
        workflows: live?.metadata.name ? [
          {
            namespace: live.metadata.namespace ?? "",
            name: live.metadata.name,
            uid: live.metadata.uid,
            ended: isWorkflowCompleted(live)
          }
        ] : [],
        search: this.#unanswered
      },
      { deadlineMs: stopTimeoutMs, hurry, log, shutdown }
    );
    describeUnconfirmed(stops, { kubectl, strategy: shutdown }).forEach((line) => log(line));
    this.#adoptFound(stops);
    return stops;
  }
  /**
   * An engine of the run's own manifests that the stop found by label though its apply got no answer
   * (a cancel, a dropped connection) was created by the run: the cleanup removes it with the rest.
   */
  #adoptFound(stops) {
    const known = new Set(this.appliedEngines().map((e) => `${e.namespace}/${e.name}`));
    const before = this.applied.length;
    for (const { ref } of stops.engines) {
      const key = `${ref.namespace}/${ref.name}`;
      const manifest = this.#engineManifest(key);
      if (!manifest || known.has(key)) continue;
      known.add(key);
      this.applied.push({
        role: "engine",
        apiVersion: manifest.object.apiVersion ?? "",
        kind: "ChaosEngine",
        namespace: ref.namespace,
        name: ref.name,
        uid: ref.uid,
        ownership: "run"
      });
    }
    if (this.applied.length > before) this.#tellCreated();
  }
  /** The workflow the run submitted, as its cleanup takes it back: an object of the run's own. */
  #submitted() {
    const workflow = this.workflow?.metadata;
    if (!workflow?.name) return [];
    const { namespace, name, uid } = workflow;
    return [
      {
        role: "workflow",
        apiVersion: argoApiVersion,
        kind: "Workflow",
        namespace,
        name,
        uid,
        ownership: "run"
      }
    ];
  }
  /** After the cleanup: what it created is what the cleanup left, and the record says so. */
  #keepOnly(left, resultsLeft) {
    this.applied.splice(0, this.applied.length, ...left.filter((object) => object.role !== "workflow"));
    if (!left.some((object) => object.role === "workflow")) this.workflow = void 0;
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
  async cleanup(passed, hurry, stops) {
    const { cleanup: policy, log, stopTimeoutMs } = this.#settings;
    const applied2 = this.applied.filter((a) => a.ownership !== "foreign").length + (this.workflow ? 1 : 0);
    if (policy === "never" || policy === "on-success" && !passed) {
      log(`[chaos-gate] cleanup ${policy}: leaving ${applied2} object(s) in place`);
      return;
    }
    if (stops && !allConfirmed(stops)) {
      log(`[chaos-gate] cleanup skipped: chaos may still be running; ${applied2} object(s) left in place`);
      return;
    }
    if (hurry.aborted) {
      log(`[chaos-gate] cleanup skipped: leaving now; ${applied2} object(s) left in place`);
      return;
    }
    const deadline = AbortSignal.any([hurry, AbortSignal.timeout(stopTimeoutMs)]);
    const connection = limited(this.#settings.connection, { signal: deadline });
    const persist = (call) => retryUntil(call, { signal: deadline, isFinal: (error) => !unanswered(error) });
    const engines = this.#resultsLeft ?? this.appliedEngines();
    const removal = await this.#applier(connection).remove(
      [...this.applied, ...this.#submitted()],
      deadline,
      runOver(connection)
    );
    const litmus = new LitmusClient(connection);
    const resultsLeft = [];
    for (const namespace of new Set(engines.map((e) => e.namespace))) {
      const of = engines.filter((e) => e.namespace === namespace);
      const uids = of.map((e) => e.uid);
      const deleted = await persist(() => litmus.deleteResults(namespace, `chaosUID in (${uids.join(",")})`));
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
};
function logRemoval(removal, log, warn) {
  const list = (items) => items.length > 0 ? `: ${items.join(", ")}` : "";
  for (const { runId, why, from } of removal.pruned)
    log(
      `[chaos-gate] cleanup: removed the record of run ${runId} from ${from.length} shared object(s) (${from.join(", ")}): ${why}`
    );
  log(`[chaos-gate] cleanup: removed ${removal.removed.length} object(s)${list(removal.removed)}`);
  if (removal.kept.length > 0)
    log(`[chaos-gate] cleanup: kept ${removal.kept.length} shared object(s)${list(removal.kept)}`);
  if (removal.alreadyGone.length > 0)
    log(`[chaos-gate] cleanup: ${removal.alreadyGone.length} already gone${list(removal.alreadyGone)}`);
  removal.problems.forEach((p) => warn(`cleanup: ${p}`));
}

export {
  ArgoClient,
  watchSource,
  cancelReason,
  until,
  runLabel,
  managedBy,
  ManifestApplier,
  engineKey,
  experimentProgress,
  chaosCondition,
  stopRunChaos,
  allConfirmed,
  leaseDurationSeconds,
  lockRunId,
  releaseLeftLeases,
  anythingLeft,
  RunResources
};
