#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  readCtkJournal,
  workflowSchema,
  workflowToSuite
} from "./chunk-6ITUDFAW.js";
import {
  convertChaos,
  engineSuiteName,
  resultSuiteName
} from "./chunk-PXFUVPJ3.js";
import "./chunk-466RCVCX.js";
import "./chunk-7GHJJVB5.js";
import {
  chaosEngineSchema,
  chaosResultSchema,
  parseShape
} from "./chunk-4PREBK7H.js";
import {
  loadSchema
} from "./chunk-SXEAMQ7S.js";
import "./chunk-IGRTILGH.js";
import "./chunk-WKLY2BNK.js";
import {
  duplicateProblems,
  readManifests
} from "./chunk-6S4KZUTS.js";
import {
  conclude,
  refuseBadReportPaths,
  runMeta
} from "./chunk-WBMP6CCB.js";
import "./chunk-CVJQ4RIC.js";
import {
  isSkipped,
  skippingSetting
} from "./chunk-RBQ57VMM.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-JDCHZ752.js";
import {
  configFileName
} from "./chunk-WWMJPIHK.js";
import {
  resultFileLimit
} from "./chunk-52RQKVFM.js";
import {
  describeIssues
} from "./chunk-LFKR3ZVH.js";
import {
  CannotRunError,
  ConfigError
} from "./chunk-A2VFD3MS.js";

// src/run/report-sources.ts
function checked(schema, manifest) {
  const parsed = parseShape(schema, manifest.object);
  if (!parsed.success) throw new ConfigError(describeIssues(manifest.source, parsed.error).join("\n"));
  return parsed.data;
}
function readInputs(files, what) {
  const manifests = [];
  const fileOf = [];
  for (const file of files) {
    for (const manifest of readManifests([file], "input", { maxBytes: resultFileLimit, what })) {
      manifests.push(manifest);
      fileOf.push(file);
    }
  }
  const duplicates = duplicateProblems(manifests);
  if (duplicates.length > 0) throw new ConfigError(duplicates.join("\n"));
  return { manifests, fileOf };
}
function chaosInputFromFiles(files) {
  const engines = [];
  const results = [];
  const engineFiles = [];
  const resultFiles = [];
  const { manifests, fileOf } = readInputs(files, "ChaosResults file");
  manifests.forEach((manifest, index) => {
    const { kind } = manifest.object;
    const file = fileOf[index];
    if (kind === "ChaosEngine") {
      engines.push(checked(chaosEngineSchema, manifest));
      engineFiles.push(file);
    } else if (kind === "ChaosResult") {
      results.push(checked(chaosResultSchema, manifest));
      resultFiles.push(file);
    } else throw new ConfigError(`${manifest.source}: field kind: expected ChaosResult or ChaosEngine`);
  });
  if (results.length === 0) {
    throw new ConfigError(
      `${files.join(", ")}: no ChaosResult found${engines.length > 0 ? ` (only ${engines.length} ChaosEngine(s), which carry no verdict)` : ""}; save them with \`kubectl get chaosresults -n NAMESPACE -o yaml\``
    );
  }
  const groupFiles = () => {
    const grouped = /* @__PURE__ */ new Map();
    const add = (suite, file) => grouped.set(suite, (grouped.get(suite) ?? /* @__PURE__ */ new Set()).add(file));
    engines.forEach((engine, i) => add(engineSuiteName(engine), engineFiles[i]));
    results.forEach((result, i) => add(resultSuiteName(result), resultFiles[i]));
    return grouped;
  };
  let filesOfSuite;
  const sourceOf = (suite) => [...(filesOfSuite ??= groupFiles()).get(suite.name) ?? files].join(", ");
  return {
    source: files.join(", "),
    suites: convertChaos({ engines, results, asFound: true }).suites,
    sourceOf
  };
}
function workflowReportFromFile(file) {
  const workflows = readInputs([file], "Workflow file").manifests.map((manifest) => {
    if (manifest.object.kind !== "Workflow")
      throw new ConfigError(`${manifest.source}: field kind: expected Workflow`);
    const workflow = checked(workflowSchema, manifest);
    if (!workflow.status?.phase) {
      throw new ConfigError(
        `${manifest.source}: field status: the Workflow never ran (no status); save it after a workflow controller ran it, with \`kubectl get workflow ${workflow.metadata.name ?? "NAME"} -o yaml\``
      );
    }
    return workflow;
  });
  if (workflows.length === 0) throw new ConfigError(`${file}: no Workflow found`);
  return { suites: workflows.map((workflow) => workflowToSuite(workflow)) };
}

// src/run/report-verdicts.ts
var isVerdict = (testCase, policy) => testCase.outcome !== "timeout" && !isSkipped(testCase, policy);
function checkVerdicts(inputs, policy, log) {
  const missing = [];
  let parts = 0;
  for (const { source, suites, sourceOf } of inputs) {
    parts += Math.max(suites.length, 1);
    if (suites.length === 0) missing.push(`${source}: no results in it`);
    for (const suite of suites) {
      if (suite.cases.some((c) => isVerdict(c, policy))) continue;
      missing.push(`${sourceOf?.(suite) ?? source} (${suite.name}): ${whatIsMissing(suite, policy)}`);
    }
  }
  if (missing.length === parts) {
    const cases = inputs.flatMap(({ suites }) => suites.flatMap((suite) => suite.cases));
    const everySkipped = cases.length > 0 && cases.every((c) => isSkipped(c, policy));
    throw new CannotRunError(
      `nothing to judge${everySkipped ? " (every case was skipped)" : ""}: ${missing.join("; ")}`
    );
  }
  missing.forEach((line) => log(`chaos-gate: WARNING: nothing to judge in ${line}`));
}
function whatIsMissing(suite, policy) {
  if (suite.kind === "load" && suite.cases.length === 0) {
    if (suite.properties["overall.requests"] === void 0)
      return "the k6 summary holds no thresholds or checks; add thresholds to the k6 script, or give per-request results (--jtl, k6 --out json, hey) with load.thresholds";
    const requests = suite.properties["overall.requests"];
    const errorRate = Number(suite.properties["overall.errorRate"] ?? 0);
    return `${requests} ${requests === "1" ? "request" : "requests"} read (error rate ${(errorRate * 100).toFixed(2)}%) but no threshold to check them against; set load.thresholds (p95, p99, errorRate) in the config file (${configFileName()})`;
  }
  const unjudged = suite.cases.map((c) => `${c.name}: ${c.message ?? c.outcome}${skippedBy(c, policy)}`);
  return unjudged.length > 0 ? unjudged.slice(0, 3).join(", ") : "no results in it";
}
function skippedBy(testCase, policy) {
  const setting = skippingSetting(testCase, policy);
  return setting ? ` (skipped: ${setting})` : "";
}

// src/run/report.ts
async function reportGate(config, sources, log, signal) {
  refuseBadReportPaths(config, {
    "ChaosResults file": sources.results,
    "k6 summary": [sources.k6],
    "JTL file": [sources.jtl]
  });
  const inputs = [];
  const load = loadToReport(config.load, sources);
  if (load) {
    if (load.impact.maxP95Ratio !== void 0 || load.impact.maxErrorRateDuringChaos !== void 0)
      log("chaos-gate: WARNING: load.impact is not checked by report: only run knows when the chaos ran");
    const { readLoadSuite } = await import("./collect-HLFYUAEY.js");
    const files = Object.values(load.results).filter(Boolean).join(", ");
    inputs.push({ source: files, suites: [readLoadSuite(load, void 0, [])] });
  }
  for (const journal of config.ctkJournals)
    inputs.push({ source: journal, suites: [readCtkJournal(journal)] });
  const workflow = config.workflow?.file;
  if (workflow) inputs.push({ source: workflow, suites: workflowReportFromFile(workflow).suites });
  const namespace = sources.namespace ?? (inputs.length === 0 ? config.namespace : void 0);
  if (sources.results.length > 0) {
    if (sources.namespace || sources.selector)
      throw new ConfigError(
        "give ChaosResults either as files (--results) or live (--namespace, --selector), not both"
      );
    inputs.push(chaosInputFromFiles(sources.results));
  } else if (namespace) {
    if (config.targets.length > 0)
      throw new ConfigError(
        `report reads one cluster's namespace, and ${config.targets.length} clusters are given (${config.targets.map((target) => target.name).join(", ")}): give one --context or --kubeconfig, or read each cluster with its own report and join them with chaos-gate merge`
      );
    const { chaosReportFromCluster } = await import("./report-cluster-WTEPVDFP.js");
    const live = await chaosReportFromCluster(config, namespace, sources.selector, log, signal);
    const where = `namespace ${namespace}${sources.selector ? `, selector ${sources.selector}` : ""}`;
    inputs.push({ source: where, suites: live.suites });
  } else if (sources.selector) {
    throw new ConfigError("--selector picks ChaosEngines in a namespace: give --namespace with it");
  }
  if (inputs.length === 0) {
    throw new ConfigError("report needs --results, --workflow, --k6, --jtl, --ctk-journal or --namespace");
  }
  checkVerdicts(inputs, config.gate, log);
  const report = { suites: inputs.flatMap((input) => input.suites) };
  return { report, ...conclude(config, report, runMeta(config, config.runId), log) };
}
function loadToReport(load, sources) {
  const results = {
    ...load?.results,
    ...sources.k6 ? { k6Summary: sources.k6 } : {},
    ...sources.jtl ? { jtl: sources.jtl } : {}
  };
  if (!Object.values(results).some(Boolean)) return void 0;
  return { ...load ?? loadSchema.parse({}), results };
}
export {
  reportGate
};
