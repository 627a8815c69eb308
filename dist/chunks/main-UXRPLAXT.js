#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  expectedChaosMs,
  labelFor,
  layerFrom,
  loadConfig,
  parseSettings,
  progressLog,
  settingFields,
  toMap,
  withCancellation
} from "./chunk-KGHRT3MQ.js";
import "./chunk-6A26NG7U.js";
import "./chunk-HCE4SQW4.js";
import "./chunk-W4W2LEPZ.js";
import "./chunk-MTOICN7S.js";
import "./chunk-VJZ45ZOO.js";
import {
  CancelledError,
  CannotRunError,
  ConfigError,
  errorMessage,
  redact
} from "./chunk-QJXSJEGH.js";
import "./chunk-VBJWNRH5.js";

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
      // Each command loads only its own code: `run` alone needs the Kubernetes client, and `--help`
      // none of them.
      case "run": {
        const { runTargets } = await import("./targets-WPVUOL7J.js");
        const progress = progressLog(io.out, expectedChaosMs(config));
        const outcome = await withCancellation(
          (line) => io.err(`chaos-gate: ${line}`),
          ({ cancel, hurry }) => runTargets(config, { log: progress.log, onPhase: progress.onPhase, signal: cancel, hurry })
        );
        return exitCodeOf(outcome);
      }
      case "report": {
        const { reportGate } = await import("./report-T64GAEZ5.js");
        return exitCodeOf(await reportGate(config, parsed.sources, io.out));
      }
      case "merge": {
        const { mergeGate } = await import("./merge-LEIKPVQ3.js");
        return exitCodeOf(mergeGate(config, parsed.files, io.out));
      }
      case "validate": {
        const { describeRunInputs } = await import("./inputs-SRHC3D7F.js");
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
