// Stops every ChaosEngine that carries a run's label: the last line of defence when the process that
// started the chaos was killed before it could stop it (the action's post step uses it).
import { runLabel } from '../kube/apply.ts';
import { loadKubeContext, type KubeTarget } from '../kube/context.ts';
import { enginePlural, LitmusClient } from '../litmus/client.ts';
import type { ChaosEngine } from '../litmus/types.ts';
import { isEngineFinished } from '../litmus/verdict.ts';

export async function stopRun(
  target: KubeTarget,
  runId: string,
  namespaces: string[],
  log: (line: string) => void,
): Promise<number> {
  const kube = loadKubeContext(target);
  try {
    const litmus = new LitmusClient(kube.kc);
    let stopped = 0;
    for (const namespace of namespaces) {
      const { items } = await litmus.list<ChaosEngine>(
        litmus.target(enginePlural, namespace, `${runLabel}=${runId}`),
      );
      for (const engine of items) {
        if (isEngineFinished(engine) || !engine.metadata.name) continue;
        await litmus.stopEngine(namespace, engine.metadata.name);
        log(`[chaos-gate] stopped ChaosEngine ${namespace}/${engine.metadata.name}`);
        stopped++;
      }
    }
    return stopped;
  } finally {
    kube.dispose();
  }
}
