#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  expectedChaosMs,
  progressLog
} from "./chunk-5FQ7ODGA.js";
import "./chunk-466RCVCX.js";
import {
  loadConfig,
  parseSettings
} from "./chunk-YMFNMLNS.js";
import {
  warningsUnderError
} from "./chunk-6FZ6MQKZ.js";
import "./chunk-SXEAMQ7S.js";
import "./chunk-IGRTILGH.js";
import {
  commands,
  isCommand,
  isHelpCommand,
  sourceFlags,
  sourcesOf,
  usage
} from "./chunk-SSQAD7NH.js";
import "./chunk-SQNS6QL3.js";
import "./chunk-6S4KZUTS.js";
import {
  withCancellation
} from "./chunk-RBQ57VMM.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-JDCHZ752.js";
import {
  flagName,
  labelFor,
  layerFrom,
  settingFields,
  settingsOf,
  toMap,
  toNumber
} from "./chunk-WWMJPIHK.js";
import "./chunk-52RQKVFM.js";
import {
  closestName,
  redact
} from "./chunk-LFKR3ZVH.js";
import {
  CancelledError,
  CannotRunError,
  ConfigError,
  errorMessage
} from "./chunk-A2VFD3MS.js";

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
function refuseEmpty(flag, value) {
  if ((Array.isArray(value) ? value : [value]).includes("")) {
    throw new ConfigError(`command line: --${flag}: empty; give it a value or leave the flag out`);
  }
}
function onlyOne(flag, value) {
  const values = value;
  if (values !== void 0 && values.length > 1)
    throw new ConfigError(
      `command line: --${flag}: given ${values.length} times (${values.join(", ")}); report reads one`
    );
  return values?.[0];
}
function optionsOf(command) {
  const options = {
    config: { type: "string" },
    help: { type: "boolean", short: "h" }
  };
  for (const spec of settingsOf(command)) {
    options[spec.flag] = {
      type: spec.kind === "boolean" ? "boolean" : "string",
      multiple: spec.kind === "list" || spec.kind === "map"
    };
  }
  for (const flag of Object.keys(sourcesOf(command))) options[flag] = { type: "string", multiple: true };
  return options;
}
var longFlags = (options) => Object.entries(options).flatMap(([name, { type }]) => type === "boolean" ? [name, `no-${name}`] : [name]);
function refusedFlag(args, command) {
  const options = optionsOf(command);
  const flags = longFlags(options);
  const shorts = Object.values(options).flatMap(({ short }) => short ? [`-${short}`] : []);
  const known = /* @__PURE__ */ new Set([...flags.map((flag) => `--${flag}`), ...shorts]);
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const token = tokens.find((t) => t.kind === "option" && !known.has(t.rawName));
  const typed = args[token?.index ?? -1]?.split("=")[0] ?? "";
  const name = typed.replace(/^-+/, "");
  const readers = typed.startsWith("--") ? commands.filter((other) => longFlags(optionsOf(other)).includes(name)) : [];
  if (command && readers.length > 0)
    return `${command} does not read ${typed}; ${new Intl.ListFormat("en").format(readers)} ${readers.length > 1 ? "do" : "does"} (see chaos-gate ${command} --help)`;
  const near = closestName(name, flags);
  return `unknown flag ${typed}${near ? `; did you mean --${near}?` : ""}`;
}
function badValue(args, command) {
  const options = optionsOf(command);
  const { tokens } = parseArgs({
    args,
    options,
    strict: false,
    allowPositionals: true,
    allowNegative: true,
    tokens: true
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const { rawName, value, inlineValue } = token;
    const type = (options[token.name] ?? options[token.name.replace(/^no-/, "")])?.type;
    if (type === "boolean" && value !== void 0)
      return `${rawName} takes no value${rawName.startsWith("--no-") ? "" : `; ${rawName.replace(/^--/, "--no-")} turns it off`}`;
    if (type !== "string") continue;
    if (value === void 0) return `${rawName} needs a value`;
    if (!inlineValue && value.startsWith("--")) return `${rawName} needs a value, and ${value} follows it`;
    if (!inlineValue && value.startsWith("-"))
      return `${rawName} needs a value; one that starts with - is written ${rawName}=${value}`;
  }
  return void 0;
}
function parseCommandLine(argv) {
  const [word, ...rest] = argv;
  if (word === void 0)
    throw new ConfigError(`no command given; expected run, report, merge or validate

${usage()}`);
  if (!isCommand(word) && !isHelpCommand(word)) {
    const near = closestName(word, commands);
    throw new ConfigError(
      `unknown command "${word}"; ${near ? `did you mean ${near}? ` : ""}expected run, report, merge or validate (see --help)`
    );
  }
  const [asked] = rest;
  const reader = isCommand(word) ? word : asked !== void 0 && isCommand(asked) ? asked : void 0;
  const command = reader ?? "help";
  if (command === "help" && asked !== void 0 && !asked.startsWith("-")) {
    const near = closestName(asked, commands);
    throw new ConfigError(
      `help: unknown command "${asked}"; ${near ? `did you mean ${near}? ` : ""}expected run, report, merge or validate`
    );
  }
  const args = isCommand(word) || !reader ? rest : rest.slice(1);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: optionsOf(reader),
      strict: true,
      allowPositionals: true,
      allowNegative: true
    });
  } catch (error) {
    const { code } = error;
    const why = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? refusedFlag(args, reader) : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" ? badValue(args, reader) : void 0;
    throw new ConfigError(`command line: ${why ?? errorMessage(error)}`);
  }
  const { values, positionals } = parsed;
  for (const flag of ["config", ...Object.keys(sourceFlags)]) refuseEmpty(flag, values[flag]);
  const [selector, k6, jtl] = ["selector", "k6", "jtl"].map((flag) => onlyOne(flag, values[flag]));
  if (command !== "merge" && positionals.length > 0) {
    throw new ConfigError(`command line: unexpected argument "${positionals[0]}" (options start with --)`);
  }
  const given = /* @__PURE__ */ new Map();
  for (const spec of settingFields) {
    const value = values[spec.flag];
    if (value === void 0) continue;
    const where = `command line: --${spec.flag}`;
    if (spec.kind === "string" || spec.kind === "list") refuseEmpty(spec.flag, value);
    if (spec.kind === "number") given.set(spec, toNumber(value, where));
    else if (spec.kind === "map") given.set(spec, toMap(value, where));
    else given.set(spec, value);
  }
  return {
    command,
    configFile: values.config,
    layer: parseSettings(layerFrom(given), "command line", labelFor(flagName)),
    sources: {
      results: values.results ?? [],
      namespace: values.namespace,
      selector,
      k6,
      jtl
    },
    files: positionals,
    help: values.help === true || !isCommand(word)
  };
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
  const say = (line) => io.err(`chaos-gate: ${line}`);
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help || parsed.command === "help") {
      io.out(usage(parsed.command === "help" ? void 0 : parsed.command));
      return exitCodes.pass;
    }
    const config = loadConfig(parsed.configFile, parsed.layer);
    switch (parsed.command) {
      // Each command loads only its own code: `run` alone needs the Kubernetes client.
      case "run": {
        const { runTargets } = await import("./targets-6L7NE3QL.js");
        const progress = progressLog(io.out, expectedChaosMs(config));
        const outcome = await withCancellation(
          say,
          ({ cancel, hurry }) => runTargets(config, {
            log: progress.log,
            onPhase: progress.onPhase,
            clusterLog: progress.clusterLog,
            signal: cancel,
            hurry
          })
        );
        return exitCodeOf(outcome);
      }
      case "report": {
        const [{ reportGate }, { cancellableReports }] = await Promise.all([
          import("./report-X7OUI4RA.js"),
          import("./publish-LKMSYMJB.js")
        ]);
        const sources = parsed.sources;
        return exitCodeOf(
          await cancellableReports(say, (signal) => reportGate(config, sources, io.out, signal))
        );
      }
      case "merge": {
        const [{ mergeGate }, { cancellableReports }] = await Promise.all([
          import("./merge-BID2ZPIN.js"),
          import("./publish-LKMSYMJB.js")
        ]);
        const files = parsed.files;
        return exitCodeOf(await cancellableReports(say, () => mergeGate(config, files, io.out)));
      }
      case "validate": {
        const { validateRun } = await import("./inputs-K4GVRFWK.js");
        const { objects, unchecked } = await validateRun(config);
        const clusters = config.targets.map((target) => target.name).join(", ");
        io.out(
          `chaos-gate: configuration is valid (${objects.length} object(s): ${objects.join("; ")})${clusters ? ` for clusters ${clusters}` : ""}`
        );
        for (const why of unchecked)
          io.out(`chaos-gate: the kube context is not checked on this machine: ${why}`);
        return exitCodes.pass;
      }
    }
  } catch (error) {
    if (error instanceof CancelledError)
      io.err(`chaos-gate: ${error.message}${error.left ? "" : " before any chaos started"}`);
    else io.err(`chaos-gate: error: ${errorMessage(error)}`);
    for (const warning of warningsUnderError(error)) io.err(`chaos-gate: WARNING: ${warning}`);
    if (!(error instanceof CannotRunError) && process.env.CHAOS_GATE_DEBUG && error instanceof Error)
      io.err(error.stack ?? "");
    return exitCodeOfError(error);
  }
}
export {
  main
};
