#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  KubeConfig,
  hostOf,
  idTokenExpiry,
  idTokenHolds,
  serveCredentials
} from "./chunk-JN27MJAR.js";
import {
  kubeconfigSource
} from "./chunk-NMQ4INOS.js";
import {
  documentValue,
  require_dist,
  userYaml
} from "./chunk-JC5KUJAN.js";
import {
  displayUrl,
  redact,
  registerSecret
} from "./chunk-KFRDFFVU.js";
import {
  settingName
} from "./chunk-PTFOE3P2.js";
import {
  readInputFile
} from "./chunk-FU7FX2BW.js";
import {
  CannotRunError,
  ConfigError,
  __toESM,
  errorMessage
} from "./chunk-RHZBZGPM.js";

// src/kube/context.ts
import { isIP } from "node:net";
import path from "node:path";
import tls from "node:tls";
var import_yaml2 = __toESM(require_dist(), 1);

// src/kube/kubeconfig-refusals.ts
function refuseWhatKubectlRefuses(kc, users, source) {
  refuseInsecureWithCertificateAuthority(kc, source);
  refuseImpersonation(kc, users, source);
  refuseRemovedAuthProvider(kc, source);
  refuseMoreThanOneMethod(kc, users, source);
  refuseExpiredIdToken(kc, users, source);
}
function currentUser(kc, users) {
  const name = kc.getCurrentUser()?.name;
  return { name, user: name === void 0 ? void 0 : users.get(name) };
}
function refuseInsecureWithCertificateAuthority(kc, source) {
  const cluster = kc.getCurrentCluster();
  if (!cluster?.skipTLSVerify) return;
  const given = [
    ...cluster.caFile ? ["certificate-authority"] : [],
    ...cluster.caData ? ["certificate-authority-data"] : []
  ];
  if (given.length > 0)
    throw new ConfigError(
      `${source}: cluster "${cluster.name}" sets insecure-skip-tls-verify and ${given.join(" and ")}: specifying a root certificates file with the insecure flag is not allowed, as kubectl says; remove one of them`
    );
}
function refuseImpersonation(kc, users, source) {
  const { name, user } = currentUser(kc, users);
  if (!user) return;
  const given = ["as-uid", "as-groups", "as-user-extra"].filter((field) => {
    const value = user[field];
    if (value === void 0 || value === null || value === "") return false;
    return typeof value !== "object" || Object.keys(value).length > 0;
  });
  if (given.length > 0)
    throw new ConfigError(
      `${source}: user "${name}" sets ${given.join(", ")}, which chaos-gate cannot send (client-node sends only \`as\`); give a kubeconfig whose user is that identity`
    );
}
var removedAuthProviders = /* @__PURE__ */ new Map([
  [
    "gcp",
    'The gcp auth plugin has been removed. Please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead. See https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details'
  ],
  [
    "azure",
    "The azure auth plugin has been removed. Please use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead. See https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details"
  ]
]);
function refuseRemovedAuthProvider(kc, source) {
  const user = kc.getCurrentUser();
  const provider = user?.authProvider?.name;
  const advice = removedAuthProviders.get(provider);
  if (user && advice) throw new ConfigError(`${source}: user "${user.name}": ${advice}`);
}
function refuseMoreThanOneMethod(kc, users, source) {
  const { name, user } = currentUser(kc, users);
  if (!user) return;
  const given = (field) => typeof user[field] === "string" && user[field] !== "";
  const set = (field) => user[field] !== void 0 && user[field] !== null;
  const methods = [
    ...given("token") ? ["token"] : [],
    ...given("username") || given("password") ? ["basicAuth"] : []
  ];
  const why = set("exec") && set("auth-provider") ? `authProvider cannot be provided in combination with an exec plugin for ${name}` : methods.length > 1 ? `more than one authentication method found for ${name}; found [${methods.join(" ")}], only one is allowed` : void 0;
  if (why) throw new ConfigError(`${source}: user "${name}": ${why}, as kubectl says; remove one of them`);
}
function refuseExpiredIdToken(kc, users, source) {
  const { name, user } = currentUser(kc, users);
  const provider = user?.["auth-provider"];
  if (provider?.name !== "oidc") return;
  for (const field of ["token", "token-file"]) if (user?.[field]) return;
  const config = provider.config ?? {};
  const refreshToken = config["refresh-token"];
  if (typeof refreshToken === "string" && refreshToken !== "") return;
  const problem = idTokenProblem(config["id-token"]);
  if (problem)
    throw new CannotRunError(
      `${source}: user "${name}": No valid id-token, and cannot refresh without refresh-token (${problem}); log in again for a new id-token`
    );
}
function idTokenProblem(idToken) {
  if (typeof idToken !== "string" || idToken === "") return "it has no id-token";
  if (idTokenHolds(idToken)) return void 0;
  const expiry = idTokenExpiry(idToken);
  if (expiry === "not a JWT") return "its id-token is not a JWT";
  if (expiry === "no exp") return "its id-token has no expiry (exp)";
  const expired = new Date(expiry);
  return `its id-token expired at ${Number.isNaN(expired.getTime()) ? expiry / 1e3 : expired.toISOString()}`;
}

// src/kube/kubeconfig-save.ts
var import_yaml = __toESM(require_dist(), 1);
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
var lockTries = 20;
var lockRetryMs = 50;
async function saveAuthProviderConfig(file, user, values) {
  const lock = await takeLock(file);
  try {
    const document = (0, import_yaml.parseDocument)(readFileSync(file, "utf8"));
    if (document.errors.length > 0) throw new Error(`${file} no longer parses`);
    const users = document.get("users");
    const entry = (0, import_yaml.isSeq)(users) ? users.items.find((item) => (0, import_yaml.isMap)(item) && item.get("name") === user) : void 0;
    if (!(0, import_yaml.isMap)(entry)) throw new Error(`${file} no longer defines user "${user}"`);
    for (const [key, value] of Object.entries(values))
      entry.setIn(["user", "auth-provider", "config", key], value);
    writeFileSync(file, document.toString({ lineWidth: 0 }));
  } finally {
    rmSync(lock);
  }
}
async function takeLock(file) {
  const lock = `${file}.lock`;
  for (let tries = 1; ; tries++) {
    try {
      closeSync(openSync(lock, "wx"));
      return lock;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (tries >= lockTries)
        throw new Error(
          `${lock} is held by another writer, or was left by one that was killed (remove it if no kubectl or chaos-gate is running)`,
          { cause: error }
        );
      await sleep(lockRetryMs);
    }
  }
}

// src/kube/context.ts
function loadKubeContext(target, serviceAccountRoot = "") {
  const from = kubeconfigSource(target);
  const kc = new KubeConfig();
  if ("inCluster" in from) {
    try {
      kc.loadFromCluster(serviceAccountRoot);
    } catch (error) {
      throw new CannotRunError(`cannot load the in-cluster service account: ${redact(errorMessage(error))}`);
    }
    const podNamespace = process.env.POD_NAMESPACE;
    if (podNamespace) kc.contexts = kc.contexts.map((context) => ({ ...context, namespace: podNamespace }));
    serveCredentials(kc);
  } else {
    const files = "files" in from ? from.files : [];
    const source = "content" in from ? "the inline kubeconfig" : files.join(", ");
    const sources = "content" in from ? [{ config: checkYaml(from.content, source), dir: process.cwd() }] : files.map((file) => ({
      config: checkYaml(readInputFile(file, "kubeconfig"), source),
      dir: path.dirname(path.resolve(file))
    }));
    let users;
    let clusters;
    try {
      ({ users, clusters } = loadMerged(kc, sources));
    } catch (error) {
      throw new CannotRunError(`${source}: not a usable kubeconfig: ${redact(errorMessage(error))}`);
    }
    kc.users = kc.users.map((user) => user.token ? { ...user, token: user.token.trim() } : user);
    for (const user of kc.users) registerCredentials(user);
    const fileOfUser = definingFiles(files, sources);
    serveCredentials(kc, {
      tokenFiles: tokenFilesOf(users),
      clusters,
      saveTokens: async (user, tokens) => {
        const file = fileOfUser.get(user);
        if (!file) throw new Error("the kubeconfig was given inline");
        await saveAuthProviderConfig(file, user, tokens);
      }
    });
    for (const cluster of kc.clusters) registerSecret(passwordOf(cluster.server));
    selectContext(kc, target.context, source);
    refuseWhatKubectlRefuses(kc, users, source);
    kc.clusters = kc.clusters.map(reachedAsKubectlReachesIt);
  }
  trustSystemCertificates(kc);
  return kc;
}
function reachedAsKubectlReachesIt(cluster) {
  if (cluster.server.startsWith("http:")) return { ...cluster, skipTLSVerify: true };
  if (cluster.proxyUrl?.startsWith("socks") && !cluster.tlsServerName) {
    const host = hostOf(cluster.server);
    if (host && isIP(host)) return { ...cluster, tlsServerName: host };
  }
  return cluster;
}
function trustSystemCertificates(kc) {
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server.startsWith("https:") || cluster.caData || cluster.caFile || cluster.skipTLSVerify)
    return;
  tls.setDefaultCACertificates([
    .../* @__PURE__ */ new Set([...tls.getCACertificates("default"), ...tls.getCACertificates("system")])
  ]);
}
function registerKubeconfigCredentials(content) {
  const kc = new KubeConfig();
  try {
    kc.loadFromString(content);
  } catch {
    return;
  }
  for (const user of kc.users) registerCredentials(user);
}
function registerCredentials(user) {
  registerSecret(user.token);
  registerSecret(user.password);
  registerSecret(user.keyData);
  const providerConfig = user.authProvider?.config ?? {};
  for (const [key, value] of Object.entries(providerConfig))
    if (secretName.test(key) && typeof value === "string") registerSecret(value);
  const execEnv = user.exec?.env ?? [];
  for (const { name, value } of execEnv)
    if (typeof name === "string" && secretName.test(name) && typeof value === "string") registerSecret(value);
}
var secretName = /token|secret|password|key/i;
function loadMerged(kc, sources) {
  const loaded = sources.map(({ config, dir }) => {
    const one = new KubeConfig();
    one.loadFromString(JSON.stringify(withPathsResolved(config, dir)));
    one.makePathsAbsolute(dir);
    return one;
  });
  const firstOfEach = (lists) => {
    const byName = /* @__PURE__ */ new Map();
    for (const item of lists.flat()) if (!byName.has(item.name)) byName.set(item.name, item);
    return [...byName.values()];
  };
  kc.loadFromOptions({
    clusters: firstOfEach(loaded.map((one) => one.getClusters())),
    users: firstOfEach(loaded.map((one) => one.getUsers())),
    contexts: firstOfEach(loaded.map((one) => one.getContexts())),
    currentContext: loaded.map((one) => one.getCurrentContext()).find(Boolean)
  });
  const configs = sources.map(({ config }) => config);
  return { users: rawEntriesOf(configs, "users"), clusters: rawEntriesOf(configs, "clusters") };
}
function rawEntriesOf(configs, list) {
  const entries = /* @__PURE__ */ new Map();
  for (const config of configs)
    for (const { name, value } of namedEntries(config, list))
      if (typeof name === "string" && !entries.has(name)) entries.set(name, value ?? {});
  return entries;
}
function namedEntries(config, list) {
  const field = list === "users" ? "user" : "cluster";
  const items = config[list];
  return (Array.isArray(items) ? items : []).map((entry) => {
    const { name, [field]: value } = entry ?? {};
    return {
      name,
      value: value && typeof value === "object" ? value : void 0
    };
  });
}
function definingFiles(files, sources) {
  const defining = /* @__PURE__ */ new Map();
  sources.forEach(({ config }, index) => {
    const file = files[index];
    for (const name of file ? rawEntriesOf([config], "users").keys() : [])
      if (!defining.has(name)) defining.set(name, file);
  });
  return defining;
}
function tokenFilesOf(users) {
  const files = /* @__PURE__ */ new Map();
  for (const [name, user] of users) {
    const file = user["token-file"];
    if (typeof file === "string" && file !== "") files.set(name, file);
  }
  return files;
}
function withPathsResolved(config, dir) {
  const relative = (value) => typeof value === "string" && value !== "" && !path.isAbsolute(value);
  const maps = (list) => namedEntries(config, list).flatMap(({ value }) => value ? [value] : []);
  for (const user of maps("users")) {
    const tokenFile = user["token-file"];
    if (relative(tokenFile)) user["token-file"] = path.resolve(dir, tokenFile);
    const exec = user.exec;
    if (exec && relative(exec.command) && exec.command.includes("/"))
      exec.command = path.resolve(dir, exec.command);
  }
  for (const cluster of maps("clusters")) {
    const ca = cluster["certificate-authority"];
    if (relative(ca)) cluster["certificate-authority"] = path.resolve(dir, ca);
  }
  return config;
}
function checkYaml(text, source) {
  const document = (0, import_yaml2.parseDocument)(text, userYaml);
  const problem = document.errors[0];
  if (problem) {
    const [line, column] = problem.linePos?.[0] ? [problem.linePos[0].line, problem.linePos[0].col] : [];
    const where = line ? ` at line ${line}, column ${column}` : "";
    throw new ConfigError(`${source}: not valid YAML${where} (${problem.code})`);
  }
  const value = documentValue(document, source);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ConfigError(
      `${source}: not a kubeconfig (expected a mapping with clusters, users and contexts)`
    );
  return value;
}
function selectContext(kc, wanted, source) {
  const names = (items) => items.map((i) => i.name).join(", ") || "(none)";
  const contextName = wanted ?? kc.getCurrentContext();
  if (!contextName)
    throw new CannotRunError(
      `${source}: sets no current-context; give a context (${settingName("context")}) \u2014 it has: ${names(kc.getContexts())}`
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
function contextNamespace(kc) {
  return kc.getContextObject(kc.getCurrentContext())?.namespace ?? "default";
}

export {
  loadKubeContext,
  registerKubeconfigCredentials,
  contextNamespace
};
