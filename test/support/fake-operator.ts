// Plays the LitmusChaos chaos-operator, runner and experiment pods against the sandbox API server:
// watches ChaosEngines and writes what they write (litmus.md §3-§4, the shared fixtures' shapes),
// with an outcome the test chooses. It injects no fault.
import {
  CustomObjectsApi,
  PatchStrategy,
  Watch,
  setHeaderOptions,
  type KubeConfig,
} from '@kubernetes/client-node';
import type { ChaosEngine, ChaosResult, ProbeStatusEntry } from '../../src/litmus/types.ts';

export type Outcome = 'pass' | 'fail' | 'fail-probe' | 'error' | 'never';

export const outcomeAnnotation = 'chaos-gate.test/outcome';

export interface FakeOperatorOptions {
  kc: KubeConfig;
  namespace: string;
  /** Default: the engine's `chaos-gate.test/outcome` annotation, else pass. */
  outcomeFor?: (engine: ChaosEngine) => Outcome;
  /** Delay between the operator's steps. */
  stepMs?: number;
}

export interface FakeOperator {
  stop(): Promise<void>;
  /** Engines it has seen stopped (aborted) by an `engineState: stop` patch. */
  aborted: Set<string>;
}

const group = 'litmuschaos.io';
const version = 'v1alpha1';
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

export async function startFakeOperator(options: FakeOperatorOptions): Promise<FakeOperator> {
  const { kc, namespace } = options;
  const api = kc.makeApiClient(CustomObjectsApi);
  const stepMs = options.stepMs ?? 300;
  const outcomeFor =
    options.outcomeFor ??
    ((e) => (e.metadata.annotations?.[outcomeAnnotation] as Outcome | undefined) ?? 'pass');
  const running = new Map<string, { timers: NodeJS.Timeout[]; engine: ChaosEngine }>();
  const aborted = new Set<string>();
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  const patchEngine = (name: string, body: object) =>
    api.patchNamespacedCustomObject(
      { group, version, namespace, plural: 'chaosengines', name, body },
      mergePatch,
    );

  const writeResult = async (result: ChaosResult) => {
    const name = result.metadata.name ?? '';
    try {
      const existing = (await api.getNamespacedCustomObject({
        group,
        version,
        namespace,
        plural: 'chaosresults',
        name,
      })) as ChaosResult;
      await api.replaceNamespacedCustomObject({
        group,
        version,
        namespace,
        plural: 'chaosresults',
        name,
        body: {
          ...result,
          metadata: { ...result.metadata, resourceVersion: existing.metadata.resourceVersion },
        },
      });
    } catch (error) {
      if ((error as { code?: number }).code !== 404) throw error;
      await api.createNamespacedCustomObject({
        group,
        version,
        namespace,
        plural: 'chaosresults',
        body: result,
      });
    }
  };

  const probesOf = (engine: ChaosEngine, experiment: string) =>
    engine.spec?.experiments?.find((e) => e.name === experiment)?.spec?.probe ?? [];

  const resultFor = (
    engine: ChaosEngine,
    experiment: string,
    status: NonNullable<ChaosResult['status']>,
  ): ChaosResult => ({
    apiVersion: `${group}/${version}`,
    kind: 'ChaosResult',
    metadata: {
      name: `${engine.metadata.name}-${experiment}`,
      namespace,
      labels: {
        chaosUID: engine.metadata.uid ?? '',
        name: experiment,
        'app.kubernetes.io/component': 'experiment-job',
      },
    },
    spec: { engine: engine.metadata.name, experiment },
    status,
  });

  const experimentsStatus = (engine: ChaosEngine, status: string, verdict: string) =>
    (engine.spec?.experiments ?? []).map((e) => ({
      name: e.name,
      runner: `${engine.metadata.name}-runner`,
      experimentPod: status === 'Running' ? `${e.name}-${(engine.metadata.uid ?? '').slice(0, 6)}` : 'N/A',
      status,
      verdict,
      lastUpdateTime: now(),
    }));

  const finalStatus = (
    engine: ChaosEngine,
    experiment: string,
    outcome: Outcome,
  ): NonNullable<ChaosResult['status']> => {
    const probes = probesOf(engine, experiment);
    const probeStatuses = (verdicts: (i: number) => ProbeStatusEntry['status']): ProbeStatusEntry[] =>
      probes.map((p, i) => ({ name: p.name, type: p.type, mode: p.mode, status: verdicts(i) }));
    const passed = { verdict: 'Passed', description: 'Probe passed' };
    switch (outcome) {
      case 'pass':
        return {
          experimentStatus: { phase: 'Completed', verdict: 'Pass', probeSuccessPercentage: '100' },
          probeStatuses: probeStatuses(() => passed),
          history: {
            passedRuns: 1,
            failedRuns: 0,
            stoppedRuns: 0,
            targets: [{ name: 'checkout', kind: 'deployment', chaosStatus: 'targeted' }],
          },
        };
      case 'fail-probe':
        return {
          experimentStatus: {
            phase: 'Completed_With_Probe_Failure',
            verdict: 'Fail',
            probeSuccessPercentage: String(
              Math.floor(((probes.length - 1) * 100) / Math.max(probes.length, 1)),
            ),
          },
          probeStatuses: probeStatuses((i) =>
            i === 0
              ? {
                  verdict: 'Failed',
                  description: 'Actual value: 503. Expected value: should be equal to 200',
                }
              : passed,
          ),
          history: { passedRuns: 0, failedRuns: 1, stoppedRuns: 0 },
        };
      case 'fail':
        return {
          experimentStatus: { phase: 'Completed', verdict: 'Fail', probeSuccessPercentage: '0' },
          probeStatuses: probeStatuses(() => ({
            verdict: 'Failed',
            description: 'Probe did not meet the passing criteria',
          })),
          history: { passedRuns: 0, failedRuns: 1, stoppedRuns: 0 },
        };
      case 'error':
        return {
          experimentStatus: {
            phase: 'Error',
            verdict: 'Error',
            probeSuccessPercentage: '0',
            errorOutput: {
              errorCode: 'TARGET_SELECTION_ERROR',
              reason: JSON.stringify({
                errorCode: 'TARGET_SELECTION_ERROR',
                phase: 'ChaosInject',
                reason: 'no target pods found',
              }),
            },
          },
          probeStatuses: probeStatuses(() => ({
            verdict: 'N/A',
            description: 'Either probe is not executed or not evaluated',
          })),
          history: { passedRuns: 0, failedRuns: 0, stoppedRuns: 0 },
        };
      case 'never':
        throw new Error('an engine with outcome never has no final status');
    }
  };

  const later = (key: string, ms: number, action: () => Promise<unknown>) => {
    const entry = running.get(key);
    entry?.timers.push(
      setTimeout(
        () => void action().catch((error: unknown) => console.error(`fake operator: ${String(error)}`)),
        ms,
      ),
    );
  };

  const begin = (engine: ChaosEngine) => {
    const key = engine.metadata.uid ?? '';
    running.set(key, { timers: [], engine });
    const name = engine.metadata.name ?? '';
    const experiments = (engine.spec?.experiments ?? []).map((e) => e.name);
    const outcome = outcomeFor(engine);
    later(key, stepMs, async () => {
      await patchEngine(name, {
        status: { engineStatus: 'initialized', experiments: experimentsStatus(engine, 'Running', 'Awaited') },
      });
      for (const experiment of experiments) {
        await writeResult(
          resultFor(engine, experiment, {
            experimentStatus: { phase: 'Running', verdict: 'Awaited', probeSuccessPercentage: 'Awaited' },
            probeStatuses: probesOf(engine, experiment).map((p) => ({
              name: p.name,
              type: p.type,
              mode: p.mode,
              status: { verdict: 'Awaited' },
            })),
            history: { passedRuns: 0, failedRuns: 0, stoppedRuns: 0 },
          }),
        );
      }
    });
    if (outcome === 'never') return;
    later(key, stepMs * 3, async () => {
      if (!running.has(key)) return;
      for (const experiment of experiments)
        await writeResult(resultFor(engine, experiment, finalStatus(engine, experiment, outcome)));
      const verdict = { pass: 'Pass', fail: 'Fail', 'fail-probe': 'Fail', error: 'Error' }[outcome];
      // Done before the patch: the operator's own `engineState: stop` must not read as an abort.
      running.delete(key);
      await patchEngine(name, {
        spec: { engineState: 'stop' },
        status: { engineStatus: 'completed', experiments: experimentsStatus(engine, 'Completed', verdict) },
      });
    });
  };

  const abort = async (engine: ChaosEngine) => {
    const key = engine.metadata.uid ?? '';
    const entry = running.get(key);
    if (!entry) return;
    entry.timers.forEach(clearTimeout);
    running.delete(key);
    aborted.add(engine.metadata.name ?? '');
    for (const experiment of (engine.spec?.experiments ?? []).map((e) => e.name)) {
      await writeResult({
        ...resultFor(engine, experiment, {
          experimentStatus: { phase: 'Stopped', verdict: 'Stopped', probeSuccessPercentage: '0' },
          probeStatuses: probesOf(engine, experiment).map((p) => ({
            name: p.name,
            type: p.type,
            mode: p.mode,
            status: { verdict: 'N/A', description: 'Either probe is not executed or not evaluated' },
          })),
          history: { passedRuns: 0, failedRuns: 0, stoppedRuns: 1 },
        }),
        metadata: { name: `${engine.metadata.name}-${experiment}`, namespace, labels: { chaosUID: key } },
      });
    }
    await patchEngine(engine.metadata.name ?? '', {
      status: {
        engineStatus: 'stopped',
        experiments: experimentsStatus(engine, 'Forcefully Aborted', 'Stopped'),
      },
    });
  };

  const onEvent = (type: string, engine: ChaosEngine) => {
    const key = engine.metadata.uid ?? '';
    if (type === 'DELETED') {
      running.get(key)?.timers.forEach(clearTimeout);
      running.delete(key);
      return;
    }
    if (
      type === 'ADDED' &&
      !engine.status?.engineStatus &&
      engine.spec?.engineState !== 'stop' &&
      !running.has(key)
    ) {
      begin(engine);
    } else if (engine.spec?.engineState === 'stop' && running.has(key)) {
      void abort(engine).catch((error: unknown) => console.error(`fake operator abort: ${String(error)}`));
    }
  };
  // Like a real controller, watch again whenever the watch ends; a new watch replays existing engines as ADDED.
  let stopped = false;
  let controller: AbortController | undefined;
  const watch = async (): Promise<void> => {
    if (stopped) return;
    const ended = () => setTimeout(() => void watch(), 200);
    controller = await new Watch(kc)
      .watch(`/apis/${group}/${version}/namespaces/${namespace}/chaosengines`, {}, onEvent, ended)
      .catch(() => {
        ended();
        return undefined;
      });
  };
  await watch();

  return {
    aborted,
    async stop() {
      stopped = true;
      controller?.abort();
      for (const entry of running.values()) entry.timers.forEach(clearTimeout);
      running.clear();
    },
  };
}
