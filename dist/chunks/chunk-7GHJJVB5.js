#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

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

export {
  isWorkflowCompleted,
  workflowCondition
};
