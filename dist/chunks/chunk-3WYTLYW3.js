#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  ZodObject
} from "./chunk-NMLLIHDR.js";

// src/suggest.ts
function closestName(typed, known) {
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best;
  for (const name of known) {
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
function editDistance(a, b) {
  const width = b.length + 1;
  const d = new Array((a.length + 1) * width).fill(0);
  const at = (i, j) => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) d[i * width] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      d[i * width + j] = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
        swapped ? at(i - 2, j - 2) + 1 : Infinity
      );
    }
  }
  return at(a.length, b.length);
}

// src/schema-issues.ts
var plainWords = { error: plainIssue };
var fieldOf = (path) => `field ${fieldPath(path) || "(the object)"}`;
function describeIssues(where, error, name = fieldOf) {
  return error.issues.flatMap(located).slice(0, 10).map(({ path, message }) => `${where}: ${name(path)}: ${message}`);
}
var fieldPath = (path) => path.reduce((text, key) => {
  if (typeof key === "number") return `${text}[${key}]`;
  const name = String(key);
  if (!/^[A-Za-z_][\w-]*$/.test(name)) return `${text}[${JSON.stringify(name)}]`;
  return text ? `${text}.${name}` : name;
}, "");
function located(issue) {
  if (issue.code === "unrecognized_keys" && issue.keys.length === 1)
    return [{ path: [...issue.path, ...issue.keys], message: issue.message }];
  if (issue.code === "invalid_union") {
    const fitted = issue.errors.filter(
      (branch) => branch.some((inner) => inner.path.length > 0 || inner.code !== "invalid_type")
    );
    if (fitted.length === 1)
      return (fitted[0] ?? []).flatMap(
        (inner) => located(inner).map(({ path, message }) => ({ path: [...issue.path, ...path], message }))
      );
  }
  return [{ path: issue.path, message: issue.message }];
}
var typeNames = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping"
};
var typeName = (expected) => typeNames[expected] ?? expected;
var shortValue = 40;
function given(value) {
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  const kind = typeof value === "string" ? "text" : `a ${typeof value}`;
  return shown.length <= shortValue ? `${kind} (${shown})` : kind;
}
var choice = (value) => typeof value === "string" && !/^[\w./-]+$/.test(value) ? JSON.stringify(value) : String(value);
function plainIssue(issue) {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${typeName(issue.expected)}, got ${given(issue.input)}`;
    case "invalid_value":
      return `expected ${issue.values.length > 1 ? "one of " : ""}${issue.values.map(choice).join(", ")}, got ${given(issue.input)}`;
    case "too_small":
    case "too_big": {
      const range = rangeOf(issue);
      return range && `expected ${range}, got ${given(issue.input)}`;
    }
    case "invalid_union":
      return eitherType(issue);
    case "unrecognized_keys":
      return unknownFields(issue);
    default:
      return void 0;
  }
}
function eitherType(issue) {
  const types = issue.errors.map(
    ([inner, ...others]) => inner?.code === "invalid_type" && inner.path.length === 0 && others.length === 0 ? typeName(inner.expected) : void 0
  );
  const named = types.filter((type) => type !== void 0);
  if (named.length === 0 || named.length < types.length) return void 0;
  const last = named.pop();
  return `expected ${named.length > 0 ? `${named.join(", ")} or ${last}` : last}, got ${given(issue.input)}`;
}
function rangeOf(issue) {
  const small = issue.code === "too_small";
  const limit = small ? issue.minimum : issue.maximum;
  if (issue.origin === "number") {
    if (issue.inclusive) return `${limit} or ${small ? "more" : "less"}`;
    return `${small ? "more" : "less"} than ${limit}`;
  }
  const unit = issue.origin === "string" ? "character" : issue.origin === "array" ? "item" : void 0;
  return unit && `${small ? "at least" : "at most"} ${limit} ${unit}${limit === 1 ? "" : "s"}`;
}
function unknownFields(issue) {
  const known = issue.inst instanceof ZodObject ? Object.keys(issue.inst.shape) : [];
  const { keys } = issue;
  const guesses = keys.flatMap((key) => {
    const near = closestName(key, known);
    return near ? [keys.length > 1 ? `"${near}" for "${key}"` : `"${near}"`] : [];
  });
  const named = keys.length > 1 ? `s ${keys.map((key) => `"${key}"`).join(", ")}` : "";
  return `unknown field${named}${guesses.length > 0 ? `; did you mean ${guesses.join(", ")}?` : ""}`;
}

export {
  closestName,
  plainWords,
  describeIssues,
  fieldPath
};
