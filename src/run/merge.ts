// `chaos-gate merge`: the JSON reports of parallel CI jobs (a GitHub matrix, Jenkins `parallel`
// stages) joined into one report and one gate. Each suite is named after the job it came from, so the
// same engine on two clusters stays two suites.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GateConfig } from '../config/load.ts';
import { ConfigError, errorMessage } from '../errors.ts';
import { parseJsonReport } from '../report/json.ts';
import { mergeReports, underLabel, type Report } from '../report/model.ts';
import type { GateOutcome } from './outcome.ts';
import { conclude } from './publish.ts';

export function mergeGate(config: GateConfig, files: string[], log: (line: string) => void): GateOutcome {
  if (files.length === 0)
    throw new ConfigError('merge needs the JSON reports to join: chaos-gate merge a.json b.json');
  const report = mergeReports(...files.map(readLabelled));
  return { report, ...conclude(config, report, { merged: files.join(',') }, log) };
}

/** One job's report, its suites prefixed with the job: its target, its run id, or the file's path. */
function readLabelled(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the JSON report: ${errorMessage(error)}`);
  }
  const { report, meta } = parseJsonReport(text, file);
  const label = meta.target ?? meta.runId ?? path.relative(process.cwd(), file).replace(/\.json$/, '');
  return underLabel(report, label);
}
