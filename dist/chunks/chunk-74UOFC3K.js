#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-4X3LT62F.js";
import {
  allowedNamespaces,
  blastRadiusProblems,
  isClusterScopedKind,
  prepareWorkflow,
  readRunInputs
} from "./chunk-HAZUF7FD.js";
import {
  KubernetesObjectApi,
  LitmusClient,
  ObjectCustomObjectsApi,
  PatchStrategy,
  apiClient,
  apiError,
  connect,
  contextNamespace,
  describeApiError,
  enginePlural,
  limited,
  loadKubeContext,
  openWatch,
  resultPlural,
  setHeaderOptions,
  statusCode,
  workflowRunLabel
} from "./chunk-I5LOFJ6D.js";
import {
  isWorkflowCompleted,
  liveWorkflowToSuite,
  readCtkJournal,
  workflowCondition
} from "./chunk-XXEMTUVR.js";
import {
  duplicateProblems
} from "./chunk-GC5MFTKR.js";
import {
  convertChaos,
  experimentStatusOf,
  isEngineFinished,
  isNotRun,
  isVerdictFinal,
  readableResults,
  resultName
} from "./chunk-IIMISXTF.js";
import {
  formatDuration
} from "./chunk-FK2XKCM2.js";
import {
  conclude,
  refuseAllSkipped
} from "./chunk-CYEZQBYQ.js";
import {
  mergeReports,
  underLabel
} from "./chunk-RG723U7L.js";
import {
  CancelledError,
  CannotRunError,
  ConfigError,
  errorMessage
} from "./chunk-RHZBZGPM.js";

// node_modules/p-map/index.js
function pMap(iterable, mapper, options) {
  return mapConcurrently(iterable, mapper, options, false);
}
function pMapSettled(iterable, mapper, options) {
  return mapConcurrently(iterable, mapper, options, true);
}
async function mapConcurrently(iterable, mapper, {
  concurrency: concurrency2 = Number.POSITIVE_INFINITY,
  stopOnError = true,
  signal
} = {}, isSettled) {
  return new Promise((resolve_, reject_) => {
    validateOptions(iterable, mapper, concurrency2);
    const result = [];
    const errors = [];
    let skippedCount = 0;
    let isResolved = false;
    let isIterableDone = false;
    const pendingIndexes = /* @__PURE__ */ new Set();
    let doneIndex = Number.POSITIVE_INFINITY;
    let currentIndex = 0;
    const iterator = getIterator(iterable);
    const signalListener = () => {
      reject(signal.reason);
    };
    const cleanup = () => {
      signal?.removeEventListener("abort", signalListener);
    };
    const resolve = (value) => {
      resolve_(value);
      cleanup();
    };
    const reject = (reason) => {
      if (isResolved) {
        return;
      }
      isResolved = true;
      reject_(reason);
      cleanup();
      if (!isIterableDone) {
        closeIterator(iterator);
      }
    };
    if (signal) {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      signal.addEventListener("abort", signalListener, { once: true });
    }
    const pull = createPuller(iterator);
    const settleIfFinished = () => {
      if (isResolved || doneIndex === Number.POSITIVE_INFINITY) {
        return;
      }
      for (const index of pendingIndexes) {
        if (index < doneIndex) {
          return;
        }
      }
      if (!stopOnError) {
        const collectedErrors = [];
        for (let index = 0; index < Math.min(doneIndex, errors.length); index++) {
          if (index in errors) {
            collectedErrors.push(errors[index]);
          }
        }
        if (collectedErrors.length > 0) {
          reject(new AggregateError(collectedErrors));
          return;
        }
      }
      isResolved = true;
      if (!isIterableDone) {
        closeIterator(iterator);
      }
      const lastIndex = Math.min(doneIndex, result.length);
      if (lastIndex === result.length && skippedCount === 0) {
        resolve(result);
        return;
      }
      resolve(result.slice(0, lastIndex).filter((value) => value !== pMapSkip));
    };
    const next = async () => {
      if (isResolved || currentIndex >= doneIndex) {
        return;
      }
      const index = currentIndex++;
      pendingIndexes.add(index);
      let nextItem;
      try {
        nextItem = await pull();
      } catch (error) {
        pendingIndexes.delete(index);
        if (index < doneIndex) {
          throw error;
        }
        settleIfFinished();
        return;
      }
      if (nextItem.done) {
        pendingIndexes.delete(index);
        doneIndex = Math.min(doneIndex, index);
        isIterableDone = true;
        settleIfFinished();
        return;
      }
      const runner = (async () => {
        try {
          const element = await nextItem.value;
          if (isResolved || index >= doneIndex) {
            return;
          }
          const value = await mapper(element, index);
          if (index >= doneIndex) {
            return;
          }
          if (value === pMapStop) {
            doneIndex = index;
            return;
          }
          if (value === pMapSkip) {
            skippedCount++;
          }
          result[index] = isSettled && value !== pMapSkip ? { status: "fulfilled", value } : value;
        } catch (error) {
          if (index >= doneIndex) {
            return;
          }
          if (isSettled) {
            result[index] = { status: "rejected", reason: error };
          } else if (stopOnError) {
            reject(error);
            return;
          } else {
            errors[index] = error;
          }
        } finally {
          pendingIndexes.delete(index);
          settleIfFinished();
        }
        try {
          await next();
        } catch (error) {
          reject(error);
        }
      })();
      runner.then(() => new Promise(() => {
      })).then(resolve_);
    };
    (async () => {
      for (let index = 0; index < concurrency2; index++) {
        try {
          await next();
        } catch (error) {
          reject(error);
          break;
        }
        if (isResolved || currentIndex >= doneIndex) {
          break;
        }
      }
    })();
  });
}
var pMapSkip = /* @__PURE__ */ Symbol("skip");
var pMapStop = /* @__PURE__ */ Symbol("stop");
function validateOptions(iterable, mapper, concurrency2) {
  if (iterable?.[Symbol.iterator] === void 0 && iterable?.[Symbol.asyncIterator] === void 0) {
    throw new TypeError(`Expected \`input\` to be either an \`Iterable\` or \`AsyncIterable\`, got (${typeof iterable})`);
  }
  if (typeof mapper !== "function") {
    throw new TypeError("Mapper function is required");
  }
  if (!isLimit(concurrency2, 1)) {
    throw new TypeError(`Expected \`concurrency\` to be an integer from 1 and up or \`Infinity\`, got \`${concurrency2}\` (${typeof concurrency2})`);
  }
}
function isLimit(value, minimum) {
  return Number.isSafeInteger(value) && value >= minimum || value === Number.POSITIVE_INFINITY;
}
function getIterator(iterable) {
  return iterable[Symbol.asyncIterator] === void 0 ? iterable[Symbol.iterator]() : iterable[Symbol.asyncIterator]();
}
async function closeIterator(iterator) {
  try {
    await iterator.return?.();
  } catch {
  }
}
function createPuller(iterator) {
  let isSourceDone = false;
  const markDone = (item) => {
    if (item?.done) {
      isSourceDone = true;
    }
  };
  return () => {
    if (isSourceDone) {
      return { done: true };
    }
    const result = iterator.next();
    markDone(result);
    if (typeof result?.then !== "function") {
      return result;
    }
    const promise = Promise.resolve(result);
    promise.then(markDone, () => {
    });
    return promise;
  };
}

// src/run/collect.ts
function collectLoad(config, exit, windows) {
  try {
    return readLoadSuite(config, exit, windows);
  } catch (error) {
    const suite = commandOnlySuite(config, exit, windows);
    suite.cases.push(
      unreadable(
        suite.name,
        "load-threshold",
        "load results",
        `the load results could not be read: ${errorMessage(error)}`
      )
    );
    return suite;
  }
}
function collectJournal(file) {
  try {
    return readCtkJournal(file);
  } catch (error) {
    const name = `chaostoolkit/${file}`;
    return {
      kind: "chaostoolkit",
      name,
      properties: {},
      cases: [unreadable(name, "ctk-hypothesis", "journal", errorMessage(error))]
    };
  }
}
function unreadable(suite, kind, name, message) {
  return { kind, className: suite, name, outcome: "error", message, properties: {} };
}

// src/run/run.ts
import { randomBytes } from "node:crypto";

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
  /** Creates the workflow; with `dryRun` the server only validates it (schema, admission, permissions). */
  async create(workflow, dryRun = false) {
    const created = await this.#api.createNamespacedCustomObject({
      group,
      version,
      namespace: workflow.metadata.namespace ?? "default",
      plural: workflowPlural,
      body: workflow,
      dryRun: dryRun ? "All" : void 0
    });
    return created;
  }
  /** `argo stop` / `argo terminate`: a merge patch of spec.shutdown. */
  async shutdown(namespace, name, strategy) {
    await this.#api.patchNamespacedCustomObject(
      { group, version, namespace, plural: workflowPlural, name, body: { spec: { shutdown: strategy } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch)
    );
  }
  async delete(namespace, name) {
    await this.#api.deleteNamespacedCustomObject({ group, version, namespace, plural: workflowPlural, name });
  }
  target(namespace, labelSelector) {
    return { group, version, plural: workflowPlural, namespace, labelSelector };
  }
  list = async (target) => {
    const listed = await this.#api.listNamespacedCustomObject({ ...target });
    return listed;
  };
};

// src/kube/watch.ts
function watchCollection(connection, list, target, options) {
  const items = /* @__PURE__ */ new Map();
  const path = `/apis/${target.group}/${target.version}/namespaces/${target.namespace}/${target.plural}`;
  let stopped = false;
  let stream;
  let latestVersion;
  let wake;
  let markReady = () => {
  };
  let failReady = () => {
  };
  const ready = new Promise((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  ready.catch(() => {
  });
  const sleep3 = (ms) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  const relist = async () => {
    const listed = await list(target);
    const seen = /* @__PURE__ */ new Set();
    for (const item of listed.items) {
      const name = item.metadata?.name ?? "";
      seen.add(name);
      items.set(name, item);
    }
    for (const name of [...items.keys()]) if (!seen.has(name)) items.delete(name);
    options.onChange();
    markReady();
    return listed.metadata?.resourceVersion;
  };
  const watchOnce = async (resourceVersion) => {
    let gone = false;
    const timeoutSeconds = options.timeoutSeconds ?? 60;
    stream = openWatch(
      connection,
      path,
      {
        allowWatchBookmarks: true,
        resourceVersion,
        timeoutSeconds,
        labelSelector: target.labelSelector,
        fieldSelector: target.fieldSelector
      },
      ({ type, object }) => {
        if (type === "ERROR") {
          if (object.code === 410) gone = true;
          return;
        }
        const name = object.metadata?.name ?? "";
        latestVersion = object.metadata?.resourceVersion ?? latestVersion;
        if (type === "BOOKMARK") return;
        if (type === "DELETED") items.delete(name);
        else items.set(name, object);
        options.onChange();
      },
      options.idleMs ?? timeoutSeconds * 1e3 + 3e4
    );
    if (stopped) stream.abort();
    const outcome = await stream.ended;
    if (gone || statusCode(outcome) === 410) return "gone";
    return outcome === "closed" ? "ended" : outcome;
  };
  let fatalError;
  const loop = async () => {
    let delay = options.retryDelayMs ?? 1e3;
    let needList = true;
    while (!stopped && !connection.signal?.aborted) {
      try {
        if (needList) latestVersion = await relist();
        needList = false;
        const outcome = await watchOnce(latestVersion);
        if (stopped || connection.signal?.aborted) break;
        if (outcome === "gone") {
          options.onRetry?.("watch history expired (410 Gone); listing again");
          needList = true;
          continue;
        }
        if (outcome === "ended") {
          delay = options.retryDelayMs ?? 1e3;
          continue;
        }
        options.onRetry?.(
          `watch broke (${outcome.message}); resuming from resourceVersion ${latestVersion ?? "?"}`
        );
      } catch (error) {
        const code = statusCode(error);
        if (code === 401 || code === 403 || code === 404) {
          stopped = true;
          fatalError = error;
          failReady(error);
          options.onChange();
          break;
        }
        options.onRetry?.(`${describeApiError(`listing ${target.plural}`, error)}; retrying`);
        needList = true;
      }
      await sleep3(delay);
      delay = Math.min(delay * 2, 15e3);
    }
  };
  void loop();
  return {
    items,
    ready,
    get fatalError() {
      return fatalError;
    },
    stop() {
      stopped = true;
      stream?.abort();
      wake?.();
    }
  };
}

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

// src/argo/wait.ts
async function waitForWorkflow(connection, argo, namespace, name, options) {
  const key = `${namespace}/${name}`;
  const target = { ...argo.target(namespace), fieldSelector: `metadata.name=${name}` };
  const { view, ended, cancelled } = await until({
    what: `workflow ${key}`,
    sources: { workflows: [watchSource(connection, argo.list, target)] },
    condition: ({ workflows }) => workflowCondition(key, workflows),
    observe: phaseLog(key, options.log),
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    heartbeatMs: options.heartbeatMs,
    onHeartbeat: (pending, leftMs) => options.log(
      `[chaos-gate] waiting for ${pending.map((p) => p.label).join("; ") || `workflow ${key}`}; ${formatDuration(leftMs)} left`
    ),
    onRetry: (reason) => options.log(`[chaos-gate] ${reason}`)
  });
  return { workflow: view.workflows.get(key), timedOut: ended === "timeout", cancelled };
}
function phaseLog(key, log) {
  const seen = /* @__PURE__ */ new Map();
  return ({ workflows }) => {
    const status = workflows.get(key)?.status;
    if (status?.phase && seen.get(key) !== status.phase) {
      seen.set(key, status.phase);
      log(`[argo] ${key}: ${status.phase}${status.message ? ` (${status.message})` : ""}`);
    }
    for (const node of Object.values(status?.nodes ?? {})) {
      if (node === null || node.type !== "Pod" || !node.phase || seen.get(node.id ?? "") === node.phase)
        continue;
      seen.set(node.id ?? "", node.phase);
      log(
        `[argo] ${key} step ${node.displayName ?? node.name}: ${node.phase}${node.message ? ` (${node.message})` : ""}`
      );
    }
  };
}

// src/kube/apply.ts
var fieldManager = "chaos-gate";
var usersFieldManager = "chaos-gate-users";
var runLabel = "chaos-gate.io/run";
var managedBy = { "app.kubernetes.io/managed-by": "chaos-gate" };
var usersPrefix = "users.chaos-gate.io/";
var applyOrder = ["rbac", "experiment", "engine"];
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
var ManifestApplier = class {
  #api;
  #defaultNamespace;
  #runId;
  /** What preflight read of each named object, so apply reads nothing again. */
  #existing = /* @__PURE__ */ new Map();
  constructor(connection, defaultNamespace, runId) {
    this.#api = apiClient(connection, ObjectApi);
    this.#defaultNamespace = defaultNamespace;
    this.#runId = runId;
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
    const problems = await pMap(manifests, (manifest) => this.#check(manifest), { concurrency });
    return problems.filter((problem) => problem !== void 0);
  }
  async #check(manifest) {
    try {
      const existing = manifest.object.metadata.name ? await this.#read(manifest.object) : void 0;
      this.#existing.set(manifest.source, existing);
      if (existing && manifest.role === "engine") {
        return `${manifest.source}: a ChaosEngine with this name already exists in namespace ${existing.metadata?.namespace}; delete it, or use metadata.generateName so each run gets its own engine`;
      }
      if (existing && !isManaged(existing)) return void 0;
      await this.#write(manifest.object, true);
      return void 0;
    } catch (error) {
      return describeApiError(`${manifest.source}: rejected by the server`, error);
    }
  }
  /**
   * Applies RBAC, then ChaosExperiments, then ChaosEngines, each group in parallel. `onApplied` hears of
   * every object that landed, in the order of the manifests, also when another of its group failed, so
   * what the run put into the cluster is known before anything is taken back.
   */
  async apply(manifests, onApplied) {
    for (const group2 of inOrder(manifests)) {
      const landed = await pMapSettled(group2, (manifest) => this.#applyOne(manifest), { concurrency });
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
      const result = isShared(manifest) ? await this.#applyShared(object) : await this.#write(object, false);
      return [applied(manifest, result, isShared(manifest) ? "shared" : "run")];
    } catch (error) {
      throw new CannotRunError(describeApiError(`${manifest.source}: apply failed`, error), { cause: error });
    }
  }
  /**
   * Takes back what this run applied: engines, then experiments, then RBAC (the experiments need their
   * RBAC to revert), each group in parallel. Reports, never throws.
   */
  async remove(objects) {
    const removal = { removed: [], kept: [], alreadyGone: [], problems: [] };
    const newestFirst = [...objects].reverse().filter((object) => object.ownership !== "foreign");
    for (const role of [...applyOrder].reverse()) {
      const group2 = newestFirst.filter((object) => object.role === role);
      const outcomes = await pMap(group2, (object) => this.#removeOne(object), { concurrency });
      group2.forEach((object, i) => {
        const what = describe(refOf(object));
        const outcome = outcomes[i];
        if (outcome === "removed") removal.removed.push(what);
        else if (outcome === "gone") removal.alreadyGone.push(what);
        else if (Array.isArray(outcome)) removal.kept.push(`${what} (still used by ${outcome.join(", ")})`);
        else removal.problems.push(describeApiError(`deleting ${what}`, outcome.error));
      });
    }
    return removal;
  }
  async #removeOne(object) {
    const ref = refOf(object);
    try {
      return object.ownership === "run" ? await this.#delete(ref) : await this.#release(ref);
    } catch (error) {
      return { error };
    }
  }
  /** What preflight read of the object; one that preflight did not see is read now. */
  async #existingOf(manifest) {
    if (this.#existing.has(manifest.source)) return this.#existing.get(manifest.source);
    return this.#read(manifest.object);
  }
  /** Applies a shared object and records this run on it; again if another run deleted it in between. */
  async #applyShared(object) {
    for (let attempt = 1; ; attempt++) {
      const result = await this.#write(object, false);
      try {
        await this.#annotate(object, this.#runId);
        return result;
      } catch (error) {
        if (statusCode(error) !== 404 || attempt >= 3) throw error;
      }
    }
  }
  /** Removes this run's record; deletes the object if no other run's is left. */
  async #release(ref) {
    try {
      await this.#annotate(ref, null);
    } catch (error) {
      if (statusCode(error) === 404) return "gone";
      throw error;
    }
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read(ref);
      if (!current) return "gone";
      const users = Object.keys(current.metadata?.annotations ?? {}).filter((key) => key.startsWith(usersPrefix)).map((key) => `run ${key.slice(usersPrefix.length)}`);
      if (users.length > 0) return users;
      try {
        return await this.#delete(ref, current.metadata?.resourceVersion);
      } catch (error) {
        if (statusCode(error) !== 409 || attempt >= 5) throw error;
      }
    }
  }
  async #annotate(ref, value) {
    const key = `${usersPrefix}${this.#runId}`;
    await this.#api.patch(
      {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: {
          name: ref.metadata?.name,
          namespace: ref.metadata?.namespace,
          annotations: { [key]: value }
        }
      },
      void 0,
      void 0,
      usersFieldManager,
      void 0,
      PatchStrategy.MergePatch
    );
  }
  async #write(object, dryRun) {
    const dry = dryRun ? "All" : void 0;
    return object.metadata?.name ? this.#api.patch(object, void 0, dry, fieldManager, true, PatchStrategy.ServerSideApply) : this.#api.create(object, void 0, dry, fieldManager);
  }
  async #delete(ref, resourceVersion) {
    try {
      await this.#api.delete(ref, void 0, void 0, void 0, void 0, "Background", {
        ...resourceVersion ? { preconditions: { resourceVersion } } : {}
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
    ownership,
    source: manifest.source
  };
}

// src/litmus/condition.ts
var engineKey = (ref) => `${ref.namespace}/${ref.name}`;
function experimentProgress(ref, view) {
  const engine = view.engines.get(engineKey(ref));
  if (!engine) return [];
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

// src/litmus/wait.ts
async function waitForChaos(connection, client, refs, options) {
  const namespaces = [...new Set(refs.map((r) => r.namespace))];
  const uidsIn = (namespace) => refs.filter((r) => r.namespace === namespace).map((r) => r.uid).join(",");
  const progress = progressLog(refs, options.log);
  const { view, ended, cancelled } = await until({
    what: "ChaosEngines and ChaosResults",
    sources: {
      engines: namespaces.map(
        (ns) => watchSource(
          connection,
          client.list,
          client.target(enginePlural, ns, options.engineSelector)
        )
      ),
      results: namespaces.map(
        (ns) => watchSource(
          connection,
          client.list,
          client.target(resultPlural, ns, `chaosUID in (${uidsIn(ns)})`)
        )
      )
    },
    condition: (current) => chaosCondition(refs, current),
    observe: progress.observe,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    graceMs: options.verdictGraceMs ?? 3e4,
    heartbeatMs: options.heartbeatMs,
    onHeartbeat: (pending, leftMs) => {
      const detail = pending.map((p) => p.label).join("; ") || "engines to finish";
      options.log(`[chaos-gate] waiting for ${detail}; ${formatDuration(leftMs)} left`);
    },
    onRetry: (reason) => options.log(`[chaos-gate] ${reason}`)
  });
  return {
    // A deleted engine is reported as last seen, so it does not vanish from the report.
    engines: refs.map(
      (ref) => view.engines.get(engineKey(ref)) ?? progress.lastSeen.get(engineKey(ref)) ?? {
        metadata: { name: ref.name, namespace: ref.namespace, uid: ref.uid }
      }
    ),
    results: [...view.results.values()],
    timedOut: ended === "timeout",
    cancelled,
    deleted: [...progress.deleted]
  };
}
function progressLog(refs, log) {
  const lastPhase = /* @__PURE__ */ new Map();
  const lastSeen = /* @__PURE__ */ new Map();
  const deleted = /* @__PURE__ */ new Set();
  const observe = (view) => {
    for (const ref of refs) {
      const key = engineKey(ref);
      const engine = view.engines.get(key);
      if (!engine) {
        if (!deleted.has(key)) log(`[chaos-gate] WARNING: ChaosEngine ${key} was deleted during the run`);
        deleted.add(key);
        continue;
      }
      lastSeen.set(key, engine);
      for (const { label, phase } of experimentProgress(ref, view)) {
        if (lastPhase.get(label) === phase) continue;
        lastPhase.set(label, phase);
        log(`[chaos] ${label}: ${phase}`);
      }
    }
  };
  return { observe, lastSeen, deleted };
}

// src/load/runner.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
var keptLines = 20;
var inherited = [
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "LANG",
  "LANGUAGE",
  "TZ",
  "TERM",
  "TMPDIR",
  "TMP",
  "TEMP",
  "CI",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "NODE_EXTRA_CA_CERTS",
  "JAVA_HOME"
];
var inheritedPrefixes = ["LC_"];
function loadEnvironment(config, from = process.env) {
  const env = {};
  for (const [name, value] of Object.entries(from)) {
    const allowed = inherited.includes(name) || inheritedPrefixes.some((prefix) => name.startsWith(prefix)) || config.passEnv.includes(name);
    if (allowed && value !== void 0) env[name] = value;
  }
  return { ...env, ...config.env };
}
async function startLoad(config, log) {
  if (!config.command) throw new ConfigError("load.command: required to run a load test");
  const [program, ...args] = typeof config.command === "string" ? ["sh", "-c", config.command] : config.command;
  const child = spawn(program, args, {
    cwd: config.cwd,
    env: loadEnvironment(config),
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group (setsid): the group can be signalled as one.
    detached: true
  });
  const startedAtMs = Date.now();
  const lastLines = [];
  const forward = (stream) => createInterface({ input: stream }).on("line", (line) => {
    log(`[load] ${line}`);
    lastLines.push(line);
    if (lastLines.length > keptLines) lastLines.shift();
  });
  forward(child.stdout);
  forward(child.stderr);
  let stoppedBy;
  const exited = new Promise(
    (resolve) => child.once(
      "close",
      (code, signal) => resolve({ code, signal, startedAtMs, endedAtMs: Date.now(), lastLines, stoppedBy })
    )
  );
  await new Promise((resolve, reject) => {
    child.once("spawn", resolve);
    child.once(
      "error",
      (error) => reject(new CannotRunError(`load command could not start (${program}): ${error.message}`))
    );
  });
  const group2 = child.pid ?? 0;
  const signalGroup = (signal) => {
    try {
      process.kill(-group2, signal);
    } catch {
    }
  };
  const killOnExit = () => signalGroup("SIGKILL");
  process.on("exit", killOnExit);
  void exited.then(() => process.off("exit", killOnExit));
  const running = () => child.exitCode === null && child.signalCode === null;
  const terminate = async (why) => {
    if (running()) {
      stoppedBy = why;
      signalGroup("SIGTERM");
      const ended = await Promise.race([exited, sleep(config.terminateGrace).then(() => void 0)]);
      if (!ended) {
        log(
          `[chaos-gate] the load command did not end ${config.terminateGrace / 1e3}s after SIGTERM: SIGKILL`
        );
        signalGroup("SIGKILL");
      }
    }
    signalGroup("SIGKILL");
    return { ...await exited, stoppedBy };
  };
  const until2 = (ms, signal) => sleep(Math.max(0, ms), void 0, { signal }).then(
    () => "time",
    () => "cancel"
  );
  return {
    startedAtMs,
    async baseline(signal) {
      log(`[chaos-gate] load running; chaos starts after a ${Math.round(config.leadTime / 1e3)}s baseline`);
      await Promise.race([sleep(config.leadTime, void 0, { signal }).catch(() => {
      }), exited]);
    },
    async finish(deadlineAt, signal) {
      const left = () => deadlineAt - Date.now();
      const tail = await Promise.race([exited, until2(Math.min(config.tail, left()), signal)]);
      if (tail === "cancel") return terminate("on cancel");
      if (tail !== "time") return exited;
      if (config.stop === "terminate") return terminate(left() > 0 ? "after the tail" : "at the timeout");
      const waited = await Promise.race([exited, until2(left(), signal)]);
      if (waited === "cancel") return terminate("on cancel");
      if (waited !== "time") return exited;
      log("[chaos-gate] the load command is still running at the timeout: stopping it");
      return terminate("at the timeout");
    },
    terminate
  };
}

// src/kube/retry.ts
import { setTimeout as sleep2 } from "node:timers/promises";
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
    await sleep2(delay, void 0, { signal: options.signal }).catch(() => {
    });
    delay = Math.min(delay * 2, options.maxDelayMs ?? 1e4);
  }
  return { ok: false, error };
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
  finished.abort();
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
  const listed = async (what, list) => {
    const attempt = await retryUntil(list, { signal: phase, isFinal: (e) => statusCode(e) === 404 });
    if (attempt.ok) return attempt.value;
    if (statusCode(attempt.error) === 404) return [];
    unlisted.push({ ...what, why: describeApiError(`listing ${what.kind}`, attempt.error) });
    return [];
  };
  const engineRefs = (engines2) => engines2.map((e) => ({
    namespace: e.metadata.namespace ?? "",
    name: e.metadata.name ?? "",
    uid: e.metadata.uid ?? ""
  }));
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
    labelledWorkflows.flat().filter(isWorkflowCompleted).map((w) => `${w.metadata.namespace ?? ""}/${w.metadata.name ?? ""}`)
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

// src/run/stop-report.ts
var stopEngine = `--type merge -p '{"spec":{"engineState":"stop"}}'`;
var shutdownWorkflow = (strategy) => `--type merge -p '{"spec":{"shutdown":"${strategy}"}}'`;
function unconfirmed(report, strategy) {
  return [
    ...report.engines.filter((e) => !e.confirmed).map(({ ref, why }) => ({
      suite: { kind: "chaosengine", name: `${ref.namespace}/${ref.name}` },
      what: `ChaosEngine ${ref.namespace}/${ref.name}`,
      why: why ?? "",
      command: `kubectl patch chaosengine ${ref.name} -n ${ref.namespace} ${stopEngine}`
    })),
    ...report.workflows.filter((w) => !w.confirmed).map(({ ref, why }) => ({
      suite: { kind: "workflow", name: `${ref.namespace}/${ref.name}` },
      what: `Workflow ${ref.namespace}/${ref.name}`,
      why: why ?? "",
      command: `kubectl patch workflow ${ref.name} -n ${ref.namespace} ${shutdownWorkflow(strategy)}`
    })),
    ...report.unlisted.map(({ kind, namespace, selector, why }) => ({
      suite: { kind: "chaosengine", name: `${namespace} (${selector})` },
      what: `${kind} labelled ${selector} in namespace ${namespace}`,
      why,
      command: `kubectl get ${kind.toLowerCase()} -n ${namespace} -l ${selector} -o name | xargs -r kubectl patch -n ${namespace} ${kind === "Workflows" ? shutdownWorkflow(strategy) : stopEngine}`
    }))
  ];
}
function describeUnconfirmed(report, strategy) {
  return unconfirmed(report, strategy).flatMap(({ what, why, command }) => [
    `[chaos-gate] ERROR: chaos may still be running: ${what} was not confirmed stopped: ${why}`,
    `[chaos-gate]   to stop it: ${command}`
  ]);
}
function withStopCases(report, stops, strategy) {
  const suites = report.suites.map((suite) => ({ ...suite, cases: [...suite.cases] }));
  for (const { suite: where, what, why, command } of unconfirmed(stops, strategy)) {
    let suite = suites.find((s) => s.kind === where.kind && s.name === where.name);
    if (!suite) {
      suite = { kind: where.kind, name: where.name, properties: {}, cases: [] };
      suites.push(suite);
    }
    const stopCase = {
      kind: "chaos-stop",
      className: where.name,
      name: "chaos stopped",
      outcome: "error",
      message: `chaos may still be running: ${what} was not confirmed stopped: ${why}; to stop it: ${command}`,
      details: command,
      properties: { command }
    };
    suite.cases.push(stopCase);
  }
  return { suites };
}

// src/run/resources.ts
var RunResources = class {
  applied = [];
  workflow;
  /** Something may have been created: an apply or submit was sent, answered or not. */
  started = false;
  /** An apply or submit got no answer: it may have created what the run does not know about. */
  #unanswered = { engines: false, workflows: false };
  #settings;
  constructor(settings) {
    this.#settings = settings;
  }
  #applier(connection) {
    return new ManifestApplier(connection, this.#settings.defaultNamespace, this.#settings.runId);
  }
  /** Applies the manifests in order, remembering each object as it lands. */
  async apply(prepared) {
    this.started = true;
    await this.#settings.applier.apply(prepared, (object, note) => {
      this.applied.push(object);
      const where = `${object.kind} ${object.namespace ? `${object.namespace}/` : ""}${object.name}`;
      this.#settings.log(`[chaos-gate] ${note ? `${where} ${note}` : `applied ${where}`}`);
    }).catch((error) => {
      if (unanswered(error)) this.#unanswered.engines = true;
      throw error;
    });
  }
  async submit(workflow) {
    this.started = true;
    this.workflow = await new ArgoClient(this.#settings.connection).create(workflow).catch((error) => {
      if (unanswered(error)) this.#unanswered.workflows = true;
      throw error;
    });
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
   * Stops every engine of the run and confirms it, then shuts the workflow down. Never throws: what
   * is not confirmed is in the returned report and logged with the command that stops it.
   */
  async stopChaos(hurry) {
    const { connection, runId, namespaces, shutdown, stopTimeoutMs, log } = this.#settings;
    const workflow = this.workflow?.metadata;
    const stops = await stopRunChaos(
      connection,
      {
        runId,
        namespaces,
        engines: this.appliedEngines(),
        workflows: workflow?.name ? [{ namespace: workflow.namespace ?? "", name: workflow.name, uid: workflow.uid }] : [],
        search: this.#unanswered
      },
      { deadlineMs: stopTimeoutMs, hurry, log, shutdown }
    );
    describeUnconfirmed(stops, shutdown).forEach((line) => log(line));
    return stops;
  }
  /**
   * Deletes what the run created (engines first, RBAC last, then the workflow and the engines'
   * results) and says what it really removed. Nothing is deleted while chaos may still be running:
   * the engines must stay visible, and their RBAC is what the experiments need to revert.
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
    const connection = limited(this.#settings.connection, {
      signal: AbortSignal.any([hurry, AbortSignal.timeout(stopTimeoutMs)])
    });
    const removal = await this.#applier(connection).remove(this.applied);
    const workflow = this.workflow?.metadata;
    if (workflow?.name) {
      const where = `Workflow ${workflow.namespace ?? ""}/${workflow.name}`;
      await new ArgoClient(connection).delete(workflow.namespace ?? "", workflow.name).then(
        () => removal.removed.push(where),
        (error) => removal.problems.push(describeApiError(`deleting ${where}`, error))
      );
    }
    await this.#deleteResults(connection, removal);
    logRemoval(removal, log);
  }
  async #deleteResults(connection, removal) {
    const engines = this.appliedEngines();
    const litmus = new LitmusClient(connection);
    for (const namespace of new Set(engines.map((e) => e.namespace))) {
      const uids = engines.filter((e) => e.namespace === namespace).map((e) => e.uid);
      try {
        const deleted = await litmus.deleteResults(namespace, `chaosUID in (${uids.join(",")})`);
        removal.removed.push(...deleted.map((name) => `ChaosResult ${namespace}/${name}`));
      } catch (error) {
        removal.problems.push(`deleting ChaosResults in ${namespace}: ${errorMessage(error)}`);
      }
    }
  }
};
function unanswered(error) {
  return statusCode(error instanceof Error && error.cause ? error.cause : error) === void 0;
}
function logRemoval(removal, log) {
  const list = (items) => items.length > 0 ? `: ${items.join(", ")}` : "";
  log(`[chaos-gate] cleanup: removed ${removal.removed.length} object(s)${list(removal.removed)}`);
  if (removal.kept.length > 0)
    log(`[chaos-gate] cleanup: kept ${removal.kept.length} shared object(s)${list(removal.kept)}`);
  if (removal.alreadyGone.length > 0)
    log(`[chaos-gate] cleanup: ${removal.alreadyGone.length} already gone${list(removal.alreadyGone)}`);
  removal.problems.forEach((p) => log(`[chaos-gate] WARNING: cleanup: ${p}`));
}

// src/run/run.ts
async function runGate(config, context) {
  const session = await startRun(config, context);
  let passed = false;
  try {
    if (!session.cancelled) refuseAllSkipped(session.report, config.gate);
    const { decision, published } = conclude(config, session.report, { runId: session.runId }, context.log);
    passed = decision.verdict === "pass";
    const { runId, report, cancelled } = session;
    return { runId, report, cancelled, decision, published };
  } finally {
    await session.finish(passed);
  }
}
function newRunId() {
  return `cg-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}
async function startRun(config, context) {
  const { log, signal } = context;
  const hurry = context.hurry ?? new AbortController().signal;
  const deadline = overallDeadline(config.timeoutMs);
  let kube;
  const release = () => {
    kube?.dispose();
    deadline.clear();
  };
  try {
    const inputs = readRunInputs(config);
    kube = loadKubeContext({
      ...config,
      kubeconfigContent: context.kubeconfigContent,
      secretDir: context.secretDir
    });
    const main = connect(kube.kc, { signal: AbortSignal.any([signal, deadline.signal]) });
    const plan = await preflight(config, inputs, main, signal, log);
    context.onStarted?.(plan.runId, plan.namespaces);
    const resources = new RunResources({
      connection: main,
      defaultNamespace: plan.defaultNamespace,
      runId: plan.runId,
      applier: plan.applier,
      namespaces: plan.namespaces,
      shutdown: config.workflow?.shutdown ?? "Stop",
      cleanup: config.cleanup,
      stopTimeoutMs: config.stopTimeoutMs,
      log
    });
    const chaos = await runChaos(config, context, { main, plan, resources, deadline, hurry });
    context.onPhase?.("report");
    const reading = limited(main, {
      signal: AbortSignal.any([hurry, AbortSignal.timeout(config.stopTimeoutMs)])
    });
    let report = await collectReport(config, reading, resources, chaos, log);
    if (chaos.stops) report = withStopCases(report, chaos.stops, config.workflow?.shutdown ?? "Stop");
    return {
      runId: plan.runId,
      report,
      cancelled: chaos.cancelled,
      async finish(passed) {
        try {
          context.onPhase?.("cleanup");
          await resources.cleanup(passed, hurry, chaos.stops);
          context.onPhase?.("done");
        } finally {
          release();
        }
      }
    };
  } catch (error) {
    release();
    throw error;
  }
}
function overallDeadline(timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new CannotRunError(`the ${formatDuration(timeoutMs)} timeout passed`)),
    timeoutMs
  );
  const endsAt = Date.now() + timeoutMs;
  return {
    signal: controller.signal,
    endsAt,
    leftMs: () => Math.max(0, endsAt - Date.now()),
    clear: () => clearTimeout(timer)
  };
}
async function preflight(config, inputs, main, signal, log) {
  try {
    const litmus = new LitmusClient(main);
    const argo = config.workflow ? new ArgoClient(main) : void 0;
    await litmus.assertInstalled(config.experiments.length > 0 ? ["chaosexperiments"] : []);
    await argo?.assertInstalled();
    const runId = config.runId ?? newRunId();
    const defaultNamespace = config.namespace ?? contextNamespace(main.kc);
    const applier = new ManifestApplier(main, defaultNamespace, runId);
    const prepared = applier.prepare(inputs.manifests);
    const workflow = config.workflow && inputs.workflow && prepareWorkflow(inputs.workflow, config.workflow, defaultNamespace, {
      ...managedBy,
      [runLabel]: runId
    });
    log(`[chaos-gate] run ${runId}: preflight of ${prepared.length + (workflow ? 1 : 0)} object(s)`);
    const policy = { ...config, defaultNamespace };
    const clusterScoped = /* @__PURE__ */ new Set();
    for (const manifest of prepared)
      if (await applier.isClusterScoped(manifest.object).catch(() => false)) clusterScoped.add(manifest);
    const problems = [
      ...duplicateProblems(prepared),
      ...blastRadiusProblems(prepared, workflow?.metadata.namespace, policy, (m) => clusterScoped.has(m))
    ];
    if (problems.length === 0) problems.push(...await applier.preflight(prepared));
    if (argo && workflow && problems.length === 0) {
      await argo.create(workflow, true).catch((error) => {
        problems.push(
          describeApiError(
            `Workflow ${workflow.metadata.name ?? workflow.metadata.generateName ?? ""}: rejected by the server`,
            error
          )
        );
      });
    }
    throwIfCancelled(signal);
    if (problems.length > 0)
      throw new CannotRunError(`preflight failed, nothing was applied:
${problems.join("\n")}`);
    return {
      runId,
      defaultNamespace,
      prepared,
      applier,
      workflow,
      argo,
      namespaces: allowedNamespaces(policy)
    };
  } catch (error) {
    throwIfCancelled(signal);
    throw error;
  }
}
async function runChaos(config, context, parts) {
  const { log, signal } = context;
  const { main, plan, resources, deadline, hurry } = parts;
  const interrupted = AbortSignal.any([signal, deadline.signal]);
  let load;
  let waited;
  let chaosStartMs = Date.now();
  try {
    if (config.load) {
      load = await startLoad(config.load, log);
      await load.baseline(interrupted);
    }
    chaosStartMs = Date.now();
    if (!interrupted.aborted) {
      context.onPhase?.("apply");
      await resources.apply(plan.prepared);
      if (plan.workflow) await resources.submit(plan.workflow);
      context.onPhase?.("wait");
      waited = await waitForAll(main, plan.argo, resources, {
        timeoutMs: deadline.leftMs(),
        signal,
        log,
        verdictGraceMs: context.verdictGraceMs ?? 3e4,
        engineSelector: resources.selector
      });
      context.onPhase?.("after");
    }
  } catch (error) {
    if (!interrupted.aborted) {
      const stops2 = resources.started ? await resources.stopChaos(AbortSignal.any([signal, hurry])) : void 0;
      await load?.terminate("on cancel");
      await resources.cleanup(false, hurry, stops2);
      if (stops2) recordUnconfirmed(config, stops2, log);
      throw error;
    }
  }
  const cancelled = signal.aborted ? cancelReason(signal) : waited?.chaos.cancelled;
  if (cancelled && !resources.started) {
    await load?.terminate("on cancel");
    throw new CancelledError(cancelled);
  }
  const timedOut = !cancelled && (deadline.signal.aborted || !!waited?.chaos.timedOut);
  const chaosWindow = { startMs: chaosStartMs, endMs: Date.now() };
  const done = waited ?? { chaos: { engines: [], results: [], timedOut, cancelled } };
  let stops;
  if (cancelled || timedOut) {
    log(`[chaos-gate] ${cancelled ? `cancelled by ${cancelled}` : "timeout"}: stopping the chaos`);
    if (resources.started)
      stops = await resources.stopChaos(cancelled ? hurry : AbortSignal.any([signal, hurry]));
  }
  const result = {
    waited: done,
    chaosWindow,
    cancelled: signal.aborted ? cancelReason(signal) : cancelled,
    stops
  };
  if (!load) return result;
  if (result.cancelled || hurry.aborted) return { ...result, loadExit: await load.terminate("on cancel") };
  if (timedOut) return { ...result, loadExit: await load.terminate("at the timeout") };
  log(`[chaos-gate] chaos over; the load runs on for a ${Math.round((config.load?.tail ?? 0) / 1e3)}s tail`);
  const loadExit = await load.finish(deadline.endsAt, signal);
  return { ...result, loadExit, cancelled: signal.aborted ? cancelReason(signal) : void 0 };
}
function recordUnconfirmed(config, stops, log) {
  const report = withStopCases({ suites: [] }, stops, config.workflow?.shutdown ?? "Stop");
  if (report.suites.length > 0) conclude(config, report, {}, log);
}
async function collectReport(config, connection, resources, { waited, chaosWindow, loadExit }, log) {
  const workflowEngines = await workflowChaos(connection, resources);
  const warn = (line) => log(`[chaos-gate] WARNING: ${line}`);
  const report = mergeReports(
    ...waited.workflow?.workflow ? [{ suites: [liveWorkflowToSuite(waited.workflow.workflow, { timedOut: waited.workflow.timedOut })] }] : [],
    convertChaos({
      ...waited.chaos,
      engines: [...waited.chaos.engines, ...workflowEngines.engines],
      results: readableResults([...waited.chaos.results, ...workflowEngines.results], warn)
    })
  );
  if (config.load) report.suites.push(collectLoad(config.load, loadExit, [chaosWindow]));
  report.suites.push(...config.ctkJournals.map(collectJournal));
  return report;
}
async function waitForAll(connection, argo, resources, options) {
  const none = { engines: [], results: [], timedOut: false };
  if (options.signal.aborted) return { chaos: { ...none, cancelled: cancelReason(options.signal) } };
  const sibling = new AbortController();
  const shared = { ...options, signal: AbortSignal.any([options.signal, sibling.signal]) };
  const failFast = (waiting) => waiting.catch((error) => {
    sibling.abort();
    throw error;
  });
  const workflow = resources.workflow;
  const engines = resources.appliedEngines();
  const litmus = new LitmusClient(connection);
  const [chaos, flow] = await Promise.all([
    engines.length > 0 ? failFast(waitForChaos(connection, litmus, engines, shared)) : none,
    argo && workflow?.metadata.name ? failFast(
      waitForWorkflow(
        connection,
        argo,
        workflow.metadata.namespace ?? "",
        workflow.metadata.name,
        shared
      )
    ) : void 0
  ]);
  return {
    chaos: {
      ...chaos,
      timedOut: chaos.timedOut || (flow?.timedOut ?? false),
      cancelled: chaos.cancelled ?? flow?.cancelled
    },
    workflow: flow
  };
}
async function workflowChaos(connection, resources) {
  const engines = await resources.workflowEngines(connection).catch(() => []);
  const litmus = new LitmusClient(connection);
  const results = [];
  for (const namespace of new Set(engines.map((e) => e.metadata.namespace ?? ""))) {
    const uids = engines.filter((e) => e.metadata.namespace === namespace).map((e) => e.metadata.uid).filter(Boolean);
    const { items } = await litmus.list(litmus.target(resultPlural, namespace, `chaosUID in (${uids.join(",")})`)).catch(() => ({ items: [] }));
    results.push(...items);
  }
  return { engines, results };
}
function throwIfCancelled(signal) {
  if (signal.aborted) throw new CancelledError(cancelReason(signal));
}

// src/run/targets.ts
async function runTargets(config, context) {
  if (config.targets.length === 0) return runGate(config, context);
  const runId = config.runId ?? newRunId();
  const started = await pMapSettled(
    config.targets,
    (target) => startRun(configFor(config, target, runId), {
      ...context,
      log: (line) => context.log(`[${target.name}] ${line}`),
      onStarted: (id, namespaces) => context.onTargetStarted?.(target, id, namespaces),
      // Phases of clusters running at once would interleave; the log lines say which is which.
      onPhase: void 0
    }),
    { concurrency: config.parallelTargets }
  );
  const sessions = started.flatMap((s) => s.status === "fulfilled" ? [s.value] : []);
  const failures = config.targets.flatMap((target, i) => {
    const outcome = started[i];
    return outcome?.status === "rejected" ? [{ target, error: outcome.reason }] : [];
  });
  if (sessions.length === 0) throw nothingRan(failures);
  let passed = false;
  try {
    const report = mergeReports(...config.targets.map((target, i) => targetReport(target, started[i])), {
      suites: config.ctkJournals.map(collectJournal)
    });
    const { decision, published } = conclude(config, report, { runId }, context.log);
    passed = decision.verdict === "pass";
    const cancelled = sessions.find((s) => s.cancelled)?.cancelled;
    return { runId, report, decision, published, cancelled };
  } finally {
    await pMap(sessions, (session) => session.finish(passed), { concurrency: config.parallelTargets });
  }
}
function configFor(config, target, runId) {
  return {
    ...config,
    kubeconfig: target.kubeconfig ?? config.kubeconfig,
    context: target.context ?? config.context,
    namespace: target.namespace ?? config.namespace,
    // Two targets may be one cluster in two namespaces: each run keeps its own label and records.
    runId: `${runId}-${target.name}`,
    targets: [],
    // Read once for all clusters, below.
    ctkJournals: []
  };
}
function targetReport(target, started) {
  if (started?.status === "fulfilled") return underLabel(started.value.report, target.name);
  const suite = {
    kind: "chaosengine",
    name: target.name,
    properties: { target: target.name, ...target.context ? { context: target.context } : {} },
    cases: [
      {
        kind: "experiment",
        className: target.name,
        name: "(cluster)",
        outcome: "error",
        message: `could not run on this cluster: ${errorMessage(started?.reason)}`,
        properties: {}
      }
    ]
  };
  return { suites: [suite] };
}
function nothingRan(failures) {
  const cancelled = failures.find((f) => f.error instanceof CancelledError)?.error;
  if (cancelled) return cancelled;
  return new CannotRunError(
    `no cluster could be run:
${failures.map(({ target, error }) => `${target.name}: ${errorMessage(error)}`).join("\n")}`
  );
}

export {
  stopRunChaos,
  allConfirmed,
  describeUnconfirmed,
  runTargets
};
