#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  parseShape
} from "./chunk-NYNSXE74.js";
import {
  iso_exports
} from "./chunk-F2Y33RKZ.js";
import {
  describeSchemaIssues
} from "./chunk-VV334XWF.js";
import {
  secondsBetween
} from "./chunk-RG723U7L.js";
import {
  array,
  boolean,
  looseObject,
  number,
  string,
  union,
  unknown
} from "./chunk-5YWR5LQW.js";
import {
  readInputFile,
  resultFileLimit
} from "./chunk-NHEBECCI.js";
import {
  ConfigError,
  errorMessage
} from "./chunk-RHZBZGPM.js";

// src/ctk/types.ts
var timestamp = iso_exports.datetime({ offset: true, local: true, error: "expected an ISO 8601 date and time" }).transform((time) => /(?:Z|[+-]\d\d:\d\d)$/.test(time) ? time : `${time}Z`);
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
  exception: union([array(string()), string()], { error: "expected a list of strings or a string" }).optional(),
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
  run: array(activityRunSchema).optional()
});

// src/ctk/journal.ts
function ctkJournalToSuite(value, source) {
  if (typeof value !== "object" || value === null || !("status" in value)) {
    throw new ConfigError(`${source}: not a Chaos Toolkit journal: field status: required`);
  }
  const parsed = parseShape(journalSchema, value);
  if (!parsed.success) throw new ConfigError(describeSchemaIssues(source, parsed.error));
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
  for (const activity of journal.run ?? []) {
    const ok = activity.status === "succeeded";
    cases.push({
      kind: "ctk-activity",
      className: name,
      name: `${activity.activity?.type ?? "activity"}: ${activity.activity?.name ?? ""}`,
      outcome: ok ? "pass" : "fail",
      message: ok ? void 0 : exceptionText(activity),
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
      outcome: "fail",
      message: journal.deviated ? "the system deviated from its steady state" : `experiment ${journal.status ?? "without a status"}`,
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
  return (exception?.trim().split("\n").at(-1) ?? `status ${activity.status ?? "unknown"}`).slice(0, 500);
}
function short(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === void 0 ? "none" : text.length > 300 ? `${text.slice(0, 300)}\u2026` : text;
}

// src/ctk/read.ts
function readCtkJournal(file) {
  const text = readInputFile(file, "Chaos Toolkit journal", resultFileLimit);
  let journal;
  try {
    journal = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: the Chaos Toolkit journal is not JSON: ${errorMessage(error)}`);
  }
  return ctkJournalToSuite(journal, file);
}

// src/argo/convert.ts
import { gunzipSync } from "node:zlib";

// src/argo/condition.ts
var completedPhases = /* @__PURE__ */ new Set(["Succeeded", "Failed", "Error"]);
function isWorkflowCompleted(workflow) {
  return completedPhases.has(workflow.status?.phase ?? "") || workflow.metadata.labels?.["workflows.argoproj.io/completed"] === "true";
}
function workflowCondition(key, workflows) {
  const workflow = workflows.get(key);
  if (workflow && isWorkflowCompleted(workflow)) return { pending: [] };
  return { pending: [{ key, label: `workflow ${key} (${workflow?.status?.phase || "not started"})` }] };
}

// src/argo/convert.ts
var nodeOutcomes = {
  Succeeded: "pass",
  Failed: "fail",
  Error: "error",
  Skipped: "skipped",
  Omitted: "skipped",
  Pending: void 0,
  Running: void 0
};
var isStep = (node) => node.type === "Pod" || node.type === "Container" || node.type === "Suspend" || node.type === "Skipped";
function workflowToSuite(workflow, options = {}) {
  const name = `${workflow.metadata.namespace ?? ""}/${workflow.metadata.name ?? ""}`;
  const status = workflow.status;
  const byId = nodesOf(workflow);
  const nodes = Object.values(byId);
  const retries = nodes.filter(
    (node) => node.type === "Retry" && (node.children ?? []).length > 0 && (node.children ?? []).every((id) => byId[id] && isStep(byId[id]))
  );
  const attempts = new Set(retries.flatMap((node) => node.children ?? []));
  const steps = [...retries, ...nodes.filter((node) => isStep(node) && !attempts.has(node.id ?? ""))];
  const displayNames = steps.map((n) => n.displayName ?? n.name ?? "");
  const cases = steps.sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? "")).map((node) => stepCase(name, node, byId, displayNames, options.timedOut ?? false));
  if (status?.offloadNodeStatusVersion && nodes.length === 0) {
    cases.push({
      kind: "workflow",
      className: name,
      name: "steps",
      outcome: "error",
      message: "the step statuses are offloaded to the Argo database and not readable through the Kubernetes API",
      properties: {}
    });
  }
  if (!isWorkflowCompleted(workflow)) {
    cases.push({
      kind: "workflow",
      className: name,
      name: "workflow",
      outcome: "timeout",
      message: status?.phase ? `still ${status.phase}` : "no status: is the workflow controller running (and its instance ID matching)?",
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
function nodesOf(workflow) {
  const status = workflow.status;
  if (status?.nodes && Object.keys(status.nodes).length > 0) return status.nodes;
  if (!status?.compressedNodes) return {};
  try {
    return JSON.parse(gunzipSync(Buffer.from(status.compressedNodes, "base64")).toString("utf8"));
  } catch {
    return {};
  }
}
function stepCase(suite, node, byId, displayNames, timedOut) {
  const display = node.displayName ?? node.name ?? node.id ?? "";
  const unique = displayNames.filter((n) => n === display).length === 1;
  const phaseOutcome = nodeOutcomes[node.phase ?? "Pending"] ?? "timeout";
  const tries = (node.type === "Retry" ? node.children ?? [] : []).map((id) => byId[id]).filter((attempt) => !!attempt).sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? ""));
  const last = tries.at(-1);
  const failedTries = tries.filter((t) => t.phase === "Failed" || t.phase === "Error");
  const why = (last?.phase === "Failed" || last?.phase === "Error" ? last : node).message;
  const boundary = node.boundaryID ? byId[node.boundaryID] : void 0;
  const tolerated = (phaseOutcome === "fail" || phaseOutcome === "error") && boundary?.phase === "Succeeded";
  const outcome = tolerated ? "skipped" : phaseOutcome;
  const failure = why ?? `step ${node.phase}`;
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
    message: stepMessage({ node, outcome, tolerated, failure, attempts: tries.length, timedOut }),
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
            triesText.map((text, i) => [`attempt.${i + 1}`, text.replace(/^attempt \d+ /, "")])
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
  if (outcome === "timeout")
    return `still ${node.phase ?? "Pending"} when ${step.timedOut ? "the wait timed out" : "the workflow ended"}`;
  return step.attempts > 1 ? `${failure} (after ${step.attempts} attempts)` : failure;
}

export {
  readCtkJournal,
  isWorkflowCompleted,
  workflowCondition,
  workflowToSuite
};
