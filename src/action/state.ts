// State shared between the action's main and post steps (GITHUB_STATE), as actions/checkout does it.
import * as core from '@actions/core';

const keys = {
  isPost: 'isPost',
  runId: 'runId',
  namespaces: 'namespaces',
  finished: 'finished',
  secretDir: 'secretDir',
};

export const state = {
  /** The post step runs the same bundle; main marks itself so the second invocation knows it is post. */
  isPost: (): boolean => core.getState(keys.isPost) === 'true',
  markMain: (): void => core.saveState(keys.isPost, 'true'),
  /** What the post step needs to find the run's engines and workflows: its id and where it may reach. */
  saveRun(runId: string, namespaces: string[]): void {
    core.saveState(keys.runId, runId);
    core.saveState(keys.namespaces, namespaces.join(','));
  },
  /** The folder of the inline kubeconfig, removed by the post step if main could not. */
  saveSecretDir: (dir: string): void => core.saveState(keys.secretDir, dir),
  secretDir: (): string | undefined => core.getState(keys.secretDir) || undefined,
  markFinished: (): void => core.saveState(keys.finished, 'true'),
  /** A run that started but never reached its end: the main step was killed. */
  unfinishedRun(): { runId: string; namespaces: string[] } | undefined {
    const runId = core.getState(keys.runId);
    if (!runId || core.getState(keys.finished) === 'true') return undefined;
    return { runId, namespaces: core.getState(keys.namespaces).split(',').filter(Boolean) };
  },
};
