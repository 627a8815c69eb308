// State shared between the action's main and post steps (GITHUB_STATE), as actions/checkout does it.
import * as core from '@actions/core';

const keys = { isPost: 'isPost', runId: 'runId', namespaces: 'namespaces', finished: 'finished' };

export const state = {
  /** The post step runs the same bundle; main marks itself so the second invocation knows it is post. */
  isPost: (): boolean => core.getState(keys.isPost) === 'true',
  markMain: (): void => core.saveState(keys.isPost, 'true'),
  saveRun(runId: string, namespaces: string[]): void {
    core.saveState(keys.runId, runId);
    core.saveState(keys.namespaces, namespaces.join(','));
  },
  markFinished: (): void => core.saveState(keys.finished, 'true'),
  /** A run that started but never reached its end: the main step was killed. */
  unfinishedRun(): { runId: string; namespaces: string[] } | undefined {
    const runId = core.getState(keys.runId);
    if (!runId || core.getState(keys.finished) === 'true') return undefined;
    return { runId, namespaces: core.getState(keys.namespaces).split(',').filter(Boolean) };
  },
};
