// Log groups (`::group::`) around the phases of a run that print the most, so the step log opens on
// what matters: the apply, the wait, and the cleanup each fold into one line.
import * as core from '@actions/core';
import type { RunPhase } from '../run/run.ts';

const titles: Partial<Record<RunPhase, string>> = {
  apply: 'chaos-gate: apply',
  wait: 'chaos-gate: wait for the verdicts',
  cleanup: 'chaos-gate: clean up',
};

export function logGroups(): { onPhase: (phase: RunPhase) => void; end: () => void } {
  let open = false;
  const end = () => {
    if (open) core.endGroup();
    open = false;
  };
  return {
    onPhase(phase) {
      end();
      const title = titles[phase];
      if (title) {
        core.startGroup(title);
        open = true;
      }
    },
    end,
  };
}
