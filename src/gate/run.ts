// `chaos-gate run`: preflight, apply and submit, wait, collect, decide, clean up. The one
// orchestration behind the CLI and the action. Whatever happens after the first object is applied —
// timeout, cancel, a lost watch, a crash in our own code — the chaos is stopped before this returns
// or throws.
import { randomBytes } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { ArgoClient } from '../argo/client.ts';
import { workflowToSuite } from '../argo/convert.ts';
import { prepareWorkflow, type WorkflowObject } from '../argo/submit.ts';
import { readRunInputs } from './inputs.ts';
import { waitForWorkflow, type WorkflowState } from '../argo/wait.ts';
import type { GateConfig } from '../config/load.ts';
import { CancelledError, CannotRunError, errorMessage } from '../errors.ts';
import { ManifestApplier, runLabel } from '../kube/apply.ts';
import { contextNamespace, loadKubeContext } from '../kube/context.ts';
import { describeApiError } from '../kube/errors.ts';
import type { Manifest } from '../kube/manifests.ts';
import { LitmusClient, resultPlural } from '../litmus/client.ts';
import { convertChaos } from '../litmus/convert.ts';
import type { ChaosResult } from '../litmus/types.ts';
import { waitForChaos, type ChaosState, type EngineRef } from '../litmus/wait.ts';
import { collectLoad } from '../load/collect.ts';
import { startLoad, type LoadExit, type LoadHandle } from '../load/runner.ts';
import type { Window } from '../load/samples.ts';
import { readCtkJournal } from '../ctk/read.ts';
import { mergeReports, type Report, type ReportSuite } from '../report/model.ts';
import { evaluateGate, type GateDecision } from './policy.ts';
import { RunResources } from './resources.ts';

export interface RunContext {
  log: (line: string) => void;
  /** Aborted with the signal name as reason when the job is cancelled. */
  signal: AbortSignal;
  /** Secret kubeconfig content (action input), kept out of the config model. */
  kubeconfigContent?: string;
  /** Called just before the first object is applied, so a front can record what to stop if it is killed. */
  onStarted?: (runId: string, namespaces: string[]) => void;
  /** Waits around stopping; shorter in tests. */
  timings?: Partial<typeof defaultTimings>;
}

export interface RunOutcome {
  runId: string;
  report: Report;
  decision: GateDecision;
  /** Set when the run was cancelled; the report then holds what was known at that point. */
  cancelled?: NodeJS.Signals;
}

const defaultTimings = {
  /** How long to wait for engines to report `stopped` after a stop on timeout, and on cancel. */
  stopWaitOnTimeoutMs: 60_000,
  stopWaitOnCancelMs: 5_000,
  /** How long a finished engine may take to show its verdict. */
  verdictGraceMs: 30_000,
};

export async function runGate(config: GateConfig, context: RunContext): Promise<RunOutcome> {
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
    });
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
      await applier.apply(prepared, (object) => {
        resources.applied.push(object);
        log(
          `[chaos-gate] applied ${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`,
        );
      });
      if (argo && workflow) {
        resources.workflow = await argo.create(workflow);
        log(
          `[chaos-gate] submitted Workflow ${resources.workflow.metadata.namespace}/${resources.workflow.metadata.name}`,
        );
      }
      waited = await waitForAll(kc, litmus, argo, resources, {
        timeoutMs: config.timeoutMs,
        signal,
        log,
        verdictGraceMs: timings.verdictGraceMs,
      });
      chaosWindow = { startMs: chaosStartMs, endMs: Date.now() };
    } catch (error) {
      // Never leave faults running in a cluster we are about to stop watching.
      await load?.kill();
      await resources.stopChaos();
      await resources.cleanup(config.cleanup, false, runId);
      throw error;
    }
    const interrupted = waited.chaos.timedOut || waited.chaos.cancelled;
    if (interrupted) {
      log(
        `[chaos-gate] ${waited.chaos.cancelled ? `cancelled by ${waited.chaos.cancelled}` : 'timeout'}: stopping the chaos`,
      );
      await resources.stopChaos();
      const waitMs = waited.chaos.cancelled ? timings.stopWaitOnCancelMs : timings.stopWaitOnTimeoutMs;
      await confirmStopped(kc, litmus, resources.appliedEngines(), waitMs, log);
    }
    let loadExit: LoadExit | undefined;
    if (load && waited.chaos.cancelled) loadExit = await load.kill();
    else if (load) {
      log(
        `[chaos-gate] chaos over; the load runs on for a ${Math.round((config.load?.tail ?? 0) / 1000)}s tail`,
      );
      loadExit = await load.finish();
    }
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
    report.suites.push(...config.ctkJournals.map(readJournalAfterRun));
    const decision = evaluateGate(report, config.gate);
    await resources.cleanup(config.cleanup, decision.verdict === 'pass', runId);
    return { runId, report, decision, cancelled: waited.chaos.cancelled };
  } finally {
    kube.dispose();
  }
}

/** A journal that cannot be read after the chaos ran is a failed check, not a lost report. */
function readJournalAfterRun(file: string): ReportSuite {
  try {
    return readCtkJournal(file);
  } catch (error) {
    const name = `chaostoolkit/${file}`;
    const message = errorMessage(error);
    return {
      kind: 'chaostoolkit',
      name,
      properties: {},
      cases: [
        {
          kind: 'ctk-hypothesis',
          className: name,
          name: 'journal',
          outcome: 'error',
          message,
          properties: {},
        },
      ],
    };
  }
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
  options: { timeoutMs: number; signal: AbortSignal; log: (line: string) => void; verdictGraceMs: number },
): Promise<Waited> {
  const none: ChaosState = { engines: [], results: [], timedOut: false };
  if (options.signal.aborted) return { chaos: { ...none, cancelled: cancelReason(options.signal) } };
  const workflow = resources.workflow;
  const [chaos, flow] = await Promise.all([
    resources.appliedEngines().length > 0
      ? waitForChaos(kc, litmus, resources.appliedEngines(), options)
      : none,
    argo && workflow?.metadata.name
      ? waitForWorkflow(kc, argo, workflow.metadata.namespace ?? '', workflow.metadata.name, options)
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
  engines: EngineRef[],
  waitMs: number,
  log: (line: string) => void,
): Promise<void> {
  if (engines.length === 0) return;
  try {
    const after = await waitForChaos(kc, litmus, engines, {
      timeoutMs: waitMs,
      signal: new AbortController().signal,
      log,
      verdictGraceMs: 0,
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

function cancelReason(signal: AbortSignal): NodeJS.Signals {
  return (signal.reason as NodeJS.Signals | undefined) ?? 'SIGTERM';
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError(cancelReason(signal));
}
