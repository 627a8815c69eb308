// Test-side controllers for the sandbox API server. They inject no fault; they write what the real
// controllers write, with an outcome each test chooses:
//  1. startFakeOperator: the LitmusChaos chaos-operator + chaos-runner + experiment pod (litmus.md §3-§4, §6;
//     shapes from the shared fixtures litmus/results/*.yaml and litmus/engines/chaosengine-observed-*.yaml).
//  2. startFakeWorkflowController: the Argo workflow-controller (argo.md §2-§3; fixtures argo/status/*).
// Litmus and Argo CRDs have no status subresource, so status is written with ordinary patches/updates.
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import {
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  Watch,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { parse } from 'yaml';
import type { ChaosEngine, ChaosResult, ProbeStatusEntry } from '../../src/litmus/types.ts';

// ---------------------------------------------------------------------------------------------------
// Shared plumbing

export interface ControllerConnection {
  /** An admin KubeConfig (the sandbox's `kc`), or server + token (+ the sandbox's `caPem`). */
  kc?: KubeConfig;
  server?: string;
  token?: string;
  caPem?: string;
  namespace: string;
}

function kubeConfigOf(options: ControllerConnection): KubeConfig {
  if (options.kc) return options.kc;
  if (!options.server || !options.token) throw new Error('fake controller: give kc, or server and token');
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'sandbox',
        server: options.server,
        ...(options.caPem
          ? { caData: Buffer.from(options.caPem).toString('base64') }
          : { skipTLSVerify: true }),
      },
    ],
    users: [{ name: 'fake-controller', token: options.token }],
    contexts: [{ name: 'sandbox', cluster: 'sandbox', user: 'fake-controller' }],
    currentContext: 'sandbox',
  });
  return kc;
}

export interface ControllerEvent<T extends string> {
  type: T;
  /** The object's name. */
  name: string;
  uid: string;
  at: number;
  detail?: string;
}

/** What every fake controller hands back. */
export interface FakeController<T extends string> {
  stop(): Promise<void>;
  /** Everything it did, in order. */
  events: ControllerEvent<T>[];
  /** Resolves with the first event of `type` for object `name` (past or future). */
  waitFor(name: string, type: T, timeoutMs?: number): Promise<ControllerEvent<T>>;
}

function eventLog<T extends string>() {
  const events: ControllerEvent<T>[] = [];
  const emitter = new EventEmitter();
  const record = (type: T, name: string, uid: string, detail?: string) => {
    const event = { type, name, uid, at: Date.now(), detail };
    events.push(event);
    emitter.emit('event', event);
  };
  const waitFor = (name: string, type: T, timeoutMs = 30_000) =>
    new Promise<ControllerEvent<T>>((resolve, reject) => {
      const seen = events.find((e) => e.name === name && e.type === type);
      if (seen) return resolve(seen);
      const listener = (event: ControllerEvent<T>) => {
        if (event.name !== name || event.type !== type) return;
        clearTimeout(timer);
        emitter.off('event', listener);
        resolve(event);
      };
      const timer = setTimeout(() => {
        emitter.off('event', listener);
        const log = events.filter((e) => e.name === name).map((e) => e.type);
        reject(
          new Error(
            `fake controller: no '${type}' for ${name} in ${timeoutMs} ms (saw: ${log.join(', ') || 'nothing'})`,
          ),
        );
      }, timeoutMs);
      emitter.on('event', listener);
    });
  return { events, record, waitFor };
}

interface Watched {
  metadata: { name?: string; uid?: string; resourceVersion?: string };
}

/** A watch that re-opens (re-listing, so ADDED comes again for every object) until stopped. */
async function keepWatching<O extends Watched>(
  kc: KubeConfig,
  watchPath: string,
  onEvent: (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: O) => void,
): Promise<() => void> {
  let stopped = false;
  let current: AbortController | undefined;
  const open = async (): Promise<void> => {
    if (stopped) return;
    current = await new Watch(kc).watch(
      watchPath,
      {},
      (type: string, object: O) => {
        if (!stopped && (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED'))
          onEvent(type, object);
      },
      () => {
        if (!stopped) setTimeout(() => void open().catch(() => setTimeout(() => void open(), 1000)), 200);
      },
    );
  };
  await open();
  return () => {
    stopped = true;
    current?.abort();
  };
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const suffix = (length: number) => randomBytes(8).toString('hex').slice(0, length);
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const codeOf = (error: unknown) => (error as { code?: number }).code;

// ---------------------------------------------------------------------------------------------------
// 1. LitmusChaos: chaos-operator, chaos-runner and the experiment pod

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
    });
    if (outcome === 'never') return;

    // Experiment pod: end-of-test result; runner: experiments Completed with the verdict copied.
    later(uid, stepMs + runMs, 'end of test', name, async () => {
      const run = runs.get(uid);
      if (run?.stage !== 'running') return;
      run.stage = 'finishing';
      for (const experiment of experimentsOf(engine))
        await writeResult((existing) =>
          resultObject(
            engine,
            experiment,
            podLabels(engine, experiment, job(experiment)),
            finalStatus(engine, experiment, outcome, existing),
          ),
        );
      await patchEngine(name, {
        status: { experiments: engineExperiments(engine, 'Completed', () => verdictOf[outcome], pod) },
      });
      record('result-final', name, uid, verdictOf[outcome]);
    });

    // Operator: runner finished → engineStatus completed and engineState stop.
    later(uid, stepMs * 2 + runMs, 'complete', name, async () => {
      if (runs.get(uid)?.stage !== 'finishing') return;
      // Forgotten before the patch: the operator's own `engineState: stop` must not read as an abort.
      runs.delete(uid);
      await patchEngine(name, { spec: { engineState: 'stop' }, status: { engineStatus: 'completed' } });
      record('completed', name, uid, verdictOf[outcome]);
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

// ---------------------------------------------------------------------------------------------------
// 2. Argo Workflows: the workflow-controller

/** pass → Succeeded; fail → the last step's pod fails (Failed); error → Error; never → stays Running. */
export type WorkflowOutcome = 'pass' | 'fail' | 'error' | 'never';

export type ArgoEventType = 'running' | 'step' | 'finished' | 'shutdown' | 'error';

export interface FakeWorkflowControllerOptions extends ControllerConnection {
  /** Per workflow: a function, or a map by name; default the `chaos-gate.test/outcome` annotation, else pass. */
  outcomeFor?: ((workflow: Workflow) => WorkflowOutcome) | Record<string, WorkflowOutcome>;
  /** Time per step group (default 300 ms). */
  stepMs?: number;
}

export interface Template {
  name: string;
  steps?: { name: string; template?: string }[][];
  dag?: { tasks: { name: string; template?: string }[] };
  [key: string]: unknown;
}

export interface Workflow {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: {
    entrypoint?: string;
    templates?: Template[];
    workflowTemplateRef?: { name: string; clusterScope?: boolean };
    shutdown?: string;
    [key: string]: unknown;
  };
  status?: {
    phase?: string;
    finishedAt?: string;
    nodes?: Record<string, WorkflowNode>;
    [key: string]: unknown;
  };
}

interface WorkflowNode {
  id: string;
  name: string;
  displayName: string;
  type: string;
  phase: string;
  templateName?: string;
  templateScope: string;
  boundaryID?: string;
  children?: string[];
  outboundNodes?: string[];
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  progress?: string;
  outputs?: { exitCode: string };
}

/** Argo's node id: `<workflow>-<fnv32a(node name)>` (the root's id is the workflow name). */
export function argoNodeId(workflow: string, nodeName: string): string {
  if (nodeName === workflow) return workflow;
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(nodeName)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `${workflow}-${hash}`;
}

const argoGroup = 'argoproj.io';
const argoVersion = 'v1alpha1';

export async function startFakeWorkflowController(
  options: FakeWorkflowControllerOptions,
): Promise<FakeController<ArgoEventType>> {
  const { namespace } = options;
  const kc = kubeConfigOf(options);
  const api = kc.makeApiClient(CustomObjectsApi);
  const stepMs = options.stepMs ?? 300;
  const chosen = options.outcomeFor;
  const outcomeFor = (wf: Workflow): WorkflowOutcome =>
    typeof chosen === 'function'
      ? chosen(wf)
      : (chosen?.[wf.metadata.name ?? ''] ??
        (wf.metadata.annotations?.[outcomeAnnotation] as WorkflowOutcome | undefined) ??
        'pass');
  const { events, record, waitFor } = eventLog<ArgoEventType>();
  const runs = new Map<string, { timer?: NodeJS.Timeout; shutdown?: string; kick?: () => void }>();

  const patch = (name: string, body: object) =>
    api.patchNamespacedCustomObject(
      { group: argoGroup, version: argoVersion, namespace, plural: 'workflows', name, body },
      mergePatch,
    );

  interface Plan {
    entrypoint?: string;
    templates: Template[];
    /** Workflow arguments over the template's. */
    parameters: Record<string, string>;
  }
  const parametersOf = (spec?: Record<string, unknown>) =>
    Object.fromEntries(
      (
        (spec?.arguments as { parameters?: { name: string; value?: string }[] } | undefined)?.parameters ?? []
      ).map((p) => [p.name, p.value ?? '']),
    );
  const templatesOf = async (wf: Workflow): Promise<Plan> => {
    const ref = wf.spec?.workflowTemplateRef;
    if (!ref)
      return {
        entrypoint: wf.spec?.entrypoint,
        templates: wf.spec?.templates ?? [],
        parameters: parametersOf(wf.spec),
      };
    const template = (
      ref.clusterScope
        ? await api.getClusterCustomObject({
            group: argoGroup,
            version: argoVersion,
            plural: 'clusterworkflowtemplates',
            name: ref.name,
          })
        : await api.getNamespacedCustomObject({
            group: argoGroup,
            version: argoVersion,
            namespace,
            plural: 'workflowtemplates',
            name: ref.name,
          })
    ) as { spec?: { entrypoint?: string; templates?: Template[]; [key: string]: unknown } };
    return {
      entrypoint: wf.spec?.entrypoint ?? template.spec?.entrypoint,
      templates: [...(wf.spec?.templates ?? []), ...(template.spec?.templates ?? [])],
      parameters: { ...parametersOf(template.spec), ...parametersOf(wf.spec) },
    };
  };

  // litmus-checker (litmuschaos/test-tools): creates the ChaosEngine from its input artifact, then waits
  // until engineStatus is completed or stopped and exits 0 whatever the verdict (argo.md §0.2, litmus.md §5).
  const checkerEngine = (template: Template | undefined): string | undefined => {
    const image = (template?.container as { image?: string } | undefined)?.image ?? '';
    if (!image.includes('litmus-checker')) return undefined;
    const artifacts = (template?.inputs as { artifacts?: { raw?: { data?: string } }[] } | undefined)
      ?.artifacts;
    return artifacts?.find((a) => a.raw?.data)?.raw?.data;
  };
  const substitute = (text: string, wf: Workflow, parameters: Record<string, string>) =>
    text.replace(/\{\{\s*workflow\.(parameters\.)?([\w-]+)\s*\}\}/g, (whole, isParameter, key: string) => {
      if (isParameter) return parameters[key] ?? whole;
      const values: Record<string, string | undefined> = {
        uid: wf.metadata.uid,
        name: wf.metadata.name,
        namespace: wf.metadata.namespace ?? namespace,
      };
      return values[key] ?? whole;
    });
  const createCheckerEngine = async (manifest: string): Promise<{ namespace: string; name: string }> => {
    const engine = parse(manifest) as ChaosEngine & { metadata: { generateName?: string } };
    const engineNamespace = engine.metadata.namespace ?? namespace;
    const created = (await api.createNamespacedCustomObject({
      group: litmusGroup,
      version: litmusVersion,
      namespace: engineNamespace,
      plural: 'chaosengines',
      body: engine,
    })) as ChaosEngine;
    return { namespace: engineNamespace, name: created.metadata.name ?? '' };
  };
  const engineFinished = async (ref: { namespace: string; name: string }) => {
    const engine = (await api.getNamespacedCustomObject({
      group: litmusGroup,
      version: litmusVersion,
      namespace: ref.namespace,
      plural: 'chaosengines',
      name: ref.name,
    })) as ChaosEngine;
    return ['completed', 'stopped'].includes(engine.status?.engineStatus ?? '');
  };

  const finish = async (
    wf: Workflow,
    nodes: Record<string, WorkflowNode>,
    phase: 'Succeeded' | 'Failed' | 'Error',
    message: string | undefined,
    progress: string,
  ) => {
    const name = wf.metadata.name ?? '';
    const finishedAt = now();
    runs.delete(wf.metadata.uid ?? '');
    await patch(name, {
      metadata: {
        labels: { 'workflows.argoproj.io/completed': 'true', 'workflows.argoproj.io/phase': phase },
      },
      status: {
        phase,
        finishedAt,
        progress,
        message: message ?? null,
        nodes,
        conditions: [
          { type: 'PodRunning', status: 'False' },
          { type: 'Completed', status: 'True' },
        ],
      },
    });
    record('finished', name, wf.metadata.uid ?? '', phase);
  };

  const run = async (wf: Workflow) => {
    const name = wf.metadata.name ?? '';
    const uid = wf.metadata.uid ?? '';
    const state = runs.get(uid);
    if (!state) return;
    const outcome = outcomeFor(wf);
    const startedAt = now();
    const scope = `local/${name}`;
    const fail = (error: unknown) => {
      record('error', name, uid, String(error));
      console.error(`fake workflow controller (${name}): ${String(error)}`);
    };
    let plan: Plan;
    try {
      plan = await templatesOf(wf);
    } catch (error) {
      runs.delete(uid);
      const message =
        codeOf(error) === 404
          ? `workflowtemplates.argoproj.io "${wf.spec?.workflowTemplateRef?.name}" not found`
          : String(error);
      await patch(name, {
        metadata: {
          labels: { 'workflows.argoproj.io/completed': 'true', 'workflows.argoproj.io/phase': 'Error' },
        },
        status: { phase: 'Error', startedAt, finishedAt: now(), message },
      });
      record('finished', name, uid, 'Error');
      return;
    }

    // The node tree: root (Steps | DAG | Pod) → step groups `<wf>[i]` → pods `<wf>[i].<step>`, or DAG tasks
    // `<wf>.<task>` run one after another. Each stage is the pods that run together.
    const entry = plan.templates.find((t) => t.name === plan.entrypoint);
    const rootType = entry?.steps ? 'Steps' : entry?.dag ? 'DAG' : 'Pod';
    const root: WorkflowNode = {
      id: name,
      name,
      displayName: name,
      type: rootType,
      templateName: plan.entrypoint,
      templateScope: scope,
      phase: 'Running',
      startedAt,
      ...(rootType === 'Pod' && { progress: '0/1' }),
    };
    const nodes: Record<string, WorkflowNode> = { [name]: root };
    const node = (n: WorkflowNode) => (nodes[n.id] = n);
    const stages: { group?: WorkflowNode; pods: WorkflowNode[] }[] = [];
    const pod = (nodeName: string, step: { name: string; template?: string }) =>
      node({
        id: argoNodeId(name, nodeName),
        name: nodeName,
        displayName: step.name,
        type: 'Pod',
        boundaryID: name,
        templateName: step.template ?? step.name,
        templateScope: scope,
        phase: 'Pending',
        progress: '0/1',
      });
    if (entry?.steps) {
      let previous: WorkflowNode[] = [root];
      entry.steps.forEach((steps, i) => {
        const groupName = `${name}[${i}]`;
        const group = node({
          id: argoNodeId(name, groupName),
          name: groupName,
          displayName: `[${i}]`,
          type: 'StepGroup',
          boundaryID: name,
          templateScope: scope,
          phase: 'Pending',
        });
        for (const p of previous) p.children = [...(p.children ?? []), group.id];
        const pods = steps.map((step) => pod(`${groupName}.${step.name}`, step));
        group.children = pods.map((p) => p.id);
        stages.push({ group, pods });
        previous = pods;
      });
    } else if (entry?.dag) {
      for (const task of entry.dag.tasks) {
        const p = pod(`${name}.${task.name}`, task);
        root.children = [...(root.children ?? []), p.id];
        stages.push({ pods: [p] });
      }
    } else {
      stages.push({ pods: [root] });
    }
    const allPods = stages.flatMap((s) => s.pods);
    const progress = () => `${allPods.filter((p) => p.phase === 'Succeeded').length}/${allPods.length}`;

    await patch(name, {
      metadata: { labels: { 'workflows.argoproj.io/phase': 'Running' } },
      status: {
        phase: 'Running',
        startedAt,
        progress: progress(),
        nodes,
        conditions: [{ type: 'PodRunning', status: 'True' }],
      },
    });
    record('running', name, uid, outcome);

    let index = 0;
    const checkers = new Map<string, { namespace: string; name: string } | 'failed'>();
    const tick = async () => {
      if (runs.get(uid) !== state) return;
      if (state.shutdown) {
        // Running pods are killed, pods not yet created never start; exit handlers are not modelled.
        const strategy = state.shutdown;
        for (const n of Object.values(nodes)) {
          if (n.phase !== 'Running' && n.phase !== 'Pending') continue;
          if (n.type === 'Pod' && n !== root)
            n.message =
              n.phase === 'Running'
                ? `workflow shutdown with strategy:  ${strategy}`
                : `workflow shutdown with strategy: ${strategy}`;
          Object.assign(n, { phase: 'Failed', finishedAt: now() });
        }
        record('shutdown', name, uid, strategy);
        await finish(wf, nodes, 'Failed', `Stopped with strategy '${strategy}'`, progress());
        return;
      }
      const stage = stages[index];
      if (!stage) return;
      if (stage.pods.every((p) => p.phase === 'Pending')) {
        for (const p of stage.pods) Object.assign(p, { phase: 'Running', startedAt: now() });
        for (const p of stage.pods) {
          const manifest = checkerEngine(plan.templates.find((t) => t.name === p.templateName));
          if (!manifest) continue;
          try {
            const ref = await createCheckerEngine(substitute(manifest, wf, plan.parameters));
            checkers.set(p.id, ref);
            record('step', name, uid, `${p.displayName} created ChaosEngine ${ref.namespace}/${ref.name}`);
          } catch (error) {
            checkers.set(p.id, 'failed');
            record('error', name, uid, `${p.displayName}: creating its ChaosEngine: ${String(error)}`);
          }
        }
        if (stage.group) Object.assign(stage.group, { phase: 'Running', startedAt: now() });
        await patch(name, { status: { nodes, progress: progress() } });
        record('step', name, uid, `${stage.pods.map((p) => p.displayName).join(',')} Running`);
        if (outcome !== 'never') schedule(stepMs);
        return;
      }
      // A litmus-checker pod runs until its engine is completed or stopped.
      for (const p of stage.pods) {
        const ref = checkers.get(p.id);
        if (ref && ref !== 'failed' && !(await engineFinished(ref).catch(() => false))) {
          schedule(stepMs);
          return;
        }
      }
      const last = index === stages.length - 1;
      const failedPod =
        (last && outcome !== 'pass' ? stage.pods[0] : undefined) ??
        stage.pods.find((p) => checkers.get(p.id) === 'failed');
      for (const p of stage.pods) {
        const failed = p === failedPod;
        Object.assign(p, {
          phase: failed ? (outcome === 'error' ? 'Error' : 'Failed') : 'Succeeded',
          finishedAt: now(),
          progress: failed ? '0/1' : '1/1',
          outputs: { exitCode: failed ? '1' : '0' },
          ...(failed && { message: outcome === 'error' ? 'pod deleted' : 'main: Error (exit code 1)' }),
        });
      }
      if (stage.group)
        Object.assign(stage.group, {
          phase: failedPod ? 'Failed' : 'Succeeded',
          finishedAt: now(),
          ...(failedPod && { message: `child '${failedPod.id}' failed` }),
        });
      record('step', name, uid, stage.pods.map((p) => `${p.displayName} ${p.phase}`).join(','));
      if (!last) {
        index++;
        await patch(name, { status: { nodes, progress: progress() } });
        schedule(stepMs);
        return;
      }
      const phase = !failedPod ? 'Succeeded' : outcome === 'error' ? 'Error' : 'Failed';
      const message = failedPod && failedPod !== root ? `child '${failedPod.id}' failed` : failedPod?.message;
      if (root.type !== 'Pod')
        Object.assign(root, { phase, finishedAt: now(), outboundNodes: stage.pods.map((p) => p.id) });
      root.progress = progress();
      if (message) root.message = message;
      await finish(wf, nodes, phase, message, progress());
    };
    // Ticks run one at a time; a shutdown asks for one at once.
    let chain = Promise.resolve();
    const schedule = (ms: number) => {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        chain = chain.then(tick).catch(fail);
      }, ms);
    };
    state.kick = () => schedule(0);
    schedule(stepMs);
  };

  const stopWatching = await keepWatching<Workflow>(
    kc,
    `/apis/${argoGroup}/${argoVersion}/namespaces/${namespace}/workflows`,
    (type, wf) => {
      const uid = wf.metadata.uid ?? '';
      const state = runs.get(uid);
      if (type === 'DELETED') {
        clearTimeout(state?.timer);
        runs.delete(uid);
        return;
      }
      if (state) {
        if (wf.spec?.shutdown && !state.shutdown) {
          state.shutdown = wf.spec.shutdown;
          state.kick?.();
        }
        return;
      }
      if (!wf.status?.phase && wf.metadata.labels?.['workflows.argoproj.io/completed'] !== 'true') {
        runs.set(uid, {});
        setTimeout(
          () =>
            void run(wf).catch((error: unknown) =>
              record('error', wf.metadata.name ?? '', uid, String(error)),
            ),
          stepMs,
        );
      }
    },
  );

  return {
    events,
    waitFor,
    async stop() {
      stopWatching();
      for (const state of runs.values()) clearTimeout(state.timer);
      runs.clear();
    },
  };
}
