// What `chaos-gate report --namespace` reads: the engines in a live namespace and their results, as
// they are now. Nothing is applied.
import type { GateConfig } from '../config/load.ts';
import { CannotRunError, ConfigError } from '../errors.ts';
import { connect } from '../kube/client.ts';
import { loadKubeContext } from '../kube/context.ts';
import { enginePlural, LitmusClient, resultPlural } from '../litmus/client.ts';
import { convertChaos } from '../litmus/convert.ts';
import { readableResults, type ChaosEngine, type ChaosResult } from '../litmus/types.ts';
import type { Report } from '../report/model.ts';

/** The engines in `namespace` (those matching `selector`, if given) and their results. */
export async function chaosReportFromCluster(
  config: GateConfig,
  namespace: string,
  selector?: string,
): Promise<Report> {
  const kube = loadKubeContext(config);
  try {
    const litmus = new LitmusClient(connect(kube.kc));
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
    return convertChaos({ engines, results, asFound: true });
  } finally {
    kube.dispose();
  }
}
