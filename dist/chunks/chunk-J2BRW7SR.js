#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  liveWorkflowToSuite,
  readCtkJournal
} from "./chunk-6ITUDFAW.js";
import {
  convertChaos,
  engineSuiteName
} from "./chunk-PXFUVPJ3.js";
import {
  ArgoClient,
  ManifestApplier,
  RunResources,
  cancelReason,
  chaosCondition,
  engineKey,
  experimentProgress,
  lockRunId,
  managedBy,
  runLabel,
  until,
  watchSource
} from "./chunk-S2FRZQFM.js";
import {
  LitmusClient,
  connect,
  describeApiError,
  enginePlural,
  limited,
  pMap,
  pMapSettled,
  resultPlural,
  statusCode
} from "./chunk-FTCHEUJJ.js";
import {
  isWorkflowCompleted,
  workflowCondition
} from "./chunk-7GHJJVB5.js";
import {
  engineProblem,
  isEngineFinished,
  readableResults
} from "./chunk-4PREBK7H.js";
import {
  carryingStopCases,
  stopCasesCarriedBy,
  stopCasesIn,
  withStopCases
} from "./chunk-6FZ6MQKZ.js";
import {
  formatDuration
} from "./chunk-IGRTILGH.js";
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-KJ3ENT35.js";
import {
  describeCluster,
  spawnInGroup
} from "./chunk-GG633MRR.js";
import {
  allowedNamespaces,
  blastRadiusProblems,
  callsOf,
  noTemplate,
  prepareCluster,
  prepareTargets,
  specOf
} from "./chunk-RL6CGLGP.js";
import {
  prepareWorkflow,
  workflowName,
  workflowSource
} from "./chunk-SB6IFH6Q.js";
import {
  RunWarnings,
  carryingWarnings,
  warningsCarriedBy,
  withRunWarnings
} from "./chunk-SQNS6QL3.js";
import {
  duplicateProblems
} from "./chunk-6S4KZUTS.js";
import {
  conclude,
  refuseAllSkipped,
  runMeta
} from "./chunk-WBMP6CCB.js";
import {
  mergeReports,
  underLabel
} from "./chunk-CVJQ4RIC.js";
import {
  kubectlFor
} from "./chunk-X4QZAPBZ.js";
import {
  settingName
} from "./chunk-WWMJPIHK.js";
import {
  CancelledError,
  CannotRunError,
  ConfigError,
  errorMessage
} from "./chunk-A2VFD3MS.js";

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

// src/argo/template-refs.ts
var workflowScope = "Workflow";
async function templateRefProblems(workflow, source, reading) {
  const problems = [];
  const reads = /* @__PURE__ */ new Map();
  const walked = /* @__PURE__ */ new Set();
  const trail = source && `${source}: `;
  const named2 = (ref) => `${ref.clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate"} ${ref.name}`;
  const read = (ref) => {
    const what = named2(ref);
    const known = reads.get(what);
    if (known) return known;
    const found2 = reading.read(ref).then(
      (template) => template ?? "missing",
      (error) => {
        if (statusCode(error) === 403)
          reading.warn(describeApiError(`cannot check that ${what} exists`, error));
        else problems.push(describeApiError(`reading ${what}`, error));
        return "unchecked";
      }
    );
    reads.set(what, found2);
    return found2;
  };
  const walk = async (scope, name, template) => {
    const key = `${scope.key}\0${name}`;
    if (walked.has(key)) return;
    walked.add(key);
    await followAll(scope, callsOf(name, template));
  };
  const followAll = async (scope, calls) => {
    for (const call of calls) if (call.ref) void read(call.ref);
    for (const call of calls) {
      if (call.ref) await follow(`${scope.trail}${call.path}`, call.ref, call.template);
      else {
        const local = scope.templates.get(call.template);
        if (local) await walk(scope, call.template, local);
        else if (scope.key !== workflowScope)
          problems.push(
            `${scope.trail}${call.path}: ${scope.key} ${noTemplate(call.template, [...scope.templates.keys()])}`
          );
      }
    }
  };
  const found = async (at, ref) => {
    const got = await read(ref);
    if (got === "unchecked") return void 0;
    if (got !== "missing") return got;
    const [where, list] = ref.clusterScope ? ["in the cluster", "kubectl get clusterworkflowtemplates"] : [
      `in namespace ${reading.namespace}, where the workflow is submitted`,
      `kubectl get workflowtemplates -n ${reading.namespace}`
    ];
    problems.push(`${at}${named2(ref)}: not found ${where} (\`${list}\` lists those there)`);
    return void 0;
  };
  const follow = async (via, ref, template) => {
    const object = await found(`${via}: `, ref);
    if (!object) return;
    const what = named2(ref);
    const { templates: templates2 } = specOf(object.spec);
    const target = templates2.get(template);
    if (target) return walk({ key: what, trail: `${via} \u2192 ${what}: `, templates: templates2 }, template, target);
    problems.push(`${via}: ${what} ${noTemplate(template, [...templates2.keys()])}`);
  };
  const runWhole = async (ref, own2) => {
    const via = source && `${source}: spec.workflowTemplateRef`;
    const object = await found(via ? `${via}: ` : "", ref);
    if (!object) return false;
    const key = named2(ref);
    const { templates: templates2, own: its } = specOf(object.spec, workflow.spec);
    await walkSpec({ key, trail: via ? `${via} \u2192 ${key}: ` : `${key}: `, templates: templates2 }, its);
    await followAll({ key, trail, templates: templates2 }, own2);
    return true;
  };
  const walkSpec = async (scope, own2) => {
    await followAll(scope, own2);
    for (const [name, template] of scope.templates) await walk(scope, name, template);
  };
  const runs = workflow.spec.workflowTemplateRef;
  const { templates, own } = specOf(workflow.spec);
  if (!runs || !await runWhole(runs, own)) await walkSpec({ key: workflowScope, trail, templates }, own);
  return problems;
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

// src/litmus/wait.ts
async function waitForChaos(connection, client, refs, options) {
  const namespaces = [...new Set(refs.map((r) => r.namespace))];
  const uidsIn = (namespace) => refs.filter((r) => r.namespace === namespace).map((r) => r.uid).join(",");
  const progress = progressLog(refs, options);
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
      (ref) => view.engines.get(engineKey(ref)) ?? progress.lastSeen.get(engineKey(ref)) ?? options.asApplied?.(ref) ?? { metadata: { name: ref.name, namespace: ref.namespace, uid: ref.uid } }
    ),
    results: [...view.results.values()],
    timedOut: ended === "timeout",
    cancelled,
    deleted: [...progress.deleted]
  };
}
function progressLog(refs, { log, warn }) {
  const lastPhase = /* @__PURE__ */ new Map();
  const lastSeen = /* @__PURE__ */ new Map();
  const deleted = /* @__PURE__ */ new Set();
  const observe = (view) => {
    for (const ref of refs) {
      const key = engineKey(ref);
      const engine = view.engines.get(key);
      if (!engine) {
        if (!deleted.has(key)) warn(`ChaosEngine ${key} was deleted during the run`);
        deleted.add(key);
        continue;
      }
      lastSeen.set(key, engine);
      const problem = engineProblem(engine);
      if (problem && lastPhase.get(key) !== problem) log(`[chaos] ${problem}`);
      if (problem) lastPhase.set(key, problem);
      else lastPhase.delete(key);
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
async function startLoad(config, log, platform = process.platform) {
  if (!config.command) throw new ConfigError("load.command: required to run a load test");
  if (platform === "win32")
    throw new CannotRunError(
      "load.command: cannot run on Windows: chaos-gate stops a load command with its process group, which Windows does not have, so it could outlive the step or hang it until the job times out; run the job on a Linux or macOS runner"
    );
  const [program, ...args] = typeof config.command === "string" ? ["sh", "-c", config.command] : config.command;
  const { child, signalGroup } = spawnInGroup(program, args, {
    cwd: config.cwd,
    env: loadEnvironment(config)
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

// src/run/run-id-in-use.ts
async function runIdInUse(runId, places, clients, warn) {
  const selector = `${runLabel}=${runId}`;
  const listing = async (what, namespace, list) => {
    try {
      return await list();
    } catch (error) {
      if (statusCode(error) !== 404)
        warn(
          `not checked whether another run under run id ${runId} still runs chaos: ${describeApiError(`listing ${what} labelled ${selector} in namespace ${namespace}`, error)}`
        );
      return [];
    }
  };
  const { litmus, argo } = clients;
  const [engines, workflows] = await Promise.all([
    Promise.all(
      [...new Set(places.engines)].map(
        async (namespace) => (await listing("ChaosEngines", namespace, () => litmus.enginesLabelled(namespace, selector))).filter((engine) => !isEngineFinished(engine)).map(
          (engine) => engineProblem(engine) ?? `ChaosEngine ${namespace}/${engine.metadata.name ?? ""} (engineStatus ${engine.status?.engineStatus ?? "unset"})`
        )
      )
    ),
    Promise.all(
      [...new Set(argo ? places.workflows : [])].map(
        async (namespace) => (await listing(
          "Workflows",
          namespace,
          async () => argo ? (await argo.list(argo.target(namespace, selector))).items : []
        )).filter((workflow) => !isWorkflowCompleted(workflow)).map(
          (workflow) => `Workflow ${namespace}/${workflow.metadata.name ?? ""} (phase ${workflow.status?.phase ?? "unset"})`
        )
      )
    )
  ]);
  const live = [...engines.flat(), ...workflows.flat()];
  if (live.length === 0) return [];
  return [
    `run id ${runId} already labels chaos that has not finished: ${live.join(", ")}. That is another run's (one at the same time, or one killed before it stopped its chaos): this run finds what it started by the run id, and could stop it. Give each run its own run id (${settingName("runId")}; left unset, one is generated), or stop that chaos first`
  ];
}

// src/run/run.ts
async function runGate(config, context) {
  const cluster = await prepareCluster(config, context.kubeconfigContent, context.log);
  let session;
  try {
    session = await startRun(cluster, context);
  } catch (error) {
    throw reportStopCases(
      config,
      error,
      stopCasesCarriedBy(error) ?? { suites: [] },
      runMeta(config, void 0),
      context.log
    );
  }
  let outcome;
  try {
    if (!session.cancelled) refuseAllSkipped(session.report, config.gate);
    const { runId, cancelled } = session;
    const report = withRunWarnings(session.report, session.warnings);
    const { decision, published } = conclude(config, report, runMeta(config, runId, cancelled), context.log);
    outcome = { runId, report, cancelled, decision, published };
  } catch (error) {
    const late2 = await session.finish(false);
    throw carryingWarnings(
      carryingStopCases(
        stillCancelled(error, session.cancelled, context.signal),
        stopCasesIn(session.report)
      ),
      [...session.warnings, ...late2]
    );
  }
  const late = await session.finish(outcome.decision.verdict === "pass");
  return cancelledLate({ ...outcome, warningsAfterReports: late }, context.signal);
}
function reportStopCases(config, error, stopCases, meta, log) {
  if (stopCases.suites.length === 0) return error;
  try {
    conclude(config, stopCases, meta, log);
    return error;
  } catch (unwritten) {
    return carryingWarnings(error, [...warningsCarriedBy(error), errorMessage(unwritten)]);
  }
}
function signalled(cancelled, signal) {
  return cancelled ?? (signal.aborted ? cancelReason(signal) : void 0);
}
function stillCancelled(error, cancelled, signal) {
  const by = signalled(cancelled, signal);
  return by ? new CancelledError(by, errorMessage(error)) : error;
}
function cancelledLate(outcome, signal) {
  return { ...outcome, cancelled: signalled(outcome.cancelled, signal) };
}
var PreflightRefused = class extends CannotRunError {
  name = "PreflightRefused";
};
function newRunId() {
  return `cg-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}
async function startRun(cluster, context) {
  return (await checkRun(cluster, context)).start();
}
async function checkRun(cluster, context) {
  const { config } = cluster;
  const { log, signal } = context;
  const hurry = context.hurry ?? new AbortController().signal;
  const deadline = overallDeadline(config.timeoutMs);
  const warnings = new RunWarnings(log);
  const { warn } = warnings;
  const takeWarnings = () => [.../* @__PURE__ */ new Set([...cluster.credentialWarnings.take(), ...warnings.take()])];
  let plan;
  const main = connect(cluster.kc, { signal: AbortSignal.any([signal, deadline.signal]) });
  const commands = {
    kubectl: kubectlFor({ ...config, kubeconfigContent: context.kubeconfigContent }),
    strategy: config.workflow?.shutdown ?? "Stop"
  };
  try {
    plan = await preflight(cluster, { main, holding: limited(main, { signal: hurry }) }, signal, {
      log,
      warn,
      kubectl: commands.kubectl,
      leaseRenewMs: context.leaseRenewMs,
      onLocked: context.onLocked
    });
  } catch (error) {
    deadline.clear();
    throw carryingWarnings(error, takeWarnings());
  }
  const release = async () => {
    deadline.clear();
    await plan.lock.release();
  };
  const start = async () => {
    try {
      context.onStarted?.(plan.runId, plan.namespaces, plan.lock.held());
      const sending = limited(main, { signal: hurry });
      const resources = new RunResources({
        connection: main,
        runId: plan.runId,
        sending,
        applier: plan.applier.on(sending),
        namespaces: plan.namespaces,
        shutdown: commands.strategy,
        kubectl: commands.kubectl,
        cleanup: config.cleanup,
        stopTimeoutMs: config.stopTimeoutMs,
        log,
        warn,
        onCreated: (created) => context.onCreated?.(plan.runId, created)
      });
      const chaos = await runChaos(config, context, {
        main,
        plan,
        resources,
        deadline,
        hurry,
        warn,
        commands
      });
      let report;
      try {
        context.onPhase?.("report");
        const reading = limited(main, {
          signal: AbortSignal.any([hurry, AbortSignal.timeout(config.stopTimeoutMs)])
        });
        const source = plan.workflow && workflowSource(config.workflow?.file, plan.workflow);
        report = await collectReport(config, reading, resources, chaos, warn, source);
      } catch (error) {
        throw await failedRun(error, commands, resources, chaos.stops, hurry);
      }
      if (chaos.stops) report = withStopCases(report, chaos.stops, commands);
      return {
        runId: plan.runId,
        report,
        warnings: takeWarnings(),
        cancelled: chaos.cancelled,
        async finish(passed) {
          try {
            context.onPhase?.("cleanup");
            await resources.cleanup(passed, hurry, chaos.stops);
            context.onPhase?.("done");
          } finally {
            await release();
          }
          return takeWarnings();
        }
      };
    } catch (error) {
      await release();
      throw carryingWarnings(error, takeWarnings());
    }
  };
  return {
    start,
    release: async () => {
      await release();
      return takeWarnings();
    }
  };
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
async function preflight({ config, inputs, defaultNamespace, kc, generatedRunId }, { main, holding }, signal, {
  log,
  warn,
  leaseRenewMs,
  onLocked,
  kubectl
}) {
  let lock = { release: async () => {
  }, held: () => [] };
  try {
    const litmus = new LitmusClient(main);
    const argo = config.workflow ? new ArgoClient(main) : void 0;
    await litmus.assertInstalled(config.experiments.length > 0 ? ["chaosexperiments"] : []);
    await argo?.assertInstalled();
    const runId = config.runId ?? generatedRunId ?? newRunId();
    const record = config.runId === void 0 ? runId : `${runId.slice(0, 54)}.${randomBytes(4).toString("hex")}`;
    const policy = { ...config, defaultNamespace };
    const applier = new ManifestApplier(main, defaultNamespace, {
      id: runId,
      record,
      chaosIn: allowedNamespaces(policy)
    });
    const prepared = applier.prepare(inputs.manifests);
    const workflow = config.workflow && inputs.workflow && prepareWorkflow(inputs.workflow, config.workflow, defaultNamespace, {
      ...managedBy,
      [runLabel]: runId
    });
    log(
      `[chaos-gate] run ${runId}: preflight of ${prepared.length + (workflow ? 1 : 0)} object(s) on ${describeCluster(kc)}, namespace ${defaultNamespace}`
    );
    const clusterScoped = /* @__PURE__ */ new Set();
    for (const manifest of prepared)
      if (await applier.isClusterScoped(manifest.object).catch(() => false)) clusterScoped.add(manifest);
    const problems = [
      ...duplicateProblems(prepared),
      ...blastRadiusProblems(prepared, workflow?.metadata.namespace, policy, (m) => clusterScoped.has(m))
    ];
    if (problems.length === 0) problems.push(...await applier.preflight(prepared));
    const places = {
      engines: prepared.filter((m) => m.role === "engine").map((m) => m.object.metadata.namespace ?? ""),
      workflows: workflow?.metadata.namespace ? [workflow.metadata.namespace] : []
    };
    const chaosAt = [...places.engines, ...places.workflows];
    if (problems.length === 0 && config.runId !== void 0) {
      const locked = await lockRunId(
        { preflight: main, holding },
        {
          runId,
          record,
          namespaces: chaosAt.length > 0 ? chaosAt : [defaultNamespace],
          renewMs: leaseRenewMs,
          kubectl,
          onTaken: (held) => onLocked?.(runId, held)
        },
        warn
      );
      lock = locked.lock;
      problems.push(...locked.problems);
    }
    const warnUnlessCancelled = (warning) => {
      if (!signal.aborted) warn(warning);
    };
    if (problems.length === 0 && config.runId !== void 0)
      problems.push(...await runIdInUse(runId, places, { litmus, argo }, warnUnlessCancelled));
    if (argo && workflow && problems.length === 0) {
      const namespace = workflow.metadata.namespace ?? "";
      problems.push(
        ...await templateRefProblems(workflow, workflowSource(config.workflow?.file, workflow), {
          namespace,
          read: (ref) => argo.readTemplate(ref, namespace),
          warn
        })
      );
      await argo.create(workflow, true).catch((error) => {
        problems.push(describeApiError(`Workflow ${workflowName(workflow)}: rejected by the server`, error));
      });
    }
    throwIfCancelled(signal);
    if (problems.length > 0)
      throw new PreflightRefused(`preflight failed, nothing was applied:
${problems.join("\n")}`);
    return {
      runId,
      prepared,
      applier,
      workflow,
      argo,
      namespaces: allowedNamespaces(policy),
      lock
    };
  } catch (error) {
    await lock.release();
    throwIfCancelled(signal);
    throw error;
  }
}
async function runChaos(config, context, parts) {
  const { log, signal } = context;
  const { main, plan, resources, deadline, hurry, warn, commands } = parts;
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
      try {
        await resources.apply(plan.prepared, interrupted);
        if (plan.workflow && !interrupted.aborted) await resources.submit(plan.workflow);
        if (!interrupted.aborted) {
          context.onPhase?.("wait");
          waited = await waitForAll(main, plan.argo, resources, {
            timeoutMs: deadline.leftMs(),
            signal,
            log,
            warn,
            verdictGraceMs: context.verdictGraceMs ?? 3e4,
            engineSelector: resources.selector
          });
        }
      } finally {
        context.onPhase?.("after");
      }
    }
  } catch (error) {
    if (!interrupted.aborted) {
      const stops2 = resources.started ? await resources.stopChaos(AbortSignal.any([signal, hurry])) : void 0;
      await load?.terminate("on cancel");
      throw await failedRun(error, commands, resources, stops2, hurry);
    }
  }
  const cancelled = signal.aborted ? cancelReason(signal) : waited?.chaos.cancelled;
  if (cancelled && !resources.started) {
    await load?.terminate("on cancel");
    throw carryingStopCases(new CancelledError(cancelled), { suites: [] });
  }
  const timedOut = !cancelled && (deadline.signal.aborted || !!waited?.chaos.timedOut);
  const chaosWindow = { startMs: chaosStartMs, endMs: Date.now() };
  const done = waited ?? {
    chaos: { engines: plannedEngines(plan), results: [], timedOut, cancelled },
    workflow: resources.workflow && { workflow: resources.workflow, timedOut, cancelled }
  };
  const outlived = cancelled || timedOut ? void 0 : await chaosOutlivingWorkflow(main, resources, done);
  const unreadable2 = cancelled || timedOut ? [] : unreadableUnfinished(done);
  const stopFor = cancelled ? `cancelled by ${cancelled}` : timedOut ? "timeout" : unreadable2.length > 0 ? `an engine that has not finished cannot be read (${unreadable2.join("; ")})` : outlived && `${outlived.ended} while chaos its steps started still runs (ChaosEngine ${outlived.engines.join(", ")})`;
  let stops;
  if (stopFor) {
    log(`[chaos-gate] ${stopFor}: stopping the chaos`);
    if (resources.started)
      stops = await resources.stopChaos(cancelled ? hurry : AbortSignal.any([signal, hurry]));
  }
  const lateCancel = timedOut && signal.aborted ? cancelReason(signal) : void 0;
  const result = {
    waited: lateCancel ? cancelledAfterTimeout(done, lateCancel) : done,
    chaosWindow,
    cancelled: signal.aborted ? cancelReason(signal) : cancelled,
    stops,
    outlived: outlived?.ended
  };
  if (!load) return result;
  if (result.cancelled || hurry.aborted) return { ...result, loadExit: await load.terminate("on cancel") };
  if (timedOut) return { ...result, loadExit: await load.terminate("at the timeout") };
  log(`[chaos-gate] chaos over; the load runs on for a ${Math.round((config.load?.tail ?? 0) / 1e3)}s tail`);
  const loadExit = await load.finish(deadline.endsAt, signal);
  return { ...result, loadExit, cancelled: signal.aborted ? cancelReason(signal) : void 0 };
}
async function failedRun(error, commands, resources, stops, hurry) {
  await resources.cleanup(false, hurry, stops);
  return carryingStopCases(error, stops ? withStopCases({ suites: [] }, stops, commands) : { suites: [] });
}
async function chaosOutlivingWorkflow(connection, resources, { workflow }) {
  const live = workflow?.workflow;
  if (!live || !isWorkflowCompleted(live)) return void 0;
  const engines = await resources.unfinishedWorkflowEngines(connection).catch(() => []);
  if (engines.length === 0) return void 0;
  const where = `${live.metadata.namespace ?? ""}/${live.metadata.name ?? ""}`;
  return { ended: `workflow ${where} ended (${live.status?.phase ?? "completed"})`, engines };
}
function unreadableUnfinished({ chaos }) {
  return chaos.engines.filter((engine) => !isEngineFinished(engine)).flatMap((e) => engineProblem(e) ?? []);
}
function cancelledAfterTimeout({ chaos, workflow }, cancelled) {
  return { chaos: { ...chaos, cancelled }, workflow: workflow && { ...workflow, cancelled } };
}
function plannedEngines(plan) {
  return plan.prepared.filter((m) => m.role === "engine").map((m) => m.object);
}
async function collectReport(config, connection, resources, { waited, chaosWindow, loadExit, stops, outlived }, warn, source) {
  const workflowEngines = await workflowChaos(connection, resources);
  const report = mergeReports(
    ...waited.workflow?.workflow ? [
      {
        suites: [
          withUnreadChaos(
            liveWorkflowToSuite(waited.workflow.workflow, {
              timedOut: waited.workflow.timedOut,
              cancelled: waited.workflow.cancelled,
              source,
              templateSetting: settingName("workflow.template")
            }),
            workflowEngines.problem
          )
        ]
      }
    ] : [],
    convertChaos({
      ...waited.chaos,
      engines: [...waited.chaos.engines, ...workflowEngines.engines],
      results: readableResults([...waited.chaos.results, ...workflowEngines.results], warn),
      stoppedByGate: {
        engines: stoppedWhileRunning(waited, stops),
        timeout: formatDuration(config.timeoutMs),
        outlived
      }
    })
  );
  if (config.load) report.suites.push(collectLoad(config.load, loadExit, [chaosWindow]));
  report.suites.push(...config.ctkJournals.map(collectJournal));
  return report;
}
function stoppedWhileRunning(waited, stops) {
  const before = /* @__PURE__ */ new Set([...stops?.foundFinished ?? [], ...waited.chaos.engines.map(engineSuiteName)]);
  return (stops?.engines ?? []).map((stop) => engineKey(stop.ref)).filter((key) => !before.has(key));
}
async function waitForAll(connection, argo, resources, options) {
  const none = { engines: [], results: [], timedOut: false };
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
    engines.length > 0 ? failFast(
      waitForChaos(connection, litmus, engines, {
        ...shared,
        asApplied: (ref) => resources.appliedEngine(ref)
      })
    ) : none,
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
  if (flow?.workflow) resources.workflow = flow.workflow;
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
  try {
    const engines = await resources.workflowEngines(connection);
    const litmus = new LitmusClient(connection);
    const results = [];
    for (const namespace of new Set(engines.map((e) => e.metadata.namespace ?? ""))) {
      const uids = engines.filter((e) => e.metadata.namespace === namespace).map((e) => e.metadata.uid).filter(Boolean);
      const { items } = await litmus.list(
        litmus.target(resultPlural, namespace, `chaosUID in (${uids.join(",")})`)
      );
      results.push(...items);
    }
    return { engines, results };
  } catch (error) {
    return {
      engines: [],
      results: [],
      problem: describeApiError("the chaos its steps created could not be read", error)
    };
  }
}
function withUnreadChaos(suite, problem) {
  if (!problem) return suite;
  const unread = {
    kind: "workflow",
    className: suite.name,
    name: "chaos verdicts",
    outcome: "error",
    message: problem,
    properties: {}
  };
  return { ...suite, cases: [...suite.cases, unread] };
}
function throwIfCancelled(signal) {
  if (signal.aborted) throw new CancelledError(cancelReason(signal));
}

// src/run/targets.ts
async function runTargets(config, context) {
  if (config.targets.length === 0) return runGate(config, context);
  const clusters = await prepareTargets(config, context.kubeconfigContent, context.log);
  const targets = clusters.map((cluster) => cluster.target);
  const runId = config.runId ?? newRunId();
  const checked = await pMapSettled(
    clusters,
    ({ target, ...cluster }) => {
      const own = context.clusterLog();
      return checkRun(
        // Two targets may be one cluster in two namespaces: each run keeps its own label and records.
        config.runId === void 0 ? { ...cluster, generatedRunId: `${runId}-${target.name}` } : { ...cluster, config: { ...cluster.config, runId: `${runId}-${target.name}` } },
        {
          ...context,
          log: (line) => own.log(`[${target.name}] ${line}`),
          onLocked: (id, leases) => context.onTargetLocked?.(target, id, leases),
          onStarted: (id, namespaces, leases) => context.onTargetStarted?.(target, id, namespaces, leases),
          // Its own clock only: phases of clusters running at once would interleave the action's log
          // groups, and each cluster starts its chaos when the parallel limit lets it.
          onPhase: own.onPhase
        }
      );
    },
    { concurrency: config.parallelTargets }
  );
  await refuseUnlessAllAccepted(targets, checked);
  const started = await pMapSettled(
    checked,
    async (check) => {
      if (check.status === "rejected") throw check.reason;
      return check.value.start();
    },
    { concurrency: config.parallelTargets }
  );
  const sessions = started.flatMap((s) => s.status === "fulfilled" ? [s.value] : []);
  const failures = targets.flatMap((target, i) => {
    const outcome2 = started[i];
    return outcome2?.status === "rejected" ? [{ target, error: outcome2.reason, afterPreflight: checked[i]?.status === "fulfilled" }] : [];
  });
  const raised = targets.flatMap((target, i) => ofTarget(target, warningsRaisedBy(started[i])));
  const stopCases = targets.map((target, i) => clusterStopCases(target, checked[i], started[i]));
  const allStopCases = mergeReports(...stopCases.map((cases) => cases ?? { suites: [] }));
  const carryingStops = (error) => stopCases.includes(void 0) ? error : carryingStopCases(error, allStopCases);
  if (sessions.length === 0) {
    const error = carryingWarnings(carryingStops(nothingRan(failures)), raised);
    throw reportStopCases(config, error, allStopCases, runMeta(config, runId), context.log);
  }
  const finish = async (passed) => (await pMap(
    started,
    async (session, i) => session.status === "fulfilled" ? ofTarget(targets[i], await session.value.finish(passed)) : [],
    { concurrency: config.parallelTargets }
  )).flat();
  let outcome;
  const cancelled = sessions.find((s) => s.cancelled)?.cancelled;
  try {
    const report = mergeReports(...targets.map((target, i) => targetReport(target, started[i])), {
      suites: config.ctkJournals.map(collectJournal)
    });
    const { decision, published } = conclude(config, report, runMeta(config, runId, cancelled), context.log);
    outcome = { runId, report, decision, published, cancelled };
  } catch (error) {
    const late2 = await finish(false);
    throw carryingWarnings(carryingStops(stillCancelled(error, cancelled, context.signal)), [
      ...raised,
      ...late2
    ]);
  }
  const late = await finish(outcome.decision.verdict === "pass");
  return cancelledLate({ ...outcome, warningsAfterReports: late }, context.signal);
}
var named = (target, text) => `target ${target.name}: ${text}`;
var ofTarget = (target, warnings) => warnings.map((warning) => named(target, warning));
function ofTargetReport(target, report) {
  const { suites } = underLabel(report, target.name);
  return {
    suites: suites.map((suite) => ({
      ...suite,
      cases: suite.cases.map(
        (testCase) => testCase.kind === "chaos-stop" && testCase.message ? { ...testCase, message: named(target, testCase.message) } : testCase
      )
    }))
  };
}
function warningsRaisedBy(run) {
  if (run?.status === "fulfilled") return run.value.warnings;
  return warningsCarriedBy(run?.reason);
}
function targetReport(target, started) {
  const warnings = ofTarget(target, warningsRaisedBy(started));
  if (started?.status === "fulfilled")
    return withRunWarnings(ofTargetReport(target, started.value.report), warnings);
  const suite = {
    kind: "chaosengine",
    name: target.name,
    properties: { target: target.name, ...target.context ? { context: target.context } : {} },
    cases: [
      {
        // The cluster itself, not an experiment of it: the log says `cluster us › (cluster) errored`.
        kind: "cluster",
        className: target.name,
        name: "(cluster)",
        outcome: "error",
        message: `could not run on this cluster: ${errorMessage(started?.reason)}`,
        properties: {}
      }
    ]
  };
  const stopCases = ofTargetReport(target, stopCasesCarriedBy(started?.reason) ?? { suites: [] });
  return withRunWarnings(mergeReports({ suites: [suite] }, stopCases), warnings);
}
function clusterStopCases(target, check, run) {
  if (check?.status === "rejected") return { suites: [] };
  const cases = run?.status === "fulfilled" ? stopCasesIn(run.value.report) : stopCasesCarriedBy(run?.reason);
  return cases && ofTargetReport(target, cases);
}
async function refuseUnlessAllAccepted(targets, checked) {
  const rejected = checked.flatMap(
    (check, i) => check.status === "rejected" ? [{ target: targets[i], error: check.reason }] : []
  );
  const cancelled = rejected.find((r) => r.error instanceof CancelledError)?.error;
  const refused = rejected.filter((r) => r.error instanceof PreflightRefused);
  if (!cancelled && refused.length === 0) return;
  const raised = await Promise.all(
    checked.map(
      async (check, i) => ofTarget(
        targets[i],
        check.status === "fulfilled" ? await check.value.release() : warningsCarriedBy(check.reason)
      )
    )
  );
  throw carryingWarnings(
    cancelled ?? new CannotRunError(
      `nothing was applied on any cluster, as ${refused.map((r) => r.target.name).join(", ")} refused the run:
` + refused.map(({ target, error }) => `target ${target.name}: ${errorMessage(error)}`).join("\n")
    ),
    raised.flat()
  );
}
function nothingRan(failures) {
  const cancelled = failures.find((f) => f.error instanceof CancelledError)?.error;
  if (cancelled) {
    const failedOnceStarted = failures.filter(
      (f) => f.afterPreflight && !(f.error instanceof CancelledError)
    );
    if (failedOnceStarted.length === 0) return cancelled;
    return new CancelledError(
      cancelled.signal,
      failedOnceStarted.map(
        ({ target, error }) => `target ${target.name} had failed once its chaos started: ${errorMessage(error)}`
      ).join("; ")
    );
  }
  return new CannotRunError(
    `no cluster could be run:
${failures.map(({ target, error }) => `${target.name}: ${errorMessage(error)}`).join("\n")}`
  );
}

export {
  runTargets
};
