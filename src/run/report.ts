// `chaos-gate report`: results that already exist — ChaosResults, a recorded Workflow, load-test
// outputs, Chaos Toolkit journals — through the same converters, gate and reports as `run`.
// Applies nothing; an unreadable input is a configuration error (exit 2), not a failed check.
import type { GateConfig } from '../config/load.ts';
import { readCtkJournal } from '../ctk/read.ts';
import { ConfigError } from '../errors.ts';
import { loadSchema, type LoadConfig } from '../load/schema.ts';
import type { Report } from '../report/model.ts';
import type { GateOutcome } from './outcome.ts';
import { conclude, refuseBadReportPaths, runMeta } from './publish.ts';
import { chaosInputFromFiles, workflowReportFromFile } from './report-sources.ts';
import { checkVerdicts, type ReportInput } from './report-verdicts.ts';

/** Inputs only `report` takes (command-line flags). */
export interface ReportSources {
  results: string[];
  /** Given on the command line: the live ChaosResults there are read whatever else is given. */
  namespace?: string;
  selector?: string;
  /** k6 summary and JMeter JTL files; they add to the config file's `load.results`. */
  k6?: string;
  jtl?: string;
}

export async function reportGate(
  config: GateConfig,
  sources: ReportSources,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<GateOutcome> {
  refuseBadReportPaths(config, {
    'ChaosResults file': sources.results,
    'k6 summary': [sources.k6],
    'JTL file': [sources.jtl],
  });
  const inputs: ReportInput[] = [];
  const load = loadToReport(config.load, sources);
  if (load) {
    if (load.impact.maxP95Ratio !== undefined || load.impact.maxErrorRateDuringChaos !== undefined)
      log('chaos-gate: WARNING: load.impact is not checked by report: only run knows when the chaos ran');
    // Loaded only here: the JTL, k6 and hey readers and their histograms are not needed for ChaosResults.
    const { readLoadSuite } = await import('../load/collect.ts');
    const files = Object.values(load.results).filter(Boolean).join(', ');
    inputs.push({ source: files, suites: [readLoadSuite(load, undefined, [])] });
  }
  for (const journal of config.ctkJournals)
    inputs.push({ source: journal, suites: [readCtkJournal(journal)] });
  const workflow = config.workflow?.file;
  if (workflow) inputs.push({ source: workflow, suites: workflowReportFromFile(workflow).suites });
  // The config file's namespace (set for `run`) is read only when nothing else is given.
  const namespace = sources.namespace ?? (inputs.length === 0 ? config.namespace : undefined);
  if (sources.results.length > 0) {
    if (sources.namespace || sources.selector)
      throw new ConfigError(
        'give ChaosResults either as files (--results) or live (--namespace, --selector), not both',
      );
    inputs.push(chaosInputFromFiles(sources.results));
  } else if (namespace) {
    // Several clusters leave no one context set: the read would go to the kubeconfig's current one.
    if (config.targets.length > 0)
      throw new ConfigError(
        `report reads one cluster's namespace, and ${config.targets.length} clusters are given (${config.targets.map((target) => target.name).join(', ')}): ` +
          'give one --context or --kubeconfig, or read each cluster with its own report and join them with chaos-gate merge',
      );
    // Loaded only here: converting files needs no Kubernetes client, and starts faster without it.
    const { chaosReportFromCluster } = await import('./report-cluster.ts');
    const live = await chaosReportFromCluster(config, namespace, sources.selector, log, signal);
    const where = `namespace ${namespace}${sources.selector ? `, selector ${sources.selector}` : ''}`;
    inputs.push({ source: where, suites: live.suites });
  } else if (sources.selector) {
    throw new ConfigError('--selector picks ChaosEngines in a namespace: give --namespace with it');
  }
  if (inputs.length === 0) {
    throw new ConfigError('report needs --results, --workflow, --k6, --jtl, --ctk-journal or --namespace');
  }
  checkVerdicts(inputs, config.gate, log);
  const report: Report = { suites: inputs.flatMap((input) => input.suites) };
  return { report, ...conclude(config, report, runMeta(config, config.runId), log) };
}

/** The config's load section with the result files given on the command line, if there is anything to read. */
function loadToReport(load: LoadConfig | undefined, sources: ReportSources): LoadConfig | undefined {
  const results = {
    ...load?.results,
    ...(sources.k6 ? { k6Summary: sources.k6 } : {}),
    ...(sources.jtl ? { jtl: sources.jtl } : {}),
  };
  if (!Object.values(results).some(Boolean)) return undefined;
  return { ...(load ?? loadSchema.parse({})), results };
}
