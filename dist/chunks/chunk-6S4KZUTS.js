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
} from "./chunk-JDCHZ752.js";
import {
  readInputFile
} from "./chunk-52RQKVFM.js";
import {
  given
} from "./chunk-LFKR3ZVH.js";
import {
  ConfigError,
  __toESM,
  errorMessage
} from "./chunk-A2VFD3MS.js";

// src/kube/manifests.ts
var import_yaml = __toESM(require_dist(), 1);

// src/kube/block-yaml.ts
var outside = new Error("outside the block subset");
var unusualCharacters = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/u;
var implicitTypes = CORE_SCHEMA.compiledImplicit;
var typedStart = new Set([..."~nNtTfF+-.0123456789"].map((char) => char.charCodeAt(0)));
var notPlainStart = new Set([..." ,[]{}#&*!|>'\"%@`-?:"].map((char) => char.charCodeAt(0)));
var space = 32;
var dash = 45;
var colon = 58;
var question = 63;
var hashSign = 35;
var openBrace = 123;
var singleQuote = 39;
var doubleQuote = 34;
var backslash = 92;
var pipe = 124;
var maxDepth = 50;
var slots = 1024;
var escapes = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "	",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1B",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xA0",
  L: "\u2028",
  P: "\u2029"
};
function loadYaml(text) {
  const { documents, from } = readBlockYaml(text);
  if (from === text.length) return documents;
  if (from === 0) return loadAll(text, null, { schema: CORE_SCHEMA });
  try {
    return [...documents, ...loadAll(text.slice(from), null, { schema: CORE_SCHEMA })];
  } catch {
    return loadAll(text, null, { schema: CORE_SCHEMA });
  }
}
function readBlockYaml(text) {
  const reader = new Reader(text);
  if (!unusualCharacters.test(text)) reader.read();
  return { documents: reader.documents, from: reader.from };
}
var Reader = class {
  documents = [];
  /** The start of the `---` line of the document being read. */
  from = 0;
  text;
  /** Where the current line starts and ends (its line feed, or the end of the text). */
  line = 0;
  lineEnd = 0;
  /** The current line's indent, -1 at a `---` line or the end. */
  indent = 0;
  /** Where the last quoted scalar ended. */
  end = 0;
  /** The hash of the last plain text scanned. */
  hash = 0;
  keys = plainScalars((text) => String(plain(text)));
  values = plainScalars(plain);
  constructor(text) {
    this.text = text;
  }
  read() {
    const documents = this.documents;
    try {
      this.next();
      if (this.indent === 0) documents.push(this.document());
      else if (this.indent > 0 || this.line >= this.text.length) return;
      while (this.line < this.text.length) {
        this.from = this.line;
        this.line = this.lineEnd + 1;
        this.next();
        if (this.indent === -1) documents.push(null);
        else if (this.indent === 0) documents.push(this.document());
        else throw outside;
      }
      this.from = this.text.length;
    } catch (error) {
      if (error !== outside) throw error;
    }
  }
  document() {
    const value = this.node(this.line, 1);
    if (this.indent !== -1) throw outside;
    return value;
  }
  /** Moves to the next line that holds content (not blank, not a comment) and sets `indent`. */
  next() {
    const text = this.text;
    for (let line = this.line; line < text.length; line = this.lineEnd + 1) {
      this.line = line;
      this.lineEnd = this.endOf(line);
      let start = line;
      while (text.charCodeAt(start) === space) start++;
      if (start === this.lineEnd || text.charCodeAt(start) === hashSign) continue;
      this.indent = start - line;
      if (start === line && (text.startsWith("---", line) || text.startsWith("...", line))) {
        if (this.lineEnd !== line + 3 || text[line] === ".") throw outside;
        this.indent = -1;
      }
      return;
    }
    this.line = text.length;
    this.indent = -1;
  }
  /** The mapping or sequence that starts at `start` of the current line (a scalar there gives up). */
  node(start, depth) {
    if (depth > maxDepth) throw outside;
    return this.isItem(start) ? this.sequence(start, depth) : this.mapping(start, depth);
  }
  mapping(start, depth) {
    const column = start - this.line;
    const mapping = {};
    for (; ; ) {
      const keyEnd = this.keyEnd(start);
      if (keyEnd < 0) throw outside;
      const key = quoted(this.text.charCodeAt(start)) ? this.quoted(start, false) : this.keys(this.text, start, keyEnd, this.hash);
      if (key === "__proto__" || key === "<<" || Object.hasOwn(mapping, key)) throw outside;
      const valueStart = this.skipSpaces(keyEnd + 1);
      if (valueStart < this.lineEnd) {
        mapping[key] = this.scalar(valueStart, column);
      } else {
        this.nextLine();
        const sameIndentItem = this.indent === column && this.isItem(this.line + column);
        mapping[key] = this.indent > column || sameIndentItem ? this.node(this.line + this.indent, depth + 1) : null;
      }
      if (this.indent < column) return mapping;
      if (this.indent > column) throw outside;
      start = this.line + column;
    }
  }
  sequence(start, depth) {
    const column = start - this.line;
    const sequence = [];
    for (; ; ) {
      const itemStart = this.skipSpaces(start + 1);
      if (itemStart === this.lineEnd) {
        this.nextLine();
        if (this.indent >= 0 && this.indent < column && this.isItem(this.line + this.indent)) throw outside;
        sequence.push(this.indent > column ? this.node(this.line + this.indent, depth + 1) : null);
      } else if (this.isItem(itemStart) || this.keyEnd(itemStart) >= 0) {
        sequence.push(this.node(itemStart, depth + 1));
      } else {
        sequence.push(this.scalar(itemStart, column));
      }
      if (this.indent > column) throw outside;
      start = this.line + column;
      if (this.indent < column || !this.isItem(start)) return sequence;
    }
  }
  /** Where the colon after a key starting at `start` is, or -1 if the line holds no key there. */
  keyEnd(start) {
    const text = this.text;
    if (quoted(text.charCodeAt(start))) {
      if (this.quoted(start, false) === void 0) return -1;
      const after = this.end;
      return text.charCodeAt(after) === colon && (after + 1 === this.lineEnd || text.charCodeAt(after + 1) === space) ? after : -1;
    }
    const end = this.plainEnd(start, this.lineEnd);
    if (end === this.lineEnd) return -1;
    if (end === start || notPlainStart.has(text.charCodeAt(start)) || text.charCodeAt(end - 1) === space)
      throw outside;
    return end;
  }
  /**
   * The scalar from `start` on, of a key or dash at `column`; moves to the line after it. go-yaml wraps
   * long strings onto more indented lines (a quoted one onto any line); js-yaml folds them back.
   */
  scalar(start, column) {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (quoted(first)) {
      const value2 = this.quoted(start, true);
      if (this.contentEnd() > this.end) throw outside;
      this.nextLine();
      return value2;
    }
    const lineEnd = this.lineEnd;
    const end = this.contentEnd();
    if (first === pipe) return this.literal(text.slice(start, end), column);
    if (end - start === 2 && (text.startsWith("{}", start) || text.startsWith("[]", start))) {
      this.nextLine();
      return first === openBrace ? {} : [];
    }
    const signLike = first === dash || first === question || first === colon;
    if (notPlainStart.has(first) && !(signLike && end - start > 1 && text.charCodeAt(start + 1) !== space))
      throw outside;
    if (this.plainEnd(start, end) !== end) throw outside;
    const value = this.values(text, start, end, this.hash);
    this.nextLine();
    if (this.indent <= column) return value;
    let folded = text.slice(start, end);
    let last = lineEnd;
    for (let breaks = 1, next = lineEnd + 1; next < text.length; next = this.lineEnd + 1) {
      this.line = next;
      this.lineEnd = this.endOf(next);
      const from = this.skipSpaces(next);
      if (from === this.lineEnd) breaks++;
      else if (from - next <= column) break;
      else {
        const to = this.contentEnd();
        if (this.plainEnd(from, to) !== to) throw outside;
        folded += (breaks === 1 ? " " : "\n".repeat(breaks - 1)) + text.slice(from, to);
        breaks = 1;
        last = this.lineEnd;
      }
    }
    this.lineEnd = last;
    this.nextLine();
    return plain(folded);
  }
  /**
   * A literal block scalar, as go-yaml writes strings that hold line breaks: `|`, `|-` or `|+`, with an
   * indentation indicator (`|2-`) if the string starts with a space or line break. Its lines sit at the
   * indicator's indent past `column` (js-yaml counts from the key or dash), or else at the indent of the
   * first; blank lines are kept, the last line break clipped, stripped or kept.
   */
  literal(header, column) {
    const text = this.text;
    const [, before, digit, after] = /^\|([-+]?)([1-9]?)([-+]?)$/.exec(header) ?? [];
    if (before === void 0 || before && after) throw outside;
    const chomping = ["", "-", "+"].indexOf(before + after);
    let indent = digit ? column + Number(digit) : -1;
    let value = "";
    let read = false;
    let blanks = 0;
    let last = this.lineEnd;
    for (let next = last + 1; next < text.length; next = this.lineEnd + 1) {
      this.lineEnd = this.endOf(next);
      let from = next;
      while (from < this.lineEnd && text.charCodeAt(from) === space && (indent < 0 || from - next < indent))
        from++;
      if (from === this.lineEnd) blanks++;
      else if (from - next < (indent < 0 ? column + 1 : indent)) break;
      else {
        if (indent < 0 && blanks > 0) throw outside;
        value += "\n".repeat(read ? 1 + blanks : blanks) + text.slice(from, this.lineEnd);
        if (indent < 0) indent = from - next;
        read = true;
        blanks = 0;
        last = this.lineEnd;
      }
    }
    this.lineEnd = last;
    this.nextLine();
    return value + [read ? "\n" : "", "", "\n".repeat(read ? 1 + blanks : blanks)][chomping];
  }
  /** Where plain text from `start` stops before `end` at a `: ` or a last `:`; hashes the text before it. */
  plainEnd(start, end) {
    const text = this.text;
    let hash = 0;
    let at = start;
    for (; at < end; at++) {
      const char = text.charCodeAt(at);
      if (char === colon && (at + 1 === end || text.charCodeAt(at + 1) === space)) break;
      if (char === hashSign && text.charCodeAt(at - 1) === space) throw outside;
      hash = hash * 31 + char | 0;
    }
    this.hash = hash;
    return at;
  }
  /**
   * A quoted scalar; sets `end` past its closing quote. One that goes on past its line is folded as
   * js-yaml folds it when `folds` (a value), and `undefined` otherwise (not a key).
   */
  quoted(start, folds) {
    const text = this.text;
    const quote = text.charCodeAt(start);
    let value = "";
    let from = start + 1;
    for (let at = from; ; at++) {
      if (at === this.lineEnd) {
        if (!folds) return void 0;
        let end = at;
        while (end > from && text.charCodeAt(end - 1) === space) end--;
        let breaks = 0;
        do {
          if (this.lineEnd === text.length) throw outside;
          this.line = this.lineEnd + 1;
          this.lineEnd = this.endOf(this.line);
          at = this.skipSpaces(this.line);
          breaks++;
        } while (at === this.lineEnd);
        if (at === this.line && (text.startsWith("---", at) || text.startsWith("...", at))) throw outside;
        value += text.slice(from, end) + (breaks === 1 ? " " : "\n".repeat(breaks - 1));
        from = at;
      }
      const char = text.charCodeAt(at);
      if (char === quote) {
        value += text.slice(from, at);
        if (quote === singleQuote && text.charCodeAt(at + 1) === singleQuote) {
          from = ++at;
          continue;
        }
        this.end = at + 1;
        return value;
      }
      if (char === backslash && quote === doubleQuote) {
        value += text.slice(from, at) + this.escape(at + 1);
        at = this.end - 1;
        from = this.end;
      }
    }
  }
  /** The character a double-quoted escape stands for; sets `end` past it. */
  escape(at) {
    const char = this.text.charAt(at);
    const hexDigits = char === "x" ? 2 : char === "u" ? 4 : char === "U" ? 8 : 0;
    if (hexDigits === 0) {
      const escaped = Object.hasOwn(escapes, char) ? escapes[char] : void 0;
      if (escaped === void 0) throw outside;
      this.end = at + 1;
      return escaped;
    }
    const hex = this.text.slice(at + 1, Math.min(at + 1 + hexDigits, this.lineEnd));
    if (hex.length !== hexDigits || !/^[0-9a-fA-F]+$/.test(hex)) throw outside;
    const code = parseInt(hex, 16);
    if (code > 1114111) throw outside;
    this.end = at + 1 + hexDigits;
    return String.fromCodePoint(code);
  }
  /** `- item` or a lone `-` at `at`. */
  isItem(at) {
    return this.text.charCodeAt(at) === dash && (at + 1 === this.lineEnd || this.text.charCodeAt(at + 1) === space);
  }
  nextLine() {
    this.line = this.lineEnd + 1;
    this.next();
  }
  /** Where the line starting at `line` ends: its line feed, or the end of the text. */
  endOf(line) {
    const end = this.text.indexOf("\n", line);
    return end < 0 ? this.text.length : end;
  }
  skipSpaces(at) {
    while (at < this.lineEnd && this.text.charCodeAt(at) === space) at++;
    return at;
  }
  /** Where the current line's trailing spaces start: js-yaml leaves out spaces, not other white space. */
  contentEnd() {
    let end = this.lineEnd;
    while (this.text.charCodeAt(end - 1) === space) end--;
    return end;
  }
};
var quoted = (char) => char === singleQuote || char === doubleQuote;
function plain(text) {
  if (!typedStart.has(text.charCodeAt(0))) return text;
  for (const type of implicitTypes) if (type.resolve(text)) return type.construct(text);
  return text;
}
function plainScalars(resolve) {
  const texts = new Array(slots);
  const values = new Array(slots);
  return (text, start, end, hash) => {
    const slot = hash & slots - 1;
    const known = texts[slot];
    if (known?.length === end - start && text.startsWith(known, start)) return values[slot];
    texts[slot] = text.slice(start, end);
    return values[slot] = resolve(texts[slot]);
  };
}

// src/kube/manifests.ts
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
    if (manifests.length === 0) throw new ConfigError(`${file}: ${whyNoObjects(text, file, role)}`);
    if (role === "input") refuseCutOffEnd(text, manifests.at(-1));
    return manifests;
  });
}
function refuseCutOffEnd(text, last) {
  if (text.endsWith("\n")) return;
  if (!("status" in last.object))
    throw new ConfigError(
      `${last.source}: field status: required; the file ends mid-line after this object (was it cut off?)`
    );
  if (last.object.metadata.resourceVersion && !looksLikeJson(text))
    throw new ConfigError(
      `${last.source}: the file ends mid-line in this object (was it cut off?); kubectl ends its output with a line break, which a whole file saved as kubectl wrote it keeps (a trimmed one loses it)`
    );
}
function whyNoObjects(text, file, role) {
  const emptyList = loadDocuments(text, file).some((value) => isRecord(value) && Array.isArray(value.items));
  if (emptyList)
    return "holds only an empty list (items: []): kubectl found no objects when it was saved; check the namespace and the selector";
  const saved = role === "input" && text.trim() === "" ? "; `kubectl get \u2026 > FILE` writes nothing when it finds no objects: check the namespace and the selector" : "";
  return `holds no objects (the file is empty or only comments)${saved}`;
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
    return loadYaml(text);
  } catch (error) {
    if (jsonError && looksLikeJson(text))
      throw new ConfigError(`${file}: invalid JSON: ${jsonProblem(jsonError, text)}`);
    throw error instanceof ConfigError ? error : locateYamlError(text, file, error);
  }
}
var mayDefineAnchors = (text) => (
  // Every alternative holds `&` or `<<`: a search for them first spares the slower pattern most files.
  (text.includes("&") || text.includes("<<")) && /(?:^|[\s:?,[{-])(?:&(?!&\s)[^\s,[\]{}]|\*&)|<<\s*:/.test(text)
);
function aliasLimitedDocuments(text, file) {
  const documents = yamlDocuments(text);
  const problem = firstYamlProblem(text, file, documents);
  if (problem) throw problem;
  return documents.map((document, index) => documentValue(document, `${file}, document ${index + 1}`));
}
var yamlDocuments = (text) => [...(0, import_yaml.parseAllDocuments)(text, userYaml)];
var looksLikeJson = (text) => /^\s*(?:\{\s*"|\[)/.test(text);
function jsonProblem(error, text) {
  const message = errorMessage(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const atEnd = position !== void 0 && Number(position) >= text.trimEnd().length;
  return atEnd || /end of JSON input/i.test(message) ? `${message}: the file ends inside the JSON (was it cut off?)` : message;
}
function locateYamlError(text, file, error) {
  return firstYamlProblem(text, file, yamlDocuments(text)) ?? new ConfigError(`${file}: invalid YAML${endsMidLine(text) ? cutOffHint : ""}: ${errorMessage(error)}`);
}
var endsMidLine = (text) => !text.endsWith("\n");
var cutOffHint = " where the file ends mid-line (was it cut off?)";
function firstYamlProblem(text, file, documents) {
  const index = documents.findIndex((document) => document.errors.length > 0);
  const problem = documents[index]?.errors[0];
  if (!problem) return void 0;
  const cut = endsMidLine(text) && problem.pos[1] > text.lastIndexOf("\n");
  const atEnd = cut ? cutOffHint : "";
  return new ConfigError(`${file}, document ${index + 1}: invalid YAML${atEnd}: ${problem.message}`);
}
function refuseOtherFormats(text, file) {
  const head = text.slice(0, 4096);
  if (/^API Version:[ \t]+\S/m.test(head) && /^Kind:[ \t]+\S/m.test(head)) {
    const kind = (/^Kind:[ \t]+(\S+)/m.exec(head)?.[1] ?? "OBJECT").toLowerCase();
    const names = [...text.matchAll(/^Name:[ \t]+(\S+)/gm)].map((match) => match[1]);
    const namespaces = new Set([...text.matchAll(/^Namespace:[ \t]+(\S+)/gm)].map((match) => match[1]));
    const where = namespaces.size > 1 ? " -A" : namespaces.size === 1 ? ` -n ${[...namespaces][0]}` : "";
    const save = names.length > 1 ? `the objects themselves with \`kubectl get ${kind}${where} -o yaml\`` : `the object itself with \`kubectl get ${kind} ${names[0] ?? "NAME"}${where} -o yaml\``;
    throw new ConfigError(
      `${file}: this is \`kubectl describe\` output, which cannot be read back; save ${save}`
    );
  }
  if (/^\uFEFF?\s*(?:NAMESPACE[ \t]{2,})?NAME[ \t]{2,}[A-Z]/.test(head)) {
    throw new ConfigError(
      `${file}: this is a table \`kubectl get\` prints (without \`-o\`, or with \`-o wide\` or \`-o custom-columns\`), which holds no objects; save the objects themselves with \`kubectl get \u2026 -o yaml\``
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
    const text = typeof value === "string" && role === "input" ? "; this is plain text (`kubectl get` output with --no-headers, -o name or -o jsonpath?), which holds no status: save the objects themselves with `kubectl get \u2026 -o yaml`" : "";
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
