#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  settingsOf
} from "./chunk-WWMJPIHK.js";

// src/cli/usage.ts
var sourceFlags = {
  results: {
    help: "file of ChaosResults (and ChaosEngines), e.g. kubectl get chaosresults -o yaml (repeatable)"
  },
  selector: { help: "label selector for live ChaosEngines (with --namespace)" },
  k6: { help: "k6 summary JSON (--summary-export or handleSummary) to report" },
  jtl: { help: "JMeter JTL, CSV or XML, to report (thresholds from the config file load section)" }
};
var helpFlags = ["--help", "-h"];
var commands = ["run", "report", "merge", "validate"];
var isCommand = (word) => commands.includes(word);
var commandHelp = {
  run: {
    call: "[--config FILE] [options]",
    does: "apply RBAC and ChaosEngines, wait, report, gate",
    example: "chaos-gate run --config chaos-gate.yaml --namespace shop --junit junit.xml"
  },
  report: {
    call: "(--results FILE | --namespace NS [--selector LABELS]) [options]",
    does: "convert results that already exist; applies nothing",
    example: "chaos-gate report --results results.yaml --junit junit.xml --json report.json"
  },
  validate: {
    call: "[--config FILE] [options]",
    does: "check offline all that run checks before connecting",
    example: "chaos-gate validate --config chaos-gate.yaml --namespace shop"
  },
  merge: {
    call: "REPORT.json... [options]",
    does: "join the JSON reports of parallel jobs into one report and one gate",
    example: "chaos-gate merge reports/*/report.json --expect 2 --junit junit.xml --summary summary.md"
  }
};
var asksForVersion = (argv) => argv[0] === "--version";
var isHelpCommand = (command) => command === "help" || helpFlags.includes(command);
function helpAlone(argv) {
  const [word = "", ...rest] = argv;
  const [next = ""] = rest;
  if (isHelpCommand(word) && (next === "" || isCommand(next) && rest.length === 1))
    return usage(isCommand(next) ? next : void 0);
  if (isCommand(word) && rest.length === 1 && helpFlags.includes(next)) return usage(word);
  return void 0;
}
var sourcesOf = (command) => command === void 0 || command === "report" ? sourceFlags : {};
function optionRows(command) {
  return [
    ["config FILE", "chaos-gate.yaml (flags override its values)"],
    // A boolean's --no- form turns off what the config file (or the Jenkins step) turned on.
    ...settingsOf(command).map((s) => [
      s.kind === "boolean" ? `[no-]${s.flag}` : `${s.flag} VALUE`,
      (command && s.helpOf?.[command === "validate" ? "run" : command]) ?? s.help
    ]),
    ...Object.entries(sourcesOf(command)).map(([flag, s]) => [`${flag} VALUE`, s.help])
  ];
}
function usage(command) {
  const rows = optionRows(command);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const head = command ? commandUsage(command) : allCommands();
  return `${head}

Options:
${rows.map(([flag, help]) => `  --${flag.padEnd(width)}  ${help}`).join("\n")}

${command ? exitCodesOf[command] : exitCodesOf.all}`;
}
var exitCodesOf = {
  all: `Exit codes: 0 everything checked passed; 1 something checked failed (or, in run, did not finish before
the timeout); 2 nothing could be judged (bad input, wrong format, no verdicts, no connection, missing
CRDs); 130/143 run cancelled by SIGINT/SIGTERM (the chaos is stopped first). Chaos that could not be
confirmed stopped never exits 0: the log says "chaos may still be running" and gives the command.`,
  run: `Exit codes: 0 everything checked passed; 1 something checked failed or did not finish before the
timeout; 2 nothing could be judged (bad input, no verdicts, no connection, missing CRDs); 130/143
cancelled by SIGINT/SIGTERM (the chaos is stopped first). Chaos that could not be confirmed stopped
never exits 0: the log says "chaos may still be running" and gives the command.`,
  report: `Exit codes: 0 everything checked passed; 1 something checked failed; 2 nothing could be judged
(bad input, wrong format, no verdicts, no connection, missing CRDs).`,
  merge: `Exit codes: 0 everything checked passed; 1 something checked failed; 2 nothing could be judged
(a report unreadable or missing, no verdicts).`,
  validate: `Exit codes: 0 the configuration is valid; 2 it is not, or a file it names cannot be read (the
message says which).`
};
function allCommands() {
  const width = 46;
  const line = (call, does) => call.length > width ? `  ${call}
  ${" ".repeat(width)}  ${does}` : `  ${call.padEnd(width)}  ${does}`;
  const lines = Object.entries(commandHelp).map(
    ([name, { call, does }]) => line(`chaos-gate ${name.padEnd(8)} ${call}`, does)
  );
  return `chaos-gate: gate a deployment on LitmusChaos verdicts, probe outcomes and load-test thresholds.

Usage:
${lines.join("\n")}
${line("chaos-gate --version", "print the version")}
${line("chaos-gate COMMAND --help", "a command's own options, with an example")}`;
}
function commandUsage(command) {
  const { call, does, example } = commandHelp[command];
  return `chaos-gate ${command}: ${does}.

Usage:
  chaos-gate ${command} ${call}

Example:
  ${example}`;
}

export {
  sourceFlags,
  commands,
  isCommand,
  asksForVersion,
  isHelpCommand,
  helpAlone,
  sourcesOf,
  usage
};
