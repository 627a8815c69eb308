#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  isRecord
} from "./chunk-5L5Z5RRO.js";
import {
  CORE_SCHEMA,
  documentValue,
  loadAll,
  require_dist,
  userYaml
} from "./chunk-J46NZ4OZ.js";
import {
  readInputFile
} from "./chunk-CVQCVXWB.js";
import {
  given
} from "./chunk-QDUWXCRZ.js";
import {
  ConfigError,
  __toESM,
  errorMessage
} from "./chunk-5IL7PTUQ.js";

// src/kube/manifests.ts
var import_yaml = __toESM(require_dist(), 1);
var expectedKinds = {
  rbac: void 0,
  experiment: ["ChaosExperiment"],
  engine: ["ChaosEngine"],
  input: void 0
};
function readManifests(files, role, { maxBytes, what = "manifest" } = {}) {
  return files.flatMap((file) => {
    const text = readInputFile(file, what, maxBytes);
    const manifests = parseManifests(text, file, role);
    if (manifests.length === 0) throw new ConfigError(`${file}: ${whyNoObjects(text, file)}`);
    if (role === "input") refuseCutOffEnd(text, manifests.at(-1));
    return manifests;
  });
}
function refuseCutOffEnd(text, last) {
  if (text.endsWith("\n") || "status" in last.object) return;
  throw new ConfigError(
    `${last.source}: field status: required; the file ends mid-line after this object (was it cut off?)`
  );
}
function whyNoObjects(text, file) {
  const emptyList = loadDocuments(text, file).some((value) => isRecord(value) && Array.isArray(value.items));
  return emptyList ? "holds only an empty list (items: []): kubectl found no objects when it was saved; check the namespace and the selector" : "holds no objects (the file is empty or only comments)";
}
function duplicateProblems(manifests, namespaceOf = (m) => m.object.metadata.namespace ?? "") {
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  for (const manifest of manifests) {
    const { apiVersion = "", kind = "", metadata } = manifest.object;
    if (!metadata.name) continue;
    const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
    const key = `${group}/${kind}/${namespaceOf(manifest)}/${metadata.name}`;
    const first = seen.get(key);
    if (first)
      problems.push(
        `${manifest.source}: the same ${kind} as ${first.source}; each object may be given only once`
      );
    else seen.set(key, manifest);
  }
  return problems;
}
function parseManifests(text, file, role) {
  refuseOtherFormats(text, file);
  return loadDocuments(text, file).flatMap(
    (value, index) => (
      // An empty document between separators holds nothing.
      value === null || value === void 0 ? [] : toManifests(value, `${file}, document ${index + 1}`, role)
    )
  );
}
function loadDocuments(text, file) {
  let jsonError;
  if (/^\s*[{[]/.test(text)) {
    try {
      return [JSON.parse(text)];
    } catch (error) {
      jsonError = error;
    }
  }
  try {
    if (mayDefineAnchors(text)) return aliasLimitedDocuments(text, file);
    return loadAll(text, null, { schema: CORE_SCHEMA });
  } catch (error) {
    if (jsonError && looksLikeJson(text))
      throw new ConfigError(`${file}: invalid JSON: ${jsonProblem(jsonError)}`);
    throw error instanceof ConfigError ? error : locateYamlError(text, file, error);
  }
}
var mayDefineAnchors = (text) => /(?:^|[\s:?,[{-])(?:&(?!&\s)[^\s,[\]{}]|\*&)|<<\s*:/.test(text);
function aliasLimitedDocuments(text, file) {
  const documents = yamlDocuments(text);
  const problem = firstYamlProblem(text, file, documents);
  if (problem) throw problem;
  return documents.map((document, index) => documentValue(document, `${file}, document ${index + 1}`));
}
var yamlDocuments = (text) => [...(0, import_yaml.parseAllDocuments)(text, userYaml)];
var looksLikeJson = (text) => /^\s*(?:\{\s*"|\[)/.test(text);
function jsonProblem(error) {
  const message = errorMessage(error);
  return /end of JSON input/i.test(message) ? `${message}: the file ends inside the JSON (was it cut off?)` : message;
}
function locateYamlError(text, file, error) {
  return firstYamlProblem(text, file, yamlDocuments(text)) ?? new ConfigError(`${file}: invalid YAML: ${errorMessage(error)}`);
}
function firstYamlProblem(text, file, documents) {
  const index = documents.findIndex((document) => document.errors.length > 0);
  const problem = documents[index]?.errors[0];
  if (!problem) return void 0;
  const cut = !text.endsWith("\n") && problem.pos[1] >= text.length;
  const atEnd = cut ? " where the file ends mid-line (was it cut off?)" : "";
  return new ConfigError(`${file}, document ${index + 1}: invalid YAML${atEnd}: ${problem.message}`);
}
function refuseOtherFormats(text, file) {
  const head = text.slice(0, 4096);
  if (/^API Version:[ \t]+\S/m.test(head) && /^Kind:[ \t]+\S/m.test(head)) {
    const kind = /^Kind:[ \t]+(\S+)/m.exec(head)?.[1] ?? "OBJECT";
    const name = /^Name:[ \t]+(\S+)/m.exec(head)?.[1] ?? "NAME";
    throw new ConfigError(
      `${file}: this is \`kubectl describe\` output, which cannot be read back; save the object itself with \`kubectl get ${kind.toLowerCase()} ${name} -o yaml\``
    );
  }
  if (/^\uFEFF?\s*(?:NAMESPACE[ \t]{2,})?NAME[ \t]{2,}[A-Z]/.test(head)) {
    throw new ConfigError(
      `${file}: this is the table \`kubectl get\` prints without \`-o\`, which holds no status; save the objects themselves with \`kubectl get \u2026 -o yaml\``
    );
  }
  if (/^\uFEFF?(?:\s*[a-z0-9.-]+\/[a-z0-9][-a-z0-9.]*\s*\n)+\s*$/.test(head)) {
    throw new ConfigError(
      `${file}: this is \`kubectl get -o name\` output, names only, which hold no status; save the objects themselves with \`kubectl get \u2026 -o yaml\``
    );
  }
  if (/^\uFEFF?\s*No resources found/.test(head)) {
    throw new ConfigError(
      `${file}: kubectl found no objects ("No resources found") when it was saved; check the namespace and the selector`
    );
  }
  if (/^\uFEFF?\s*</.test(head)) {
    const junit = /<testsuites?[\s>]/.test(head) ? " (a JUnit report, which is an output, not an input)" : "";
    throw new ConfigError(`${file}: this is XML${junit}; expected Kubernetes objects as YAML or JSON`);
  }
}
var configKeys = ["engines", "rbac", "experiments", "reports", "gate", "targets", "load"];
function toManifests(value, where, role) {
  if (!isRecord(value)) {
    const text = typeof value === "string" && role === "input" ? "; this is plain text (`kubectl get` output with --no-headers or -o name?), which holds no status: save the objects themselves with `kubectl get \u2026 -o yaml`" : "";
    throw new ConfigError(`${where}: expected a Kubernetes object (a mapping)${text}`);
  }
  if (value.kind === "List" || typeof value.kind === "string" && value.kind.endsWith("List")) {
    if (!Array.isArray(value.items)) throw new ConfigError(`${where}: field items: expected a list`);
    return value.items.flatMap((item, i) => toManifests(item, `${where}, items[${i}]`, role));
  }
  if (value.kind === void 0 && Array.isArray(value.items)) {
    throw new ConfigError(
      `${where}: field kind: required; this is a list (it has items) without the \`kind: List\` kubectl writes after them (was the file cut off?)`
    );
  }
  if (value.kind === void 0 && value.apiVersion === void 0 && configKeys.some((key) => key in value))
    throw new ConfigError(
      `${where}: field kind: required; this is a chaos-gate config file, not a manifest: give it as the config file`
    );
  for (const field of role === "input" ? ["kind"] : ["apiVersion", "kind"]) {
    if (typeof value[field] !== "string" || value[field] === "") {
      throw new ConfigError(`${where}: field ${field}: required`);
    }
  }
  const metadata = value.metadata;
  if (!isRecord(metadata)) throw new ConfigError(`${where}: field metadata: required`);
  for (const field of ["name", "generateName", "namespace"]) {
    if (metadata[field] !== void 0 && typeof metadata[field] !== "string")
      throw new ConfigError(
        `${where}: field metadata.${field}: expected text, got ${given(metadata[field])}`
      );
  }
  const name = metadata.name ?? metadata.generateName;
  if (!name) throw new ConfigError(`${where}: field metadata.name: required`);
  const kind = value.kind;
  const source = `${where} (${kind} ${name})`;
  const allowed = expectedKinds[role];
  if (allowed && !allowed.includes(kind)) {
    throw new ConfigError(`${source}: field kind: expected ${allowed.join(" or ")} in ${role} files`);
  }
  if (role === "engine" && typeof metadata.name === "string" && metadata.name.length > 63) {
    throw new ConfigError(
      `${source}: field metadata.name: a ChaosEngine name must be at most 63 characters (it becomes a label value)`
    );
  }
  return [{ role, source, object: value }];
}

export {
  readManifests,
  duplicateProblems
};
