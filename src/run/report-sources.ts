// What `chaos-gate report` reads from files: results that already exist. Reading a live namespace is
// in report-cluster.ts, so the file path never loads the Kubernetes client.
import { workflowToSuite } from '../argo/convert.ts';
import type { Workflow } from '../argo/types.ts';
import { ConfigError } from '../errors.ts';
import { readManifests } from '../kube/manifests.ts';
import { convertChaos } from '../litmus/convert.ts';
import type { ChaosEngine, ChaosResult } from '../litmus/types.ts';
import type { Report } from '../report/model.ts';

/** ChaosResults (and optionally their ChaosEngines) from YAML/JSON files such as `kubectl get chaosresults -o yaml`. */
export function chaosReportFromFiles(files: string[]): Report {
  const objects = readManifests(files, 'input');
  const engines: ChaosEngine[] = [];
  const results: ChaosResult[] = [];
  for (const { object, source } of objects) {
    if (object.kind === 'ChaosEngine') engines.push(object as ChaosEngine);
    else if (object.kind === 'ChaosResult') results.push(object as ChaosResult);
    else throw new ConfigError(`${source}: field kind: expected ChaosResult or ChaosEngine`);
  }
  if (results.length === 0) {
    // An engine mirrors a verdict at most; the ChaosResult is where it is decided (and matched by chaosUID).
    throw new ConfigError(
      `${files.join(', ')}: no ChaosResult found${engines.length > 0 ? ` (only ${engines.length} ChaosEngine(s), which carry no verdict)` : ''}; ` +
        'save them with `kubectl get chaosresults -n NAMESPACE -o yaml`',
    );
  }
  return convertChaos({ engines, results });
}

/** Argo Workflows with their status, e.g. `kubectl get workflow NAME -o yaml`. */
export function workflowReportFromFile(file: string): Report {
  const objects = readManifests([file], 'input');
  const workflows = objects.map(({ object, source }) => {
    if (object.kind !== 'Workflow') throw new ConfigError(`${source}: field kind: expected Workflow`);
    const workflow = object as unknown as Workflow;
    if (!workflow.status?.phase) {
      throw new ConfigError(
        `${source}: field status: the Workflow never ran (no status); save it after a workflow controller ran it, ` +
          `with \`kubectl get workflow ${workflow.metadata.name ?? 'NAME'} -o yaml\``,
      );
    }
    return workflow;
  });
  if (workflows.length === 0) throw new ConfigError(`${file}: no Workflow found`);
  return { suites: workflows.map((workflow) => workflowToSuite(workflow)) };
}
