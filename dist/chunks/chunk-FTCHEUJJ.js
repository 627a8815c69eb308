#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  litmusGroup,
  litmusVersion
} from "./chunk-4PREBK7H.js";
import {
  formatDuration
} from "./chunk-IGRTILGH.js";
import {
  ApiException,
  CredentialsError,
  IsomorphicFetchHttpLibrary,
  ObjectCustomObjectsApi,
  PatchStrategy,
  ResponseContext,
  SelfDecodingBody,
  ServerConfiguration,
  compressionDisabled,
  createConfiguration,
  impersonationHeaders,
  isLoopback,
  renewCredentials,
  setHeaderOptions,
  wrapHttpLibrary
} from "./chunk-GG633MRR.js";
import {
  redact
} from "./chunk-LFKR3ZVH.js";
import {
  CancelledError,
  CannotRunError,
  errorMessage
} from "./chunk-A2VFD3MS.js";

// node_modules/p-map/index.js
function pMap(iterable, mapper, options) {
  return mapConcurrently(iterable, mapper, options, false);
}
function pMapSettled(iterable, mapper, options) {
  return mapConcurrently(iterable, mapper, options, true);
}
async function mapConcurrently(iterable, mapper, {
  concurrency = Number.POSITIVE_INFINITY,
  stopOnError = true,
  signal
} = {}, isSettled) {
  return new Promise((resolve_, reject_) => {
    validateOptions(iterable, mapper, concurrency);
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
      for (let index = 0; index < concurrency; index++) {
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
function validateOptions(iterable, mapper, concurrency) {
  if (iterable?.[Symbol.iterator] === void 0 && iterable?.[Symbol.asyncIterator] === void 0) {
    throw new TypeError(`Expected \`input\` to be either an \`Iterable\` or \`AsyncIterable\`, got (${typeof iterable})`);
  }
  if (typeof mapper !== "function") {
    throw new TypeError("Mapper function is required");
  }
  if (!isLimit(concurrency, 1)) {
    throw new TypeError(`Expected \`concurrency\` to be an integer from 1 and up or \`Infinity\`, got \`${concurrency}\` (${typeof concurrency})`);
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

// src/kube/client.ts
import http from "node:http";
import https from "node:https";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
var defaultRequestTimeoutMs = 3e4;
function connect(kc, options = {}) {
  return {
    kc,
    requestTimeoutMs: options.requestTimeoutMs ?? defaultRequestTimeoutMs,
    signal: options.signal
  };
}
function limited(connection, options) {
  return connect(connection.kc, {
    requestTimeoutMs: options.requestTimeoutMs ?? connection.requestTimeoutMs,
    signal: options.signal
  });
}
var ApiTimeoutError = class extends Error {
  name = "ApiTimeoutError";
  constructor(ms) {
    super(`no answer from the API server within ${formatDuration(ms)}`);
  }
};
function connectionEnded(connection) {
  if (!connection.signal?.aborted) return void 0;
  const reason = connection.signal.reason;
  return reason instanceof Error ? reason : new CancelledError(reason);
}
var sharedAgents = /* @__PURE__ */ new Map();
var idleConnectionMs = 3e4;
function sharedAgent(agent, server) {
  const Kind = agent?.constructor === https.Agent ? https.Agent : agent?.constructor === http.Agent ? http.Agent : void 0;
  if (!agent || !Kind) return agent;
  const { options } = agent;
  const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = options;
  const proxied = !isLoopback(server);
  const settings = JSON.stringify([
    Kind === https.Agent ? "https" : "http",
    ca,
    cert,
    key,
    pfx,
    passphrase,
    rejectUnauthorized,
    servername,
    proxied
  ]);
  let shared = sharedAgents.get(settings);
  if (!shared) {
    shared = new Kind({
      ...options,
      keepAlive: true,
      timeout: idleConnectionMs,
      ...proxied ? { proxyEnv: process.env } : {}
    });
    sharedAgents.set(settings, shared);
  }
  return shared;
}
var maxRetries = 10;
function retryAfterMs(response, method, limitMs) {
  const status = response.httpStatusCode;
  if (status !== 429 && (status < 500 || method === "POST")) return void 0;
  const seconds = Number(response.headers["retry-after"]);
  return Number.isInteger(seconds) && seconds >= 0 ? Math.min(seconds * 1e3, limitMs) : void 0;
}
function boundedHttp(connection) {
  const fetchLibrary = new IsomorphicFetchHttpLibrary();
  const once = async (request) => {
    const timeout = AbortSignal.timeout(connection.requestTimeoutMs);
    request.setSignal(connection.signal ? AbortSignal.any([timeout, connection.signal]) : timeout);
    try {
      const response = await fetchLibrary.send(request).toPromise();
      const body = await response.body.binary();
      return new ResponseContext(
        response.httpStatusCode,
        response.headers,
        new SelfDecodingBody(Promise.resolve(body))
      );
    } catch (error) {
      throw connectionEnded(connection) ?? (timeout.aborted ? new ApiTimeoutError(connection.requestTimeoutMs) : error);
    }
  };
  return wrapHttpLibrary({
    async send(request) {
      const shareAgent = () => {
        const agent = sharedAgent(request.getAgent(), request.getUrl());
        if (agent) request.setAgent(agent);
      };
      shareAgent();
      if (compressionDisabled(connection.kc)) request.setHeaderParam("Accept-Encoding", "identity");
      sendAlso(request.getHeaders(), impersonationHeaders(connection.kc));
      const sentAt = Date.now();
      let renewed = false;
      for (let retries = 0; ; retries++) {
        const response = await once(request);
        if (response.httpStatusCode === 401 && !renewed && renewCredentials(connection.kc, sentAt)) {
          renewed = true;
          await authenticated(connection, connection.kc.applySecurityAuthentication(request));
          shareAgent();
          continue;
        }
        const waitMs = retries < maxRetries ? retryAfterMs(response, request.getHttpMethod(), connection.requestTimeoutMs) : void 0;
        if (waitMs === void 0) return response;
        try {
          await sleep(waitMs, void 0, connection.signal ? { signal: connection.signal } : {});
        } catch (error) {
          throw connectionEnded(connection) ?? error;
        }
      }
    }
  });
}
function sendAlso(headers, lines) {
  if (lines.length === 0) return;
  Object.defineProperty(headers, Symbol.iterator, {
    configurable: true,
    value: function* () {
      yield* Object.entries(headers);
      yield* lines;
    }
  });
}
function headerLists(lines) {
  const lists = {};
  for (const [name, value] of lines) (lists[name] ??= []).push(value);
  return lists;
}
function authenticated(connection, applying) {
  const { signal } = connection;
  if (!signal) return applying;
  return new Promise((resolve, reject) => {
    const ended = () => {
      const reason = connectionEnded(connection);
      reject(
        reason instanceof CancelledError ? reason : new CredentialsError(
          `${reason?.message ?? "ended"} while the kubeconfig's credentials were being obtained`
        )
      );
    };
    if (signal.aborted) return ended();
    signal.addEventListener("abort", ended, { once: true });
    applying.then(resolve, reject).finally(() => signal.removeEventListener("abort", ended));
  });
}
function apiClient(connection, Api) {
  const { kc } = connection;
  const server = kc.getCurrentCluster()?.server ?? "";
  return new Api(
    createConfiguration({
      baseServer: new ServerConfiguration(server, {}),
      authMethods: {
        default: {
          getName: () => kc.getName(),
          applySecurityAuthentication: (context) => authenticated(connection, kc.applySecurityAuthentication(context))
        }
      },
      httpApi: boundedHttp(connection)
    })
  );
}
var WatchStatusError = class extends Error {
  name = "WatchStatusError";
  statusCode;
  /** What the server said: a Status object as JSON, usually; errors.ts reads its message. */
  body;
  constructor(statusCode2, body) {
    super(`${http.STATUS_CODES[statusCode2] ?? "HTTP error"} (HTTP ${statusCode2})${body ? `: ${body}` : ""}`);
    this.statusCode = statusCode2;
    this.body = body;
  }
};
function openWatch(connection, path, query, onEvent, idleMs) {
  const controller = new AbortController();
  let finish = () => {
  };
  const ended = new Promise((resolve) => finish = resolve);
  let timer;
  let done = false;
  const end = (outcome) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    controller.abort();
    finish(outcome);
  };
  const arm = (ms, error) => {
    clearTimeout(timer);
    timer = setTimeout(() => end(error()), ms);
  };
  void (async () => {
    const url = new URL(`${connection.kc.getCurrentCluster()?.server ?? ""}${path}`);
    url.searchParams.set("watch", "true");
    for (const [key, value] of Object.entries(query))
      if (value !== void 0) url.searchParams.set(key, String(value));
    const send = async () => {
      const options = {};
      await authenticated(connection, connection.kc.applyToHTTPSOptions(options));
      if (done) return void 0;
      arm(connection.requestTimeoutMs, () => new ApiTimeoutError(connection.requestTimeoutMs));
      const request = (url.protocol === "http:" ? http : https).request(url, {
        ...options,
        agent: sharedAgent(options.agent, url.href),
        method: "GET",
        headers: {
          ...options.headers,
          Accept: "application/json",
          ...headerLists(impersonationHeaders(connection.kc))
        },
        signal: AbortSignal.any([controller.signal, ...connection.signal ? [connection.signal] : []])
      });
      return new Promise((resolve) => {
        request.on("error", (error) => {
          end(connectionEnded(connection) ?? error);
          resolve(void 0);
        });
        request.on("response", resolve);
        request.end();
      });
    };
    const sentAt = Date.now();
    let response = await send();
    if (response?.statusCode === 401 && renewCredentials(connection.kc, sentAt)) {
      response.resume();
      response = await send();
    }
    if (!response) return;
    if (response.statusCode !== 200) {
      let body = "";
      response.on("data", (chunk) => body += chunk.toString());
      response.on("end", () => end(new WatchStatusError(response.statusCode ?? 0, body.slice(0, 500))));
      return;
    }
    const stalled = () => new Error(`the watch sent nothing for ${formatDuration(idleMs)}`);
    arm(idleMs, stalled);
    response.on("data", () => arm(idleMs, stalled));
    response.on("error", (error) => end(error));
    response.on("end", () => end("closed"));
    const lines = createInterface({ input: response }).on("error", () => {
    });
    lines.on("line", (line) => {
      if (done || line.trim() === "") return;
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        return;
      }
      onEvent(event);
    });
  })().catch((error) => end(error instanceof Error ? error : new Error(String(error))));
  return { ended, abort: () => end("closed") };
}

// src/kube/errors.ts
import { STATUS_CODES } from "node:http";
var ApiCallError = class extends CannotRunError {
  name = "ApiCallError";
};
function statusCode(error) {
  if (error instanceof ApiCallError) return statusCode(error.cause);
  if (error instanceof ApiException) return error.code;
  const code = error?.statusCode;
  return typeof code === "number" ? code : void 0;
}
function unanswered(error) {
  const code = statusCode(error);
  return code === void 0 || code >= 500;
}
function statusBody(error) {
  if (!(error instanceof ApiException || error instanceof WatchStatusError)) return void 0;
  const body = error.body;
  if (typeof body === "string") {
    try {
      return JSON.parse(body);
    } catch {
      return { message: body };
    }
  }
  return typeof body === "object" && body !== null ? body : void 0;
}
function describeApiError(what, error) {
  return redact(describe(what, error));
}
function describe(what, error) {
  if (error instanceof ApiCallError) return describe(what, error.cause);
  const code = statusCode(error);
  const body = statusBody(error);
  if (error instanceof CredentialsError) return `${what}: ${error.message}`;
  if (code === void 0) {
    const text = error instanceof Error ? error.message : String(error);
    return `${what}: cannot reach the Kubernetes API server: ${text}`;
  }
  const hint = code === 401 ? " \u2014 the credentials were rejected (expired token or wrong cluster?)" : "";
  const causes = (body?.details?.causes ?? []).map((c) => `  - ${c.field ? `${c.field}: ` : ""}${c.message ?? ""}`).join("\n");
  const answered = error instanceof ApiException || error instanceof WatchStatusError;
  const message = body?.message || (answered ? STATUS_CODES[code] ?? "HTTP error" : errorMessage(error));
  return `${what}: ${message} (HTTP ${code})${hint}${causes && !message.includes("\n") ? `
${causes}` : ""}`;
}
function unknownFields(error) {
  const message = statusBody(error)?.message ?? "";
  const decoding = /strict decoding error: (.*)/s.exec(message)?.[1] ?? "";
  return [
    ...[...decoding.matchAll(/unknown field "([^"]*)"/g)],
    ...message.matchAll(/(?:^|\s)\.(\S+): field not declared in schema/gm)
  ].map((match) => match[1] ?? "");
}
function missingNamespace(error) {
  const details = statusCode(error) === 404 ? statusBody(error)?.details : void 0;
  return details?.kind === "namespaces" ? details.name : void 0;
}
function apiError(what, error) {
  return new ApiCallError(describeApiError(what, error), { cause: error });
}

// src/kube/watch.ts
async function listObjects(api, target) {
  const { group, version, namespace, plural, labelSelector, fieldSelector } = target;
  try {
    const listed = await api.listNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      labelSelector,
      fieldSelector
    });
    return listed;
  } catch (error) {
    const selectors = [
      labelSelector && `selector "${labelSelector}"`,
      fieldSelector && `field selector "${fieldSelector}"`
    ].filter(Boolean);
    const where = `namespace ${namespace}${selectors.length > 0 ? ` (${selectors.join(", ")})` : ""}`;
    throw apiError(`listing ${plural} in ${where}`, error);
  }
}
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
  const firstDelay = options.retryDelayMs ?? 1e3;
  let delay = firstDelay;
  const watchOnce = async (resourceVersion) => {
    let gone = false;
    let failed;
    let heard = false;
    const openedAt = Date.now();
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
          else failed = new WatchErrorEvent(object);
          stream?.abort();
          return;
        }
        heard = true;
        delay = firstDelay;
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
    if (failed) return failed;
    if (outcome !== "closed") return outcome;
    return heard || Date.now() - openedAt >= 1e3 ? "ended" : "at once";
  };
  let fatalError;
  const loop = async () => {
    let needList = true;
    while (!stopped && !connection.signal?.aborted) {
      try {
        if (needList) latestVersion = await relist();
        needList = false;
        const outcome = await watchOnce(latestVersion);
        if (stopped || connection.signal?.aborted) break;
        if (outcome === "ended") {
          delay = firstDelay;
          continue;
        }
        if (outcome === "gone") {
          options.onRetry?.("watch history expired (410 Gone); listing again");
          needList = true;
        } else if (outcome === "at once") {
          options.onRetry?.("the server closed the watch at once, sending nothing; watching again");
        } else if (outcome instanceof WatchErrorEvent) {
          options.onRetry?.(
            `${describeApiError(`the server ended the watch of ${target.plural}`, outcome)}; listing again`
          );
          needList = true;
        } else {
          if (refused(statusCode(outcome))) throw outcome;
          options.onRetry?.(
            `watch broke (${outcome.message}); resuming from resourceVersion ${latestVersion ?? "?"}`
          );
        }
      } catch (error) {
        if (refused(statusCode(error))) {
          stopped = true;
          fatalError = error;
          failReady(error);
          options.onChange();
          break;
        }
        if (stopped || connection.signal?.aborted) break;
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
      stream?.abort();
      wake?.();
    }
  };
}
var WatchErrorEvent = class extends WatchStatusError {
  name = "WatchErrorEvent";
  constructor(status) {
    super(status.code ?? 500, JSON.stringify(status));
  }
};
function refused(code) {
  return code === 401 || code === 403 || code === 404;
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
  list = (target) => listObjects(this.#api, target);
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
  /** The ChaosResult of this name, or undefined when there is none. */
  async getResult(namespace, name) {
    try {
      const result = await this.#api.getNamespacedCustomObject({
        group: litmusGroup,
        version: litmusVersion,
        namespace,
        plural: resultPlural,
        name
      });
      return result;
    } catch (error) {
      if (statusCode(error) === 404) return void 0;
      throw apiError(`reading ChaosResult ${namespace}/${name}`, error);
    }
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
  pMap,
  pMapSettled,
  connect,
  limited,
  apiClient,
  statusCode,
  unanswered,
  describeApiError,
  unknownFields,
  missingNamespace,
  apiError,
  listObjects,
  watchCollection,
  enginePlural,
  resultPlural,
  workflowRunLabel,
  LitmusClient
};
