// What `chaos-gate report` reads from files: results that already exist. Reading a live namespace is
// in report-cluster.ts, so the file path never loads the Kubernetes client.
import type { z } from 'zod';
import { workflowToSuite } from '../argo/convert.ts';
import { workflowSchema } from '../argo/types.ts';
import { ConfigError } from '../errors.ts';
import { resultFileLimit } from '../files.ts';
import { duplicateProblems, readManifests, type Manifest } from '../kube/manifests.ts';
import { describeSchemaIssues } from '../kube/object-meta.ts';
import { parseShape } from '../kube/shape.ts';
import { convertChaos, engineSuiteName, resultSuiteName } from '../litmus/convert.ts';
import { chaosEngineSchema, chaosResultSchema, type ChaosEngine, type ChaosResult } from '../litmus/types.ts';
import type { Report } from '../report/model.ts';
import type { ReportInput } from './report-verdicts.ts';

/** An object read from a file, checked against what the converter reads: wrong shapes name the field. */
function checked<T extends z.ZodType>(schema: T, manifest: Manifest): z.output<T> {
  const parsed = parseShape(schema, manifest.object);
  if (!parsed.success) throw new ConfigError(describeSchemaIssues(manifest.source, parsed.error));
  return parsed.data;
}

/** The objects of input files, each with its file; objects that repeat a name would silently replace one another. */
function readInputs(files: string[]): { file: string; manifest: Manifest }[] {
  const objects = files.flatMap((file) =>
    readManifests([file], 'input', resultFileLimit).map((manifest) => ({ file, manifest })),
  );
  const duplicates = duplicateProblems(objects.map(({ manifest }) => manifest));
  if (duplicates.length > 0) throw new ConfigError(duplicates.join('\n'));
  return objects;
}

/**
 * ChaosResults (and optionally their ChaosEngines) from YAML/JSON files such as `kubectl get
 * chaosresults -o yaml`: an input per engine, named by the files its objects came from, since an
 * engine and its results may be in different files and one file may hold many engines.
 */
export function chaosInputsFromFiles(files: string[]): ReportInput[] {
  const engines: ChaosEngine[] = [];
  const results: ChaosResult[] = [];
  const filesOfSuite = new Map<string, Set<string>>();
  const cameFrom = (suite: string, file: string) =>
    filesOfSuite.set(suite, (filesOfSuite.get(suite) ?? new Set<string>()).add(file));
  for (const { file, manifest } of readInputs(files)) {
    const { kind } = manifest.object;
    if (kind === 'ChaosEngine') {
      const engine = checked(chaosEngineSchema, manifest);
      engines.push(engine);
      cameFrom(engineSuiteName(engine), file);
    } else if (kind === 'ChaosResult') {
      const result = checked(chaosResultSchema, manifest);
      results.push(result);
      cameFrom(resultSuiteName(result), file);
    } else throw new ConfigError(`${manifest.source}: field kind: expected ChaosResult or ChaosEngine`);
  }
  if (results.length === 0) {
    // An engine mirrors a verdict at most; the ChaosResult is where it is decided (and matched by chaosUID).
    throw new ConfigError(
      `${files.join(', ')}: no ChaosResult found${engines.length > 0 ? ` (only ${engines.length} ChaosEngine(s), which carry no verdict)` : ''}; ` +
        'save them with `kubectl get chaosresults -n NAMESPACE -o yaml`',
    );
  }
  return convertChaos({ engines, results, asFound: true }).suites.map((suite) => ({
    source: [...(filesOfSuite.get(suite.name) ?? files)].join(', '),
    suites: [suite],
  }));
}

/** Argo Workflows with their status, e.g. `kubectl get workflow NAME -o yaml`. */
export function workflowReportFromFile(file: string): Report {
  const workflows = readInputs([file]).map(({ manifest }) => {
    if (manifest.object.kind !== 'Workflow')
      throw new ConfigError(`${manifest.source}: field kind: expected Workflow`);
    const workflow = checked(workflowSchema, manifest);
    if (!workflow.status?.phase) {
      throw new ConfigError(
        `${manifest.source}: field status: the Workflow never ran (no status); save it after a workflow controller ran it, ` +
          `with \`kubectl get workflow ${workflow.metadata.name ?? 'NAME'} -o yaml\``,
      );
    }
    return workflow;
  });
  if (workflows.length === 0) throw new ConfigError(`${file}: no Workflow found`);
  return { suites: workflows.map((workflow) => workflowToSuite(workflow)) };
}
