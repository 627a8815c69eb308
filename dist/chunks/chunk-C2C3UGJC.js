#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  CannotRunError,
  ConfigError,
  KubeConfig,
  ObjectCustomObjectsApi,
  PatchStrategy,
  __toESM,
  apiClient,
  apiError,
  displayUrl,
  errorMessage,
  litmusGroup,
  litmusVersion,
  readInputFile,
  redact,
  registerSecret,
  require_dist,
  setHeaderOptions,
  statusCode
} from "./chunk-XYB5YWCU.js";

// src/kube/context.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
var import_yaml = __toESM(require_dist(), 1);
function loadKubeContext(target) {
  if (target.inCluster && (target.kubeconfig || target.kubeconfigContent)) {
    throw new ConfigError(
      "inCluster (--in-cluster) and a kubeconfig (--kubeconfig, or the kubeconfig input) exclude each other: give one"
    );
  }
  const kc = new KubeConfig();
  let dispose = () => {
  };
  if (target.inCluster) {
    if (!process.env.KUBERNETES_SERVICE_HOST)
      throw new CannotRunError(
        "in-cluster: not running in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set); give a kubeconfig instead"
      );
    try {
      kc.loadFromCluster();
    } catch (error) {
      throw new CannotRunError(`cannot load the in-cluster service account: ${redact(errorMessage(error))}`);
    }
  } else {
    const files = kubeconfigFiles(target);
    const source = target.kubeconfigContent ? "the inline kubeconfig" : files.join(", ");
    const texts = target.kubeconfigContent ? [target.kubeconfigContent] : files.map((file) => readInputFile(file, "kubeconfig"));
    for (const text of texts) checkYaml(text, source);
    try {
      if (target.kubeconfigContent) {
        const temp = writeSecretFile(target.kubeconfigContent, target.secretDir ?? newSecretDir());
        dispose = temp.remove;
        kc.loadFromFile(temp.file);
      } else if (files.length === 1) kc.loadFromFile(files[0] ?? "");
      else kc.loadFromDefault();
    } catch (error) {
      dispose();
      throw new CannotRunError(`${source}: not a usable kubeconfig: ${redact(errorMessage(error))}`);
    }
    for (const user of kc.users) {
      registerSecret(user.token);
      registerSecret(user.password);
      registerSecret(user.keyData);
    }
    for (const cluster of kc.clusters) registerSecret(passwordOf(cluster.server));
    try {
      selectContext(kc, target.context, source);
    } catch (error) {
      dispose();
      throw error;
    }
  }
  return { kc, dispose };
}
function kubeconfigFiles(target) {
  if (target.kubeconfig) return [target.kubeconfig];
  const fromEnv = (process.env.KUBECONFIG ?? "").split(path.delimiter).filter(Boolean);
  return fromEnv.length > 0 ? fromEnv : [path.join(os.homedir(), ".kube", "config")];
}
function checkYaml(text, source) {
  const document = (0, import_yaml.parseDocument)(text);
  const problem = document.errors[0];
  if (problem) {
    const [line, column] = problem.linePos?.[0] ? [problem.linePos[0].line, problem.linePos[0].col] : [];
    const where = line ? ` at line ${line}, column ${column}` : "";
    throw new ConfigError(`${source}: not valid YAML${where} (${problem.code})`);
  }
  const value = document.toJS();
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ConfigError(
      `${source}: not a kubeconfig (expected a mapping with clusters, users and contexts)`
    );
}
function selectContext(kc, wanted, source) {
  const names = (items) => items.map((i) => i.name).join(", ") || "(none)";
  const contextName = wanted ?? kc.getCurrentContext();
  if (!contextName)
    throw new CannotRunError(
      `${source}: sets no current-context; give a context (--context) \u2014 it has: ${names(kc.getContexts())}`
    );
  const context = kc.getContextObject(contextName);
  if (!context)
    throw new CannotRunError(
      `${source}: kube context "${contextName}" not found; the kubeconfig has: ${names(kc.getContexts())}`
    );
  kc.setCurrentContext(contextName);
  if (!context.cluster || !kc.getCluster(context.cluster))
    throw new CannotRunError(
      `${source}: context "${contextName}" names cluster "${context.cluster}", which the kubeconfig does not define; it has: ${names(kc.getClusters())}`
    );
  if (context.user && !kc.getUser(context.user))
    throw new CannotRunError(
      `${source}: context "${contextName}" names user "${context.user}", which the kubeconfig does not define; it has: ${names(kc.getUsers())}`
    );
  const server = kc.getCurrentCluster()?.server ?? "";
  let url;
  try {
    url = new URL(server);
  } catch {
    url = void 0;
  }
  if (!url || url.protocol !== "https:" && url.protocol !== "http:")
    throw new CannotRunError(
      `${source}: cluster "${context.cluster}" has no valid server URL ("${displayUrl(server)}"); expected https://host:port`
    );
}
function passwordOf(server) {
  try {
    return decodeURIComponent(new URL(server).password) || void 0;
  } catch {
    return void 0;
  }
}
function newSecretDir() {
  return mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), "chaos-gate-kubeconfig-"));
}
function writeSecretFile(content, dir) {
  const file = path.join(dir, "kubeconfig");
  writeFileSync(file, content, { mode: 384 });
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    process.off("exit", remove);
  };
  process.on("exit", remove);
  return { file, remove };
}
function contextNamespace(kc) {
  return kc.getContextObject(kc.getCurrentContext())?.namespace ?? "default";
}

// src/litmus/client.ts
var enginePlural = "chaosengines";
var resultPlural = "chaosresults";
var workflowRunLabel = "workflow_run_id";
var requiredResources = ["chaosengines", "chaosresults"];
var LitmusClient = class {
  #api;
  constructor(connection) {
    this.#api = apiClient(connection, ObjectCustomObjectsApi);
  }
  /** Fails with a plain message when the Litmus CRDs are not served (discovery needs no special rights). */
  async assertInstalled(extra = []) {
    let served;
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
        `LitmusChaos is not installed in this cluster: CRD ${missing}.${litmusGroup} not found`
      );
    }
  }
  target(plural, namespace, labelSelector) {
    return { group: litmusGroup, version: litmusVersion, plural, namespace, labelSelector };
  }
  list = async (target) => {
    const listed = await this.#api.listNamespacedCustomObject({
      group: target.group,
      version: target.version,
      namespace: target.namespace,
      plural: target.plural,
      labelSelector: target.labelSelector,
      fieldSelector: target.fieldSelector
    });
    return listed;
  };
  /**
   * Asks the operator to abort: it deletes the chaos pods and the experiments revert their faults.
   * A merge patch without resourceVersion, because the runner rewrites the engine every ~2 s.
   */
  async stopEngine(namespace, name) {
    await this.#api.patchNamespacedCustomObject(
      {
        group: litmusGroup,
        version: litmusVersion,
        namespace,
        plural: enginePlural,
        name,
        body: { spec: { engineState: "stop" } }
      },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch)
    );
  }
  /** The engines in a namespace that carry these labels. */
  async enginesLabelled(namespace, labelSelector) {
    return (await this.list(this.target(enginePlural, namespace, labelSelector))).items;
  }
  /** Deletes the results a selector matches; returns their names (the server answers with what it deleted). */
  async deleteResults(namespace, labelSelector) {
    const deleted = await this.#api.deleteCollectionNamespacedCustomObject({
      group: litmusGroup,
      version: litmusVersion,
      namespace,
      plural: resultPlural,
      labelSelector
    });
    const items = deleted.items ?? [];
    return items.map((item) => item.metadata?.name ?? "");
  }
};

export {
  loadKubeContext,
  newSecretDir,
  contextNamespace,
  enginePlural,
  resultPlural,
  workflowRunLabel,
  LitmusClient
};
