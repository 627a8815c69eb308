// A run id labels everything its run applies, and a run finds what it started by it. A second run
// under the id of one whose chaos still runs (a build after one killed mid-run) would, searching by
// label for what it started, stop that chaos. Preflight refuses such a run before anything is applied.
import type { ArgoClient } from '../argo/client.ts';
import { isWorkflowCompleted } from '../argo/condition.ts';
import { settingName } from '../config/fields.ts';
import { runLabel } from '../kube/apply.ts';
import { describeApiError, statusCode } from '../kube/errors.ts';
import type { LitmusClient } from '../litmus/client.ts';
import { engineProblem } from '../litmus/types.ts';
import { isEngineFinished } from '../litmus/verdict.ts';

/** Where the run will put its engines and its workflow: where a run under the same id put its own. */
export interface RunPlaces {
  engines: string[];
  workflows: string[];
}

/**
 * The preflight problem, if chaos labelled with `runId` is still running there. A namespace that cannot
 * be listed is warned about, not refused: the run goes on as it did before the check.
 */
export async function runIdInUse(
  runId: string,
  places: RunPlaces,
  clients: { litmus: LitmusClient; argo?: ArgoClient },
  warn: (line: string) => void,
): Promise<string[]> {
  const selector = `${runLabel}=${runId}`;
  const listing = async <T>(what: string, namespace: string, list: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await list();
    } catch (error) {
      // Not served: none of that kind can be there.
      if (statusCode(error) !== 404)
        warn(
          `not checked whether another run under run id ${runId} still runs chaos: ${describeApiError(`listing ${what} labelled ${selector} in namespace ${namespace}`, error)}`,
        );
      return [];
    }
  };
  const { litmus, argo } = clients;
  const [engines, workflows] = await Promise.all([
    Promise.all(
      [...new Set(places.engines)].map(async (namespace) =>
        (await listing('ChaosEngines', namespace, () => litmus.enginesLabelled(namespace, selector)))
          .filter((engine) => !isEngineFinished(engine))
          // A status of the wrong shape (the CRD leaves it unchecked) is named by its field, not printed.
          .map(
            (engine) =>
              engineProblem(engine) ??
              `ChaosEngine ${namespace}/${engine.metadata.name ?? ''} (engineStatus ${engine.status?.engineStatus ?? 'unset'})`,
          ),
      ),
    ),
    Promise.all(
      [...new Set(argo ? places.workflows : [])].map(async (namespace) =>
        (
          await listing('Workflows', namespace, async () =>
            argo ? (await argo.list(argo.target(namespace, selector))).items : [],
          )
        )
          .filter((workflow) => !isWorkflowCompleted(workflow))
          .map(
            (workflow) =>
              `Workflow ${namespace}/${workflow.metadata.name ?? ''} (phase ${workflow.status?.phase ?? 'unset'})`,
          ),
      ),
    ),
  ]);
  const live = [...engines.flat(), ...workflows.flat()];
  if (live.length === 0) return [];
  return [
    `run id ${runId} already labels chaos that has not finished: ${live.join(', ')}. ` +
      "That is another run's (one at the same time, or one killed before it stopped its chaos): " +
      'this run finds what it started by the run id, and could stop it. ' +
      `Give each run its own run id (${settingName('runId')}; left unset, one is generated), or stop that chaos first`,
  ];
}
