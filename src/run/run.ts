// `chaos-gate run`: preflight, apply and submit, wait, collect, decide and report, clean up. The one
// orchestration behind the CLI and the action. Whatever happens after the first object is applied —
// timeout, cancel, a lost watch, a crash in our own code — the chaos is stopped before this returns
// or throws.
import { randomBytes } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { ArgoClient } from '../argo/client.ts';
import { workflowToSuite } from '../argo/convert.ts';
import { prepareWorkflow, type WorkflowObject } from '../argo/submit.ts';
import { waitForWorkflow, type WorkflowState } from '../argo/wait.ts';
import type { GateConfig } from '../config/load.ts';
import { CancelledError, CannotRunError, errorMessage } from '../errors.ts';
import { ManifestApplier, runLabel } from '../kube/apply.ts';
import { contextNamespace, loadKubeContext } from '../kube/context.ts';
import { describeApiError } from '../kube/errors.ts';
import type { Manifest } from '../kube/manifests.ts';
import { cancelReason } from '../kube/until.ts';
import { LitmusClient, resultPlural } from '../litmus/client.ts';
import { convertChaos } from '../litmus/convert.ts';
import type { ChaosResult } from '../litmus/types.ts';
import { waitForChaos, type ChaosState, type WaitOptions } from '../litmus/wait.ts';
import { startLoad, type LoadExit, type LoadHandle } from '../load/runner.ts';
import type { Window } from '../load/samples.ts';
import { mergeReports, type Report } from '../report/model.ts';
import { collectJournal, collectLoad } from './collect.ts';
import { readRunInputs } from './inputs.ts';
import type { GateOutcome } from './outcome.ts';
import { conclude } from './publish.ts';
import { RunResources } from './resources.ts';

export interface RunContext {
  log: (line: string) => void;
  /** Aborted with the signal name as reason when the job is cancelled. */
  signal: AbortSignal;
  /** Secret kubeconfig content (action input), kept out of the config model. */
  kubeconfigContent?: string;
  /** Called just before the first object is applied, so a front can record what to stop if it is killed. */
  onStarted?: (runId: string, namespaces: string[]) => void;
  /** Called as the run enters each phase, for log groups and progress lines. */
  onPhase?: (phase: RunPhase) => void;
  /** Waits around stopping; shorter in tests. */
  timings?: Partial<typeof defaultTimings>;
}

/** apply and submit → wait → after the chaos (a stop if cut short, the load's tail) → report → clean up → done. */
export type RunPhase = 'apply' | 'wait' | 'after' | 'report' | 'cleanup' | 'done';

const defaultTimings = {
  /** How long to wait for engines to report `stopped` after a stop on timeout, and on cancel. */
  stopWaitOnTimeoutMs: 60_000,
  stopWaitOnCancelMs: 5_000,
  /** How long a finished engine may take to show its verdict. */
  verdictGraceMs: 30_000,
};

type Timings = typeof defaultTimings;

export async function runGate(config: GateConfig, context: RunContext): Promise<GateOutcome> {
  const { log, signal } = context;
  const timings = { ...defaultTimings, ...context.timings };
  const { manifests, workflow: workflowBase } = readRunInputs(config);
  const kube = loadKubeContext({ ...config, kubeconfigContent: context.kubeconfigContent });
  try {
    const { kc } = kube;
    const litmus = new LitmusClient(kc);
    const argo = config.workflow ? new ArgoClient(kc) : undefined;
    await litmus.assertInstalled(config.experiments.length > 0 ? ['chaosexperiments'] : []);
    await argo?.assertInstalled();

    const runId = config.runId ?? `cg-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const defaultNamespace = config.namespace ?? contextNamespace(kc);
    const applier = new ManifestApplier(kc, defaultNamespace);
    const prepared = applier.prepare(manifests, runId);
    const workflow =
      config.workflow &&
      workflowBase &&
      prepareWorkflow(workflowBase, config.workflow, defaultNamespace, {
        'app.kubernetes.io/managed-by': 'chaos-gate',
        [runLabel]: runId,
      });
    log(`[chaos-gate] run ${runId}: preflight of ${prepared.length + (workflow ? 1 : 0)} object(s)`);
    await preflight(applier, prepared, argo, workflow);
    throwIfCancelled(signal);

    context.onStarted?.(runId, [
      ...new Set([
        ...prepared.filter((m) => m.role === 'engine').map((m) => m.object.metadata.namespace ?? ''),
        ...(workflow ? [workflow.metadata.namespace ?? ''] : []),
      ]),
    ]);
    const resources = new RunResources({
      litmus,
      applier,
      argo,
      log,
      shutdown: config.workflow?.shutdown ?? 'Stop',
      runId,
      cleanup: config.cleanup,
    });
    const chaos = await runChaos(config, context, {
      kc,
      litmus,
      argo,
      resources,
      prepared,
      workflow,
      timings,
    });
    context.onPhase?.('report');
    const report = await collectReport(config, litmus, resources, chaos);
    // The verdict first: a user waiting on the build should not wait for the deletes.
    let passed = false;
    try {
      const { decision, published } = conclude(config, report, { runId }, log);
      passed = decision.verdict === 'pass';
      return { runId, report, decision, published, cancelled: chaos.waited.chaos.cancelled };
    } finally {
      context.onPhase?.('cleanup');
      await resources.cleanup(passed);
      context.onPhase?.('done');
    }
  } finally {
    kube.dispose();
  }
}

interface ChaosRun {
  waited: Waited;
  chaosWindow: Window;
  loadExit?: LoadExit;
}

interface RunParts {
  kc: KubeConfig;
  litmus: LitmusClient;
  argo: ArgoClient | undefined;
  resources: RunResources;
  prepared: Manifest[];
  workflow: WorkflowObject | undefined;
  timings: Timings;
}

/** Load baseline, apply and submit, wait; stop the chaos if the wait was cut short; end the load. */
async function runChaos(config: GateConfig, context: RunContext, parts: RunParts): Promise<ChaosRun> {
  const { log, signal } = context;
  const { kc, litmus, argo, resources, prepared, workflow, timings } = parts;
  let load: LoadHandle | undefined;
  let waited: Waited;
  let chaosWindow: Window;
  try {
    if (config.load) {
      load = await startLoad(config.load, log, signal);
      await load.baseline();
      throwIfCancelled(signal);
    }
    const chaosStartMs = Date.now();
    context.onPhase?.('apply');
    await resources.apply(prepared);
    if (workflow) await resources.submit(workflow);
    context.onPhase?.('wait');
    waited = await waitForAll(kc, litmus, argo, resources, {
      timeoutMs: config.timeoutMs,
      signal,
      log,
      verdictGraceMs: timings.verdictGraceMs,
      engineSelector: resources.selector,
    });
    chaosWindow = { startMs: chaosStartMs, endMs: Date.now() };
    context.onPhase?.('after');
  } catch (error) {
    // Never leave faults running in a cluster we are about to stop watching.
    await load?.kill();
    await resources.stopChaos();
    await resources.cleanup(false);
    throw error;
  }
  const { cancelled, timedOut } = waited.chaos;
  if (cancelled || timedOut) {
    log(`[chaos-gate] ${cancelled ? `cancelled by ${cancelled}` : 'timeout'}: stopping the chaos`);
    await resources.stopChaos();
    const waitMs = cancelled ? timings.stopWaitOnCancelMs : timings.stopWaitOnTimeoutMs;
    await confirmStopped(kc, litmus, resources, waitMs, log);
  }
  if (!load) return { waited, chaosWindow };
  if (cancelled) return { waited, chaosWindow, loadExit: await load.kill() };
  log(`[chaos-gate] chaos over; the load runs on for a ${Math.round((config.load?.tail ?? 0) / 1000)}s tail`);
  return { waited, chaosWindow, loadExit: await load.finish() };
}

/** Everything the run produced, as one report: the workflow, the chaos, the load, the journals. */
async function collectReport(
  config: GateConfig,
  litmus: LitmusClient,
  resources: RunResources,
  { waited, chaosWindow, loadExit }: ChaosRun,
): Promise<Report> {
  const workflowEngines = await workflowChaos(litmus, resources);
  const report = mergeReports(
    ...(waited.workflow?.workflow
      ? [{ suites: [workflowToSuite(waited.workflow.workflow, { timedOut: waited.workflow.timedOut })] }]
      : []),
    convertChaos({
      ...waited.chaos,
      engines: [...waited.chaos.engines, ...workflowEngines.engines],
      results: [...waited.chaos.results, ...workflowEngines.results],
    }),
  );
  if (config.load) report.suites.push(collectLoad(config.load, loadExit, [chaosWindow]));
  report.suites.push(...config.ctkJournals.map(collectJournal));
  return report;
}

/** Every problem of every object at once, and nothing applied if there is one. */
async function preflight(
  applier: ManifestApplier,
  prepared: Manifest[],
  argo: ArgoClient | undefined,
  workflow: WorkflowObject | undefined,
): Promise<void> {
  const problems = await applier.preflight(prepared);
  if (argo && workflow) {
    await argo.create(workflow, true).catch((error: unknown) => {
      problems.push(
        describeApiError(
          `Workflow ${workflow.metadata.name ?? workflow.metadata.generateName ?? ''}: rejected by the server`,
          error,
        ),
      );
    });
  }
  if (problems.length > 0)
    throw new CannotRunError(`preflight failed, nothing was applied:\n${problems.join('\n')}`);
}

interface Waited {
  chaos: ChaosState;
  workflow?: WorkflowState;
}

/** Waits for the applied engines and the workflow together; the first interruption ends both. */
async function waitForAll(
  kc: KubeConfig,
  litmus: LitmusClient,
  argo: ArgoClient | undefined,
  resources: RunResources,
  options: WaitOptions & { verdictGraceMs: number },
): Promise<Waited> {
  const none: ChaosState = { engines: [], results: [], timedOut: false };
  if (options.signal.aborted) return { chaos: { ...none, cancelled: cancelReason(options.signal) } };
  // A wait that fails for good ends the other one too, so no watch outlives the run.
  const sibling = new AbortController();
  const shared = { ...options, signal: AbortSignal.any([options.signal, sibling.signal]) };
  const failFast = <T>(waiting: Promise<T>) =>
    waiting.catch((error: unknown) => {
      sibling.abort();
      throw error;
    });
  const workflow = resources.workflow;
  const engines = resources.appliedEngines();
  const [chaos, flow] = await Promise.all([
    engines.length > 0 ? failFast(waitForChaos(kc, litmus, engines, shared)) : none,
    argo && workflow?.metadata.name
      ? failFast(waitForWorkflow(kc, argo, workflow.metadata.namespace ?? '', workflow.metadata.name, shared))
      : undefined,
  ]);
  return {
    chaos: {
      ...chaos,
      timedOut: chaos.timedOut || (flow?.timedOut ?? false),
      cancelled: chaos.cancelled ?? flow?.cancelled,
    },
    workflow: flow,
  };
}

/** The engines a workflow created and their results (matched to each engine by chaosUID). */
async function workflowChaos(
  litmus: LitmusClient,
  resources: RunResources,
): Promise<{ engines: ChaosState['engines']; results: ChaosResult[] }> {
  const engines = await resources.workflowEngines().catch(() => []);
  const uids = engines.map((e) => e.metadata.uid).filter(Boolean);
  if (uids.length === 0) return { engines: [], results: [] };
  const namespace = resources.workflow?.metadata.namespace ?? '';
  const { items } = await litmus.list<ChaosResult>(
    litmus.target(resultPlural, namespace, `chaosUID in (${uids.join(',')})`),
  );
  return { engines, results: items };
}

/** After a stop, wait (bounded) until the operator reports the engines stopped, and say if it did not. */
async function confirmStopped(
  kc: KubeConfig,
  litmus: LitmusClient,
  resources: RunResources,
  waitMs: number,
  log: (line: string) => void,
): Promise<void> {
  const engines = resources.appliedEngines();
  if (engines.length === 0) return;
  try {
    const after = await waitForChaos(kc, litmus, engines, {
      timeoutMs: waitMs,
      signal: new AbortController().signal,
      log,
      verdictGraceMs: 0,
      engineSelector: resources.selector,
    });
    if (after.timedOut) {
      log(
        `[chaos-gate] WARNING: the engines did not report 'stopped' within ${waitMs / 1000}s; is the chaos-operator running?`,
      );
    }
  } catch (error) {
    log(`[chaos-gate] WARNING: could not confirm that the chaos stopped: ${errorMessage(error)}`);
  }
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError(cancelReason(signal));
}
