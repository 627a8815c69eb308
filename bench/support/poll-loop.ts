// The anchor: what the polling tools users have today do (chaos-ci-lib reads the engine every DELAY,
// 5 s by default, until engineStatus is completed), run beside the CLI on the same engines.
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import type { ChaosEngine } from '../../src/litmus/types.ts';

export interface PollLoop {
  /** When a poll first found every engine completed (wall clock, ms). */
  sawAll: Promise<number>;
  stop(): void;
}

/**
 * Lists each namespace's engines every `intervalMs` until `count` of them are completed. The first list
 * comes at a random point of the first interval: a real job's polls fall anywhere against the chaos,
 * and a fixed start would give every run the same phase, so the same figure.
 */
export function startPollLoop(
  kc: KubeConfig,
  namespaces: string[],
  count: number,
  intervalMs = 5000,
): PollLoop {
  const api = kc.makeApiClient(CustomObjectsApi);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const completed = async () => {
    let done = 0;
    for (const namespace of namespaces) {
      const list = (await api.listNamespacedCustomObject({
        group: 'litmuschaos.io',
        version: 'v1alpha1',
        namespace,
        plural: 'chaosengines',
      })) as { items: ChaosEngine[] };
      done += list.items.filter((engine) => engine.status?.engineStatus === 'completed').length;
    }
    return done;
  };
  const sawAll = new Promise<number>((resolve, reject) => {
    const poll = async () => {
      if (stopped) return;
      if ((await completed()) >= count) return resolve(Date.now());
      timer = setTimeout(() => void poll().catch(reject), intervalMs);
    };
    timer = setTimeout(() => void poll().catch(reject), Math.random() * intervalMs);
  });
  return {
    sawAll,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
