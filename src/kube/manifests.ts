// Reads manifest files (many YAML documents each) into objects that remember where they came from,
// so every later error can name the file and document.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { KubernetesObject } from '@kubernetes/client-node';
import { ConfigError, errorMessage } from '../errors.ts';

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

export function readManifests(files: string[], role: ManifestRole): Manifest[] {
  return files.flatMap((file) => parseManifests(readText(file), file, role));
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the manifest: ${errorMessage(error)}`);
  }
}

export function parseManifests(text: string, file: string, role: ManifestRole): Manifest[] {
  refuseDescribeOutput(text, file);
  const manifests: Manifest[] = [];
  parseAllDocuments(text).forEach((document, index) => {
    const where = `${file}, document ${index + 1}`;
    if (!('errors' in document)) throw new ConfigError(`${where}: not a YAML document`);
    const problem = document.errors[0];
    if (problem) throw new ConfigError(`${where}: invalid YAML: ${problem.message}`);
    const value: unknown = document.toJS();
    if (value === null || value === undefined) return; // an empty document between separators
    manifests.push(...toManifests(value, where, role));
  });
  return manifests;
}

/**
 * `kubectl describe` prints objects as "API Version:", "Kind:", "Metadata:" with spaced, capitalised
 * keys: YAML-like but not an object. Say what to run instead of failing on a missing field.
 */
function refuseDescribeOutput(text: string, file: string): void {
  const head = text.slice(0, 4096);
  if (!/^API Version:[ \t]+\S/m.test(head) || !/^Kind:[ \t]+\S/m.test(head)) return;
  const kind = /^Kind:[ \t]+(\S+)/m.exec(head)?.[1] ?? 'OBJECT';
  const name = /^Name:[ \t]+(\S+)/m.exec(head)?.[1] ?? 'NAME';
  throw new ConfigError(
    `${file}: this is \`kubectl describe\` output, which cannot be read back; ` +
      `save the object itself with \`kubectl get ${kind.toLowerCase()} ${name} -o yaml\``,
  );
}

function toManifests(value: unknown, where: string, role: ManifestRole): Manifest[] {
  if (!isRecord(value)) throw new ConfigError(`${where}: expected a Kubernetes object (a mapping)`);
  if (value.kind === 'List' || (typeof value.kind === 'string' && value.kind.endsWith('List'))) {
    if (!Array.isArray(value.items)) throw new ConfigError(`${where}: field items: expected a list`);
    return value.items.flatMap((item, i) => toManifests(item, `${where}, items[${i}]`, role));
  }
  // Objects read for conversion may come from tools that leave apiVersion out.
  for (const field of role === 'input' ? (['kind'] as const) : (['apiVersion', 'kind'] as const)) {
    if (typeof value[field] !== 'string' || value[field] === '') {
      throw new ConfigError(`${where}: field ${field}: required`);
    }
  }
  const metadata = value.metadata;
  if (!isRecord(metadata)) throw new ConfigError(`${where}: field metadata: required`);
  const name = metadata.name ?? metadata.generateName;
  if (typeof name !== 'string' || name === '') {
    throw new ConfigError(`${where}: field metadata.name: required`);
  }
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
