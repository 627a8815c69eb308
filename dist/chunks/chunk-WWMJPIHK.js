#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  ConfigError
} from "./chunk-A2VFD3MS.js";

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
function layerFrom(values) {
  const raw = {};
  for (const [spec, value] of values) {
    const keys = spec.field.split(".");
    const last = keys.pop();
    let node = raw;
    for (const key of keys) node = node[key] ??= {};
    node[last] = value;
  }
  return raw;
}
function toMap(items, where) {
  const map = {};
  for (const item of items) {
    const at = item.indexOf("=");
    if (at <= 0) throw new ConfigError(`${where}: expected NAME=VALUE, got "${item}"`);
    map[item.slice(0, at).trim()] = item.slice(at + 1);
  }
  return map;
}
function toNumber(text, where) {
  if (!/^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(text)) {
    throw new ConfigError(`${where}: expected a number, got "${text}"`);
  }
  return Number(text);
}
var flagName = (spec) => `--${spec.flag}`;
var frontName = flagName;
var frontConfigName = "--config FILE";
function nameSettingsAs(name, configFile) {
  frontName = name;
  frontConfigName = configFile;
}
var settingName = (field) => labelFor(frontName)(field);
var configFileName = () => frontConfigName;
function labelFor(name) {
  return (field) => {
    const spec = settingFields.find((s) => s.field === field);
    return (spec && name(spec)) ?? field;
  };
}

export {
  settingFields,
  settingsOf,
  layerFrom,
  toMap,
  toNumber,
  flagName,
  nameSettingsAs,
  settingName,
  configFileName,
  labelFor
};
