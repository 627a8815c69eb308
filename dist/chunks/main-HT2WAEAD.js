#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  withCancellation
} from "./chunk-HPUUBBXZ.js";
import {
  asksForHelp,
  usage
} from "./chunk-JDIPB3B6.js";
import "./chunk-TRGVEDHO.js";
import {
  redact
} from "./chunk-YWBX3UM5.js";
import {
  CancelledError,
  CannotRunError,
  ConfigError,
  errorMessage
} from "./chunk-ZEH77NSV.js";
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
    if (asksForHelp(argv)) {
      io.out(usage());
      return exitCodes.pass;
    }
    const [{ parseCommandLine }, { loadConfig }] = await Promise.all([
      import("./args-G7D4CIDT.js"),
      import("./load-XDSAH6W2.js")
    ]);
    const parsed = parseCommandLine(argv);
    const config = loadConfig(parsed.configFile, parsed.layer);
    switch (parsed.command) {
      // Each command loads only its own code: `run` alone needs the Kubernetes client.
      case "run": {
        const [{ runTargets }, { expectedChaosMs, progressLog }] = await Promise.all([
          import("./targets-H5KCE4MF.js"),
          import("./progress-OE4RDPLQ.js")
        ]);
        const progress = progressLog(io.out, expectedChaosMs(config));
        const outcome = await withCancellation(
          (line) => io.err(`chaos-gate: ${line}`),
          ({ cancel, hurry }) => runTargets(config, { log: progress.log, onPhase: progress.onPhase, signal: cancel, hurry })
        );
        return exitCodeOf(outcome);
      }
      case "report": {
        const { reportGate } = await import("./report-25CCVWLK.js");
        return exitCodeOf(await reportGate(config, parsed.sources, io.out));
      }
      case "merge": {
        const { mergeGate } = await import("./merge-5ORBN6JL.js");
        return exitCodeOf(mergeGate(config, parsed.files, io.out));
      }
      case "validate": {
        const { describeRunInputs } = await import("./inputs-LXPGUYCK.js");
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
