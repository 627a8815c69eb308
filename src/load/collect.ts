// After a run: the load test's exit and result files as its testsuite. Never throws — the chaos has
// already happened, so a missing or broken result file becomes a failed case, not a lost report.
import { errorMessage } from '../errors.ts';
import type { ReportSuite } from '../report/model.ts';
import { readK6Summary, readSamples } from './read.ts';
import type { LoadExit } from './runner.ts';
import type { Window } from './samples.ts';
import type { LoadConfig } from './schema.ts';
import { loadSuite } from './suite.ts';

export function collectLoad(config: LoadConfig, exit: LoadExit | undefined, windows: Window[]): ReportSuite {
  const command = Array.isArray(config.command) ? config.command.join(' ') : config.command;
  try {
    return loadSuite({
      exit,
      command,
      k6: config.results.k6Summary ? readK6Summary(config.results.k6Summary) : undefined,
      samples: readSamples(config.results, exit?.startedAtMs ?? Date.now()),
      windows,
      thresholds: config.thresholds,
      impact: config.impact,
    });
  } catch (error) {
    const suite = loadSuite({ exit, command, windows, thresholds: {}, impact: {} });
    suite.cases.push({
      kind: 'load-threshold',
      className: suite.name,
      name: 'load results',
      outcome: 'error',
      message: `the load results could not be read: ${errorMessage(error)}`,
      properties: {},
    });
    return suite;
  }
}
