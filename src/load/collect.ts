// The load test's exit and result files as its testsuite: the configured thresholds and impact limits
// over whatever result files the config names.
import type { ReportSuite } from '../report/model.ts';
import { readK6Summary, readRequestFigures } from './read.ts';
import type { LoadExit } from './runner.ts';
import type { Window } from './samples.ts';
import type { LoadConfig } from './schema.ts';
import { loadSuite } from './suite.ts';

/** Throws a ConfigError naming the file when a result file cannot be read. */
export function readLoadSuite(
  config: LoadConfig,
  exit: LoadExit | undefined,
  windows: Window[],
): ReportSuite {
  return loadSuite({
    exit,
    command: commandText(config),
    k6: config.results.k6Summary ? readK6Summary(config.results.k6Summary) : undefined,
    requests: readRequestFigures(config.results, exit, windows),
    windows,
    thresholds: config.thresholds,
    impact: config.impact,
    heyCsv: config.results.heyCsv,
  });
}

/** The suite of a command whose results could not be read: its exit alone. */
export function commandOnlySuite(
  config: LoadConfig,
  exit: LoadExit | undefined,
  windows: Window[],
): ReportSuite {
  return loadSuite({ exit, command: commandText(config), windows, thresholds: {}, impact: {} });
}

function commandText(config: LoadConfig): string | undefined {
  return Array.isArray(config.command) ? config.command.join(' ') : config.command;
}
