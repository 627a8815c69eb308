#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  settingFields
} from "./chunk-6U3DDFOI.js";

// src/cli/usage.ts
var sourceFlags = {
  results: {
    help: "file of ChaosResults (and ChaosEngines), e.g. kubectl get chaosresults -o yaml",
    multiple: true
  },
  selector: { help: "label selector for live ChaosEngines (with --namespace)", multiple: false },
  k6: { help: "k6 summary JSON (--summary-export or handleSummary) to report", multiple: false },
  jtl: {
    help: "JMeter JTL, CSV or XML, to report (thresholds from the config file load section)",
    multiple: false
  }
};
var helpFlags = ["--help", "-h"];
var commands = ["run", "report", "merge", "validate"];
var isCommand = (word) => commands.includes(word);
var asksForVersion = (argv) => argv[0] === "--version";
var isHelpCommand = (command) => command === "help" || helpFlags.includes(command);
function asksOnlyForHelp(argv) {
  const [command = "help", ...rest] = argv;
  return isHelpCommand(command) || isCommand(command) && rest.length === 1 && helpFlags.includes(rest[0] ?? "");
}
function usage() {
  const options = [
    ["config FILE", "chaos-gate.yaml (flags override its values)"],
    // A boolean's --no- form turns off what the config file (or the Jenkins step) turned on.
    ...settingFields.map((s) => [
      s.kind === "boolean" ? `[no-]${s.flag}` : `${s.flag} VALUE`,
      s.help
    ]),
    ...Object.entries(sourceFlags).map(([flag, s]) => [`${flag} VALUE`, s.help])
  ];
  const width = Math.max(...options.map(([flag]) => flag.length));
  return `chaos-gate: gate a deployment on LitmusChaos verdicts, probe outcomes and load-test thresholds.

Usage:
  chaos-gate run      [--config FILE] [options]   apply RBAC and ChaosEngines, wait, report, gate
  chaos-gate report   (--results FILE | --namespace NS [--selector LABELS]) [options]
                                                  convert results that already exist; applies nothing
  chaos-gate validate [--config FILE] [options]   check offline all that run checks before connecting
  chaos-gate merge    REPORT.json... [options]    join the JSON reports of parallel jobs into one
                                                  report and one gate
  chaos-gate --version                            print the version

Options:
${options.map(([flag, help]) => `  --${flag.padEnd(width)}  ${help}`).join("\n")}

Exit codes: 0 everything checked passed; 1 something checked failed (or, in run, did not finish before
the timeout); 2 nothing could be judged (bad input, wrong format, no verdicts, no connection, missing
CRDs); 130/143 cancelled by SIGINT/SIGTERM (the chaos is stopped first). Chaos that could not be
confirmed stopped never exits 0: the log says "chaos may still be running" and gives the command.`;
}

export {
  sourceFlags,
  commands,
  isCommand,
  asksForVersion,
  isHelpCommand,
  asksOnlyForHelp,
  usage
};
