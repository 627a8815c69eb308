// What `run` reads after the chaos: the load test's results and Chaos Toolkit journals. The chaos has
// already happened, so a missing or broken file becomes an errored case, not a lost report.
import { readCtkJournal } from '../ctk/read.ts';
import { errorMessage } from '../errors.ts';
import { commandOnlySuite, readLoadSuite } from '../load/collect.ts';
import type { LoadExit } from '../load/runner.ts';
import type { Window } from '../load/samples.ts';
import type { LoadConfig } from '../load/schema.ts';
import type { ReportCase, ReportSuite } from '../report/model.ts';

export function collectLoad(config: LoadConfig, exit: LoadExit | undefined, windows: Window[]): ReportSuite {
  try {
    return readLoadSuite(config, exit, windows);
  } catch (error) {
    const suite = commandOnlySuite(config, exit, windows);
    suite.cases.push(
      unreadable(
        suite.name,
        'load-threshold',
        'load results',
        `the load results could not be read: ${errorMessage(error)}`,
      ),
    );
    return suite;
  }
}

export function collectJournal(file: string): ReportSuite {
  try {
    return readCtkJournal(file);
  } catch (error) {
    const name = `chaostoolkit/${file}`;
    return {
      kind: 'chaostoolkit',
      name,
      properties: {},
      cases: [unreadable(name, 'ctk-hypothesis', 'journal', errorMessage(error))],
    };
  }
}

function unreadable(suite: string, kind: ReportCase['kind'], name: string, message: string): ReportCase {
  return { kind, className: suite, name, outcome: 'error', message, properties: {} };
}
