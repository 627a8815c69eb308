#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  interruptionOf
} from "./chunk-PXFUVPJ3.js";
import {
  isWorkflowCompleted
} from "./chunk-7GHJJVB5.js";
import {
  parseShape
} from "./chunk-4PREBK7H.js";
import {
  iso_exports
} from "./chunk-IGRTILGH.js";
import {
  objectMetaSchema
} from "./chunk-WKLY2BNK.js";
import {
  secondsBetween
} from "./chunk-CVJQ4RIC.js";
import {
  MiB,
  readInputFile,
  resultFileLimit
} from "./chunk-52RQKVFM.js";
import {
  NEVER,
  _enum,
  array,
  boolean,
  describeIssues,
  expecting,
  looseObject,
  number,
  record,
  string,
  union,
  unknown
} from "./chunk-LFKR3ZVH.js";
import {
  ConfigError,
  errorMessage
} from "./chunk-A2VFD3MS.js";

// src/ctk/types.ts
var timestamp = iso_exports.datetime({ offset: true, local: true, error: expecting("an ISO 8601 date and time") }).transform((time2) => /(?:Z|[+-]\d\d:\d\d)$/.test(time2) ? time2 : `${time2}Z`);
var seconds = number().nonnegative();
var activityRunSchema = looseObject({
  activity: looseObject({
    type: string().optional(),
    name: string().optional(),
    tolerance: unknown().optional()
  }).optional(),
  /** `succeeded` or `failed`; missing when the run was interrupted during the activity. */
  status: string().optional(),
  output: unknown().optional(),
  /** The Python traceback, as `traceback.format_exception` lines (or already joined). */
  exception: union([array(string()), string()], { error: expecting("text or a list of text") }).optional(),
  start: timestamp.optional(),
  end: timestamp.optional(),
  duration: seconds.optional(),
  /** Set on steady-state hypothesis probes. */
  tolerance_met: boolean().optional()
});
var steadyStateSchema = looseObject({ probes: array(activityRunSchema).optional() }).nullable();
var journalSchema = looseObject({
  experiment: looseObject({ title: string().optional() }).optional(),
  /** `completed`, `failed`, `aborted` or `interrupted`; null until the run ends. */
  status: string().nullable(),
  deviated: boolean().optional(),
  start: timestamp.optional(),
  end: timestamp.optional(),
  duration: seconds.optional(),
  steady_states: looseObject({ before: steadyStateSchema.optional(), after: steadyStateSchema.optional() }).optional(),
  run: array(activityRunSchema).optional(),
  /** The rollback actions as they ran: `chaos run` exits 0 when one fails. */
  rollbacks: array(activityRunSchema).optional()
});

// src/ctk/journal.ts
function ctkJournalToSuite(value, source) {
  if (typeof value !== "object" || value === null || !("status" in value)) {
    throw new ConfigError(`${source}: not a Chaos Toolkit journal: field status: required`);
  }
  const parsed = parseShape(journalSchema, value);
  if (!parsed.success) throw new ConfigError(describeIssues(source, parsed.error).join("\n"));
  const journal = parsed.data;
  const name = `chaostoolkit/${journal.experiment?.title ?? source}`;
  const cases = [];
  for (const phase of ["before", "after"]) {
    for (const probe of journal.steady_states?.[phase]?.probes ?? []) {
      const met = probe.tolerance_met === true;
      cases.push({
        kind: "ctk-hypothesis",
        className: name,
        name: `steady state ${phase}: ${probe.activity?.name ?? "probe"}`,
        outcome: met ? "pass" : probe.status === "failed" ? "error" : "fail",
        message: met ? void 0 : probe.status === "failed" ? exceptionText(probe) : `tolerance not met: ${short(probe.output)}`,
        details: met ? void 0 : `output: ${short(probe.output)}
tolerance: ${short(probe.activity?.tolerance)}`,
        startedAt: probe.start,
        durationSeconds: probe.duration ?? secondsBetween(probe.start, probe.end),
        properties: { phase }
      });
    }
  }
  const activities = [
    ...(journal.run ?? []).map((run) => ({ run, prefix: "" })),
    ...(journal.rollbacks ?? []).map((run) => ({ run, prefix: "rollback " }))
  ];
  const cutShort = journal.status === "interrupted" || journal.status === "aborted";
  for (const { run: activity, prefix } of activities) {
    const ok = activity.status === "succeeded";
    const stopped = cutShort && activity.status === void 0;
    cases.push({
      kind: "ctk-activity",
      className: name,
      name: `${prefix}${activity.activity?.type ?? "activity"}: ${activity.activity?.name ?? ""}`,
      outcome: ok ? "pass" : stopped ? "stopped" : "fail",
      message: ok ? void 0 : stopped ? `cut short: the experiment was ${journal.status} while it ran` : exceptionText(activity),
      startedAt: activity.start,
      durationSeconds: activity.duration ?? secondsBetween(activity.start, activity.end),
      properties: { status: activity.status ?? "" }
    });
  }
  if (journal.status !== "completed" || journal.deviated) {
    cases.push({
      kind: "ctk-hypothesis",
      className: name,
      name: "experiment",
      outcome: cutShort && !journal.deviated ? "stopped" : "fail",
      message: journal.deviated ? "the system deviated from its steady state" : cutShort ? `the experiment was ${journal.status} before it finished` : `experiment ${journal.status ?? "without a status"}`,
      properties: {}
    });
  }
  return {
    kind: "chaostoolkit",
    name,
    timestamp: journal.start,
    durationSeconds: journal.duration ?? secondsBetween(journal.start, journal.end),
    properties: { status: journal.status ?? "", deviated: String(journal.deviated ?? false) },
    cases
  };
}
function exceptionText(activity) {
  const exception = Array.isArray(activity.exception) ? activity.exception.join("") : activity.exception;
  return (exception?.trim().split("\n").at(-1) ?? (activity.status ? `status ${activity.status}` : "the journal records no status")).slice(0, 500);
}
function short(value) {
  const text2 = typeof value === "string" ? value : JSON.stringify(value);
  return text2 === void 0 ? "none" : text2.length > 300 ? `${text2.slice(0, 300)}\u2026` : text2;
}

// src/ctk/read.ts
function readCtkJournal(file) {
  const text2 = readInputFile(file, "Chaos Toolkit journal", resultFileLimit);
  let journal;
  try {
    journal = JSON.parse(text2);
  } catch (error) {
    throw new ConfigError(`${file}: the Chaos Toolkit journal is not JSON: ${errorMessage(error)}`);
  }
  return ctkJournalToSuite(journal, file);
}

// src/argo/types.ts
import { gunzipSync } from "node:zlib";
var workflowPhase = _enum(["", "Pending", "Running", "Succeeded", "Failed", "Error"]);
var nodePhase = _enum(["Pending", "Running", "Succeeded", "Skipped", "Failed", "Error", "Omitted"]);
var nodeType = _enum([
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
var text = string();
var time = text.nullish().transform((at) => at ?? void 0).optional();
var workflowNodeSchema = looseObject({
  id: text.optional(),
  name: text.optional(),
  displayName: text.optional(),
  type: nodeType.optional(),
  templateName: text.optional(),
  phase: nodePhase.optional(),
  boundaryID: text.optional(),
  message: text.optional(),
  startedAt: time,
  finishedAt: time,
  children: array(text).optional(),
  outputs: looseObject({ exitCode: text.optional() }).optional()
});
var workflowNodesSchema = record(string(), workflowNodeSchema);
var maxDecompressedNodesBytes = 128 * MiB;
var compressedNodesSchema = text.transform(decompressed).pipe(workflowNodesSchema);
function decompressed(encoded, ctx) {
  const refuse = (message) => {
    ctx.addIssue({ code: "custom", input: encoded, message });
    return NEVER;
  };
  let json;
  try {
    json = gunzipSync(Buffer.from(encoded, "base64"), {
      maxOutputLength: maxDecompressedNodesBytes
    }).toString("utf8");
  } catch (error) {
    return refuse(
      error.code === "ERR_BUFFER_TOO_LARGE" ? `decompresses to more than ${maxDecompressedNodesBytes / MiB} MiB, far more than a workflow's nodes take` : "not base64 of gzip data, which is how Argo compresses nodes"
    );
  }
  try {
    return JSON.parse(json);
  } catch (error) {
    return refuse(`the decompressed nodes are not JSON: ${errorMessage(error)}`);
  }
}
var workflowSchema = looseObject({
  apiVersion: text.optional(),
  kind: text.optional(),
  metadata: objectMetaSchema,
  spec: looseObject({
    shutdown: _enum(["Stop", "Terminate"]).optional(),
    workflowTemplateRef: looseObject({ name: text.optional(), clusterScope: boolean().optional() }).optional(),
    arguments: looseObject({
      parameters: array(looseObject({ name: text, value: text.optional() })).optional()
    }).optional(),
    onExit: text.optional()
  }).optional(),
  status: looseObject({
    phase: workflowPhase.optional(),
    startedAt: time,
    finishedAt: time,
    message: text.optional(),
    progress: text.optional(),
    nodes: workflowNodesSchema.optional(),
    // Decoded here, once: a wrong node map is refused naming the field, and a checked workflow
    // holds the decoded nodes for the converter.
    compressedNodes: compressedNodesSchema.optional(),
    offloadNodeStatusVersion: text.optional()
  }).optional()
});

// src/argo/restrictions.ts
var referenceOverrides = [
  "arguments",
  "entrypoint",
  "shutdown",
  "suspend",
  "activeDeadlineSeconds",
  "priority",
  "ttlStrategy",
  "podGC",
  "volumeClaimGC",
  "archiveLogs",
  "workflowMetadata",
  "workflowTemplateRef",
  "metrics",
  "artifactGC"
];
var restricted = "the controller runs only WorkflowTemplates (workflowRestrictions.templateReferencing Strict or Secure in its workflow-controller-configmap)";
var advice = (templateSetting) => [
  {
    refusal: /^workflows must use workflowTemplateRef to be executed when the controller is in reference mode/,
    did: "refused to run it",
    what: `${restricted}: put the workflow's templates in a WorkflowTemplate and run that with workflow.template (${templateSetting}), or ask for the restriction to be lifted`
  },
  {
    refusal: /^fields \[.*\] are not permitted when using workflowTemplateRef with templateReferencing restriction/,
    did: "refused to run it",
    what: `${restricted}, and a workflow that references one may set only ${referenceOverrides.join(", ")}: move the other fields into the WorkflowTemplate, or ask for the restriction to be lifted`
  },
  {
    refusal: /^WorkflowSpec may not change during execution when the controller is set `templateReferencing: Secure`/,
    did: "stopped running it",
    what: "the WorkflowTemplate it runs (or the controller's workflowDefaults) changed while it ran, which templateReferencing: Secure does not allow: change templates only when no run uses them, and run again"
  }
];
function restrictionAdvice(message, templateSetting = "--workflow-template") {
  const found = advice(templateSetting).find(({ refusal }) => refusal.test(message));
  return found && `the workflow controller ${found.did}: "${message}"; ${found.what}`;
}

// src/argo/convert.ts
var nodeOutcomes = {
  Succeeded: "pass",
  Failed: "fail",
  Error: "error",
  Skipped: "skipped",
  Omitted: "skipped",
  Pending: "timeout",
  Running: "timeout"
};
var isStep = (node) => node?.type === "Pod" || node?.type === "Container" || node?.type === "Suspend" || node?.type === "Skipped";
function workflowToSuite(workflow, options = {}) {
  return suiteOf(workflow, options);
}
function liveWorkflowToSuite(live, options = {}) {
  const checked = parseShape(workflowSchema, live);
  if (checked.success) return suiteOf(checked.data, options);
  const name = suiteName(live);
  const problem = describeIssues(`workflow ${name}`, checked.error).join("\n");
  const rest = checked.error.issues.every(inNodeMap) ? parseShape(workflowSchema, withoutNodeMaps(live)) : void 0;
  return rest?.success ? suiteOf(rest.data, options, problem) : unreadableSuite(name, problem);
}
var inNodeMap = ({ path: [field, map] }) => field === "status" && (map === "nodes" || map === "compressedNodes");
var withoutNodeMaps = (live) => ({
  ...live,
  status: { ...live.status, nodes: void 0, compressedNodes: void 0 }
});
function unreadableSuite(name, problem) {
  return {
    kind: "workflow",
    name,
    properties: {},
    cases: [
      {
        kind: "workflow",
        className: name,
        name: "workflow",
        outcome: "error",
        message: problem,
        properties: {}
      }
    ]
  };
}
var suiteName = (workflow) => `${workflow.metadata.namespace ?? ""}/${workflow.metadata.name ?? ""}`;
function suiteOf(workflow, options, unreadableSteps) {
  const name = suiteName(workflow);
  const status = workflow.status;
  const byId = nodesOf(workflow);
  const nodes = [...byId.values()];
  const retries = nodes.filter(
    (node) => node.type === "Retry" && (node.children ?? []).length > 0 && (node.children ?? []).every((id) => isStep(byId.get(id)))
  );
  const attempts = new Set(retries.flatMap((node) => node.children ?? []));
  const steps = [...retries, ...nodes.filter((node) => isStep(node) && !attempts.has(node.id ?? ""))];
  const displayNames = steps.map((n) => n.displayName ?? n.name ?? "");
  const interruption = interruptionOf(options);
  const cases = steps.sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? "")).map((node) => stepCase(name, node, byId, displayNames, interruption));
  const stepsProblem = unreadableSteps ?? (status?.offloadNodeStatusVersion && nodes.length === 0 ? "the step statuses are offloaded to the Argo database and not readable through the Kubernetes API" : void 0);
  if (stepsProblem) {
    cases.push({
      kind: "workflow",
      className: name,
      name: "steps",
      outcome: "error",
      message: stepsProblem,
      properties: {}
    });
  }
  if (!isWorkflowCompleted(workflow) && !status?.phase && options.cancelled && !options.timedOut) {
    cases.push({
      kind: "workflow",
      className: name,
      name: "workflow",
      outcome: "stopped",
      message: `no status: the run was cancelled (${options.cancelled}) before the workflow started`,
      properties: {}
    });
  } else if (!isWorkflowCompleted(workflow)) {
    const cutShort = status?.phase ? interruption : void 0;
    cases.push({
      kind: "workflow",
      className: name,
      name: "workflow",
      outcome: cutShort?.outcome ?? "timeout",
      message: status?.phase ? `still ${status.phase}${cutShort ? ` when ${cutShort.why}` : ""}` : "no status: is the workflow controller running (and its instance ID matching)?",
      properties: {}
    });
  } else if ((status?.phase === "Failed" || status?.phase === "Error") && !cases.some((c) => c.outcome === "fail" || c.outcome === "error")) {
    cases.push({
      kind: "workflow",
      className: name,
      name: "workflow",
      outcome: nodeOutcomes[status.phase],
      message: controllerMessage(status.phase, status.message, options),
      properties: {}
    });
  }
  return {
    kind: "workflow",
    name,
    timestamp: status?.startedAt,
    durationSeconds: secondsBetween(status?.startedAt, status?.finishedAt),
    properties: Object.fromEntries(
      Object.entries({
        phase: status?.phase,
        message: status?.message,
        template: workflow.spec?.workflowTemplateRef?.name,
        progress: status?.progress
      }).filter((e) => !!e[1])
    ),
    cases
  };
}
function controllerMessage(phase, message, { source, templateSetting }) {
  if (!message) return `${phase}, with no message from the controller`;
  const advice2 = restrictionAdvice(message, templateSetting);
  if (!advice2) return message;
  return source ? `${source}: ${advice2}` : advice2;
}
function nodesOf(workflow) {
  const status = workflow.status;
  if (status?.nodes && Object.keys(status.nodes).length > 0) return new Map(Object.entries(status.nodes));
  return new Map(Object.entries(status?.compressedNodes ?? {}));
}
function stepCase(suite, node, byId, displayNames, interruption) {
  const display = node.displayName ?? node.name ?? node.id ?? "";
  const unique = displayNames.filter((n) => n === display).length === 1;
  const phaseOutcome = nodeOutcomes[node.phase ?? "Pending"];
  const tries = (node.type === "Retry" ? node.children ?? [] : []).map((id) => byId.get(id)).filter((attempt) => !!attempt).sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? ""));
  const last = tries.at(-1);
  const failedTries = tries.filter((t) => t.phase === "Failed" || t.phase === "Error");
  const why = (last?.phase === "Failed" || last?.phase === "Error" ? last : node).message;
  const boundary = node.boundaryID ? byId.get(node.boundaryID) : void 0;
  const tolerated = (phaseOutcome === "fail" || phaseOutcome === "error") && boundary?.phase === "Succeeded";
  const unfinished = phaseOutcome === "timeout" ? interruption : void 0;
  const outcome = tolerated ? "skipped" : unfinished?.outcome ?? phaseOutcome;
  const failure = why ?? `step ${node.phase ?? "Pending"}`;
  const exitCode = (last ?? node).outputs?.exitCode;
  const triesText = tries.map(
    (t, i) => `attempt ${i + 1} (${t.displayName ?? t.name}): ${t.phase ?? "Pending"}${t.message ? ` \u2014 ${t.message}` : ""}`
  );
  const flaky = phaseOutcome === "pass" && failedTries.length > 0;
  return {
    kind: "workflow-step",
    className: suite,
    name: unique ? display : node.name ?? display,
    outcome,
    message: stepMessage({ node, outcome, tolerated, failure, attempts: tries.length, unfinished }),
    details: [
      // Argo's messages name the exit code since v3.7 ("main: Error (exit code 1)"); older ones do not.
      exitCode && phaseOutcome !== "pass" && !failure.includes("exit code") ? `${failure} (exit code ${exitCode})` : void 0,
      flaky ? `passed on attempt ${tries.length} after ${failedTries.length} failed` : void 0,
      ...triesText
    ].filter((line) => !!line).join("\n") || void 0,
    startedAt: node.startedAt,
    durationSeconds: secondsBetween(node.startedAt, node.finishedAt),
    properties: Object.fromEntries(
      Object.entries({
        template: node.templateName,
        phase: node.phase,
        node: node.name,
        ...tries.length > 0 && {
          attempts: String(tries.length),
          failedAttempts: String(failedTries.length),
          ...Object.fromEntries(
            triesText.map((text2, i) => [`attempt.${i + 1}`, text2.replace(/^attempt \d+ /, "")])
          )
        },
        ...flaky && { flaky: "true" },
        ...tolerated && { tolerated: "true" }
      }).filter((e) => !!e[1])
    )
  };
}
function stepMessage(step) {
  const { node, outcome, failure } = step;
  if (outcome === "pass") return void 0;
  if (step.tolerated) return `${node.phase}, tolerated by the workflow (it continued): ${failure}`;
  if (step.unfinished || outcome === "timeout")
    return `still ${node.phase ?? "Pending"} when ${step.unfinished?.why ?? "the workflow ended"}`;
  return step.attempts > 1 ? `${failure} (after ${step.attempts} attempts)` : failure;
}

export {
  readCtkJournal,
  workflowSchema,
  workflowToSuite,
  liveWorkflowToSuite
};
