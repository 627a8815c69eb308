// What `chaos-gate report` reads from files: results that already exist. Reading a live namespace is
// in report-cluster.ts, so the file path never loads the Kubernetes client.
import type { z } from 'zod';
import { workflowToSuite } from '../argo/convert.ts';
import { workflowSchema } from '../argo/types.ts';
import { ConfigError } from '../errors.ts';
import { resultFileLimit } from '../files.ts';
import { duplicateProblems, readManifests, type Manifest } from '../kube/manifests.ts';
import { parseShape } from '../kube/shape.ts';
import { convertChaos, engineSuiteName, resultSuiteName } from '../litmus/convert.ts';
import { chaosEngineSchema, chaosResultSchema, type ChaosEngine, type ChaosResult } from '../litmus/types.ts';
import type { Report, ReportSuite } from '../report/model.ts';
import { describeIssues } from '../schema-issues.ts';
import type { ReportInput } from './report-verdicts.ts';

/** An object read from a file, checked against what the converter reads: wrong shapes name the field. */
function checked<T extends z.ZodType>(schema: T, manifest: Manifest): z.output<T> {
  const parsed = parseShape(schema, manifest.object);
  if (!parsed.success) throw new ConfigError(describeIssues(manifest.source, parsed.error).join('\n'));
  return parsed.data;
}

/** The objects of input files, and the file each came from; objects that repeat a name would silently replace one another. */
function readInputs(files: string[], what: string): { manifests: Manifest[]; fileOf: string[] } {
  const manifests: Manifest[] = [];
  const fileOf: string[] = [];
  for (const file of files) {
    for (const manifest of readManifests([file], 'input', { maxBytes: resultFileLimit, what })) {
      manifests.push(manifest);
      fileOf.push(file);
    }
  }
  const duplicates = duplicateProblems(manifests);
  if (duplicates.length > 0) throw new ConfigError(duplicates.join('\n'));
  return { manifests, fileOf };
}

/**
 * ChaosResults (and optionally their ChaosEngines) from YAML/JSON files such as `kubectl get
 * chaosresults -o yaml`. An engine and its results may be in different files and one file may hold
 * many engines, so a suite is named by the files its own objects came from.
 */
export function chaosInputFromFiles(files: string[]): ReportInput {
  const engines: ChaosEngine[] = [];
  const results: ChaosResult[] = [];
  // The file of each engine and result, beside them: a suite's files are worked out only if it holds nothing.
  const engineFiles: string[] = [];
  const resultFiles: string[] = [];
  const { manifests, fileOf } = readInputs(files, 'ChaosResults file');
  manifests.forEach((manifest, index) => {
    const { kind } = manifest.object;
    const file = fileOf[index] as string;
    if (kind === 'ChaosEngine') {
      engines.push(checked(chaosEngineSchema, manifest));
      engineFiles.push(file);
    } else if (kind === 'ChaosResult') {
      results.push(checked(chaosResultSchema, manifest));
      resultFiles.push(file);
    } else throw new ConfigError(`${manifest.source}: field kind: expected ChaosResult or ChaosEngine`);
  });
  if (results.length === 0) {
    // An engine mirrors a verdict at most; the ChaosResult is where it is decided (and matched by chaosUID).
    throw new ConfigError(
      `${files.join(', ')}: no ChaosResult found${engines.length > 0 ? ` (only ${engines.length} ChaosEngine(s), which carry no verdict)` : ''}; ` +
        'save them with `kubectl get chaosresults -n NAMESPACE -o yaml`',
    );
  }
  const groupFiles = () => {
    const grouped = new Map<string, Set<string>>();
    const add = (suite: string, file: string) =>
      grouped.set(suite, (grouped.get(suite) ?? new Set()).add(file));
    engines.forEach((engine, i) => add(engineSuiteName(engine), engineFiles[i] as string));
    results.forEach((result, i) => add(resultSuiteName(result), resultFiles[i] as string));
    return grouped;
  };
  let filesOfSuite: Map<string, Set<string>> | undefined;
  const sourceOf = (suite: ReportSuite) =>
    [...((filesOfSuite ??= groupFiles()).get(suite.name) ?? files)].join(', ');
  return {
    source: files.join(', '),
    suites: convertChaos({ engines, results, asFound: true }).suites,
    sourceOf,
  };
}

/** Argo Workflows with their status, e.g. `kubectl get workflow NAME -o yaml`. */
export function workflowReportFromFile(file: string): Report {
  const workflows = readInputs([file], 'Workflow file').manifests.map((manifest) => {
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
