#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  array,
  looseObject,
  record,
  string
} from "./chunk-5YWR5LQW.js";

// src/kube/object-meta.ts
var objectMetaSchema = looseObject({
  name: string().optional(),
  generateName: string().optional(),
  namespace: string().optional(),
  uid: string().optional(),
  resourceVersion: string().optional(),
  creationTimestamp: string().optional(),
  labels: record(string(), string()).optional(),
  annotations: record(string(), string()).optional(),
  managedFields: array(looseObject({ manager: string().optional(), time: string().optional() })).optional()
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
