// `chaos-gate report`: results that already exist — ChaosResults, a recorded Workflow, load-test
// outputs, Chaos Toolkit journals — through the same converters, gate and reports as `run`.
// Applies nothing; an unreadable input is a configuration error (exit 2), not a failed check.
import type { GateConfig } from '../config/load.ts';
import { readCtkJournal } from '../ctk/read.ts';
import { CannotRunError, ConfigError } from '../errors.ts';
import { loadSchema, type LoadConfig } from '../load/schema.ts';
import { mergeReports, type Report, type ReportCase, type ReportSuite } from '../report/model.ts';
import type { GateOutcome } from './outcome.ts';
import { conclude, refuseBadReportPaths } from './publish.ts';
import { chaosReportFromFiles, workflowReportFromFile } from './report-sources.ts';

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
): Promise<GateOutcome> {
  refuseBadReportPaths(config.reports);
  const parts: Report[] = [];
  const load = loadToReport(config.load, sources);
  if (load) {
    if (load.impact.maxP95Ratio !== undefined || load.impact.maxErrorRateDuringChaos !== undefined)
      log('chaos-gate: WARNING: load.impact is not checked by report: only run knows when the chaos ran');
    // Loaded only here: the JTL, k6 and hey readers and their histograms are not needed for ChaosResults.
    const { readLoadSuite } = await import('../load/collect.ts');
    parts.push({ suites: [readLoadSuite(load, undefined, [])] });
  }
  if (config.ctkJournals.length > 0) parts.push({ suites: config.ctkJournals.map(readCtkJournal) });
  if (config.workflow?.file) parts.push(workflowReportFromFile(config.workflow.file));
  // The config file's namespace (set for `run`) is read only when nothing else is given.
  const namespace = sources.namespace ?? (parts.length === 0 ? config.namespace : undefined);
  if (sources.results.length > 0) {
    if (sources.namespace || sources.selector)
      throw new ConfigError(
        'give ChaosResults either as files (--results) or live (--namespace, --selector), not both',
      );
    parts.push(chaosReportFromFiles(sources.results));
  } else if (namespace) {
    // Loaded only here: converting files needs no Kubernetes client, and starts faster without it.
    const { chaosReportFromCluster } = await import('./report-cluster.ts');
    parts.push(await chaosReportFromCluster(config, namespace, sources.selector));
  } else if (sources.selector) {
    throw new ConfigError('--selector picks ChaosEngines in a namespace: give --namespace with it');
  }
  if (parts.length === 0) {
    throw new ConfigError('report needs --results, --workflow, --k6, --jtl, --ctk-journal or --namespace');
  }
  const report = mergeReports(...parts);
  checkVerdicts(report, log);
  return { report, ...conclude(config, report, config.runId ? { runId: config.runId } : {}, log) };
}

/** Outcomes that say how something went; an unfinished or skipped case says nothing yet. */
const isVerdict = (testCase: ReportCase) => testCase.outcome !== 'timeout' && testCase.outcome !== 'skipped';

/**
 * Input that holds no verdict at all cannot pass or fail the gate: exit 2 (could not judge), naming
 * what is missing, rather than a failure that talks about a timeout that never happened. An input
 * without verdicts beside others that have them is named in a warning.
 */
function checkVerdicts(report: Report, log: (line: string) => void): void {
  const silent = report.suites.filter((suite) => !suite.cases.some(isVerdict));
  const missing = silent.map((suite) => `${suite.name}: ${whatIsMissing(suite)}`);
  if (silent.length === report.suites.length)
    throw new CannotRunError(`nothing to judge: ${missing.join('; ')}`);
  missing.forEach((line) => log(`chaos-gate: WARNING: nothing to judge in ${line}`));
}

function whatIsMissing(suite: ReportSuite): string {
  if (suite.kind === 'load' && suite.cases.length === 0) {
    // load.thresholds are checked against per-request results only, never against a summary's figures.
    if (suite.properties['overall.requests'] === undefined)
      return (
        'the k6 summary holds no thresholds or checks; add thresholds to the k6 script, ' +
        'or give per-request results (--jtl, k6 --out json, hey) with load.thresholds'
      );
    const requests = suite.properties['overall.requests'];
    const errorRate = Number(suite.properties['overall.errorRate'] ?? 0);
    return (
      `${requests} requests read (error rate ${(errorRate * 100).toFixed(2)}%) but no threshold to check them against; ` +
      'set load.thresholds (p95, p99, errorRate) in the config file given with --config'
    );
  }
  const unfinished = suite.cases.map((c) => `${c.name}: ${c.message ?? c.outcome}`);
  return unfinished.length > 0 ? unfinished.slice(0, 3).join(', ') : 'no results in it';
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
