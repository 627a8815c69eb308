// A stand-in for the LitmusChaos chaos-operator, chaos-runner and experiment pod, for the sandbox API
// server. The real operator cannot run here (its Go modules are not served by the module proxy), so this
// one writes what they write, with an outcome each test chooses, and injects no fault.
//
// What it reproduces (LitmusChaos 3.x; chaos-operator, chaos-runner and litmus-go behaviour):
//  - a new engine (or a completed/stopped one set active again) is picked up by a watch; the operator
//    sets `engineState: active` if empty and `engineStatus: initialized`, the runner lists each
//    experiment Running / Awaited (experimentPod, runner `<engine>-runner`, lastUpdateTime);
//  - the experiment's start-of-test ChaosResult `<engine>-<experiment>`: Running / Awaited, percentage
//    "Awaited", every probe Awaited, labels of the experiment pod plus `chaosUID` = the engine's UID,
//    history counters carried over from an existing result of that name;
//  - the end-of-test result, written as a whole-object update retried on conflict: Pass (probes Passed
//    with litmus-go's texts, "100"), a probe failure (Completed_With_Probe_Failure / Fail, the first probe
//    Failed with the comparator's text, passed*100/probes), Fail (every probe Failed, "0"), or Error
//    (errorOutput TARGET_SELECTION_ERROR with litmus-go's JSON reason, probes N/A, no counter);
//  - completion: the runner copies the verdict onto the engine, the operator sets `engineStatus:
//    completed` and `engineState: stop` (so a `stop` of its own is no abort);
//  - abort by `engineState: stop` (or deleting the engine) while running: the result turns Stopped /
//    Stopped with labels reduced to `chaosUID` and stoppedRuns+1, the experiment Forcefully Aborted /
//    Stopped, `engineStatus: stopped`;
//  - no status subresource: status is written with plain patches and updates, as upstream.
// What it does not reproduce:
//  - no runner or experiment pods, Jobs, helper pods or events are created, nothing is targeted, no
//    fault is injected or reverted, and probes are never executed (their verdicts are the test's choice);
//  - the ChaosExperiment named by the engine need not exist (a real runner reports "ChaosExperiment Not
//    Found"); the chaosServiceAccount and its RBAC are not checked;
//  - no finalizer is added, so a delete is immediate; the runner's engine patch every ~2 s is not played;
//  - no validation beyond the CRD's schema, one experiment run at a time per engine, no instanceId, no
//    ChaosCenter (subscriber, workflow_run_id bookkeeping) and Litmus 1.x/2.x status shapes are never
//    written (those come from the fixtures in test/fixtures/litmus).
import { CustomObjectsApi } from '@kubernetes/client-node';
import type { ChaosEngine, ChaosResult, ProbeStatusEntry } from '../../src/litmus/types.ts';
import {
  codeOf,
  eventLog,
  keepWatching,
  kubeConfigOf,
  mergePatch,
  now,
  suffix,
  type ControllerConnection,
  type FakeController,
} from './controllers.ts';

/**
 * pass: Completed/Pass, probes Passed, "100".
 * fail-probe: Completed_With_Probe_Failure/Fail, the first probe Failed, percentage passed*100/probes.
 * fail: Completed/Fail, every probe Failed, "0".
 * fail-experiment (alias error): Error/Error with errorOutput {errorCode, reason}, probes N/A.
 * never: stays Running/Awaited until stopped (engineState: stop) or deleted.
 */
export type Outcome = 'pass' | 'fail' | 'fail-probe' | 'fail-experiment' | 'error' | 'never';

export const outcomeAnnotation = 'chaos-gate.test/outcome';

export type LitmusEventType = 'initialized' | 'result-final' | 'completed' | 'aborted' | 'error';

export interface FakeOperatorOptions extends ControllerConnection {
  /** Per engine: a function, or a map by engine name; default the `chaos-gate.test/outcome` annotation, else pass. */
  outcomeFor?: ((engine: ChaosEngine) => Outcome) | Record<string, Outcome>;
  /** The operator's reaction time: before it initialises an engine, between result and engine completion, and
   *  before an abort lands (default 300 ms). */
  stepMs?: number;
  /** How long the experiment "runs" between the start-of-test and end-of-test result writes (default 3 × stepMs). */
  runMs?: number;
}

export interface FakeOperator extends FakeController<LitmusEventType> {
  /** Engines it has seen stopped (aborted) by an `engineState: stop` patch. */
  aborted: Set<string>;
}

const litmusGroup = 'litmuschaos.io';
const litmusVersion = 'v1alpha1';
type Stage = 'waiting' | 'running' | 'finishing' | 'aborting';

export async function startFakeOperator(options: FakeOperatorOptions): Promise<FakeOperator> {
  const { namespace } = options;
  const kc = kubeConfigOf(options);
  const api = kc.makeApiClient(CustomObjectsApi);
  const stepMs = options.stepMs ?? 300;
  const runMs = options.runMs ?? stepMs * 3;
  const chosen = options.outcomeFor;
  const outcomeFor = (engine: ChaosEngine): Outcome =>
    typeof chosen === 'function'
      ? chosen(engine)
      : (chosen?.[engine.metadata.name ?? ''] ??
        (engine.metadata.annotations?.[outcomeAnnotation] as Outcome | undefined) ??
        'pass');
  const { events, record, waitFor } = eventLog<LitmusEventType>();
  const aborted = new Set<string>();
  /** Engines in flight, by uid. */
  const runs = new Map<string, { stage: Stage; timers: NodeJS.Timeout[]; pod: string }>();

  const path = (plural: string) => ({ group: litmusGroup, version: litmusVersion, namespace, plural });
  const patchEngine = (name: string, body: object) =>
    api.patchNamespacedCustomObject({ ...path('chaosengines'), name, body }, mergePatch);

  const readResult = async (name: string): Promise<ChaosResult | undefined> => {
    try {
      return (await api.getNamespacedCustomObject({ ...path('chaosresults'), name })) as ChaosResult;
    } catch (error) {
      if (codeOf(error) === 404) return undefined;
      throw error;
    }
  };
  /** Create or update (whole object, as litmus-go does), retried on a conflict. */
  const writeResult = async (build: (existing?: ChaosResult) => ChaosResult) => {
    for (let attempt = 0; ; attempt++) {
      const name = build().metadata.name ?? '';
      const existing = await readResult(name);
      const result = build(existing);
      try {
        if (!existing) await api.createNamespacedCustomObject({ ...path('chaosresults'), body: result });
        else
          await api.replaceNamespacedCustomObject({
            ...path('chaosresults'),
            name,
            body: {
              ...result,
              metadata: { ...result.metadata, resourceVersion: existing.metadata.resourceVersion },
            },
          });
        return;
      } catch (error) {
        if (codeOf(error) !== 409 || attempt >= 5) throw error;
      }
    }
  };

  const experimentsOf = (engine: ChaosEngine) => (engine.spec?.experiments ?? []).map((e) => e.name);
  const probesOf = (engine: ChaosEngine, experiment: string) =>
    engine.spec?.experiments?.find((e) => e.name === experiment)?.spec?.probe ?? [];
  const targetsOf = (engine: ChaosEngine) => {
    const { applabel, appkind } = engine.spec?.appinfo ?? {};
    const name = applabel?.split('=')[1];
    return name ? [{ name, kind: appkind ?? 'deployment', chaosStatus: 'targeted' }] : undefined;
  };

  const historyOf = (
    existing: ChaosResult | undefined,
    add?: 'passedRuns' | 'failedRuns' | 'stoppedRuns',
  ) => {
    const h = existing?.status?.history;
    const history = {
      passedRuns: h?.passedRuns ?? 0,
      failedRuns: h?.failedRuns ?? 0,
      stoppedRuns: h?.stoppedRuns ?? 0,
    };
    if (add) history[add]++;
    return history;
  };

  const resultName = (engine: ChaosEngine, experiment: string) => `${engine.metadata.name}-${experiment}`;
  const resultObject = (
    engine: ChaosEngine,
    experiment: string,
    labels: Record<string, string>,
    status: NonNullable<ChaosResult['status']>,
  ): ChaosResult => ({
    apiVersion: `${litmusGroup}/${litmusVersion}`,
    kind: 'ChaosResult',
    metadata: { name: resultName(engine, experiment), namespace, labels },
    spec: { engine: engine.metadata.name, experiment },
    status,
  });
  // litmus-go copies the experiment pod's labels and adds chaosUID.
  const podLabels = (engine: ChaosEngine, experiment: string, job: string) => ({
    'app.kubernetes.io/component': 'experiment-job',
    'app.kubernetes.io/part-of': 'litmus',
    'app.kubernetes.io/version': '3.28.0',
    chaosUID: engine.metadata.uid ?? '',
    'job-name': job,
    name: experiment,
  });

  const engineExperiments = (
    engine: ChaosEngine,
    status: string,
    verdict: (experiment: string) => string,
    pod: string,
  ) =>
    experimentsOf(engine).map((name) => ({
      name,
      runner: `${engine.metadata.name}-runner`,
      experimentPod: `${name}-${pod}`,
      status,
      verdict: verdict(name),
      lastUpdateTime: now(),
    }));

  const passDescription = (probe: { type: string } & Record<string, unknown>) => {
    if (probe.type === 'httpProbe') {
      const inputs = probe['httpProbe/inputs'] as
        | { url?: string; method?: { get?: { responseCode?: string }; post?: { responseCode?: string } } }
        | undefined;
      const code = inputs?.method?.get?.responseCode ?? inputs?.method?.post?.responseCode ?? '200';
      return `The URL ${inputs?.url ?? ''} did respond with correct status code. Actual code: '${code}'. Expected code: '${code}'`;
    }
    if (probe.type === 'cmdProbe') {
      const value = (probe['cmdProbe/inputs'] as { comparator?: { value?: string } } | undefined)?.comparator
        ?.value;
      return `Actual value: '${value ?? ''}'. Expected value: '${value ?? ''}'`;
    }
    if (probe.type === 'k8sProbe') {
      const op = (probe['k8sProbe/inputs'] as { operation?: string } | undefined)?.operation ?? 'present';
      return `Probe successfully performed the '${op}' operation on the specified Kubernetes resource`;
    }
    return 'Probe passed';
  };
  const failDescription = (probe: { type: string } & Record<string, unknown>) => {
    if (probe.type === 'httpProbe') {
      const inputs = probe['httpProbe/inputs'] as
        { method?: { get?: { responseCode?: string } } } | undefined;
      return `Actual value: 503. Expected value: should be equal to ${inputs?.method?.get?.responseCode ?? '200'}`;
    }
    return "Probe didn't met the passing criteria";
  };
  const notEvaluated = { verdict: 'N/A', description: 'Either probe is not executed or not evaluated' };

  const finalStatus = (
    engine: ChaosEngine,
    experiment: string,
    outcome: Exclude<Outcome, 'never'>,
    existing: ChaosResult | undefined,
  ): NonNullable<ChaosResult['status']> => {
    const probes = probesOf(engine, experiment) as ({ name: string; type: string; mode: string } & Record<
      string,
      unknown
    >)[];
    const statuses = (status: (probe: (typeof probes)[number], i: number) => ProbeStatusEntry['status']) =>
      probes.map((p, i) => ({ name: p.name, type: p.type, mode: p.mode, status: status(p, i) }));
    const targets = targetsOf(engine);
    switch (outcome) {
      case 'pass':
        return {
          experimentStatus: { phase: 'Completed', verdict: 'Pass', probeSuccessPercentage: '100' },
          probeStatuses: statuses((p) => ({ verdict: 'Passed', description: passDescription(p) })),
          history: { ...historyOf(existing, 'passedRuns'), ...(targets && { targets }) },
        };
      case 'fail-probe': {
        const passed = Math.max(probes.length - 1, 0);
        return {
          experimentStatus: {
            phase: 'Completed_With_Probe_Failure',
            verdict: 'Fail',
            probeSuccessPercentage: probes.length ? String(Math.floor((passed * 100) / probes.length)) : '0',
          },
          probeStatuses: statuses((p, i) =>
            i === 0
              ? { verdict: 'Failed', description: failDescription(p) }
              : { verdict: 'Passed', description: passDescription(p) },
          ),
          history: { ...historyOf(existing, 'failedRuns'), ...(targets && { targets }) },
        };
      }
      case 'fail':
        return {
          experimentStatus: { phase: 'Completed', verdict: 'Fail', probeSuccessPercentage: '0' },
          probeStatuses: statuses((p) => ({ verdict: 'Failed', description: failDescription(p) })),
          history: { ...historyOf(existing, 'failedRuns'), ...(targets && { targets }) },
        };
      case 'fail-experiment':
      case 'error': {
        const { appns, appkind, applabel } = engine.spec?.appinfo ?? {};
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
                target: `[{namespace: ${appns ?? namespace}, kind: ${appkind ?? 'deployment'}, labels: [${applabel ?? ''}]}]`,
              }),
            },
          },
          probeStatuses: statuses(() => notEvaluated),
          // An Error verdict increments no counter.
          history: historyOf(existing),
        };
      }
    }
  };
  const verdictOf = {
    pass: 'Pass',
    fail: 'Fail',
    'fail-probe': 'Fail',
    'fail-experiment': 'Error',
    error: 'Error',
  };

  const later = (uid: string, ms: number, step: string, name: string, action: () => Promise<unknown>) => {
    const run = runs.get(uid);
    run?.timers.push(
      setTimeout(() => {
        void action().catch((error: unknown) => {
          record('error', name, uid, `${step}: ${String(error)}`);
          console.error(`fake operator (${name}, ${step}): ${String(error)}`);
        });
      }, ms),
    );
  };

  const begin = (engine: ChaosEngine) => {
    const uid = engine.metadata.uid ?? '';
    const name = engine.metadata.name ?? '';
    const outcome = outcomeFor(engine);
    const pod = suffix(6);
    const job = (experiment: string) => `${experiment}-${pod}`;
    runs.set(uid, { stage: 'waiting', timers: [], pod });

    // Each step is scheduled when the one before has written: timers of different lengths can fire out
    // of order in a busy process, and a completion before the end of test would leave the engine
    // running for ever.

    // Operator: runner finished → engineStatus completed and engineState stop.
    const complete = async (final: Exclude<Outcome, 'never'>) => {
      if (runs.get(uid)?.stage !== 'finishing') return;
      // Forgotten before the patch: the operator's own `engineState: stop` must not read as an abort.
      runs.delete(uid);
      await patchEngine(name, { spec: { engineState: 'stop' }, status: { engineStatus: 'completed' } });
      record('completed', name, uid, verdictOf[final]);
    };

    // Experiment pod: end-of-test result; runner: experiments Completed with the verdict copied.
    const endOfTest = async (final: Exclude<Outcome, 'never'>) => {
      const run = runs.get(uid);
      if (run?.stage !== 'running') return;
      run.stage = 'finishing';
      for (const experiment of experimentsOf(engine))
        await writeResult((existing) =>
          resultObject(
            engine,
            experiment,
            podLabels(engine, experiment, job(experiment)),
            finalStatus(engine, experiment, final, existing),
          ),
        );
      await patchEngine(name, {
        status: { experiments: engineExperiments(engine, 'Completed', () => verdictOf[final], pod) },
      });
      record('result-final', name, uid, verdictOf[final]);
      later(uid, stepMs, 'complete', name, () => complete(final));
    };

    // Operator: initialise; runner: experiments Running; experiment pod: start-of-test result.
    later(uid, stepMs, 'initialize', name, async () => {
      const run = runs.get(uid);
      if (!run) return;
      run.stage = 'running';
      await patchEngine(name, {
        ...(!engine.spec?.engineState && { spec: { engineState: 'active' } }),
        status: {
          engineStatus: 'initialized',
          experiments: engineExperiments(engine, 'Running', () => 'Awaited', pod),
        },
      });
      for (const experiment of experimentsOf(engine)) {
        await writeResult((existing) =>
          resultObject(engine, experiment, podLabels(engine, experiment, job(experiment)), {
            experimentStatus: { phase: 'Running', verdict: 'Awaited', probeSuccessPercentage: 'Awaited' },
            probeStatuses: probesOf(engine, experiment).map((p) => ({
              name: p.name,
              type: p.type,
              mode: p.mode,
              status: { verdict: 'Awaited' },
            })),
            history: historyOf(existing),
          }),
        );
      }
      record('initialized', name, uid, outcome);
      if (outcome !== 'never') later(uid, runMs, 'end of test', name, () => endOfTest(outcome));
    });
  };

  const abort = (engine: ChaosEngine) => {
    const uid = engine.metadata.uid ?? '';
    const name = engine.metadata.name ?? '';
    const run = runs.get(uid);
    if (!run || run.stage === 'aborting') return;
    run.timers.forEach(clearTimeout);
    run.timers = [];
    const stage = run.stage;
    run.stage = 'aborting';
    aborted.add(name);
    // The operator force-deletes the chaos pods (the experiment's abort watcher writes Stopped), then
    // marks what was still running Forcefully Aborted.
    later(uid, stepMs, 'abort', name, async () => {
      runs.delete(uid);
      if (stage !== 'finishing') {
        for (const experiment of experimentsOf(engine)) {
          await writeResult((existing) =>
            resultObject(
              engine,
              experiment,
              { chaosUID: uid },
              {
                experimentStatus: { phase: 'Stopped', verdict: 'Stopped', probeSuccessPercentage: '0' },
                probeStatuses: probesOf(engine, experiment).map((p) => ({
                  name: p.name,
                  type: p.type,
                  mode: p.mode,
                  status: notEvaluated,
                })),
                history: {
                  ...historyOf(existing, 'stoppedRuns'),
                  ...(targetsOf(engine) && { targets: targetsOf(engine) }),
                },
              },
            ),
          );
        }
      }
      await patchEngine(name, {
        status: {
          engineStatus: 'stopped',
          ...(stage !== 'finishing' && {
            experiments: engineExperiments(engine, 'Forcefully Aborted', () => 'Stopped', run.pod),
          }),
        },
      });
      record('aborted', name, uid, stage);
    });
  };

  const stopWatching = await keepWatching<ChaosEngine>(
    kc,
    `/apis/${litmusGroup}/${litmusVersion}/namespaces/${namespace}/chaosengines`,
    (type, engine) => {
      const uid = engine.metadata.uid ?? '';
      const state = engine.spec?.engineState;
      const engineStatus = engine.status?.engineStatus;
      if (type === 'DELETED') {
        runs.get(uid)?.timers.forEach(clearTimeout);
        runs.delete(uid);
        return;
      }
      if (runs.has(uid)) {
        if (state === 'stop') abort(engine);
        return;
      }
      // New engine, or (as the real operator) a restart: a completed/stopped engine set active again.
      if (state !== 'stop' && (!engineStatus || engineStatus === 'completed' || engineStatus === 'stopped'))
        if (!engineStatus || type === 'MODIFIED') begin(engine);
    },
  );

  return {
    aborted,
    events,
    waitFor,
    async stop() {
      stopWatching();
      for (const run of runs.values()) run.timers.forEach(clearTimeout);
      runs.clear();
    },
  };
}
