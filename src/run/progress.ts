// Progress lines: every line a run logs starts with the time since the run began and where the chaos
// stands against how long it is set to last, so a console without timestamps (Jenkins by default)
// still reads as a timeline:
//   [+00:12 | chaos ~02:00]              before the chaos
//   [+01:05 | chaos 00:45 of ~02:00]     while it runs
//   [+02:40 | chaos took 02:05]          after
import type { GateConfig } from '../config/load.ts';
import { readManifests } from '../kube/manifests.ts';
import { engineChaosSeconds } from '../litmus/duration.ts';
import type { ChaosEngine } from '../litmus/types.ts';
import type { RunPhase } from './run.ts';

/** What a run logs through: lines with the prefix, and the phases that move its chaos clock. */
export interface ProgressLog {
  log: (line: string) => void;
  onPhase: (phase: RunPhase) => void;
}

export interface Progress extends ProgressLog {
  /**
   * The log of one of several clusters (targets.ts): its lines show that cluster's own chaos clock, as
   * each starts its chaos when the parallel limit lets it. The run's own lines (the verdict) show the
   * chaos of all of them, from the first start to the end of the last.
   */
  clusterLog: () => ProgressLog;
}

/** When a chaos started and ended, as the phases say. */
interface ChaosClock {
  startMs?: number;
  endMs?: number;
}

export function progressLog(
  log: (line: string) => void,
  expectedChaosMs: number | undefined,
  now: () => number = Date.now,
): Progress {
  const startedMs = now();
  const expected = expectedChaosMs === undefined ? '' : `~${clock(expectedChaosMs)}`;
  const logWith = (chaos: ChaosClock) => (line: string) => {
    const at = now();
    const parts = [`+${clock(at - startedMs)}`];
    if (chaos.startMs === undefined) {
      if (expected) parts.push(`chaos ${expected}`);
    } else if (chaos.endMs === undefined) {
      parts.push(`chaos ${clock(at - chaos.startMs)}${expected ? ` of ${expected}` : ''}`);
    } else {
      parts.push(`chaos took ${clock(chaos.endMs - chaos.startMs)}`);
    }
    log(`[${parts.join(' | ')}] ${line}`);
  };
  const mark = (chaos: ChaosClock, phase: RunPhase) => {
    if (phase === 'apply') chaos.startMs = now();
    if (phase === 'after') chaos.endMs = now();
  };
  const all: ChaosClock = {};
  let running = 0;
  return {
    log: logWith(all),
    onPhase: (phase) => mark(all, phase),
    clusterLog: () => {
      const own: ChaosClock = {};
      return {
        log: logWith(own),
        onPhase: (phase) => {
          mark(own, phase);
          // The run's chaos spans its clusters': from the first start to the end of the last running.
          if (phase === 'apply') {
            all.startMs ??= own.startMs;
            all.endMs = undefined;
            running += 1;
          }
          if (phase === 'after') {
            running -= 1;
            if (running === 0) all.endMs = own.endMs;
          }
        },
      };
    },
  };
}

/**
 * How long the configured chaos is set to last: engines run side by side, each runs its experiments
 * one after another. Undefined when no engine says (a workflow, or no TOTAL_CHAOS_DURATION).
 */
export function expectedChaosMs(config: GateConfig): number | undefined {
  let manifests;
  try {
    manifests = readManifests(config.engines, 'engine');
  } catch {
    return undefined; // the run itself reports the unreadable file
  }
  const seconds = manifests
    .map((m) => engineChaosSeconds(m.object as ChaosEngine))
    .filter((s) => s !== undefined);
  return seconds.length === 0 ? undefined : Math.max(...seconds) * 1000;
}

/** mm:ss, or h:mm:ss past an hour. */
function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
