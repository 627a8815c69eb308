// What `chaos-gate report` reads: results that already exist, from files or from a live namespace.
// Nothing is applied.
import type { z } from 'zod';
import { workflowToSuite } from '../argo/convert.ts';
import { workflowSchema } from '../argo/types.ts';
import { CannotRunError, ConfigError } from '../errors.ts';
import { resultFileLimit } from '../files.ts';
import type { Connection } from '../kube/client.ts';
import { duplicateProblems, readManifests, type Manifest } from '../kube/manifests.ts';
import { describeSchemaIssues } from '../kube/object-meta.ts';
import { enginePlural, resultPlural, LitmusClient } from '../litmus/client.ts';
import { convertChaos } from '../litmus/convert.ts';
import {
  chaosEngineSchema,
  chaosResultSchema,
  readableResults,
  type ChaosEngine,
  type ChaosResult,
} from '../litmus/types.ts';
import type { Report } from '../report/model.ts';

/** An object read from a file, checked against what the converter reads: wrong shapes name the field. */
function checked<T extends z.ZodType>(schema: T, manifest: Manifest): z.output<T> {
  const parsed = schema.safeParse(manifest.object);
  if (!parsed.success) throw new ConfigError(describeSchemaIssues(manifest.source, parsed.error));
  return parsed.data;
}

/** Input files whose objects repeat a name would silently replace one another. */
function readInputs(files: string[]): Manifest[] {
  const objects = readManifests(files, 'input', resultFileLimit);
  const duplicates = duplicateProblems(objects);
  if (duplicates.length > 0) throw new ConfigError(duplicates.join('\n'));
  return objects;
}

/** ChaosResults (and optionally their ChaosEngines) from YAML/JSON files such as `kubectl get chaosresults -o yaml`. */
export function chaosReportFromFiles(files: string[]): Report {
  const engines: ChaosEngine[] = [];
  const results: ChaosResult[] = [];
  for (const manifest of readInputs(files)) {
    const { kind } = manifest.object;
    if (kind === 'ChaosEngine') engines.push(checked(chaosEngineSchema, manifest));
    else if (kind === 'ChaosResult') results.push(checked(chaosResultSchema, manifest));
    else throw new ConfigError(`${manifest.source}: field kind: expected ChaosResult or ChaosEngine`);
  }
  if (results.length === 0 && engines.length === 0) {
    throw new ConfigError(`${files.join(', ')}: no ChaosResult found`);
  }
  return convertChaos({ engines, results });
}

/** Argo Workflows with their status, e.g. `kubectl get workflow NAME -o yaml`. */
export function workflowReportFromFile(file: string): Report {
  const workflows = readInputs([file]).map((manifest) => {
    if (manifest.object.kind !== 'Workflow')
      throw new ConfigError(`${manifest.source}: field kind: expected Workflow`);
    return checked(workflowSchema, manifest);
  });
  if (workflows.length === 0) throw new ConfigError(`${file}: no Workflow found`);
  return { suites: workflows.map((workflow) => workflowToSuite(workflow)) };
}

/** The engines in a namespace (those matching `selector`, if given) and their results, as they are now. */
export async function chaosReportFromCluster(
  connection: Connection,
  namespace: string,
  selector?: string,
): Promise<Report> {
  const litmus = new LitmusClient(connection);
  await litmus.assertInstalled();
  const engines = (await litmus.list<ChaosEngine>(litmus.target(enginePlural, namespace, selector))).items;
  const uids = engines.map((e) => e.metadata.uid).filter(Boolean);
  if (selector && uids.length === 0) {
    throw new ConfigError(`no ChaosEngine in namespace ${namespace} matches the selector "${selector}"`);
  }
  const listed = (
    await litmus.list<ChaosResult>(
      litmus.target(resultPlural, namespace, selector ? `chaosUID in (${uids.join(',')})` : undefined),
    )
  ).items;
  const problems: string[] = [];
  const results = readableResults(listed, (problem) => problems.push(problem));
  if (problems.length > 0) throw new CannotRunError(problems.join('\n'));
  return convertChaos({ engines, results });
}
