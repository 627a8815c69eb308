#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  loadSchema,
  percentage
} from "./chunk-SXEAMQ7S.js";
import {
  runDuration
} from "./chunk-IGRTILGH.js";
import {
  defaultPolicy
} from "./chunk-RBQ57VMM.js";
import {
  isRecord
} from "./chunk-5L5Z5RRO.js";
import {
  documentValue,
  require_dist,
  userYaml
} from "./chunk-JDCHZ752.js";
import {
  settingName
} from "./chunk-WWMJPIHK.js";
import {
  readInputFile
} from "./chunk-52RQKVFM.js";
import {
  _enum,
  array,
  boolean,
  describeIssues,
  expecting,
  fieldPath,
  number,
  plainWords,
  record,
  strictObject,
  string,
  union
} from "./chunk-LFKR3ZVH.js";
import {
  ConfigError,
  __toESM
} from "./chunk-A2VFD3MS.js";

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);
import path from "node:path";

// src/config/schema.ts
var fileList = union([string(), array(string())], { error: expecting("a file path or a list of file paths") }).transform((v) => Array.isArray(v) ? v : [v]);
var textList = fileList;
var rfc1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var dnsLabel = (max) => string().regex(rfc1123Label, { error: expecting("a lowercase DNS label (a-z, 0-9, -)") }).max(max);
var namespaceName = string().max(63, { error: expecting("a namespace name (at most 63 characters)") }).regex(rfc1123Label, {
  error: expecting("a namespace name (lowercase a-z, 0-9 and -)")
});
var templateName = string().max(253, { error: expecting("a template name (at most 253 characters)") }).regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, {
  error: expecting("the name of a template in the cluster (lowercase a-z, 0-9, - and .), not a file path")
});
var targetSchema = strictObject({
  /** Names the cluster's suites (`<name>/<namespace>/<engine>`) and its log lines. */
  name: dnsLabel(20),
  kubeconfig: string().optional(),
  context: string().optional(),
  namespace: namespaceName.optional()
});
var gateSchema = strictObject({
  failOnFailure: boolean().optional(),
  minProbeSuccess: percentage.optional(),
  // What a case is matched by: one to three names, so a typo like `a/b/c/d` is refused, not silently inert.
  allowFailures: array(
    string().regex(/^[^/\s]+(?:\/[^/\s]+){0,2}$/, {
      error: expecting("experiment, engine/experiment or namespace/engine/experiment")
    })
  ).optional(),
  stopped: _enum(["fail", "skip"]).optional(),
  timeouts: _enum(["fail", "skip"]).optional()
});
var reportsSchema = strictObject({
  junit: string().optional(),
  json: string().optional(),
  html: string().optional(),
  summary: string().optional(),
  /** Per-case properties in the JUnit, for Jenkins' junit keepProperties (not valid for junit-10.xsd). */
  junitCaseProperties: boolean().optional()
});
var mergeSchema = strictObject({
  /** How many reports, one a job: a job that wrote none would leave a gate over the others only. */
  expect: number().int().min(1).optional()
});
var workflowSchema = strictObject({
  file: string().optional(),
  template: templateName.optional(),
  clusterTemplate: templateName.optional(),
  parameters: record(string(), union([string(), number(), boolean()]).transform(String)).optional(),
  namespace: namespaceName.optional(),
  shutdown: _enum(["Stop", "Terminate"]).optional()
}).superRefine((w, ctx) => {
  const given = ["file", "template", "clusterTemplate"].filter((key) => w[key]);
  const [, second] = given;
  if (second)
    ctx.addIssue({
      code: "custom",
      path: [second],
      message: "give one workflow: a file, a WorkflowTemplate or a ClusterWorkflowTemplate, not two"
    });
});
var configSchema = strictObject({
  /** A list (repeated flags) runs the gate on each kubeconfig, as targets do. */
  kubeconfig: fileList.optional(),
  /** A list (repeated flags) runs the gate on each context, as targets do. */
  context: textList.optional(),
  targets: array(targetSchema).min(1).superRefine((targets, ctx) => {
    const names = targets.map((t) => t.name);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice)
      ctx.addIssue({
        code: "custom",
        message: `the name "${twice}" is given twice; each target needs its own`
      });
  }).optional(),
  parallelTargets: number().int().min(1).max(50).optional(),
  inCluster: boolean().optional(),
  namespace: namespaceName.optional(),
  rbac: fileList.optional(),
  experiments: fileList.optional(),
  engines: fileList.optional(),
  timeout: runDuration.optional(),
  stopTimeout: runDuration.optional(),
  allowNamespaces: array(namespaceName).min(1).optional(),
  allowClusterScoped: boolean().optional(),
  cleanup: _enum(["always", "on-success", "never"]).optional(),
  runId: dnsLabel(40).optional(),
  label: dnsLabel(40).optional(),
  reports: reportsSchema.optional(),
  gate: gateSchema.optional(),
  merge: mergeSchema.optional(),
  workflow: workflowSchema.optional(),
  load: loadSchema.optional(),
  ctkJournals: fileList.optional()
});

// src/config/load.ts
var defaultParallelTargets = 10;
var defaultTimeoutMs = 30 * 6e4;
var defaultStopTimeoutMs = 5 * 6e4;
function parseSettings(raw, origin, label = (f) => f) {
  const result = configSchema.safeParse(raw ?? {}, plainWords);
  if (!result.success)
    throw new ConfigError(
      describeIssues(origin, result.error, (path2) => settingName2(path2, label)).join("\n")
    );
  return result.data;
}
function readConfigFile(file) {
  const text = readInputFile(file, "config file");
  const documents = (0, import_yaml.parseAllDocuments)(text, userYaml);
  if (Array.isArray(documents) && documents.length === 0)
    throw new ConfigError(`${file}: holds no settings (the file is empty or only comments)`);
  if (!Array.isArray(documents) || documents.length !== 1) {
    throw new ConfigError(`${file}: expected exactly one YAML document`);
  }
  const [document] = documents;
  const problem = document?.errors[0];
  if (problem) throw new ConfigError(`${file}: invalid YAML: ${problem.message}`);
  const value = document && documentValue(document, file);
  if (value === null || value === void 0)
    throw new ConfigError(`${file}: holds no settings (the file is empty or only comments)`);
  if (isRecord(value) && typeof value.apiVersion === "string" && typeof value.kind === "string")
    throw new ConfigError(
      `${file}: a Kubernetes ${value.kind}, not a chaos-gate config file; a config file names manifests under engines, rbac or experiments`
    );
  const settings = parseSettings(value, file);
  return resolvePaths(settings, path.dirname(path.resolve(file)));
}
function resolvePaths(settings, base) {
  const resolveAll = (files) => files?.map((f) => path.resolve(base, f));
  const resolveOne = (file) => file === void 0 ? void 0 : path.resolve(base, file);
  return {
    ...settings,
    kubeconfig: resolveAll(settings.kubeconfig),
    targets: settings.targets?.map((target) => ({ ...target, kubeconfig: resolveOne(target.kubeconfig) })),
    rbac: resolveAll(settings.rbac),
    experiments: resolveAll(settings.experiments),
    engines: resolveAll(settings.engines),
    workflow: settings.workflow && { ...settings.workflow, file: resolveOne(settings.workflow.file) },
    ctkJournals: resolveAll(settings.ctkJournals),
    load: settings.load && {
      ...settings.load,
      cwd: path.resolve(base, settings.load.cwd ?? "."),
      results: Object.fromEntries(Object.entries(settings.load.results).map(([k, v]) => [k, resolveOne(v)]))
    },
    reports: settings.reports && {
      junit: resolveOne(settings.reports.junit),
      json: resolveOne(settings.reports.json),
      html: resolveOne(settings.reports.html),
      summary: resolveOne(settings.reports.summary),
      junitCaseProperties: settings.reports.junitCaseProperties
    }
  };
}
function loadConfig(configFile, layer, defaults = {}) {
  const config = resolveConfig(defaults, ...configFile ? [readConfigFile(configFile)] : [], layer);
  return configFile ? { ...config, configFile } : config;
}
function resolveConfig(...layers) {
  const pick = (key) => layers.reduce((value, layer) => layer[key] ?? value, void 0);
  const reports = Object.assign({}, ...layers.map((l) => definedOnly(l.reports ?? {})));
  const gate = Object.assign({}, ...layers.map((l) => definedOnly(l.gate ?? {})));
  const merge = Object.assign({}, ...layers.map((l) => definedOnly(l.merge ?? {})));
  const workflow = Object.assign(
    {},
    ...layers.map((l) => definedOnly(l.workflow ?? {})).map(oneWorkflowChoice)
  );
  const kubeconfigs = pick("kubeconfig") ?? [];
  const contexts = pick("context") ?? [];
  refuseTwoClusterLists(pick("targets"), kubeconfigs, contexts);
  return checkTargets({
    kubeconfig: kubeconfigs.length === 1 ? kubeconfigs[0] : void 0,
    context: contexts.length === 1 ? contexts[0] : void 0,
    targets: pick("targets") ?? targetsOf(kubeconfigs, contexts),
    parallelTargets: pick("parallelTargets") ?? defaultParallelTargets,
    inCluster: pick("inCluster") ?? false,
    namespace: pick("namespace"),
    rbac: pick("rbac") ?? [],
    experiments: pick("experiments") ?? [],
    engines: pick("engines") ?? [],
    timeoutMs: pick("timeout") ?? defaultTimeoutMs,
    stopTimeoutMs: pick("stopTimeout") ?? defaultStopTimeoutMs,
    cleanup: pick("cleanup") ?? "always",
    allowNamespaces: pick("allowNamespaces"),
    allowClusterScoped: pick("allowClusterScoped") ?? false,
    runId: pick("runId"),
    label: pick("label"),
    reports,
    gate: { ...defaultPolicy, ...gate },
    merge,
    workflow: toWorkflowSource(workflow),
    load: pick("load"),
    ctkJournals: pick("ctkJournals") ?? []
  });
}
function checkTargets(config) {
  if (config.targets.length > 0 && config.load) {
    throw new ConfigError(
      "load: a load test runs beside the chaos of one cluster; with several targets, run one job per cluster and join their reports with chaos-gate merge"
    );
  }
  return config;
}
function refuseTwoClusterLists(targets, kubeconfigs, contexts) {
  const several = [
    ...contexts.length > 1 ? [`${contexts.length} contexts (${settingName("context")})`] : [],
    ...kubeconfigs.length > 1 ? [`${kubeconfigs.length} kubeconfigs (${settingName("kubeconfig")})`] : []
  ];
  if (targets && several.length > 0)
    throw new ConfigError(
      `targets (the config file) and ${several.join(" and ")} both list the clusters to run on: give one of them`
    );
}
function targetsOf(kubeconfigs, contexts) {
  if (kubeconfigs.length <= 1 && contexts.length <= 1) return [];
  if (kubeconfigs.length > 1 && contexts.length > 1 && kubeconfigs.length !== contexts.length) {
    throw new ConfigError(
      `${kubeconfigs.length} kubeconfigs and ${contexts.length} contexts: give one of them once, or both as many times (they pair in order)`
    );
  }
  const count = Math.max(kubeconfigs.length, contexts.length);
  const names = /* @__PURE__ */ new Set();
  return Array.from({ length: count }, (_, i) => {
    const kubeconfig = kubeconfigs[i] ?? kubeconfigs[0];
    const context = contexts[i] ?? contexts[0];
    return {
      name: uniqueName(context ?? path.basename(kubeconfig ?? "", path.extname(kubeconfig ?? "")), names),
      kubeconfig,
      context
    };
  });
}
function uniqueName(from, taken) {
  const base = from.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 16) || "cluster";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}
function toWorkflowSource(workflow) {
  if (!workflow) return void 0;
  const template = workflow.template ?? workflow.clusterTemplate;
  if (!workflow.file && !template) return void 0;
  return {
    file: workflow.file,
    template: template ? { name: template, clusterScope: !workflow.template } : void 0,
    parameters: workflow.parameters ?? {},
    namespace: workflow.namespace,
    shutdown: workflow.shutdown ?? "Stop"
  };
}
function oneWorkflowChoice(layer) {
  const chosen = layer.file ?? layer.template ?? layer.clusterTemplate;
  return chosen === void 0 ? layer : { file: void 0, template: void 0, clusterTemplate: void 0, ...layer };
}
function definedOnly(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function settingName2(path2, label) {
  const names = path2.filter((p) => typeof p !== "number").map(String);
  const index = path2.find((p) => typeof p === "number");
  if (names.length === 0) return "(top level)";
  if (index !== void 0 && path2.at(-1) !== index) return fieldPath(path2);
  return `${label(names.join("."))}${index === void 0 ? "" : `[${index}]`}`;
}

export {
  parseSettings,
  loadConfig
};
