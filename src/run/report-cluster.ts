// What `chaos-gate report --namespace` reads: the engines in a live namespace and their results, as
// they are now. Nothing is applied.
import pMap from 'p-map';
import type { GateConfig } from '../config/load.ts';
import { CannotRunError, ConfigError } from '../errors.ts';
import { connect } from '../kube/client.ts';
import { loadKubeContext } from '../kube/context.ts';
import { enginePlural, LitmusClient, resultPlural } from '../litmus/client.ts';
import { convertChaos, expectedResultNames } from '../litmus/convert.ts';
import { readableResults, type ChaosEngine, type ChaosResult } from '../litmus/types.ts';
import type { Report } from '../report/model.ts';

/** The engines in `namespace` (those matching `selector`, if given) and their results. */
export async function chaosReportFromCluster(
  config: GateConfig,
  namespace: string,
  selector: string | undefined,
  log: (line: string) => void,
  /** A cancel: it ends the requests under way. */
  signal?: AbortSignal,
): Promise<Report> {
  const litmus = new LitmusClient(
    connect(loadKubeContext(config, { say: (line) => log(`chaos-gate: ${line}`) }), { signal }),
  );
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
  if (selector) listed.push(...(await resultsUnderExpectedNames(litmus, namespace, engines, listed)));
  const problems: string[] = [];
  const results = readableResults(listed, (problem) => problems.push(problem));
  if (problems.length > 0) throw new CannotRunError(problems.join('\n'));
  return convertChaos({ engines, results, asFound: true });
}

/**
 * Listed by chaosUID, an engine's results leave out one that another run wrote under the name its
 * experiment writes to. Read by name, it tells the user whose result stands there instead of theirs.
 */
async function resultsUnderExpectedNames(
  litmus: LitmusClient,
  namespace: string,
  engines: ChaosEngine[],
  listed: ChaosResult[],
): Promise<ChaosResult[]> {
  const have = new Set(listed.map((result) => result.metadata.name));
  const missing = engines.flatMap(expectedResultNames).filter((name) => !have.has(name));
  const found = await pMap(missing, (name) => litmus.getResult(namespace, name), { concurrency: 8 });
  return found.filter((result) => result !== undefined);
}
