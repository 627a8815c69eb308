#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  KubernetesObjectApi,
  LitmusClient,
  ObjectCustomObjectsApi,
  PatchStrategy,
  Watch,
  apiError,
  contextNamespace,
  describeApiError,
  enginePlural,
  loadKubeContext,
  resultPlural,
  setHeaderOptions,
  statusCode
} from "./chunk-M6RIJCKO.js";
import {
  commandOnlySuite,
  conclude,
  formatDuration,
  prepareWorkflow,
  readCtkJournal,
  readLoadSuite,
  readRunInputs,
  workflowCondition,
  workflowToSuite
} from "./chunk-EGP4SIKQ.js";
import {
  CancelledError,
  CannotRunError,
  ConfigError,
  convertChaos,
  errorMessage,
  experimentStatusOf,
  isEngineFinished,
  isNotRun,
  isVerdictFinal,
  mergeReports,
  resultName
} from "./chunk-OD4ZP4AT.js";

// src/run/run.ts
import { randomBytes } from "node:crypto";

// src/argo/client.ts
var group = "argoproj.io";
var version = "v1alpha1";
var workflowPlural = "workflows";
var ArgoClient = class {
  #api;
  constructor(kc) {
    this.#api = kc.makeApiClient(ObjectCustomObjectsApi);
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
function watchCollection(kc, list, target, options) {
  const items = /* @__PURE__ */ new Map();
  const watcher = new Watch(kc);
  const path = `/apis/${target.group}/${target.version}/namespaces/${target.namespace}/${target.plural}`;
  let stopped = false;
  let controller;
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
  const sleep2 = (ms) => new Promise((resolve) => {
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
  const watchOnce = (resourceVersion) => new Promise((resolve) => {
    let gone = false;
    const query = {
      allowWatchBookmarks: true,
      resourceVersion,
      timeoutSeconds: options.timeoutSeconds ?? 300,
      labelSelector: target.labelSelector,
      fieldSelector: target.fieldSelector
    };
    watcher.watch(
      path,
      query,
      (type, object) => {
        if (type === "ERROR") {
          if (object.code === 410) gone = true;
          return;
        }
        const name = object.metadata?.name ?? "";
        resourceVersion = object.metadata?.resourceVersion ?? resourceVersion;
        latestVersion = resourceVersion;
        if (type === "BOOKMARK") return;
        if (type === "DELETED") items.delete(name);
        else items.set(name, object);
        options.onChange();
      },
      (error) => {
        if (gone || statusCode(error) === 410) resolve("gone");
        else if (error && !stopped) resolve(error instanceof Error ? error : new Error(String(error)));
        else resolve("ended");
      }
    ).then(
      (c) => {
        controller = c;
        if (stopped) c.abort();
      },
      (error) => resolve(statusCode(error) === 410 ? "gone" : asError(error))
    );
  });
  let latestVersion;
  let fatalError;
  const loop = async () => {
    let delay = options.retryDelayMs ?? 1e3;
    let needList = true;
    while (!stopped) {
      try {
        if (needList) latestVersion = await relist();
        needList = false;
        const outcome = await watchOnce(latestVersion);
        if (stopped) break;
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
      await sleep2(delay);
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
      controller?.abort();
      wake?.();
    }
  };
}
function asError(error) {
  return error instanceof Error ? error : new Error(String(error));
}

// src/kube/until.ts
function watchSource(kc, list, target) {
  return { namespace: target.namespace, open: (options) => watchCollection(kc, list, target, options) };
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
      const current = view();
      options.observe?.(current);
      const { pending } = options.condition(current);
      if (isDone(pending, Date.now())) settle({ view: current, ended: "done" });
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
async function waitForWorkflow(kc, argo, namespace, name, options) {
  const key = `${namespace}/${name}`;
  const target = { ...argo.target(namespace), fieldSelector: `metadata.name=${name}` };
  const { view, ended, cancelled } = await until({
    what: `workflow ${key}`,
    sources: { workflows: [watchSource(kc, argo.list, target)] },
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
      if (node.type !== "Pod" || !node.phase || seen.get(node.id ?? "") === node.phase) continue;
      seen.set(node.id ?? "", node.phase);
      log(
        `[argo] ${key} step ${node.displayName ?? node.name}: ${node.phase}${node.message ? ` (${node.message})` : ""}`
      );
    }
  };
}

// src/kube/apply.ts
var fieldManager = "chaos-gate";
var runLabel = "chaos-gate.io/run";
var applyOrder = ["rbac", "experiment", "engine"];
var ManifestApplier = class {
  #api;
  #defaultNamespace;
  constructor(kc, defaultNamespace) {
    this.#api = KubernetesObjectApi.makeApiClient(kc);
    this.#defaultNamespace = defaultNamespace;
  }
  /** Sets namespace and run labels as they will be applied. Pure, so preflight and apply see the same object. */
  prepare(manifests, runId) {
    return manifests.map((manifest) => {
      const { object } = manifest;
      const namespaced = object.metadata.namespace ?? (isClusterScoped(object) ? void 0 : this.#defaultNamespace);
      return {
        ...manifest,
        object: {
          ...object,
          metadata: {
            ...object.metadata,
            ...namespaced ? { namespace: namespaced } : {},
            labels: {
              ...object.metadata.labels,
              "app.kubernetes.io/managed-by": "chaos-gate",
              [runLabel]: runId
            }
          }
        }
      };
    });
  }
  /**
   * Everything that can be checked without changing the cluster: each object passes a server-side
   * dry-run apply (schema, admission, permissions), and no engine of the same name is still there.
   * Returns every problem, so the user fixes them in one go.
   */
  async preflight(manifests) {
    const problems = [];
    for (const manifest of manifests) {
      try {
        if (manifest.role === "engine" && manifest.object.metadata.name) {
          const existing = await this.#read(manifest.object);
          if (existing) {
            problems.push(
              `${manifest.source}: a ChaosEngine with this name already exists in namespace ${existing.metadata?.namespace}; delete it, or use metadata.generateName so each run gets its own engine`
            );
            continue;
          }
        }
        if (manifest.object.metadata.name) {
          await this.#api.patch(
            manifest.object,
            void 0,
            "All",
            fieldManager,
            true,
            PatchStrategy.ServerSideApply
          );
        } else {
          await this.#api.create(manifest.object, void 0, "All", fieldManager);
        }
      } catch (error) {
        problems.push(describeApiError(`${manifest.source}: rejected by the server`, error));
      }
    }
    return problems;
  }
  /** Applies in order RBAC → ChaosExperiments → ChaosEngines; calls `onApplied` as each lands. */
  async apply(manifests, onApplied) {
    const ordered = applyOrder.flatMap((role) => manifests.filter((m) => m.role === role));
    for (const manifest of ordered) {
      const { object } = manifest;
      try {
        const existed = object.metadata.name ? await this.#read(object) !== void 0 : false;
        const result = object.metadata.name ? await this.#api.patch(
          object,
          void 0,
          void 0,
          fieldManager,
          true,
          PatchStrategy.ServerSideApply
        ) : await this.#api.create(object, void 0, void 0, fieldManager);
        onApplied({
          apiVersion: object.apiVersion ?? "",
          kind: object.kind ?? "",
          namespace: result.metadata?.namespace,
          name: result.metadata?.name ?? "",
          uid: result.metadata?.uid,
          created: !existed,
          source: manifest.source
        });
      } catch (error) {
        throw new CannotRunError(describeApiError(`${manifest.source}: apply failed`, error));
      }
    }
  }
  /** Deletes what this run created, newest first (engines before RBAC). Returns problems, not throws. */
  async remove(applied) {
    const problems = [];
    for (const object of [...applied].reverse().filter((a) => a.created)) {
      try {
        await this.#api.delete(
          {
            apiVersion: object.apiVersion,
            kind: object.kind,
            metadata: { name: object.name, namespace: object.namespace }
          },
          void 0,
          void 0,
          void 0,
          void 0,
          "Background"
        );
      } catch (error) {
        if (statusCode(error) !== 404)
          problems.push(describeApiError(`deleting ${object.kind} ${object.name}`, error));
      }
    }
    return problems;
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
var clusterScopedKinds = /* @__PURE__ */ new Set([
  "Namespace",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition"
]);
function isClusterScoped(object) {
  return clusterScopedKinds.has(object.kind ?? "");
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

// src/litmus/wait.ts
async function waitForChaos(kc, client, refs, options) {
  const namespaces = [...new Set(refs.map((r) => r.namespace))];
  const uidsIn = (namespace) => refs.filter((r) => r.namespace === namespace).map((r) => r.uid).join(",");
  const progress = progressLog(refs, options.log);
  const { view, ended, cancelled } = await until({
    what: "ChaosEngines and ChaosResults",
    sources: {
      engines: namespaces.map(
        (ns) => watchSource(kc, client.list, client.target(enginePlural, ns, options.engineSelector))
      ),
      results: namespaces.map(
        (ns) => watchSource(
          kc,
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
async function startLoad(config, log, signal) {
  if (!config.command) throw new ConfigError("load.command: required to run a load test");
  const [program, ...args] = typeof config.command === "string" ? ["sh", "-c", config.command] : config.command;
  const child = spawn(program, args, {
    cwd: config.cwd,
    env: { ...process.env, ...config.env },
    stdio: ["ignore", "pipe", "pipe"]
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
  let stoppedByUs = false;
  const exited = new Promise(
    (resolve) => child.once(
      "close",
      (code, signal2) => resolve({ code, signal: signal2, startedAtMs, endedAtMs: Date.now(), lastLines, stoppedByUs })
    )
  );
  await new Promise((resolve, reject) => {
    child.once("spawn", resolve);
    child.once(
      "error",
      (error) => reject(new CannotRunError(`load command could not start (${program}): ${error.message}`))
    );
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      stoppedByUs = true;
      child.kill("SIGTERM");
      const killed = await Promise.race([exited, sleep(1e4).then(() => void 0)]);
      if (!killed) child.kill("SIGKILL");
    }
    return { ...await exited, stoppedByUs };
  };
  return {
    startedAtMs,
    async baseline() {
      log(`[chaos-gate] load running; chaos starts after a ${Math.round(config.leadTime / 1e3)}s baseline`);
      await Promise.race([sleep(config.leadTime, void 0, { signal }).catch(() => {
      }), exited]);
    },
    async finish() {
      await Promise.race([sleep(config.tail), exited]);
      return config.stop === "wait" ? exited : stop();
    },
    kill: stop
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

// src/run/resources.ts
var RunResources = class {
  applied = [];
  workflow;
  #litmus;
  #applier;
  #argo;
  #log;
  #shutdown;
  #runId;
  #cleanup;
  constructor(deps) {
    this.#litmus = deps.litmus;
    this.#applier = deps.applier;
    this.#argo = deps.argo;
    this.#log = deps.log;
    this.#shutdown = deps.shutdown;
    this.#runId = deps.runId;
    this.#cleanup = deps.cleanup;
  }
  /** Applies the manifests in order, remembering each object as it lands. */
  async apply(prepared) {
    await this.#applier.apply(prepared, (object) => {
      this.applied.push(object);
      this.#log(
        `[chaos-gate] applied ${object.kind} ${object.namespace ? `${object.namespace}/` : ""}${object.name}`
      );
    });
  }
  async submit(workflow) {
    if (!this.#argo) return;
    this.workflow = await this.#argo.create(workflow);
    const { namespace, name } = this.workflow.metadata;
    this.#log(`[chaos-gate] submitted Workflow ${namespace}/${name}`);
  }
  /** Selects what this run applied, so its watches see nothing of other runs or users. */
  get selector() {
    return `${runLabel}=${this.#runId}`;
  }
  /** The engines this run applied itself. */
  appliedEngines() {
    return this.applied.filter((a) => a.kind === "ChaosEngine").map((a) => ({ namespace: a.namespace ?? "", name: a.name, uid: a.uid ?? "" }));
  }
  /** The engines the submitted workflow has created so far. */
  async workflowEngines() {
    const workflow = this.workflow;
    if (!workflow?.metadata.uid) return [];
    const namespace = workflow.metadata.namespace ?? "";
    const since = workflow.metadata.creationTimestamp ?? (/* @__PURE__ */ new Date()).toISOString();
    return this.#litmus.enginesOfWorkflow(namespace, workflow.metadata.uid, since);
  }
  /**
   * Stops every engine of the run first — terminating a workflow does not stop chaos pods — then
   * shuts the workflow down. Never throws: each failure is logged and the rest still happens.
   */
  async stopChaos() {
    const fromWorkflow = await this.workflowEngines().catch((error) => {
      this.#log(`[chaos-gate] WARNING: could not list the workflow's ChaosEngines: ${errorMessage(error)}`);
      return [];
    });
    const engines = [
      ...this.appliedEngines(),
      ...fromWorkflow.map((e) => ({ namespace: e.metadata.namespace ?? "", name: e.metadata.name ?? "" }))
    ];
    for (const engine of engines) {
      try {
        await this.#litmus.stopEngine(engine.namespace, engine.name);
        this.#log(`[chaos-gate] stopped ChaosEngine ${engine.namespace}/${engine.name}`);
      } catch (error) {
        this.#log(
          `[chaos-gate] WARNING: could not stop ChaosEngine ${engine.namespace}/${engine.name}: ${errorMessage(error)}`
        );
      }
    }
    const workflow = this.workflow;
    if (this.#argo && workflow?.metadata.name) {
      const where = `${workflow.metadata.namespace}/${workflow.metadata.name}`;
      try {
        await this.#argo.shutdown(workflow.metadata.namespace ?? "", workflow.metadata.name, this.#shutdown);
        this.#log(`[chaos-gate] workflow ${where}: shutdown ${this.#shutdown}`);
      } catch (error) {
        this.#log(`[chaos-gate] WARNING: could not shut down workflow ${where}: ${errorMessage(error)}`);
      }
    }
  }
  /** Deletes what the run created (engines first, RBAC last, then the workflow and the engines' results). */
  async cleanup(passed) {
    const policy = this.#cleanup;
    const runId = this.#runId;
    const created = this.applied.filter((a) => a.created).length + (this.workflow ? 1 : 0);
    if (policy === "never" || policy === "on-success" && !passed) {
      this.#log(`[chaos-gate] cleanup ${policy}: leaving ${created} object(s) in place`);
      return;
    }
    const problems = await this.#applier.remove(this.applied);
    const workflow = this.workflow;
    if (this.#argo && workflow?.metadata.name) {
      await this.#argo.delete(workflow.metadata.namespace ?? "", workflow.metadata.name).catch((error) => {
        problems.push(`deleting workflow ${workflow.metadata.name}: ${errorMessage(error)}`);
      });
    }
    const engines = this.appliedEngines();
    for (const namespace of new Set(engines.map((e) => e.namespace))) {
      const uids = engines.filter((e) => e.namespace === namespace).map((e) => e.uid);
      await this.#litmus.deleteResults(namespace, `chaosUID in (${uids.join(",")})`).catch((error) => {
        problems.push(`deleting ChaosResults in ${namespace}: ${errorMessage(error)}`);
      });
    }
    problems.forEach((p) => this.#log(`[chaos-gate] WARNING: cleanup: ${p}`));
    this.#log(`[chaos-gate] cleanup: removed ${created} object(s) created by run ${runId}`);
  }
};

// src/run/run.ts
var defaultTimings = {
  /** How long to wait for engines to report `stopped` after a stop on timeout, and on cancel. */
  stopWaitOnTimeoutMs: 6e4,
  stopWaitOnCancelMs: 5e3,
  /** How long a finished engine may take to show its verdict. */
  verdictGraceMs: 3e4
};
async function runGate(config, context) {
  const { log, signal } = context;
  const timings = { ...defaultTimings, ...context.timings };
  const { manifests, workflow: workflowBase } = readRunInputs(config);
  const kube = loadKubeContext({ ...config, kubeconfigContent: context.kubeconfigContent });
  try {
    const { kc } = kube;
    const litmus = new LitmusClient(kc);
    const argo = config.workflow ? new ArgoClient(kc) : void 0;
    await litmus.assertInstalled(config.experiments.length > 0 ? ["chaosexperiments"] : []);
    await argo?.assertInstalled();
    const runId = config.runId ?? `cg-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
    const defaultNamespace = config.namespace ?? contextNamespace(kc);
    const applier = new ManifestApplier(kc, defaultNamespace);
    const prepared = applier.prepare(manifests, runId);
    const workflow = config.workflow && workflowBase && prepareWorkflow(workflowBase, config.workflow, defaultNamespace, {
      "app.kubernetes.io/managed-by": "chaos-gate",
      [runLabel]: runId
    });
    log(`[chaos-gate] run ${runId}: preflight of ${prepared.length + (workflow ? 1 : 0)} object(s)`);
    await preflight(applier, prepared, argo, workflow);
    throwIfCancelled(signal);
    context.onStarted?.(runId, [
      .../* @__PURE__ */ new Set([
        ...prepared.filter((m) => m.role === "engine").map((m) => m.object.metadata.namespace ?? ""),
        ...workflow ? [workflow.metadata.namespace ?? ""] : []
      ])
    ]);
    const resources = new RunResources({
      litmus,
      applier,
      argo,
      log,
      shutdown: config.workflow?.shutdown ?? "Stop",
      runId,
      cleanup: config.cleanup
    });
    const chaos = await runChaos(config, context, {
      kc,
      litmus,
      argo,
      resources,
      prepared,
      workflow,
      timings
    });
    context.onPhase?.("report");
    const report = await collectReport(config, litmus, resources, chaos);
    let passed = false;
    try {
      const { decision, published } = conclude(config, report, { runId }, log);
      passed = decision.verdict === "pass";
      return { runId, report, decision, published, cancelled: chaos.waited.chaos.cancelled };
    } finally {
      context.onPhase?.("cleanup");
      await resources.cleanup(passed);
      context.onPhase?.("done");
    }
  } finally {
    kube.dispose();
  }
}
async function runChaos(config, context, parts) {
  const { log, signal } = context;
  const { kc, litmus, argo, resources, prepared, workflow, timings } = parts;
  let load;
  let waited;
  let chaosWindow;
  try {
    if (config.load) {
      load = await startLoad(config.load, log, signal);
      await load.baseline();
      throwIfCancelled(signal);
    }
    const chaosStartMs = Date.now();
    context.onPhase?.("apply");
    await resources.apply(prepared);
    if (workflow) await resources.submit(workflow);
    context.onPhase?.("wait");
    waited = await waitForAll(kc, litmus, argo, resources, {
      timeoutMs: config.timeoutMs,
      signal,
      log,
      verdictGraceMs: timings.verdictGraceMs,
      engineSelector: resources.selector
    });
    chaosWindow = { startMs: chaosStartMs, endMs: Date.now() };
    context.onPhase?.("after");
  } catch (error) {
    await load?.kill();
    await resources.stopChaos();
    await resources.cleanup(false);
    throw error;
  }
  const { cancelled, timedOut } = waited.chaos;
  if (cancelled || timedOut) {
    log(`[chaos-gate] ${cancelled ? `cancelled by ${cancelled}` : "timeout"}: stopping the chaos`);
    await resources.stopChaos();
    const waitMs = cancelled ? timings.stopWaitOnCancelMs : timings.stopWaitOnTimeoutMs;
    await confirmStopped(kc, litmus, resources, waitMs, log);
  }
  if (!load) return { waited, chaosWindow };
  if (cancelled) return { waited, chaosWindow, loadExit: await load.kill() };
  log(`[chaos-gate] chaos over; the load runs on for a ${Math.round((config.load?.tail ?? 0) / 1e3)}s tail`);
  return { waited, chaosWindow, loadExit: await load.finish() };
}
async function collectReport(config, litmus, resources, { waited, chaosWindow, loadExit }) {
  const workflowEngines = await workflowChaos(litmus, resources);
  const report = mergeReports(
    ...waited.workflow?.workflow ? [{ suites: [workflowToSuite(waited.workflow.workflow, { timedOut: waited.workflow.timedOut })] }] : [],
    convertChaos({
      ...waited.chaos,
      engines: [...waited.chaos.engines, ...workflowEngines.engines],
      results: [...waited.chaos.results, ...workflowEngines.results]
    })
  );
  if (config.load) report.suites.push(collectLoad(config.load, loadExit, [chaosWindow]));
  report.suites.push(...config.ctkJournals.map(collectJournal));
  return report;
}
async function preflight(applier, prepared, argo, workflow) {
  const problems = await applier.preflight(prepared);
  if (argo && workflow) {
    await argo.create(workflow, true).catch((error) => {
      problems.push(
        describeApiError(
          `Workflow ${workflow.metadata.name ?? workflow.metadata.generateName ?? ""}: rejected by the server`,
          error
        )
      );
    });
  }
  if (problems.length > 0)
    throw new CannotRunError(`preflight failed, nothing was applied:
${problems.join("\n")}`);
}
async function waitForAll(kc, litmus, argo, resources, options) {
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
  const [chaos, flow] = await Promise.all([
    engines.length > 0 ? failFast(waitForChaos(kc, litmus, engines, shared)) : none,
    argo && workflow?.metadata.name ? failFast(waitForWorkflow(kc, argo, workflow.metadata.namespace ?? "", workflow.metadata.name, shared)) : void 0
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
async function workflowChaos(litmus, resources) {
  const engines = await resources.workflowEngines().catch(() => []);
  const uids = engines.map((e) => e.metadata.uid).filter(Boolean);
  if (uids.length === 0) return { engines: [], results: [] };
  const namespace = resources.workflow?.metadata.namespace ?? "";
  const { items } = await litmus.list(
    litmus.target(resultPlural, namespace, `chaosUID in (${uids.join(",")})`)
  );
  return { engines, results: items };
}
async function confirmStopped(kc, litmus, resources, waitMs, log) {
  const engines = resources.appliedEngines();
  if (engines.length === 0) return;
  try {
    const after = await waitForChaos(kc, litmus, engines, {
      timeoutMs: waitMs,
      signal: new AbortController().signal,
      log,
      verdictGraceMs: 0,
      engineSelector: resources.selector
    });
    if (after.timedOut) {
      log(
        `[chaos-gate] WARNING: the engines did not report 'stopped' within ${waitMs / 1e3}s; is the chaos-operator running?`
      );
    }
  } catch (error) {
    log(`[chaos-gate] WARNING: could not confirm that the chaos stopped: ${errorMessage(error)}`);
  }
}
function throwIfCancelled(signal) {
  if (signal.aborted) throw new CancelledError(cancelReason(signal));
}

export {
  runLabel,
  runGate
};
