// The real Argo workflow-controller (built by scripts/sandbox/build.sh from the argo-workflows module)
// run against the sandbox API server, out of cluster, in one namespace. It does all of Argo's own work:
// templates, parameters, steps, DAGs, retries, continueOn, exit handlers, shutdown, node status and the
// workflow's phase. Nothing runs pods here, so the test plays only what has no process:
//  - the kubelet: each pod the controller creates goes Running, then Succeeded or Failed, written
//    through the pod's `status` subresource with the container statuses a kubelet writes (`init`,
//    `wait`, `main`; exit codes and reasons), or Failed before `main` starts (an image that cannot be
//    pulled: the controller makes that node an Error);
//  - the executor (argoexec in the `wait` container): before the pod ends it creates the
//    WorkflowTaskResult that reports the outputs, named after the node, labelled with the workflow and
//    `report-outputs-completed: "true"`, owned by the Workflow, with `outputs.exitCode`;
//  - litmus-checker (litmuschaos/litmus-checker in a chaos step): it creates the ChaosEngine from the
//    step's raw input artifact (read from the template the controller hands the pod in ARGO_TEMPLATE),
//    waits until the engine is completed or stopped (the Litmus stand-in in fake-operator.ts, or the
//    test, moves it there) and exits 0 whatever the verdict;
//  - the signals a shutdown sends: `spec.shutdown` makes the controller signal the pods' containers
//    through pods/exec, which needs a kubelet; the player ends those pods as the signal would (main
//    143, litmus-checker 0: it exits 0 on SIGTERM).
// What each step does is chosen by the test, per pod, with annotations (a template's
// `metadata.annotations` reach its pods): `kubelet.chaos-gate.test/exit-codes: "1,0"` (exit code per
// attempt, the last repeats), `…/run-ms: "1500"`, `…/run: never` (runs until the workflow is shut down)
// and `…/fail-to-start: ErrImagePull`; by default a step exits 0 after `stepMs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CoordinationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type V1ContainerStatus,
  type V1Pod,
} from '@kubernetes/client-node';
import { parse } from 'yaml';
import type { ChaosEngine } from '../../src/litmus/types.ts';
import { codeOf, eventLog, keepWatching, type FakeController } from './controllers.ts';
import { buildOutputs, startOwnedProcess, type Sandbox } from './sandbox.ts';

const argoVersion = 'v4.0.5';
const executorImage = `quay.io/argoproj/argoexec:${argoVersion}`;
const argo = { group: 'argoproj.io', version: 'v1alpha1' };
const litmus = { group: 'litmuschaos.io', version: 'v1alpha1' };
const label = {
  workflow: 'workflows.argoproj.io/workflow',
  completed: 'workflows.argoproj.io/report-outputs-completed',
};
const annotation = {
  nodeId: 'workflows.argoproj.io/node-id',
  nodeName: 'workflows.argoproj.io/node-name',
};
export const stepAnnotations = {
  exitCodes: 'kubelet.chaos-gate.test/exit-codes',
  runMs: 'kubelet.chaos-gate.test/run-ms',
  run: 'kubelet.chaos-gate.test/run',
  failToStart: 'kubelet.chaos-gate.test/fail-to-start',
};

/** What one pod's main container does. */
type StepPlan =
  | { exitCode: number; runMs?: number }
  | { never: true }
  /** The container never starts (ErrImagePull, ImagePullBackOff, CreateContainerConfigError, …). */
  | { failToStart: string };

interface StepPod {
  workflow: string;
  /** Node name, e.g. `wf[0].flaky(1)`. */
  nodeName: string;
  nodeId: string;
  /** 0 for the first try; the retry index of `name(1)` nodes. */
  attempt: number;
  annotations: Record<string, string>;
}

export type KubeletEventType =
  'pod-running' | 'pod-succeeded' | 'pod-failed' | 'pod-killed' | 'engine-created' | 'error';

export interface ArgoController extends FakeController<KubeletEventType> {
  /** The controller's own log (kept with the sandbox's logs). */
  logFile: string;
}

export interface ArgoControllerOptions {
  sandbox: Sandbox;
  namespace: string;
  /** How long a step's main container runs by default (default 300 ms). */
  stepMs?: number;
  /**
   * More of the controller's configuration, merged over the test's own: e.g. `workflowRestrictions:
   * {templateReferencing: Secure}`, as a hardened installation sets it.
   */
  config?: Record<string, unknown>;
}

/** The entrypoints of the images in examples/argo and test/fixtures/argo (from their Dockerfiles). */
const images: Record<string, { entrypoint?: string[]; cmd?: string[] }> = {
  'litmuschaos/litmus-checker:latest': { entrypoint: ['./var/run/checker'] },
  'grafana/k6:latest': { entrypoint: ['k6'] },
};

const isChecker = (pod: V1Pod) =>
  pod.spec?.containers.some((c) => c.name === 'main' && (c.image ?? '').includes('litmus-checker')) ?? false;

function planFromAnnotations(step: StepPod, stepMs: number): StepPlan {
  const notes = step.annotations;
  const failToStart = notes[stepAnnotations.failToStart];
  if (failToStart) return { failToStart };
  if (notes[stepAnnotations.run] === 'never') return { never: true };
  const codes = (notes[stepAnnotations.exitCodes] ?? '0').split(',').map((c) => Number(c.trim()));
  const runMs = Number(notes[stepAnnotations.runMs] ?? stepMs);
  return { exitCode: codes[Math.min(step.attempt, codes.length - 1)] ?? 0, runMs };
}

/** The template the controller put in the init container's ARGO_TEMPLATE (parameters already resolved). */
function templateOf(pod: V1Pod): {
  inputs?: { artifacts?: { raw?: { data?: string } }[] };
} {
  const value = pod.spec?.initContainers
    ?.flatMap((c) => c.env ?? [])
    .find((e) => e.name === 'ARGO_TEMPLATE')?.value;
  return value ? (JSON.parse(value) as ReturnType<typeof templateOf>) : {};
}

export async function startArgoController(options: ArgoControllerOptions): Promise<ArgoController> {
  const { sandbox, namespace } = options;
  const stepMs = options.stepMs ?? 300;
  const binary = buildOutputs('workflow-controller')['workflow-controller'];
  if (!binary) throw new Error('scripts/sandbox/build.sh printed no workflow-controller path');
  const kc = sandbox.kc;
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const { events, record, waitFor } = eventLog<KubeletEventType>();

  // The controller's configuration: no metrics or telemetry servers (their fixed ports would clash
  // between sandboxes), and the entrypoints of the images the test workflows use without a `command`,
  // so that the controller never asks a registry for them (as `images` in a real installation).
  const config = {
    metricsConfig: { enabled: false },
    telemetryConfig: { enabled: false },
    images,
    ...options.config,
  };
  await sandbox.createNamespace(namespace);
  await core
    .createNamespacedConfigMap({
      namespace,
      body: {
        metadata: { name: 'workflow-controller-configmap' },
        data: { config: JSON.stringify(config, null, 2) },
      },
    })
    .catch((error: unknown) => {
      if (codeOf(error) !== 409) throw error;
    });

  const dir = path.join(sandbox.dir, `argo-${namespace}`);
  mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'workflow-controller.log');
  writeFileSync(logFile, '');
  const identity = `chaos-gate-test-${process.pid}`;
  const controller = startOwnedProcess(
    binary,
    [
      '--kubeconfig',
      sandbox.kubeconfigPath,
      '--namespaced',
      '--managed-namespace',
      namespace,
      '--namespace',
      namespace,
      '--executor-image',
      executorImage,
      '--loglevel',
      'info',
    ],
    {
      logFile,
      env: {
        ...process.env,
        LEADER_ELECTION_IDENTITY: identity,
        // Requeue a workflow after 1 s rather than 10 s: Argo's own e2e setting.
        DEFAULT_REQUEUE_TIME: '1s',
        // An image missing from `images` makes the controller ask its registry: through a proxy that
        // does not exist, so the ask fails at once on loopback instead of leaving the machine.
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
        NO_PROXY: '127.0.0.1,localhost',
      },
    },
  );
  const tail = () => readFileSync(logFile, 'utf8').trim().split('\n').slice(-30).join('\n');

  // Ready once it holds the leader lease: it then runs its informers and workers.
  const coordination = kc.makeApiClient(CoordinationV1Api);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (controller.child.exitCode !== null)
      throw new Error(`workflow-controller exited (${controller.child.exitCode}):\n${tail()}`);
    const lease = await coordination
      .readNamespacedLease({ namespace, name: 'workflow-controller' })
      .catch(() => undefined);
    if (lease?.spec?.holderIdentity === identity) break;
    if (Date.now() > deadline) {
      await controller.stop();
      throw new Error(`workflow-controller did not take the leader lease in 60 s:\n${tail()}`);
    }
    await sleep(200);
  }

  // ---- the kubelet, the executor and litmus-checker
  interface Played {
    pod: V1Pod;
    step: StepPod;
    timer?: NodeJS.Timeout;
    done: boolean;
    checker?: { namespace: string; name: string };
  }
  const pods = new Map<string, Played>();
  let stopped = false;

  const statuses = (
    pod: V1Pod,
    state: 'running' | { exitCode: number; reason: string } | { waiting: string },
    at: string,
  ): V1ContainerStatus[] =>
    (pod.spec?.containers ?? []).map((c) => {
      const base = { name: c.name, image: c.image ?? '', imageID: '', restartCount: 0 };
      if (state === 'running')
        return { ...base, ready: true, started: true, state: { running: { startedAt: new Date(at) } } };
      if ('waiting' in state && c.name === 'main')
        return {
          ...base,
          ready: false,
          started: false,
          state: { waiting: { reason: state.waiting, message: `Back-off pulling image "${c.image}"` } },
        };
      const main = c.name === 'main' && 'exitCode' in state;
      return {
        ...base,
        ready: false,
        started: false,
        state: {
          terminated: {
            exitCode: main ? state.exitCode : 0,
            reason: main ? state.reason : 'Completed',
            startedAt: new Date(at),
            finishedAt: new Date(),
          },
        },
      };
    });
  const initStatuses = (pod: V1Pod, at: string): V1ContainerStatus[] =>
    (pod.spec?.initContainers ?? []).map((c) => ({
      name: c.name,
      image: c.image ?? '',
      imageID: '',
      ready: false,
      restartCount: 0,
      state: {
        terminated: {
          exitCode: 0,
          reason: 'Completed',
          startedAt: new Date(at),
          finishedAt: new Date(at),
        },
      },
    }));

  const writeStatus = async (pod: V1Pod, status: V1Pod['status']) => {
    const name = pod.metadata?.name ?? '';
    for (let attempt = 0; ; attempt++) {
      const current = await core.readNamespacedPod({ namespace, name });
      try {
        await core.replaceNamespacedPodStatus({
          namespace,
          name,
          body: { ...current, status: { ...current.status, ...status } },
        });
        return;
      } catch (error) {
        if (codeOf(error) !== 409 || attempt >= 5) throw error;
      }
    }
  };

  /** The executor's report (argoexec wait): outputs of the node, before the pod ends. */
  const reportOutputs = async (played: Played, exitCode?: number) => {
    const { step } = played;
    const workflow = (await custom.getNamespacedCustomObject({
      ...argo,
      namespace,
      plural: 'workflows',
      name: step.workflow,
    })) as { metadata: { uid: string } };
    await custom
      .createNamespacedCustomObject({
        ...argo,
        namespace,
        plural: 'workflowtaskresults',
        body: {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'WorkflowTaskResult',
          metadata: {
            name: step.nodeId,
            labels: { [label.workflow]: step.workflow, [label.completed]: 'true' },
            ownerReferences: [
              {
                apiVersion: 'argoproj.io/v1alpha1',
                kind: 'Workflow',
                name: step.workflow,
                uid: workflow.metadata.uid,
              },
            ],
          },
          outputs: exitCode === undefined ? {} : { exitCode: String(exitCode) },
        },
      })
      .catch((error: unknown) => {
        if (codeOf(error) !== 409) throw error;
      });
  };

  const finish = async (played: Played, exitCode: number, reason: string) => {
    if (played.done) return;
    played.done = true;
    clearTimeout(played.timer);
    const startedAt = played.pod.status?.startTime?.toISOString() ?? new Date().toISOString();
    await reportOutputs(played, exitCode);
    await writeStatus(played.pod, {
      phase: exitCode === 0 ? 'Succeeded' : 'Failed',
      conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted' }],
      initContainerStatuses: initStatuses(played.pod, startedAt),
      containerStatuses: statuses(played.pod, { exitCode, reason }, startedAt),
    });
    record(
      exitCode === 0 ? 'pod-succeeded' : 'pod-failed',
      played.step.workflow,
      '',
      `${played.step.nodeName} exit ${exitCode}`,
    );
  };

  const failToStart = async (played: Played, reason: string) => {
    played.done = true;
    const startedAt = new Date().toISOString();
    await reportOutputs(played);
    await writeStatus(played.pod, {
      phase: 'Failed',
      startTime: new Date(startedAt),
      initContainerStatuses: initStatuses(played.pod, startedAt),
      containerStatuses: statuses(played.pod, { waiting: reason }, startedAt),
    });
    record('pod-failed', played.step.workflow, '', `${played.step.nodeName} ${reason}`);
  };

  // litmus-checker: create the engine from the raw artifact, wait for the operator, exit 0.
  const runChecker = async (played: Played) => {
    const raw = templateOf(played.pod).inputs?.artifacts?.find((a) => a.raw?.data)?.raw?.data;
    if (!raw) return finish(played, 1, 'Error');
    const engine = parse(raw) as ChaosEngine;
    const engineNamespace = engine.metadata.namespace ?? namespace;
    try {
      const created = (await custom.createNamespacedCustomObject({
        ...litmus,
        namespace: engineNamespace,
        plural: 'chaosengines',
        body: engine,
      })) as ChaosEngine;
      played.checker = { namespace: engineNamespace, name: created.metadata.name ?? '' };
      record('engine-created', played.step.workflow, '', `${engineNamespace}/${created.metadata.name}`);
    } catch (error) {
      record('error', played.step.workflow, '', `creating the ChaosEngine: ${String(error)}`);
      return finish(played, 1, 'Error');
    }
    while (!played.done && !stopped) {
      const current = (await custom
        .getNamespacedCustomObject({ ...litmus, ...played.checker, plural: 'chaosengines' })
        .catch(() => undefined)) as ChaosEngine | undefined;
      if (['completed', 'stopped'].includes(current?.status?.engineStatus ?? '')) break;
      await sleep(200);
    }
    if (!stopped) await finish(played, 0, 'Completed');
  };

  const play = async (pod: V1Pod) => {
    const notes = pod.metadata?.annotations ?? {};
    const nodeName = notes[annotation.nodeName] ?? '';
    const step: StepPod = {
      workflow: pod.metadata?.labels?.[label.workflow] ?? '',
      nodeName,
      nodeId: notes[annotation.nodeId] ?? '',
      attempt: Number(/\((\d+)\)$/.exec(nodeName)?.[1] ?? 0),
      annotations: notes,
    };
    const played: Played = { pod, step, done: false };
    pods.set(pod.metadata?.name ?? '', played);
    const plan = planFromAnnotations(step, stepMs);
    await sleep(50);
    if ('failToStart' in plan) return failToStart(played, plan.failToStart);
    const startedAt = new Date();
    played.pod = { ...pod, status: { ...pod.status, startTime: startedAt } };
    await writeStatus(pod, {
      phase: 'Running',
      startTime: startedAt,
      conditions: [{ type: 'Ready', status: 'True' }],
      initContainerStatuses: initStatuses(pod, startedAt.toISOString()),
      containerStatuses: statuses(pod, 'running', startedAt.toISOString()),
    });
    record('pod-running', step.workflow, '', nodeName);
    if (isChecker(pod)) return runChecker(played);
    if ('never' in plan) return;
    played.timer = setTimeout(
      () =>
        void finish(played, plan.exitCode, plan.exitCode === 0 ? 'Completed' : 'Error').catch(
          (error: unknown) => record('error', step.workflow, '', `${nodeName}: ${String(error)}`),
        ),
      plan.runMs ?? stepMs,
    );
  };

  // A shutdown signals the containers through pods/exec, which needs a kubelet: play what the signal
  // does, once the controller has sent it (it marks the pod's node failed as it signals).
  const shutdown = (workflow: string, strategy: string, nodes: Record<string, { phase?: string }>) => {
    for (const played of pods.values()) {
      if (played.done || played.step.workflow !== workflow) continue;
      if (!['Failed', 'Error'].includes(nodes[played.step.nodeId]?.phase ?? '')) continue;
      const code = isChecker(played.pod) ? 0 : 143;
      void finish(played, code, code === 0 ? 'Completed' : 'Error')
        .then(() => record('pod-killed', workflow, '', `${played.step.nodeName} ${strategy}`))
        .catch((error: unknown) => record('error', workflow, '', String(error)));
    }
  };

  const stopPods = await keepWatching<V1Pod & { metadata: { name?: string } }>(
    kc,
    `/api/v1/namespaces/${namespace}/pods`,
    (type, pod) => {
      const name = pod.metadata.name ?? '';
      if (type === 'DELETED') {
        const played = pods.get(name);
        if (played) {
          played.done = true;
          clearTimeout(played.timer);
        }
        return;
      }
      if (type !== 'ADDED' || pods.has(name) || pod.status?.phase !== 'Pending') return;
      if (!pod.metadata.labels?.[label.workflow]) return;
      void play(pod).catch((error: unknown) => record('error', name, '', String(error)));
    },
  );
  const stopWorkflows = await keepWatching<{
    metadata: { name?: string };
    spec?: { shutdown?: string };
    status?: { nodes?: Record<string, { phase?: string }> };
  }>(kc, `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflows`, (type, wf) => {
    if (type !== 'DELETED' && wf.spec?.shutdown)
      shutdown(wf.metadata.name ?? '', wf.spec.shutdown, wf.status?.nodes ?? {});
  });

  return {
    logFile,
    events,
    waitFor,
    async stop() {
      stopped = true;
      stopPods();
      stopWorkflows();
      for (const played of pods.values()) clearTimeout(played.timer);
      await controller.stop();
    },
  };
}
