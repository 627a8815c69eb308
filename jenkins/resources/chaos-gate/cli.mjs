#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

// src/quiet-warnings.ts
var emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning, ...rest) => {
  const code = typeof rest[0] === "object" && rest[0] !== null ? rest[0].code : rest[1];
  if (code === "DEP0169" || code === "DEP0123") return;
  emitWarning(warning, ...rest);
});

// src/young-generation.ts
import { setFlagsFromString } from "node:v8";
function keepYoungGenerationSize() {
  setFlagsFromString("--semi-space-growth-factor=1");
}

// src/cli/index.ts
import * as nodeModule from "node:module";

// src/config/fields.ts
var runAndReport = ["run", "report"];
var concluding = ["run", "report", "merge"];
var settingFields = [
  {
    flag: "kubeconfig",
    input: "kubeconfig-path",
    kind: "list",
    files: true,
    field: "kubeconfig",
    help: "kubeconfig file (default: KUBECONFIG or ~/.kube/config); repeated: one cluster each (report: one only)",
    helpOf: {
      run: "kubeconfig file (default: KUBECONFIG or ~/.kube/config); repeated: one cluster each",
      report: "kubeconfig file to read live results with (default: KUBECONFIG or ~/.kube/config); one only"
    },
    readBy: runAndReport
  },
  {
    flag: "context",
    kind: "list",
    field: "context",
    help: "kube context to use; repeated: the gate runs on each, in parallel (report: one only)",
    helpOf: {
      run: "kube context to use; repeated: the gate runs on each, in parallel",
      report: "kube context to read live results from; one only"
    },
    readBy: runAndReport
  },
  {
    flag: "parallel-targets",
    kind: "number",
    field: "parallelTargets",
    help: "clusters run at once with several contexts or targets (default 10)"
  },
  {
    flag: "in-cluster",
    kind: "boolean",
    field: "inCluster",
    help: "use the pod's service account",
    readBy: runAndReport
  },
  {
    flag: "namespace",
    kind: "string",
    field: "namespace",
    help: "namespace for manifests that name none (report: where live results are read)",
    helpOf: {
      run: "namespace for manifests that name none",
      report: "namespace to read live ChaosEngines and ChaosResults from"
    },
    readBy: runAndReport
  },
  {
    flag: "rbac",
    kind: "list",
    files: true,
    field: "rbac",
    help: "RBAC manifest file (repeatable; many documents allowed)"
  },
  {
    flag: "experiment",
    input: "experiments",
    kind: "list",
    files: true,
    field: "experiments",
    help: "ChaosExperiment manifest file (repeatable)"
  },
  {
    flag: "engine",
    input: "engines",
    kind: "list",
    files: true,
    field: "engines",
    help: "ChaosEngine manifest file (repeatable)"
  },
  {
    flag: "timeout",
    kind: "string",
    field: "timeout",
    help: "overall timeout from start to verdict, 1s-24h, e.g. 15m (default 30m)"
  },
  {
    flag: "stop-timeout",
    kind: "string",
    field: "stopTimeout",
    help: "how long to keep stopping the chaos and confirming it stopped, 1s-24h (default 5m)"
  },
  {
    flag: "allow-namespace",
    input: "allow-namespaces",
    kind: "list",
    field: "allowNamespaces",
    help: "namespace the run may reach (repeatable; default: the target namespace only)"
  },
  {
    flag: "allow-cluster-scoped",
    kind: "boolean",
    field: "allowClusterScoped",
    help: "allow cluster-scoped objects and Secrets in the RBAC files (default false)"
  },
  { flag: "cleanup", kind: "string", field: "cleanup", help: "always | on-success | never (default always)" },
  {
    flag: "run-id",
    kind: "string",
    field: "runId",
    help: "label value for this run on the cluster, one run's own (default: generated; report: recorded only)",
    helpOf: {
      run: "label value for this run on the cluster, one run's own (default: generated)",
      // report labels nothing: the id goes into the JSON report's meta and the HTML page, and merge
      // names this report's suites after it when no label is set (merge.ts).
      report: "run id to record in the JSON and HTML reports; merge names their suites after it when no --label is set (default: none)"
    },
    readBy: runAndReport
  },
  {
    flag: "label",
    kind: "string",
    field: "label",
    help: "name of this job in a merged report, stable across builds, e.g. the cluster (default: the run id)",
    helpOf: {
      report: "name of this job in a merged report, stable across builds, e.g. the cluster (default: --run-id, else the JSON report's path)"
    },
    readBy: runAndReport
  },
  {
    flag: "junit",
    input: "junit-path",
    kind: "string",
    field: "reports.junit",
    help: "write a JUnit XML report here",
    readBy: concluding
  },
  {
    flag: "json",
    input: "json-path",
    kind: "string",
    field: "reports.json",
    help: "write a JSON report here",
    readBy: concluding
  },
  {
    flag: "junit-case-properties",
    kind: "boolean",
    field: "reports.junitCaseProperties",
    help: "per-case <properties> in the JUnit, for Jenkins' junit keepProperties (not valid for junit-10.xsd)",
    readBy: concluding
  },
  {
    flag: "html",
    input: "html-path",
    kind: "string",
    field: "reports.html",
    help: "write an HTML report here",
    readBy: concluding
  },
  {
    flag: "summary",
    input: null,
    kind: "string",
    field: "reports.summary",
    help: "write a Markdown summary here",
    readBy: concluding
  },
  {
    flag: "min-probe-success",
    // Text: the schema reads 90 and 90% alike.
    kind: "string",
    field: "gate.minProbeSuccess",
    help: "minimum % of passed probes: 90 or 90%",
    readBy: concluding
  },
  {
    flag: "allow-failure",
    input: "allow-failures",
    kind: "list",
    field: "gate.allowFailures",
    help: "experiment allowed to fail (repeatable)",
    readBy: concluding
  },
  {
    flag: "stopped-as",
    kind: "string",
    field: "gate.stopped",
    help: "a Stopped experiment counts as: fail | skip",
    readBy: concluding
  },
  {
    flag: "timeouts-as",
    kind: "string",
    field: "gate.timeouts",
    help: "an unfinished experiment counts as: fail | skip",
    readBy: concluding
  },
  {
    flag: "fail-on-failure",
    kind: "boolean",
    field: "gate.failOnFailure",
    help: "any failed case fails the gate (default true; --no-fail-on-failure: only thresholds decide)",
    readBy: concluding
  },
  {
    flag: "expect",
    kind: "number",
    field: "merge.expect",
    help: "how many reports (one a job) to join: another number is refused, so a job that wrote none is seen",
    readBy: ["merge"]
  },
  {
    flag: "workflow",
    kind: "string",
    field: "workflow.file",
    help: "Argo Workflow file to submit (report: a Workflow with status to convert)",
    helpOf: {
      run: "Argo Workflow file to submit",
      report: "Argo Workflow with its status, e.g. kubectl get workflow -o yaml, to convert"
    },
    readBy: runAndReport
  },
  {
    flag: "workflow-template",
    kind: "string",
    field: "workflow.template",
    help: "WorkflowTemplate to submit a Workflow from"
  },
  {
    flag: "cluster-workflow-template",
    kind: "string",
    field: "workflow.clusterTemplate",
    help: "ClusterWorkflowTemplate to submit a Workflow from"
  },
  {
    flag: "parameter",
    input: "parameters",
    kind: "map",
    field: "workflow.parameters",
    help: "workflow parameter NAME=VALUE (repeatable)"
  },
  {
    flag: "workflow-namespace",
    kind: "string",
    field: "workflow.namespace",
    help: "namespace to submit the workflow in"
  },
  {
    flag: "workflow-shutdown",
    kind: "string",
    field: "workflow.shutdown",
    help: "on cancel or timeout: Stop (runs exit handlers, default) or Terminate"
  },
  {
    flag: "ctk-journal",
    input: "ctk-journals",
    kind: "list",
    files: true,
    field: "ctkJournals",
    help: "Chaos Toolkit journal.json to report (repeatable)",
    readBy: runAndReport
  }
];
var settingsOf = (command) => settingFields.filter(
  ({ readBy = ["run"] }) => command === void 0 || readBy.includes(command === "validate" ? "run" : command)
);

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
var asksForVersion = (argv2) => argv2[0] === "--version";
var isHelpCommand = (command) => command === "help" || helpFlags.includes(command);
function helpAlone(argv2) {
  const [word = "", ...rest] = argv2;
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
${rows.map(([flag, help2]) => `  --${flag.padEnd(width)}  ${help2}`).join("\n")}

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

// src/cli/index.ts
var minimumNode = 24;
if (Number(process.versions.node.split(".")[0]) < minimumNode) {
  process.stderr.write(
    `chaos-gate: error: needs Node.js ${minimumNode} or later; this is ${process.version}
`
  );
  process.exit(2);
}
var argv = process.argv.slice(2);
if (asksForVersion(argv)) {
  process.stdout.write(`${"0.1.0"}
`);
  process.exit(0);
}
var help = helpAlone(argv);
if (help !== void 0) {
  process.stdout.write(`${help}
`);
  process.exit(0);
}
nodeModule.enableCompileCache?.();
var { main } = await import("./main.mjs");
keepYoungGenerationSize();
process.exit(await main(argv));
