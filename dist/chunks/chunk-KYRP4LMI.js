#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-SH7LL3OE.js";

// src/kube/object-meta.ts
var objectMetaSchema = external_exports.looseObject({
  name: external_exports.string().optional(),
  generateName: external_exports.string().optional(),
  namespace: external_exports.string().optional(),
  uid: external_exports.string().optional(),
  resourceVersion: external_exports.string().optional(),
  creationTimestamp: external_exports.string().optional(),
  labels: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  annotations: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  managedFields: external_exports.array(external_exports.looseObject({ manager: external_exports.string().optional(), time: external_exports.string().optional() })).optional()
});
function describeSchemaIssues(where, error) {
  return error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.reduce(
      (text, key) => typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
      ""
    );
    return `${where}: field ${path || "(the object)"}: ${issue.message.replace(/^Invalid input: /, "")}`;
  }).join("\n");
}

export {
  objectMetaSchema,
  describeSchemaIssues
};
