#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  array,
  looseObject,
  record,
  string
} from "./chunk-U467EY6F.js";

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
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => `${where}: field ${fieldPath([...issue.path, key])}: unknown field`);
    const { path, message } = innermost(issue);
    return [
      `${where}: field ${fieldPath(path) || "(the object)"}: ${message.replace(/^(Invalid input|Too small|Too big): /, "")}`
    ];
  }).slice(0, 10).join("\n");
}
function innermost(issue) {
  if (issue.code === "invalid_union") {
    const fitted = issue.errors.filter(
      (branch) => branch.some((inner) => inner.path.length > 0 || inner.code !== "invalid_type")
    );
    const inside = fitted.length === 1 ? fitted[0]?.[0] : void 0;
    if (inside) {
      const deeper = innermost(inside);
      return { path: [...issue.path, ...deeper.path], message: deeper.message };
    }
  }
  return { path: issue.path, message: issue.message };
}
var fieldPath = (path) => path.reduce((text, key) => {
  if (typeof key === "number") return `${text}[${key}]`;
  const name = String(key);
  if (!/^[A-Za-z_][\w-]*$/.test(name)) return `${text}[${JSON.stringify(name)}]`;
  return text ? `${text}.${name}` : name;
}, "");

export {
  objectMetaSchema,
  describeSchemaIssues,
  fieldPath
};
