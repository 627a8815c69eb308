#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  objectMetaSchema
} from "./chunk-WKLY2BNK.js";
import {
  _enum,
  array,
  describeIssues,
  looseObject,
  number,
  plainWords,
  record,
  string,
  union,
  unknown
} from "./chunk-LFKR3ZVH.js";

// src/kube/shape.ts
function parseShape(schema, value) {
  return predicateOf(schema)(value) === "fits" ? { success: true, data: value } : schema.safeParse(value, plainWords);
}
var predicates = /* @__PURE__ */ new WeakMap();
function predicateOf(schema) {
  let predicate = predicates.get(schema);
  if (!predicate) {
    let built = () => "ask zod";
    predicates.set(schema, (value) => built(value));
    built = build(schema);
    predicates.set(schema, built);
    predicate = built;
  }
  return predicate;
}
var askZod = () => "ask zod";
var typeOf = (type) => (value) => typeof value === type ? "fits" : "misfits";
function build(schema) {
  const def = schema._zod.def;
  if (def.checks?.length && def.type !== "number") return askZod;
  switch (def.type) {
    case "unknown":
      return () => "fits";
    case "string":
    case "boolean":
      return typeOf(def.type);
    case "number":
      return numberPredicate(def.checks ?? []);
    case "enum": {
      const values = new Set(Object.values(def.entries));
      return (value) => values.has(value) ? "fits" : "misfits";
    }
    case "optional": {
      const inner = predicateOf(def.innerType);
      return (value) => value === void 0 ? "fits" : inner(value);
    }
    case "array": {
      const element = predicateOf(def.element);
      return (value) => Array.isArray(value) ? allFit(value, element) : "misfits";
    }
    case "record":
      return recordPredicate(def);
    case "object":
      return objectPredicate(def);
    case "union":
      return def.inclusive === false ? askZod : unionPredicate(def.options.map(predicateOf));
    default:
      return askZod;
  }
}
function objectPredicate(def) {
  const keys = Object.keys(def.shape);
  const fields = keys.map((key) => predicateOf(def.shape[key]));
  const keepsOthers = def.catchall?._zod.def.type === "unknown";
  return (value) => {
    if (!isPlainObject(value)) return "misfits";
    for (let i = 0; i < keys.length; i++) {
      const result = fields[i](value[keys[i]]);
      if (result !== "fits") return result;
    }
    if (keepsOthers) return "fits";
    for (const key in value) if (!Object.hasOwn(def.shape, key)) return "ask zod";
    return "fits";
  };
}
function recordPredicate(def) {
  const key = def.keyType._zod.def;
  if (key.type !== "string" || key.checks?.length) return askZod;
  const predicate = predicateOf(def.valueType);
  return (value) => isPlainObject(value) ? allFit(Object.values(value), predicate) : "misfits";
}
function unionPredicate(options) {
  return (value) => {
    for (let i = 0; i < options.length; i++) {
      const result = options[i](value);
      if (result !== "misfits") return result;
    }
    return "misfits";
  };
}
function allFit(values, predicate) {
  for (let i = 0; i < values.length; i++) {
    const result = predicate(values[i]);
    if (result !== "fits") return result;
  }
  return "fits";
}
function numberPredicate(checks) {
  let integer = false;
  let minimum = -Infinity;
  let inclusive = true;
  for (const check of checks) {
    const def = check._zod.def;
    if (def.check === "number_format" && def.format === "safeint") integer = true;
    else if (def.check === "greater_than" && typeof def.value === "number") {
      minimum = def.value;
      inclusive = def.inclusive;
    } else return askZod;
  }
  return (value) => {
    if (typeof value !== "number" || !Number.isFinite(value)) return "misfits";
    if (integer && !Number.isSafeInteger(value)) return "misfits";
    return (inclusive ? value >= minimum : value > minimum) ? "fits" : "misfits";
  };
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// src/litmus/types.ts
var litmusGroup = "litmuschaos.io";
var litmusVersion = "v1alpha1";
var text = string();
var probeSpecSchema = looseObject({
  name: text,
  type: text,
  mode: text,
  runProperties: record(string(), unknown()).optional()
});
var engineExperimentSpecSchema = looseObject({
  name: text,
  spec: looseObject({
    components: looseObject({
      env: array(looseObject({ name: text, value: text.optional() })).optional()
    }).optional(),
    probe: array(probeSpecSchema).optional()
  }).optional()
});
var engineExperimentStatusSchema = looseObject({
  name: text.optional(),
  runner: text.optional(),
  experimentPod: text.optional(),
  /** "Waiting for Job Creation", "Running", "Completed", "ChaosExperiment Not Found", "Forcefully Aborted", "Skipped". */
  status: text.optional(),
  /** "N/A", "Awaited", or a copy of the result's verdict. */
  verdict: text.optional(),
  lastUpdateTime: text.optional()
});
var chaosEngineSchema = looseObject({
  apiVersion: text.optional(),
  kind: text.optional(),
  metadata: objectMetaSchema,
  spec: looseObject({
    engineState: _enum(["active", "stop"]).optional(),
    appinfo: looseObject({ appns: text.optional(), applabel: text.optional(), appkind: text.optional() }).optional(),
    /** 3.0 and later: the targets by workload or pod. */
    selectors: looseObject({
      workloads: array(looseObject({ kind: text.optional(), namespace: text.optional() })).optional(),
      pods: array(looseObject({ namespace: text.optional() })).optional()
    }).optional(),
    chaosServiceAccount: text.optional(),
    experiments: array(engineExperimentSpecSchema).optional()
  }).optional(),
  status: looseObject({
    /** "initialized" → "completed" | "stopped". */
    engineStatus: text.optional(),
    experiments: array(engineExperimentStatusSchema).optional()
  }).optional()
});
var probeStatusEntrySchema = looseObject({
  name: text.optional(),
  type: text.optional(),
  mode: text.optional(),
  status: looseObject({ verdict: text.optional(), description: text.optional() }).optional()
});
var legacyProbeStatusEntrySchema = looseObject({
  name: text.optional(),
  type: text.optional(),
  status: record(string(), string()).optional()
});
var experimentStatusSchema = looseObject({
  /** Running | Completed | Completed_With_Error | Completed_With_Probe_Failure | Stopped | Error */
  phase: text.optional(),
  /** Pass | Fail | Stopped | Awaited | Error */
  verdict: text.optional(),
  /** A string ("100", "Awaited"); some writers put a number. */
  probeSuccessPercentage: union([text, number().transform(String)]).optional(),
  /** 2.x. */
  failStep: text.optional(),
  /** 3.0.0-beta2 to beta4. */
  failureOutput: looseObject({ errorCode: text.optional(), failedStep: text.optional() }).optional(),
  /** 3.0.0-beta5 and later. */
  errorOutput: looseObject({ errorCode: text.optional(), reason: text.optional() }).optional()
});
var count = number().int().nonnegative();
var chaosResultSchema = looseObject({
  apiVersion: text.optional(),
  kind: text.optional(),
  metadata: objectMetaSchema,
  spec: looseObject({
    engine: text.optional(),
    experiment: text.optional(),
    instance: text.optional(),
    /** Litmus before 1.2 kept the status here, with lower-case values ("pass", "running"). */
    experimentstatus: experimentStatusSchema.optional()
  }).optional(),
  status: looseObject({
    experimentStatus: experimentStatusSchema.optional(),
    /** Written by litmus-go before 1.13.3. */
    experimentstatus: experimentStatusSchema.optional(),
    probeStatuses: array(probeStatusEntrySchema).optional(),
    probeStatus: array(legacyProbeStatusEntrySchema).optional(),
    history: looseObject({
      passedRuns: count.optional(),
      failedRuns: count.optional(),
      stoppedRuns: count.optional(),
      targets: array(
        looseObject({ name: text.optional(), kind: text.optional(), chaosStatus: text.optional() })
      ).optional()
    }).optional()
  }).optional()
});
function engineProblem(engine) {
  const parsed = parseShape(chaosEngineSchema, engine);
  if (parsed.success) return void 0;
  const { namespace = "", name = "" } = engine.metadata;
  return describeIssues(`ChaosEngine ${namespace}/${name}`, parsed.error).join("\n");
}
function resultName(engine, experiment) {
  return `${engine}-${experiment}`;
}
function readableResults(results, warn) {
  return results.flatMap((result) => {
    const parsed = parseShape(chaosResultSchema, result);
    if (parsed.success) return [parsed.data];
    const { namespace = "", name = "" } = result.metadata ?? {};
    for (const line of describeIssues(`ChaosResult ${namespace}/${name} is left out`, parsed.error))
      warn(line);
    return [];
  });
}

// src/litmus/verdict.ts
function experimentStatusOf(result) {
  return result.status?.experimentStatus ?? result.status?.experimentstatus ?? result.spec?.experimentstatus ?? {};
}
var lower = (text2) => (text2 ?? "").toLowerCase();
function isVerdictFinal(status) {
  return !!status.verdict && lower(status.verdict) !== "awaited" && lower(status.phase) !== "running";
}
var verdictOutcomes = /* @__PURE__ */ new Map([
  ["pass", "pass"],
  ["fail", "fail"],
  ["error", "error"],
  ["stopped", "stopped"]
]);
function verdictOutcome(verdict) {
  return verdictOutcomes.get(lower(verdict));
}
function isEngineFinished(engine) {
  const state = engine.status?.engineStatus;
  return state === "completed" || state === "stopped";
}
var notRunStatuses = /* @__PURE__ */ new Set(["ChaosExperiment Not Found", "Skipped"]);
function isNotRun(runStatus) {
  return notRunStatuses.has(runStatus ?? "");
}
var probeVerdicts = /* @__PURE__ */ new Map([
  ["Passed", "pass"],
  ["Failed", "fail"],
  ["N/A", "skipped"],
  ["Awaited", "timeout"]
]);
function probeOutcome(verdict) {
  return probeVerdicts.get(verdict) ?? "error";
}
var legacyProbePrefixes = [
  ["Passed", "pass"],
  ["Better Luck", "fail"],
  ["N/A", "skipped"]
];
var legacyPrecedence = ["fail", "timeout", "pass", "skipped"];
function legacyProbeOutcome(phaseTexts) {
  const outcomes = new Set(
    phaseTexts.map(
      (text2) => legacyProbePrefixes.find(([prefix]) => text2.startsWith(prefix))?.[1] ?? "timeout"
    )
  );
  return legacyPrecedence.find((outcome) => outcomes.has(outcome)) ?? "timeout";
}

export {
  parseShape,
  litmusGroup,
  litmusVersion,
  chaosEngineSchema,
  chaosResultSchema,
  engineProblem,
  resultName,
  readableResults,
  experimentStatusOf,
  isVerdictFinal,
  verdictOutcome,
  isEngineFinished,
  isNotRun,
  probeOutcome,
  legacyProbeOutcome
};
