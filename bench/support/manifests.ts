// The example's RBAC and pod-delete engine (examples/pod-delete), copied into each namespace of a
// benchmark run: one multi-document file of RBAC and one of engines, as a user with many engines writes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import type { ChaosEngine } from '../../src/litmus/types.ts';

const example = path.resolve(import.meta.dirname, '../../examples/pod-delete');

export interface RunManifests {
  rbac: string;
  engines: string;
}

/** `perNamespace` engines named chaos-1, chaos-2, … in each namespace, and the RBAC they run as. */
export function writeManifests(dir: string, namespaces: string[], perNamespace: number): RunManifests {
  const rbacDocuments = parseAllDocuments(readFileSync(path.join(example, 'rbac.yaml'), 'utf8')).map(
    (document) => document.toJS() as { metadata: { namespace?: string } },
  );
  const engine = parse(readFileSync(path.join(example, 'engine.yaml'), 'utf8')) as ChaosEngine;
  const rbac = namespaces.flatMap((namespace) =>
    rbacDocuments.map((object) => ({ ...object, metadata: { ...object.metadata, namespace } })),
  );
  const engines = namespaces.flatMap((namespace) =>
    Array.from({ length: perNamespace }, (_, i) => ({
      ...engine,
      metadata: { name: `chaos-${i + 1}`, namespace },
      spec: { ...engine.spec, appinfo: { ...engine.spec?.appinfo, appns: namespace } },
    })),
  );
  const files = { rbac: path.join(dir, 'rbac.yaml'), engines: path.join(dir, 'engines.yaml') };
  const multiDocument = (objects: object[]) => objects.map((object) => stringify(object)).join('---\n');
  writeFileSync(files.rbac, multiDocument(rbac));
  writeFileSync(files.engines, multiDocument(engines));
  return files;
}
