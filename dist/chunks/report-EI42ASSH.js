#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  loadSchema
} from "./chunk-S24VUENM.js";
import {
  readCtkJournal,
  workflowSchema,
  workflowToSuite
} from "./chunk-R36YNDV3.js";
import {
  duplicateProblems,
  readManifests
} from "./chunk-X7M3ZBKG.js";
import {
  chaosEngineSchema,
  chaosResultSchema,
  convertChaos,
  parseShape
} from "./chunk-S3HLZPE7.js";
import "./chunk-FK2XKCM2.js";
import "./chunk-WZQ2V6ZS.js";
import {
  describeSchemaIssues
} from "./chunk-KHFU6QK6.js";
import {
  conclude,
  refuseBadReportPaths
} from "./chunk-GGZVASA3.js";
import "./chunk-VJZ45ZOO.js";
import {
  mergeReports
} from "./chunk-RG723U7L.js";
import "./chunk-YWBX3UM5.js";
import {
  resultFileLimit
} from "./chunk-Z6ESBZ4M.js";
import {
  CannotRunError,
  ConfigError
} from "./chunk-RHZBZGPM.js";

// src/run/report-sources.ts
function checked(schema, manifest) {
  const parsed = parseShape(schema, manifest.object);
  if (!parsed.success) throw new ConfigError(describeSchemaIssues(manifest.source, parsed.error));
  return parsed.data;
}
function readInputs(files) {
  const objects = readManifests(files, "input", resultFileLimit);
  const duplicates = duplicateProblems(objects);
  if (duplicates.length > 0) throw new ConfigError(duplicates.join("\n"));
  return objects;
}
function chaosReportFromFiles(files) {
  const engines = [];
  const results = [];
  for (const manifest of readInputs(files)) {
    const { kind } = manifest.object;
    if (kind === "ChaosEngine") engines.push(checked(chaosEngineSchema, manifest));
    else if (kind === "ChaosResult") results.push(checked(chaosResultSchema, manifest));
    else throw new ConfigError(`${manifest.source}: field kind: expected ChaosResult or ChaosEngine`);
  }
  if (results.length === 0) {
    throw new ConfigError(
      `${files.join(", ")}: no ChaosResult found${engines.length > 0 ? ` (only ${engines.length} ChaosEngine(s), which carry no verdict)` : ""}; save them with \`kubectl get chaosresults -n NAMESPACE -o yaml\``
    );
  }
  return convertChaos({ engines, results });
}
function workflowReportFromFile(file) {
  const workflows = readInputs([file]).map((manifest) => {
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

// src/run/report.ts
async function reportGate(config, sources, log) {
  refuseBadReportPaths(config.reports);
  const parts = [];
  const load = loadToReport(config.load, sources);
  if (load) {
    if (load.impact.maxP95Ratio !== void 0 || load.impact.maxErrorRateDuringChaos !== void 0)
      log("chaos-gate: WARNING: load.impact is not checked by report: only run knows when the chaos ran");
    const { readLoadSuite } = await import("./collect-72Q25AUU.js");
    parts.push({ suites: [readLoadSuite(load, void 0, [])] });
  }
  if (config.ctkJournals.length > 0) parts.push({ suites: config.ctkJournals.map(readCtkJournal) });
  if (config.workflow?.file) parts.push(workflowReportFromFile(config.workflow.file));
  const namespace = sources.namespace ?? (parts.length === 0 ? config.namespace : void 0);
  if (sources.results.length > 0) {
    if (sources.namespace || sources.selector)
      throw new ConfigError(
        "give ChaosResults either as files (--results) or live (--namespace, --selector), not both"
      );
    parts.push(chaosReportFromFiles(sources.results));
  } else if (namespace) {
    const { chaosReportFromCluster } = await import("./report-cluster-WHPHOHD6.js");
    parts.push(await chaosReportFromCluster(config, namespace, sources.selector));
  } else if (sources.selector) {
    throw new ConfigError("--selector picks ChaosEngines in a namespace: give --namespace with it");
  }
  if (parts.length === 0) {
    throw new ConfigError("report needs --results, --workflow, --k6, --jtl, --ctk-journal or --namespace");
  }
  const report = mergeReports(...parts);
  checkVerdicts(report, log);
  return { report, ...conclude(config, report, config.runId ? { runId: config.runId } : {}, log) };
}
var isVerdict = (testCase) => testCase.outcome !== "timeout" && testCase.outcome !== "skipped";
function checkVerdicts(report, log) {
  const silent = report.suites.filter((suite) => !suite.cases.some(isVerdict));
  const missing = silent.map((suite) => `${suite.name}: ${whatIsMissing(suite)}`);
  if (silent.length === report.suites.length)
    throw new CannotRunError(`nothing to judge: ${missing.join("; ")}`);
  missing.forEach((line) => log(`chaos-gate: WARNING: nothing to judge in ${line}`));
}
function whatIsMissing(suite) {
  if (suite.kind === "load" && suite.cases.length === 0) {
    if (suite.properties["overall.requests"] === void 0)
      return "the k6 summary holds no thresholds or checks; add thresholds to the k6 script, or give per-request results (--jtl, k6 --out json, hey) with load.thresholds";
    const requests = suite.properties["overall.requests"];
    const errorRate = Number(suite.properties["overall.errorRate"] ?? 0);
    return `${requests} requests read (error rate ${(errorRate * 100).toFixed(2)}%) but no threshold to check them against; set load.thresholds (p95, p99, errorRate) in the config file given with --config`;
  }
  const unfinished = suite.cases.map((c) => `${c.name}: ${c.message ?? c.outcome}`);
  return unfinished.length > 0 ? unfinished.slice(0, 3).join(", ") : "no results in it";
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
