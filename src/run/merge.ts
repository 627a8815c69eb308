// `chaos-gate merge`: the JSON reports of parallel CI jobs (a GitHub matrix, Jenkins `parallel`
// stages) joined into one report and one gate. Each suite is named after the job it came from, so the
// same engine on two clusters stays two suites: its label, else its run id, else its report's path.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { settingName } from '../config/fields.ts';
import type { GateConfig } from '../config/load.ts';
import { CannotRunError, ConfigError } from '../errors.ts';
import { readInputFile, resultFileLimit } from '../files.ts';
import { parseJsonReport } from '../report/json.ts';
import { mergeReports, underLabel, type Report } from '../report/model.ts';
import type { GateOutcome } from './outcome.ts';
import { conclude, refuseAllSkipped, refuseBadReportPaths } from './publish.ts';

/** One job's report, and the label its suites are named under. */
interface JobReport {
  file: string;
  label: string;
  /** Where the label came from, for the user who must make it unique. */
  labelSource: 'label' | 'run id' | 'path';
  report: Report;
  /** Set when the job's run was cancelled: its cases are what was known when it was cut short. */
  cancelled?: string;
}

export function mergeGate(config: GateConfig, files: string[], log: (line: string) => void): GateOutcome {
  if (files.length === 0)
    throw new ConfigError('merge needs the JSON reports to join: chaos-gate merge a.json b.json');
  refuseBadReportPaths(config, { 'report to merge': files });
  refuseRepeatedFiles(files);
  const jobs = files.map(readJob);
  refuseUnexpectedCount(jobs, config.merge.expect);
  refuseSharedLabels(jobs);
  refuseCancelled(jobs);
  const report = mergeReports(...jobs.map((job) => underLabel(job.report, job.label)));
  refuseAllSkipped(report, config.gate);
  return { report, ...conclude(config, report, { merged: files.join(',') }, log) };
}

/** A file named twice (overlapping globs, say) would count every one of its cases twice. */
function refuseRepeatedFiles(files: string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      continue; // Reading it says what is wrong with it.
    }
    const first = seen.get(real);
    if (first !== undefined)
      throw new ConfigError(`${file}: the same file as ${first}: its cases would be counted twice`);
    seen.set(real, file);
  }
}

/**
 * One job's report, named after the job: its label, which stays the same build after build (the run
 * id, one run's own on the cluster, may not), else its run id, else the file's path.
 */
function readJob(file: string): JobReport {
  // The guarded reader: a FIFO would hang here and /dev/zero fill the memory.
  const text = readInputFile(file, 'JSON report', resultFileLimit);
  const { report, meta } = parseJsonReport(text, file);
  const [label, labelSource] =
    meta.label !== undefined
      ? [meta.label, 'label' as const]
      : meta.runId !== undefined
        ? [meta.runId, 'run id' as const]
        : [path.relative(process.cwd(), file).replace(/\.json$/, ''), 'path' as const];
  return { file, label, labelSource, report, cancelled: meta.cancelled };
}

const listed = (jobs: JobReport[]) => jobs.map((job) => `  ${job.label}: ${job.file}`).join('\n');

/**
 * A job that could not run writes no report, and a pattern (`reports/*\/report.json`) still matches
 * the others': without a count to hold them to, the gate would pass over the clusters that reported.
 */
function refuseUnexpectedCount(jobs: JobReport[], expect: number | undefined): void {
  if (expect === undefined || jobs.length === expect) return;
  const why =
    jobs.length < expect
      ? 'a job that could not run writes no report: see which one in the CI run'
      : 'more reports than jobs: a pattern matching an old or foreign report, or the expected count out of date';
  throw new CannotRunError(
    `expected ${expect} reports to merge (${settingName('merge.expect')} ${expect}), found ${jobs.length}; ${why}:\n${listed(jobs)}`,
  );
}

/**
 * Two jobs under one label (every matrix job given the same label or run id) would share suite names
 * and annotations, and every JUnit reader would mix their cases up: each job must name itself.
 */
function refuseSharedLabels(jobs: JobReport[]): void {
  const seen = new Map<string, JobReport>();
  for (const job of jobs) {
    const first = seen.get(job.label);
    if (first) {
      const source =
        first.labelSource === job.labelSource
          ? `their ${job.labelSource}`
          : `their ${first.labelSource} and ${job.labelSource}`;
      throw new ConfigError(
        `${first.file} and ${job.file} are both labelled "${job.label}" (${source}): their suites would have the same names and their cases would be mixed up; give each job its own label (--label, the label input, label in a config file or in Jenkins), e.g. the matrix's cluster`,
      );
    }
    seen.set(job.label, job);
  }
}

/**
 * A cancelled job's report holds what was known when it was cut short, its unfinished experiments
 * stopped: with `--stopped-as skip` it would pass unseen. That job judged nothing, as one that wrote
 * no report.
 */
function refuseCancelled(jobs: JobReport[]): void {
  const cancelled = jobs.filter((job) => job.cancelled !== undefined);
  if (cancelled.length === 0) return;
  throw new CannotRunError(
    `cancelled before all their verdicts were in, so their reports are partial and nothing can be judged over them (run the jobs again):\n${cancelled
      .map((job) => `  ${job.label}: ${job.file} (cancelled by ${job.cancelled})`)
      .join('\n')}`,
  );
}
