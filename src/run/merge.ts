// `chaos-gate merge`: the JSON reports of parallel CI jobs (a GitHub matrix, Jenkins `parallel`
// stages) joined into one report and one gate. Each suite is named after the job it came from, so the
// same engine on two clusters stays two suites.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { GateConfig } from '../config/load.ts';
import { ConfigError } from '../errors.ts';
import { readInputFile, resultFileLimit } from '../files.ts';
import { parseJsonReport } from '../report/json.ts';
import { mergeReports, underLabel, type Report } from '../report/model.ts';
import type { GateOutcome } from './outcome.ts';
import { conclude, refuseAllSkipped, refuseBadReportPaths } from './publish.ts';

export function mergeGate(config: GateConfig, files: string[], log: (line: string) => void): GateOutcome {
  if (files.length === 0)
    throw new ConfigError('merge needs the JSON reports to join: chaos-gate merge a.json b.json');
  refuseBadReportPaths(config, { 'report to merge': files });
  refuseRepeatedFiles(files);
  const report = mergeReports(...files.map(readLabelled));
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

/** One job's report, its suites prefixed with the job: its target, its run id, or the file's path. */
function readLabelled(file: string): Report {
  // The guarded reader: a FIFO would hang here and /dev/zero fill the memory.
  const text = readInputFile(file, 'JSON report', resultFileLimit);
  const { report, meta } = parseJsonReport(text, file);
  const label = meta.target ?? meta.runId ?? path.relative(process.cwd(), file).replace(/\.json$/, '');
  return underLabel(report, label);
}
