// State shared between the action's main and post steps (GITHUB_STATE), as actions/checkout does it.
import * as core from '@actions/core';
import type { Target } from '../config/load.ts';

const keys = {
  runs: 'runs',
  finished: 'finished',
};

export interface RecordedRun {
  runId: string;
  namespaces: string[];
  /** The cluster, when the run has several targets. */
  target?: Target;
}

const runs: RecordedRun[] = [];

export const state = {
  /**
   * What the post step needs to find a run's engines and workflows: its id, where it may reach, and,
   * with several targets, which cluster. Each cluster's run is added to the list.
   */
  saveRun(run: RecordedRun): void {
    runs.push(run);
    core.saveState(keys.runs, JSON.stringify(runs));
  },
  /** The main step reached its end with its chaos confirmed stopped: the post step has nothing to do. */
  markFinished: (): void => core.saveState(keys.finished, 'true'),
  /** Runs that started but never reached their end: the main step was killed. */
  unfinishedRuns(): RecordedRun[] | 'unreadable' {
    if (core.getState(keys.finished) === 'true') return [];
    const recorded = core.getState(keys.runs);
    return recorded ? parseRuns(recorded) : [];
  },
};

/** A record cut short (a step killed while writing it) must not crash the step that reads it. */
function parseRuns(recorded: string): RecordedRun[] | 'unreadable' {
  try {
    const runs: unknown = JSON.parse(recorded);
    return Array.isArray(runs) ? (runs as RecordedRun[]) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}
