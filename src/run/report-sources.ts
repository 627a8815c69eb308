// What `chaos-gate report` reads: results that already exist, from files or from a live namespace.
// Nothing is applied.
import type { KubeConfig } from '@kubernetes/client-node';
import { workflowToSuite } from '../argo/convert.ts';
import type { Workflow } from '../argo/types.ts';
import { ConfigError } from '../errors.ts';
import { readManifests } from '../kube/manifests.ts';
import { enginePlural, resultPlural, LitmusClient } from '../litmus/client.ts';
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

/** The engines in a namespace (those matching `selector`, if given) and their results, as they are now. */
export async function chaosReportFromCluster(
  kc: KubeConfig,
  namespace: string,
  selector?: string,
): Promise<Report> {
  const litmus = new LitmusClient(kc);
  await litmus.assertInstalled();
  const engines = (await litmus.list<ChaosEngine>(litmus.target(enginePlural, namespace, selector))).items;
  const uids = engines.map((e) => e.metadata.uid).filter(Boolean);
  if (selector && uids.length === 0) {
    throw new ConfigError(`no ChaosEngine in namespace ${namespace} matches the selector "${selector}"`);
  }
  const results = (
    await litmus.list<ChaosResult>(
      litmus.target(resultPlural, namespace, selector ? `chaosUID in (${uids.join(',')})` : undefined),
    )
  ).items;
  return convertChaos({ engines, results });
}
