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

export interface Progress {
  log: (line: string) => void;
  onPhase: (phase: RunPhase) => void;
}

export function progressLog(
  log: (line: string) => void,
  expectedChaosMs: number | undefined,
  now: () => number = Date.now,
): Progress {
  const startedMs = now();
  let chaosStartMs: number | undefined;
  let chaosEndMs: number | undefined;
  const expected = expectedChaosMs === undefined ? '' : `~${clock(expectedChaosMs)}`;
  const prefix = () => {
    const at = now();
    const parts = [`+${clock(at - startedMs)}`];
    if (chaosStartMs === undefined) {
      if (expected) parts.push(`chaos ${expected}`);
    } else if (chaosEndMs === undefined) {
      parts.push(`chaos ${clock(at - chaosStartMs)}${expected ? ` of ${expected}` : ''}`);
    } else {
      parts.push(`chaos took ${clock(chaosEndMs - chaosStartMs)}`);
    }
    return `[${parts.join(' | ')}]`;
  };
  return {
    log: (line) => log(`${prefix()} ${line}`),
    onPhase: (phase) => {
      if (phase === 'apply') chaosStartMs = now();
      if (phase === 'after') chaosEndMs = now();
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
