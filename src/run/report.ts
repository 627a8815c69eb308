// `chaos-gate report`: results that already exist — ChaosResults, a recorded Workflow, load-test
// outputs, Chaos Toolkit journals — through the same converters, gate and reports as `run`.
// Applies nothing; an unreadable input is a configuration error (exit 2), not a failed check.
import type { GateConfig } from '../config/load.ts';
import { readCtkJournal } from '../ctk/read.ts';
import { ConfigError } from '../errors.ts';
import { connect } from '../kube/client.ts';
import { loadKubeContext } from '../kube/context.ts';
import { readLoadSuite } from '../load/collect.ts';
import { loadSchema, type LoadConfig } from '../load/schema.ts';
import { mergeReports, type Report } from '../report/model.ts';
import type { GateOutcome } from './outcome.ts';
import { conclude } from './publish.ts';
import { chaosReportFromCluster, chaosReportFromFiles, workflowReportFromFile } from './report-sources.ts';

/** Inputs only `report` takes (command-line flags). */
export interface ReportSources {
  results: string[];
  selector?: string;
  /** k6 summary and JMeter JTL files; they add to the config file's `load.results`. */
  k6?: string;
  jtl?: string;
}

export async function reportGate(
  config: GateConfig,
  sources: ReportSources,
  log: (line: string) => void,
): Promise<GateOutcome> {
  const parts: Report[] = [];
  const load = loadToReport(config.load, sources);
  if (load) parts.push({ suites: [readLoadSuite(load, undefined, [])] });
  if (config.ctkJournals.length > 0) parts.push({ suites: config.ctkJournals.map(readCtkJournal) });
  if (config.workflow?.file) parts.push(workflowReportFromFile(config.workflow.file));
  if (sources.results.length > 0) parts.push(chaosReportFromFiles(sources.results));
  else if (config.namespace && parts.length === 0) {
    const kube = loadKubeContext(config);
    try {
      parts.push(await chaosReportFromCluster(connect(kube.kc), config.namespace, sources.selector));
    } finally {
      kube.dispose();
    }
  }
  if (parts.length === 0) {
    throw new ConfigError('report needs --results, --workflow, --k6, --jtl, --ctk-journal or --namespace');
  }
  const report = mergeReports(...parts);
  return { report, ...conclude(config, report, {}, log) };
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
