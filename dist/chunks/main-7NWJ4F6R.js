#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  expectedChaosMs,
  labelFor,
  layerFrom,
  loadConfig,
  loadSchema,
  parseSettings,
  progressLog,
  settingFields,
  toMap,
  withCancellation
} from "./chunk-EWPUA6CD.js";
import {
  conclude,
  describeRunInputs,
  duplicateProblems,
  parseJsonReport,
  readCtkJournal,
  readLoadSuite,
  readManifests,
  workflowToSuite
} from "./chunk-6KFUOGED.js";
import {
  CancelledError,
  CannotRunError,
  ConfigError,
  chaosEngineSchema,
  chaosResultSchema,
  convertChaos,
  describeSchemaIssues,
  errorMessage,
  external_exports,
  mergeReports,
  objectMetaSchema,
  redact,
  resultFileLimit,
  underLabel
} from "./chunk-XYB5YWCU.js";

// src/run/merge.ts
import { readFileSync } from "node:fs";
import path from "node:path";
function mergeGate(config, files, log) {
  if (files.length === 0)
    throw new ConfigError("merge needs the JSON reports to join: chaos-gate merge a.json b.json");
  const report = mergeReports(...files.map(readLabelled));
  return { report, ...conclude(config, report, { merged: files.join(",") }, log) };
}
function readLabelled(file) {
  let text2;
  try {
    text2 = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the JSON report: ${errorMessage(error)}`);
  }
  const { report, meta } = parseJsonReport(text2, file);
  const label = meta.target ?? meta.runId ?? path.relative(process.cwd(), file).replace(/\.json$/, "");
  return underLabel(report, label);
}

// src/run/outcome.ts
var exitCodes = { pass: 0, fail: 1, cannotRun: 2, SIGINT: 130, SIGTERM: 143 };
var signalExit = (signal) => exitCodes[signal === "SIGINT" ? "SIGINT" : "SIGTERM"];
function exitCodeOf(outcome) {
  if (outcome.cancelled) return signalExit(outcome.cancelled);
  return outcome.decision.verdict === "pass" ? exitCodes.pass : exitCodes.fail;
}
function exitCodeOfError(error) {
  return error instanceof CancelledError ? signalExit(error.signal) : exitCodes.cannotRun;
}

// src/argo/types.ts
var workflowPhase = external_exports.enum(["", "Pending", "Running", "Succeeded", "Failed", "Error"]);
var nodePhase = external_exports.enum(["Pending", "Running", "Succeeded", "Skipped", "Failed", "Error", "Omitted"]);
var nodeType = external_exports.enum([
  "Pod",
  "Container",
  "Steps",
  "StepGroup",
  "DAG",
  "TaskGroup",
  "Retry",
  "Skipped",
  "Suspend",
  "HTTP",
  "Plugin"
]);
var text = external_exports.string();
var workflowNodeSchema = external_exports.looseObject({
  id: text.optional(),
  name: text.optional(),
  displayName: text.optional(),
  type: nodeType.optional(),
  templateName: text.optional(),
  phase: nodePhase.optional(),
  boundaryID: text.optional(),
  message: text.optional(),
  startedAt: text.optional(),
  finishedAt: text.optional(),
  children: external_exports.array(text).optional(),
  outputs: external_exports.looseObject({ exitCode: text.optional() }).optional()
});
var workflowSchema = external_exports.looseObject({
  apiVersion: text.optional(),
  kind: text.optional(),
  metadata: objectMetaSchema,
  spec: external_exports.looseObject({
    shutdown: external_exports.enum(["Stop", "Terminate"]).optional(),
    workflowTemplateRef: external_exports.looseObject({ name: text.optional(), clusterScope: external_exports.boolean().optional() }).optional(),
    arguments: external_exports.looseObject({
      parameters: external_exports.array(external_exports.looseObject({ name: text, value: text.optional() })).optional()
    }).optional(),
    onExit: text.optional()
  }).optional(),
  status: external_exports.looseObject({
    phase: workflowPhase.optional(),
    startedAt: text.optional(),
    finishedAt: text.optional(),
    message: text.optional(),
    progress: text.optional(),
    nodes: external_exports.record(external_exports.string(), workflowNodeSchema).optional(),
    compressedNodes: text.optional(),
    offloadNodeStatusVersion: text.optional()
  }).optional()
});

// src/run/report-sources.ts
function checked(schema, manifest) {
  const parsed = schema.safeParse(manifest.object);
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
  const parts = [];
  const load = loadToReport(config.load, sources);
  if (load) parts.push({ suites: [readLoadSuite(load, void 0, [])] });
  if (config.ctkJournals.length > 0) parts.push({ suites: config.ctkJournals.map(readCtkJournal) });
  if (config.workflow?.file) parts.push(workflowReportFromFile(config.workflow.file));
  if (sources.results.length > 0) parts.push(chaosReportFromFiles(sources.results));
  else if (config.namespace && parts.length === 0) {
    const { chaosReportFromCluster } = await import("./report-cluster-OXYOZE4M.js");
    parts.push(await chaosReportFromCluster(config, config.namespace, sources.selector));
  }
  if (parts.length === 0) {
    throw new ConfigError("report needs --results, --workflow, --k6, --jtl, --ctk-journal or --namespace");
  }
  const report = mergeReports(...parts);
  checkVerdicts(report, log);
  return { report, ...conclude(config, report, {}, log) };
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
    const requests = suite.properties["overall.requests"] ?? "0";
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

// src/cli/args.ts
import { parseArgs } from "node:util";
var sourceFlags = {
  results: {
    help: "file of ChaosResults (and ChaosEngines), e.g. kubectl get chaosresults -o yaml",
    multiple: true
  },
  selector: { help: "label selector for live ChaosEngines (with --namespace)", multiple: false },
  k6: { help: "k6 summary JSON (--summary-export or handleSummary) to report", multiple: false },
  jtl: { help: "JMeter JTL CSV to report (thresholds from the config file load section)", multiple: false }
};
function parseCommandLine(argv) {
  const [command = "help", ...rest] = argv;
  const options = {
    config: { type: "string" },
    help: { type: "boolean", short: "h" }
  };
  for (const spec of settingFields) {
    options[spec.flag] = {
      type: spec.kind === "boolean" ? "boolean" : "string",
      multiple: spec.kind === "list" || spec.kind === "map"
    };
  }
  for (const [flag, { multiple }] of Object.entries(sourceFlags))
    options[flag] = { type: "string", multiple };
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: true, allowNegative: true });
  } catch (error) {
    throw new ConfigError(`command line: ${errorMessage(error)}`);
  }
  const { values, positionals } = parsed;
  if (command !== "merge" && positionals.length > 0) {
    throw new ConfigError(`command line: unexpected argument "${positionals[0]}" (options start with --)`);
  }
  const given = /* @__PURE__ */ new Map();
  for (const spec of settingFields) {
    const value = values[spec.flag];
    if (value === void 0) continue;
    if (spec.kind === "number") given.set(spec, toNumber(spec.flag, value));
    else if (spec.kind === "map") given.set(spec, toMap(value, `command line: --${spec.flag}`));
    else given.set(spec, value);
  }
  return {
    command,
    configFile: values.config,
    layer: parseSettings(
      layerFrom(given),
      "command line",
      labelFor((spec) => `--${spec.flag}`)
    ),
    sources: {
      results: values.results ?? [],
      selector: values.selector,
      k6: values.k6,
      jtl: values.jtl
    },
    files: positionals,
    help: values.help === true
  };
}
function toNumber(flag, value) {
  const number = Number(value);
  if (value === "" || !Number.isFinite(number)) {
    throw new ConfigError(`command line: --${flag}: expected a number, got "${String(value)}"`);
  }
  return number;
}
function usage() {
  const line = (flag, help) => `  --${flag.padEnd(22)} ${help}`;
  return `chaos-gate: gate a deployment on LitmusChaos verdicts, probe outcomes and load-test thresholds.

Usage:
  chaos-gate run      [--config FILE] [options]   apply RBAC and ChaosEngines, wait, report, gate
  chaos-gate report   (--results FILE | --namespace NS [--selector LABELS]) [options]
                                                  convert results that already exist; applies nothing
  chaos-gate validate [--config FILE] [options]   check the configuration and manifests offline
  chaos-gate merge    REPORT.json... [options]    join the JSON reports of parallel jobs into one
                                                  report and one gate

Options:
${line("config FILE", "chaos-gate.yaml (flags override its values)")}
${settingFields.map((s) => line(s.kind === "boolean" ? s.flag : `${s.flag} VALUE`, s.help)).join("\n")}
${Object.entries(sourceFlags).map(([flag, s]) => line(`${flag} VALUE`, s.help)).join("\n")}

Exit codes: 0 everything checked passed; 1 something checked failed (or, in run, did not finish before
the timeout); 2 nothing could be judged (bad input, wrong format, no verdicts, no connection, missing
CRDs); 130/143 cancelled by SIGINT/SIGTERM (the chaos is stopped first). Chaos that could not be
confirmed stopped never exits 0: the log says "chaos may still be running" and gives the command.`;
}

// src/cli/main.ts
var processIo = {
  out: (l) => process.stdout.write(`${l}
`),
  err: (l) => process.stderr.write(`${l}
`)
};
async function main(argv, given = processIo) {
  const io = { out: (l) => given.out(redact(l)), err: (l) => given.err(redact(l)) };
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help || parsed.command === "help" || parsed.command === "--help") {
      io.out(usage());
      return exitCodes.pass;
    }
    const config = loadConfig(parsed.configFile, parsed.layer);
    switch (parsed.command) {
      case "run": {
        const { runTargets } = await import("./targets-HMWWYBO5.js");
        const progress = progressLog(io.out, expectedChaosMs(config));
        const outcome = await withCancellation(
          (line) => io.err(`chaos-gate: ${line}`),
          ({ cancel, hurry }) => runTargets(config, { log: progress.log, onPhase: progress.onPhase, signal: cancel, hurry })
        );
        return exitCodeOf(outcome);
      }
      case "report":
        return exitCodeOf(await reportGate(config, parsed.sources, io.out));
      case "merge":
        return exitCodeOf(mergeGate(config, parsed.files, io.out));
      case "validate": {
        const objects = describeRunInputs(config);
        io.out(`chaos-gate: configuration is valid (${objects.length} object(s): ${objects.join("; ")})`);
        return exitCodes.pass;
      }
      default:
        throw new ConfigError(
          `unknown command "${parsed.command}"; expected run, report, merge or validate (see --help)`
        );
    }
  } catch (error) {
    if (error instanceof CancelledError) io.err(`chaos-gate: ${error.message} before any chaos started`);
    else io.err(`chaos-gate: error: ${errorMessage(error)}`);
    if (!(error instanceof CannotRunError) && process.env.CHAOS_GATE_DEBUG && error instanceof Error)
      io.err(error.stack ?? "");
    return exitCodeOfError(error);
  }
}
export {
  main
};
