// Helpers for the fault suite: a built CLI run that the test can act on at a chosen line of its
// output, and what the cluster holds afterwards.
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosEngine } from '../../src/litmus/types.ts';
import { runEntry, type Finished } from './run-node.ts';

export interface Watched {
  done: Promise<Finished & { ms: number }>;
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves when stdout (or stderr, where the CLI says what a signal does) matches, past or future; rejects when the run ends first. */
  reached: (pattern: RegExp, stream?: 'stdout' | 'stderr') => Promise<void>;
  stdout: () => string;
}

/** Runs dist/cli.js and lets the test wait for lines of its output. */
export function watchedRun(args: string[], env?: Record<string, string>): Watched {
  const text = { stdout: '', stderr: '' };
  const waiting = new Set<{ pattern: RegExp; stream: keyof typeof text; resolve: () => void }>();
  const started = Date.now();
  const seen = (stream: keyof typeof text) => (all: string) => {
    text[stream] = all;
    for (const waiter of waiting)
      if (waiter.stream === stream && waiter.pattern.test(all)) {
        waiting.delete(waiter);
        waiter.resolve();
      }
  };
  const entry = runEntry('dist/cli.js', args, { env, onStdout: seen('stdout'), onStderr: seen('stderr') });
  const done = entry.done.then((finished) => ({ ...finished, ms: Date.now() - started }));
  return {
    done,
    kill: entry.kill,
    stdout: () => text.stdout,
    reached: (pattern, stream = 'stdout') =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(text[stream])) return resolve();
        waiting.add({ pattern, stream, resolve });
        void done.then((finished) =>
          reject(
            new Error(
              `the run ended (exit ${finished.code}) before ${pattern}:\n${finished.stdout}${finished.stderr}`,
            ),
          ),
        );
      }),
  };
}

export async function readEngine(
  kc: KubeConfig,
  namespace: string,
  name: string,
): Promise<ChaosEngine | undefined> {
  try {
    return (await kc.makeApiClient(CustomObjectsApi).getNamespacedCustomObject({
      group: 'litmuschaos.io',
      version: 'v1alpha1',
      namespace,
      plural: 'chaosengines',
      name,
    })) as ChaosEngine;
  } catch {
    return undefined;
  }
}

/** Polls until `check` holds or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await sleep(200);
  }
}
