// State shared between the action's main and post steps (GITHUB_STATE), as actions/checkout does it.
import * as core from '@actions/core';
import type { Target } from '../config/load.ts';
import type { Created } from '../run/resources.ts';
import type { HeldLease } from '../run/run-lock.ts';

const keys = {
  runs: 'runs',
  finished: 'finished',
  ended: 'ended',
};

/**
 * How the main step ended with its chaos perhaps still running: killed (it saved nothing more), failed
 * after the chaos started, or ended with a stop it could not confirm.
 */
export type MainEnd = 'killed' | 'failed' | 'unconfirmed';

export interface RecordedRun {
  runId: string;
  namespaces: string[];
  /** The cluster, when the run has several targets. */
  target?: Target;
  /** The run id's leases it held (a given run id), to let go of once its chaos is stopped. */
  leases?: HeldLease[];
  /** What it created so far, for its cleanup once its chaos is stopped. */
  created?: Created;
  /** Killed in preflight: it started no chaos, and only its leases are to let go of. */
  inPreflight?: true;
}

const runs: RecordedRun[] = [];

/**
 * The most the record of the runs may hold: GitHub hands it to the post step in an environment
 * variable, and Windows takes 32,767 characters for one (an applied object takes about 200).
 */
export const maxRecordChars = 30_000;

export const state = {
  /**
   * What the post step needs to find a run's engines and workflows: its id, where it may reach, and,
   * with several targets, which cluster; and the leases to free once they are stopped. Each
   * cluster's run is added to the list; saved again (its chaos started, or another lease taken), it
   * replaces what was saved of it.
   */
  saveRun(run: RecordedRun): void {
    const saved = runs.findIndex((r) => r.runId === run.runId);
    if (saved === -1) runs.push(run);
    else runs[saved] = run;
    core.saveState(keys.runs, JSON.stringify(runs));
  },
  /**
   * What a recorded run has created so far (kept up as it grows). False when that is more than the
   * record holds: what was saved before stands.
   */
  saveCreated(runId: string, created: Created): boolean {
    const run = runs.find((r) => r.runId === runId);
    if (!run) return true;
    const before = run.created;
    run.created = created;
    const recorded = JSON.stringify(runs);
    if (recorded.length > maxRecordChars) {
      run.created = before;
      return false;
    }
    core.saveState(keys.runs, recorded);
    return true;
  },
  /** The main step reached its end with its chaos confirmed stopped: the post step has nothing to do. */
  markFinished: (): void => core.saveState(keys.finished, 'true'),
  /**
   * The main step ended with its chaos perhaps still running: failed after it started, or with the
   * stop of some runs' chaos not confirmed. Only the runs `mayStillRun` says (all, without it) stay
   * recorded, for the post step to stop and name, saying why. The others' chaos was confirmed stopped
   * and their cleanup ran as the policy says: the post step must neither warn of them nor delete what
   * they kept.
   */
  markEnded(end: Exclude<MainEnd, 'killed'>, mayStillRun?: (run: RecordedRun) => boolean): void {
    if (mayStillRun) {
      runs.splice(0, runs.length, ...runs.filter(mayStillRun));
      core.saveState(keys.runs, JSON.stringify(runs));
    }
    core.saveState(keys.ended, end satisfies MainEnd);
  },
  mainEnd(): MainEnd {
    const end = core.getState(keys.ended);
    return end === 'failed' || end === 'unconfirmed' ? end : 'killed';
  },
  /** Runs whose chaos may still run: the main step was killed, or ended as mainEnd says. */
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
