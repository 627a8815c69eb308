// Reads manifest files (many YAML documents each) into objects that remember where they came from,
// so every later error can name the file and document.
import type { KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments, type Document } from 'yaml';
import { ConfigError, errorMessage } from '../errors.ts';
import { readInputFile } from '../files.ts';
import { documentValue, userYaml } from '../yaml-value.ts';
import { isRecord } from '../is-record.ts';
import { loadYaml } from './block-yaml.ts';
import { given } from '../schema-issues.ts';

/** What a file holds: objects to apply in that order, or `input` objects to read (e.g. ChaosResults). */
export type ManifestRole = 'rbac' | 'experiment' | 'engine' | 'input';

export interface Manifest {
  role: ManifestRole;
  /** "file.yaml, document 2 (ChaosEngine nginx-chaos)" */
  source: string;
  object: KubernetesObject & { metadata: NonNullable<KubernetesObject['metadata']> };
}

const expectedKinds: Record<ManifestRole, string[] | undefined> = {
  rbac: undefined,
  experiment: ['ChaosExperiment'],
  engine: ['ChaosEngine'],
  input: undefined,
};

/**
 * Every object of every file; a file that holds none (empty, or only comments) is refused, naming it.
 * `what` names an input file in a message that it cannot be read ("ChaosResults file").
 */
export function readManifests(
  files: string[],
  role: ManifestRole,
  { maxBytes, what = 'manifest' }: { maxBytes?: number; what?: string } = {},
): Manifest[] {
  return files.flatMap((file) => {
    const text = readInputFile(file, what, maxBytes);
    const manifests = parseManifests(text, file, role);
    if (manifests.length === 0) throw new ConfigError(`${file}: ${whyNoObjects(text, file, role)}`);
    if (role === 'input') refuseCutOffEnd(text, manifests.at(-1) as Manifest);
    return manifests;
  });
}

/**
 * Objects saved from a cluster carry their status, and kubectl ends its output with a newline. A last
 * object without status in a file that stops mid-line was cut where the YAML still parses (a CI step
 * killed while saving, a full disk): judged, it would be an experiment that never finished.
 */
function refuseCutOffEnd(text: string, last: Manifest): void {
  if (text.endsWith('\n')) return;
  if (!('status' in last.object))
    throw new ConfigError(
      `${last.source}: field status: required; the file ends mid-line after this object (was it cut off?)`,
    );
  // One saved from a cluster (it has a resourceVersion) as YAML may be cut inside its status and still
  // parse: a verdict cut to "Pa", a probe list cut short. JSON cut anywhere does not parse. A whole file
  // that lost only its last line break (a pipeline's `.trim()`) cannot be told apart: saying both
  // costs its user one re-save, judging a cut one would be a verdict on half an object.
  if (last.object.metadata.resourceVersion && !looksLikeJson(text))
    throw new ConfigError(
      `${last.source}: the file ends mid-line in this object (was it cut off?); kubectl ends its output ` +
        'with a line break, which a whole file saved as kubectl wrote it keeps (a trimmed one loses it)',
    );
}

/**
 * Why a file that parsed holds no object: an empty list is kubectl finding nothing, not an empty file;
 * so is an empty file saved from kubectl, which prints "No resources found" to stderr only.
 */
function whyNoObjects(text: string, file: string, role: ManifestRole): string {
  const emptyList = loadDocuments(text, file).some((value) => isRecord(value) && Array.isArray(value.items));
  if (emptyList)
    return 'holds only an empty list (items: []): kubectl found no objects when it was saved; check the namespace and the selector';
  const saved =
    role === 'input' && text.trim() === ''
      ? '; `kubectl get … > FILE` writes nothing when it finds no objects: check the namespace and the selector'
      : '';
  return `holds no objects (the file is empty or only comments)${saved}`;
}

/** Objects given twice — in two files, or twice in one — would silently replace each other. */
export function duplicateProblems(
  manifests: Manifest[],
  namespaceOf: (manifest: Manifest) => string = (m) => m.object.metadata.namespace ?? '',
): string[] {
  const seen = new Map<string, Manifest>();
  const problems: string[] = [];
  for (const manifest of manifests) {
    const { apiVersion = '', kind = '', metadata } = manifest.object;
    if (!metadata.name) continue; // generateName: a new name each time
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    const key = `${group}/${kind}/${namespaceOf(manifest)}/${metadata.name}`;
    const first = seen.get(key);
    if (first)
      problems.push(
        `${manifest.source}: the same ${kind} as ${first.source}; each object may be given only once`,
      );
    else seen.set(key, manifest);
  }
  return problems;
}

export function parseManifests(text: string, file: string, role: ManifestRole): Manifest[] {
  refuseOtherFormats(text, file);
  return loadDocuments(text, file).flatMap((value, index) =>
    // An empty document between separators holds nothing.
    value === null || value === undefined ? [] : toManifests(value, `${file}, document ${index + 1}`, role),
  );
}

/**
 * The documents of a file, read by the fastest parser that fits: JSON.parse for JSON (`kubectl get
 * -o json`), the block reader for YAML as kubectl writes it (`block-yaml.ts`), js-yaml for other
 * YAML. The position-aware `yaml` parser runs after a failure, to say which document and line are
 * wrong, and reads YAML that may use anchors: js-yaml expands aliases without limit, so nested ones
 * ("billion laughs") would pass here and blow up whatever walks the objects.
 */
function loadDocuments(text: string, file: string): unknown[] {
  let jsonError: unknown;
  if (/^\s*[{[]/.test(text)) {
    try {
      return [JSON.parse(text)];
    } catch (error) {
      // Not JSON after all (a YAML flow mapping, or broken): the YAML reading below decides.
      jsonError = error;
    }
  }
  try {
    if (mayDefineAnchors(text)) return aliasLimitedDocuments(text, file);
    // js-yaml's values and errors, the YAML 1.2 core schema, as the `yaml` parser reads it: timestamps
    // stay strings. kubectl's block style is read several times faster (block-yaml.ts).
    return loadYaml(text);
  } catch (error) {
    // Broken JSON (kubectl output cut off, say) is told in JSON's terms, which name line and column.
    if (jsonError && looksLikeJson(text))
      throw new ConfigError(`${file}: invalid JSON: ${jsonProblem(jsonError, text)}`);
    throw error instanceof ConfigError ? error : locateYamlError(text, file, error);
  }
}

/**
 * An anchor (`&name`) starts a node: at the start, after white space, a flow indicator or a JSON-like
 * key's colon; a merge key (`<<:`) needs one. Text that has none has no aliases either. A shell's `&& `
 * (a probe's command, an error message) is not taken for one, so a large results file that quotes one
 * keeps the fast parser; an anchor named `&` still counts by its alias, `*&`.
 */
const mayDefineAnchors = (text: string) =>
  // Every alternative holds `&` or `<<`: a search for them first spares the slower pattern most files.
  (text.includes('&') || text.includes('<<')) &&
  /(?:^|[\s:?,[{-])(?:&(?!&\s)[^\s,[\]{}]|\*&)|<<\s*:/.test(text);

function aliasLimitedDocuments(text: string, file: string): unknown[] {
  const documents = yamlDocuments(text);
  const problem = firstYamlProblem(text, file, documents);
  if (problem) throw problem;
  return documents.map((document, index) => documentValue(document, `${file}, document ${index + 1}`));
}

const yamlDocuments = (text: string): Document.Parsed[] => [...parseAllDocuments(text, userYaml)];

/** `{"…` or `[`: JSON, as kubectl and every JSON writer start it, rather than a YAML flow mapping. */
const looksLikeJson = (text: string) => /^\s*(?:\{\s*"|\[)/.test(text);

function jsonProblem(error: unknown, text: string): string {
  const message = errorMessage(error);
  // V8 says where it stopped: at the end of the text (an unterminated string, a missing value), cut there.
  const position = /at position (\d+)/.exec(message)?.[1];
  const atEnd = position !== undefined && Number(position) >= text.trimEnd().length;
  return atEnd || /end of JSON input/i.test(message)
    ? `${message}: the file ends inside the JSON (was it cut off?)`
    : message;
}

function locateYamlError(text: string, file: string, error: unknown): ConfigError {
  return (
    firstYamlProblem(text, file, yamlDocuments(text)) ??
    new ConfigError(`${file}: invalid YAML${endsMidLine(text) ? cutOffHint : ''}: ${errorMessage(error)}`)
  );
}

const endsMidLine = (text: string) => !text.endsWith('\n');
const cutOffHint = ' where the file ends mid-line (was it cut off?)';

/** The first error of the first broken document, naming the document. */
function firstYamlProblem(text: string, file: string, documents: Document.Parsed[]): ConfigError | undefined {
  const index = documents.findIndex((document) => document.errors.length > 0);
  const problem = documents[index]?.errors[0];
  if (!problem) return undefined;
  // kubectl ends its output with a newline; a file that stops mid-line where the YAML breaks (on its
  // last line: a key cut to one before it, `url: http:`) was most likely cut off (a CI step killed
  // while saving it, a full disk).
  const cut = endsMidLine(text) && problem.pos[1] > text.lastIndexOf('\n');
  const atEnd = cut ? cutOffHint : '';
  return new ConfigError(`${file}, document ${index + 1}: invalid YAML${atEnd}: ${problem.message}`);
}

/**
 * Text that is not YAML or JSON objects at all gets an error that says what it is and what to give
 * instead, rather than a YAML parser's complaint about its first line.
 */
function refuseOtherFormats(text: string, file: string): void {
  const head = text.slice(0, 4096);
  // `kubectl describe` prints objects as "API Version:", "Kind:", "Metadata:" with spaced, capitalised
  // keys: YAML-like but not an object.
  if (/^API Version:[ \t]+\S/m.test(head) && /^Kind:[ \t]+\S/m.test(head)) {
    const kind = (/^Kind:[ \t]+(\S+)/m.exec(head)?.[1] ?? 'OBJECT').toLowerCase();
    // Each object described starts with its Name and Namespace: the command to give names them all.
    const names = [...text.matchAll(/^Name:[ \t]+(\S+)/gm)].map((match) => match[1]);
    const namespaces = new Set([...text.matchAll(/^Namespace:[ \t]+(\S+)/gm)].map((match) => match[1]));
    const where = namespaces.size > 1 ? ' -A' : namespaces.size === 1 ? ` -n ${[...namespaces][0]}` : '';
    const save =
      names.length > 1
        ? `the objects themselves with \`kubectl get ${kind}${where} -o yaml\``
        : `the object itself with \`kubectl get ${kind} ${names[0] ?? 'NAME'}${where} -o yaml\``;
    throw new ConfigError(
      `${file}: this is \`kubectl describe\` output, which cannot be read back; save ${save}`,
    );
  }
  // `kubectl get` without `-o` (or with `-o wide`, `-o custom-columns`) prints a table under capitalised
  // column names.
  if (/^\uFEFF?\s*(?:NAMESPACE[ \t]{2,})?NAME[ \t]{2,}[A-Z]/.test(head)) {
    throw new ConfigError(
      `${file}: this is a table \`kubectl get\` prints (without \`-o\`, or with \`-o wide\` or \`-o custom-columns\`), ` +
        'which holds no objects; save the objects themselves with `kubectl get … -o yaml`',
    );
  }
  // `kubectl get -o name`: one kind.group/name per line.
  if (/^\uFEFF?(?:\s*[a-z0-9.-]+\/[a-z0-9][-a-z0-9.]*\s*\n)+\s*$/.test(head)) {
    throw new ConfigError(
      `${file}: this is \`kubectl get -o name\` output, names only, which hold no status; ` +
        'save the objects themselves with `kubectl get … -o yaml`',
    );
  }
  // kubectl's "found nothing" line lands in the file when its error output is redirected with the rest.
  if (/^\uFEFF?\s*No resources found/.test(head)) {
    throw new ConfigError(
      `${file}: kubectl found no objects ("No resources found") when it was saved; check the namespace and the selector`,
    );
  }
  if (/^\uFEFF?\s*</.test(head)) {
    const junit = /<testsuites?[\s>]/.test(head) ? ' (a JUnit report, which is an output, not an input)' : '';
    throw new ConfigError(`${file}: this is XML${junit}; expected Kubernetes objects as YAML or JSON`);
  }
}

/** Settings only a chaos-gate config file has at its top (a manifest's are apiVersion, kind, metadata…). */
const configKeys = ['engines', 'rbac', 'experiments', 'reports', 'gate', 'targets', 'load'];

function toManifests(value: unknown, where: string, role: ManifestRole): Manifest[] {
  if (!isRecord(value)) {
    // Lines of words read as one string: `kubectl get --no-headers`, `-o name` for a single object, or
    // `-o jsonpath` (its names on one line).
    const text =
      typeof value === 'string' && role === 'input'
        ? '; this is plain text (`kubectl get` output with --no-headers, -o name or -o jsonpath?), which holds no status: ' +
          'save the objects themselves with `kubectl get … -o yaml`'
        : '';
    throw new ConfigError(`${where}: expected a Kubernetes object (a mapping)${text}`);
  }
  if (value.kind === 'List' || (typeof value.kind === 'string' && value.kind.endsWith('List'))) {
    if (!Array.isArray(value.items)) throw new ConfigError(`${where}: field items: expected a list`);
    return value.items.flatMap((item, i) => toManifests(item, `${where}, items[${i}]`, role));
  }
  if (value.kind === undefined && Array.isArray(value.items)) {
    // kubectl writes a list's `kind: List` after its items: a list without it was most likely cut off.
    throw new ConfigError(
      `${where}: field kind: required; this is a list (it has items) without the \`kind: List\` kubectl writes after them (was the file cut off?)`,
    );
  }
  // chaos-gate's own config file given as a manifest (`--engine chaos-gate.yaml`): no kind, its settings.
  if (value.kind === undefined && value.apiVersion === undefined && configKeys.some((key) => key in value))
    throw new ConfigError(
      `${where}: field kind: required; this is a chaos-gate config file, not a manifest: give it as the config file`,
    );
  // Objects read for conversion may come from tools that leave apiVersion out.
  for (const field of role === 'input' ? (['kind'] as const) : (['apiVersion', 'kind'] as const)) {
    if (typeof value[field] !== 'string' || value[field] === '') {
      throw new ConfigError(`${where}: field ${field}: required`);
    }
  }
  const metadata = value.metadata;
  if (!isRecord(metadata)) throw new ConfigError(`${where}: field metadata: required`);
  // Every later check and request reads these as text: a number here is a mistake to name, not to crash on.
  for (const field of ['name', 'generateName', 'namespace'] as const) {
    if (metadata[field] !== undefined && typeof metadata[field] !== 'string')
      throw new ConfigError(
        `${where}: field metadata.${field}: expected text, got ${given(metadata[field])}`,
      );
  }
  const name = (metadata.name ?? metadata.generateName) as string | undefined;
  if (!name) throw new ConfigError(`${where}: field metadata.name: required`);
  const kind = value.kind as string;
  const source = `${where} (${kind} ${name})`;
  const allowed = expectedKinds[role];
  if (allowed && !allowed.includes(kind)) {
    throw new ConfigError(`${source}: field kind: expected ${allowed.join(' or ')} in ${role} files`);
  }
  if (role === 'engine' && typeof metadata.name === 'string' && metadata.name.length > 63) {
    throw new ConfigError(
      `${source}: field metadata.name: a ChaosEngine name must be at most 63 characters (it becomes a label value)`,
    );
  }
  return [{ role, source, object: value as unknown as Manifest['object'] }];
}
