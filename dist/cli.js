#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  CancelledError,
  CannotRunError,
  ConfigError,
  LitmusClient,
  convertChaos,
  describeDecision,
  enginePlural,
  errorMessage,
  evaluateGate,
  labelFor,
  layerFrom,
  loadKubeContext,
  loadSuite,
  mergeReports,
  parseJtl,
  parseSettings,
  publishReports,
  readConfigFile,
  readCtkJournal,
  readK6Summary,
  readManifests,
  readRunInputs,
  readText,
  resolveConfig,
  resultPlural,
  runGate,
  settingFields,
  toMap,
  workflowToSuite
} from "./chunks/chunk-5JF4CHQB.js";

// src/gate/sources.ts
function chaosReportFromFiles(files) {
  const objects = readManifests(files, "input");
  const engines = [];
  const results = [];
  for (const { object, source } of objects) {
    if (object.kind === "ChaosEngine") engines.push(object);
    else if (object.kind === "ChaosResult") results.push(object);
    else throw new ConfigError(`${source}: field kind: expected ChaosResult or ChaosEngine`);
  }
  if (results.length === 0 && engines.length === 0) {
    throw new ConfigError(`${files.join(", ")}: no ChaosResult found`);
  }
  return convertChaos({ engines, results });
}
function workflowReportFromFile(file) {
  const objects = readManifests([file], "input");
  const workflows = objects.map(({ object, source }) => {
    if (object.kind !== "Workflow") throw new ConfigError(`${source}: field kind: expected Workflow`);
    return object;
  });
  if (workflows.length === 0) throw new ConfigError(`${file}: no Workflow found`);
  return { suites: workflows.map((workflow) => workflowToSuite(workflow)) };
}
async function chaosReportFromCluster(kc, namespace, selector) {
  const litmus = new LitmusClient(kc);
  await litmus.assertInstalled();
  const engines = (await litmus.list(litmus.target(enginePlural, namespace, selector))).items;
  const uids = engines.map((e) => e.metadata.uid).filter(Boolean);
  if (selector && uids.length === 0) {
    throw new ConfigError(`no ChaosEngine in namespace ${namespace} matches the selector "${selector}"`);
  }
  const results = (await litmus.list(
    litmus.target(resultPlural, namespace, selector ? `chaosUID in (${uids.join(",")})` : void 0)
  )).items;
  return convertChaos({ engines, results });
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
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options,
      strict: true,
      allowPositionals: false,
      allowNegative: true
    }));
  } catch (error) {
    throw new ConfigError(`command line: ${errorMessage(error)}`);
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

Options:
${line("config FILE", "chaos-gate.yaml (flags override its values)")}
${settingFields.map((s) => line(s.kind === "boolean" ? s.flag : `${s.flag} VALUE`, s.help)).join("\n")}
${Object.entries(sourceFlags).map(([flag, s]) => line(`${flag} VALUE`, s.help)).join("\n")}

Exit codes: 0 gate passed, 1 gate failed, 2 could not run (configuration, connection, permission,
missing CRDs), 130/143 cancelled by SIGINT/SIGTERM (the chaos is stopped first).`;
}

// src/cli/main.ts
var exitCodes = { pass: 0, fail: 1, cannotRun: 2, SIGINT: 130, SIGTERM: 143 };
var processIo = {
  out: (l) => process.stdout.write(`${l}
`),
  err: (l) => process.stderr.write(`${l}
`)
};
async function main(argv, io = processIo) {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help || parsed.command === "help" || parsed.command === "--help") {
      io.out(usage());
      return exitCodes.pass;
    }
    const layers = parsed.configFile ? [readConfigFile(parsed.configFile), parsed.layer] : [parsed.layer];
    const config = resolveConfig(...layers);
    switch (parsed.command) {
      case "run":
        return await run(config, io);
      case "report":
        return await report(config, parsed.sources, io);
      case "validate":
        return validate(config, io);
      default:
        throw new ConfigError(
          `unknown command "${parsed.command}"; expected run, report or validate (see --help)`
        );
    }
  } catch (error) {
    if (error instanceof CancelledError) {
      io.err(`chaos-gate: ${error.message} before any chaos started`);
      return exitCodes[error.signal === "SIGINT" ? "SIGINT" : "SIGTERM"];
    }
    io.err(`chaos-gate: error: ${errorMessage(error)}`);
    if (!(error instanceof CannotRunError) && process.env.CHAOS_GATE_DEBUG && error instanceof Error)
      io.err(error.stack ?? "");
    return exitCodes.cannotRun;
  }
}
async function run(config, io) {
  const controller = new AbortController();
  const onSignal = (signal) => {
    io.err(
      controller.signal.aborted ? `chaos-gate: received ${signal}: still stopping the chaos` : `chaos-gate: received ${signal}: stopping the chaos and cleaning up`
    );
    controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const outcome = await runGate(config, { log: io.out, signal: controller.signal });
    return finish(config, outcome.report, io, { runId: outcome.runId }, outcome.cancelled);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
async function report(config, sources, io) {
  const parts = [];
  if (sources.k6 || sources.jtl) {
    const suite = loadSuite({
      k6: sources.k6 ? readK6Summary(sources.k6) : void 0,
      samples: sources.jtl ? parseJtl(readText(sources.jtl, "JMeter results"), sources.jtl) : void 0,
      windows: [],
      thresholds: config.load?.thresholds ?? {},
      impact: {}
    });
    parts.push({ suites: [suite] });
  }
  if (config.ctkJournals.length > 0) parts.push({ suites: config.ctkJournals.map(readCtkJournal) });
  if (config.workflow?.file) parts.push(workflowReportFromFile(config.workflow.file));
  if (sources.results.length > 0) parts.push(chaosReportFromFiles(sources.results));
  else if (config.namespace && parts.length === 0) {
    const kube = loadKubeContext(config);
    try {
      parts.push(await chaosReportFromCluster(kube.kc, config.namespace, sources.selector));
    } finally {
      kube.dispose();
    }
  }
  if (parts.length === 0) {
    throw new ConfigError("report needs --results, --workflow, --k6, --jtl, --ctk-journal or --namespace");
  }
  return finish(config, mergeReports(...parts), io, {});
}
function validate(config, io) {
  const { manifests, workflow } = readRunInputs(config);
  const objects = [
    ...manifests.map((m) => m.source),
    ...workflow ? [`Workflow ${workflow.metadata.name ?? workflow.metadata.generateName}`] : []
  ];
  io.out(`chaos-gate: configuration is valid (${objects.length} object(s): ${objects.join("; ")})`);
  return exitCodes.pass;
}
function finish(config, report2, io, meta, cancelled) {
  const decision = evaluateGate(report2, config.gate);
  const written = publishReports(config.reports, report2, decision, config.gate, meta);
  for (const [kind, file] of Object.entries(written))
    if (kind !== "markdown" && file) io.out(`chaos-gate: wrote ${kind} report ${file}`);
  describeDecision(decision).forEach((line) => io.out(`chaos-gate: ${line}`));
  if (cancelled) return exitCodes[cancelled === "SIGINT" ? "SIGINT" : "SIGTERM"];
  return decision.verdict === "pass" ? exitCodes.pass : exitCodes.fail;
}

// src/cli/index.ts
process.exit(await main(process.argv.slice(2)));
