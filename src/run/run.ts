// `chaos-gate run`: preflight, apply and submit, wait, collect, decide and report, clean up. The one
// orchestration behind the CLI and the action. Whatever happens after the first object is sent —
// timeout, cancel, a lost watch, a crash in our own code — the chaos is stopped and confirmed stopped
// before this returns or throws, and whatever could not be confirmed is reported.
//
// Time: the overall timeout runs from the start and covers preflight, the load baseline, the wait,
// the load's tail; the stop phase then has its own deadline (stopTimeout), and so does the cleanup.
// Every request is bounded (kube/client.ts), so neither can hang.
import { randomBytes } from 'node:crypto';
import { ArgoClient } from '../argo/client.ts';
import { isWorkflowCompleted } from '../argo/condition.ts';
import { liveWorkflowToSuite } from '../argo/convert.ts';
import { prepareWorkflow, workflowName, workflowSource, type WorkflowObject } from '../argo/submit.ts';
import { templateRefProblems } from '../argo/template-refs.ts';
import { waitForWorkflow, type WorkflowState } from '../argo/wait.ts';
import { formatDuration } from '../config/duration.ts';
import { settingName } from '../config/fields.ts';
import type { GateConfig } from '../config/load.ts';
import { CancelledError, CannotRunError, errorMessage } from '../errors.ts';
import { managedBy, ManifestApplier, runLabel } from '../kube/apply.ts';
import { connect, limited, type Connection } from '../kube/client.ts';
import { describeCluster } from '../kube/context.ts';
import { describeApiError } from '../kube/errors.ts';
import { kubectlFor } from '../kube/kubeconfig-source.ts';
import { duplicateProblems, type Manifest } from '../kube/manifests.ts';
import { cancelReason } from '../kube/until.ts';
import { LitmusClient, resultPlural } from '../litmus/client.ts';
import { engineKey } from '../litmus/condition.ts';
import { convertChaos, engineSuiteName } from '../litmus/convert.ts';
import { engineProblem, readableResults, type ChaosEngine, type ChaosResult } from '../litmus/types.ts';
import { isEngineFinished } from '../litmus/verdict.ts';
import { waitForChaos, type ChaosState, type WaitOptions } from '../litmus/wait.ts';
import { startLoad, type LoadExit, type LoadHandle } from '../load/runner.ts';
import type { Window } from '../load/samples.ts';
import { mergeReports, type Report, type ReportCase, type ReportSuite } from '../report/model.ts';
import { blastRadiusProblems, allowedNamespaces } from './blast-radius.ts';
import { collectJournal, collectLoad } from './collect.ts';
import { prepareCluster, type PreparedCluster } from './inputs.ts';
import type { GateOutcome } from './outcome.ts';
import { conclude, refuseAllSkipped, runMeta } from './publish.ts';
import { RunResources, type Created } from './resources.ts';
import { runIdInUse } from './run-id-in-use.ts';
import { lockRunId, type HeldLease, type RunLock } from './run-lock.ts';
import type { StopReport } from './stop.ts';
import {
  carryingStopCases,
  stopCasesCarriedBy,
  stopCasesIn,
  withStopCases,
  type StopCommands,
} from './stop-report.ts';
import { carryingWarnings, RunWarnings, warningsCarriedBy, withRunWarnings, type Warn } from './warnings.ts';

export interface RunContext {
  log: (line: string) => void;
  /** Aborted with the signal name as reason when the job is cancelled (the first signal). */
  signal: AbortSignal;
  /** Aborted when the job insists (a second signal): one last stop attempt, then return at once. */
  hurry?: AbortSignal;
  /** Secret kubeconfig content (action input), kept out of the config model. */
  kubeconfigContent?: string;
  /**
   * Called as preflight takes each of a given run id's leases, so a front can let go of them if it is
   * killed before its chaos starts.
   */
  onLocked?: (runId: string, leases: HeldLease[]) => void;
  /**
   * Called just before the first object is applied, so a front can record what to stop if it is
   * killed, and the run id's leases to let go of once it stopped that.
   */
  onStarted?: (runId: string, namespaces: string[], leases: HeldLease[]) => void;
  /** Hears what the run has created each time it grows, so a front can clean up after it if it is killed. */
  onCreated?: (runId: string, created: Created) => void;
  /** Called as the run enters each phase, for log groups and progress lines. */
  onPhase?: (phase: RunPhase) => void;
  /** How long a finished engine may take to show its verdict; shorter in tests. */
  verdictGraceMs?: number;
  /** How often the run id's leases are renewed (a third of their duration); shorter in tests. */
  leaseRenewMs?: number;
}

/** apply and submit → wait → after the chaos (a stop if cut short, the load's tail) → report → clean up → done. */
export type RunPhase = 'apply' | 'wait' | 'after' | 'report' | 'cleanup' | 'done';

/** What preflight settled: the objects as they will be applied, and where the run may reach. */
interface Plan {
  runId: string;
  prepared: Manifest[];
  /** What checked them: it remembers what it read, so apply reads nothing again. */
  applier: ManifestApplier;
  workflow?: WorkflowObject;
  /** Where the run's engines and workflows may be: the allowed namespaces. */
  namespaces: string[];
  argo?: ArgoClient;
  /** The run id's leases, held until the run's cleanup is over. */
  lock: RunLock;
}

export async function runGate(config: GateConfig, context: RunContext): Promise<GateOutcome> {
  const cluster = await prepareCluster(config, context.kubeconfigContent, context.log);
  let session: RunSession;
  try {
    session = await startRun(cluster, context);
  } catch (error) {
    throw reportStopCases(
      config,
      error,
      stopCasesCarriedBy(error) ?? { suites: [] },
      runMeta(config, undefined),
      context.log,
    );
  }
  // The verdict first: a user waiting on the build should not wait for the deletes.
  let outcome: GateOutcome;
  try {
    // A cancelled run says so by its exit code, whatever its cases are.
    if (!session.cancelled) refuseAllSkipped(session.report, config.gate);
    const { runId, cancelled } = session;
    // On one cluster, the run's warnings are the whole report's.
    const report = withRunWarnings(session.report, session.warnings);
    const { decision, published } = conclude(config, report, runMeta(config, runId, cancelled), context.log);
    outcome = { runId, report, cancelled, decision, published };
  } catch (error) {
    // Nothing to judge, or no report written: the error is all the fronts show, so it carries the
    // warnings, and the stops the report would have shown not confirmed.
    const late = await session.finish(false);
    throw carryingWarnings(
      carryingStopCases(
        stillCancelled(error, session.cancelled, context.signal),
        stopCasesIn(session.report),
      ),
      [...session.warnings, ...late],
    );
  }
  const late = await session.finish(outcome.decision.verdict === 'pass');
  return cancelledLate({ ...outcome, warningsAfterReports: late }, context.signal);
}

/**
 * A run that ended in an error (exit 2) once its chaos started writes no verdict, but the stops it
 * could not confirm go into the reports all the same: the JSON's `chaosMayStillRun` is what the
 * Jenkins step reads, and the errored cases name each engine or workflow and the command that stops it.
 * Returns the error to throw: `error` still, as it is what ended the run (and its class the exit code),
 * with reports that cannot be written among its warnings; the fronts then show the stops under it.
 */
export function reportStopCases(
  config: GateConfig,
  error: unknown,
  stopCases: Report,
  meta: Record<string, string>,
  log: (line: string) => void,
): unknown {
  if (stopCases.suites.length === 0) return error;
  try {
    conclude(config, stopCases, meta, log);
    return error;
  } catch (unwritten) {
    return carryingWarnings(error, [...warningsCarriedBy(error), errorMessage(unwritten)]);
  }
}

/**
 * A run that received a signal, during its wait or after it (while reading the verdicts, writing the
 * reports or cleaning up), ends as cancelled, 130/143, whatever else failed after. Asked once the
 * cleanup is over: reports are written synchronously, so a signal that came meanwhile is seen only then.
 */
function signalled(cancelled: NodeJS.Signals | undefined, signal: AbortSignal): NodeJS.Signals | undefined {
  return cancelled ?? (signal.aborted ? cancelReason(signal) : undefined);
}

/**
 * A cancelled run whose reports could not be written (a cancel is never refused as nothing to judge)
 * still ends as cancelled, the write that failed said with the cancel.
 */
export function stillCancelled(
  error: unknown,
  cancelled: NodeJS.Signals | undefined,
  signal: AbortSignal,
): unknown {
  const by = signalled(cancelled, signal);
  return by ? new CancelledError(by, errorMessage(error)) : error;
}

/**
 * A signal after the chaos was over still cancels the run: its verdict stands in the reports, but it
 * exits 130/143, so nothing chained after it (`chaos-gate run … && deploy`) goes on once the job was
 * cancelled.
 */
export function cancelledLate(outcome: GateOutcome, signal: AbortSignal): GateOutcome {
  return { ...outcome, cancelled: signalled(outcome.cancelled, signal) };
}

/** A run up to its report: the chaos ran and, if cut short, was stopped; the cleanup waits for the verdict. */
export interface RunSession {
  runId: string;
  report: Report;
  /** The run's own warnings so far (warnings.ts), for the reports. */
  warnings: string[];
  cancelled?: NodeJS.Signals;
  /**
   * Cleans up per policy (`passed`: the gate's verdict) and lets go of the cluster; returns the
   * warnings raised meanwhile, too late for the reports.
   */
  finish(passed: boolean): Promise<string[]>;
}

/** The cluster answered and refused the run's inputs: a configuration error for it, not a cluster out of reach. */
export class PreflightRefused extends CannotRunError {
  override name = 'PreflightRefused';
}

/** A run id for the label on everything a run applies: unique per run, readable in a list. */
export function newRunId(): string {
  return `cg-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** `cluster`: checked offline, kube context loaded (inputs.ts); nothing has been sent to it yet. */
async function startRun(cluster: PreparedCluster, context: RunContext): Promise<RunSession> {
  return (await checkRun(cluster, context)).start();
}

/**
 * A run whose preflight passed: nothing applied yet. `start` runs the chaos; `release` gives it up and
 * returns the warnings the run raised, as no report will hold them.
 */
export interface CheckedRun {
  start(): Promise<RunSession>;
  release(): Promise<string[]>;
}

/**
 * The run's preflight (LitmusChaos installed, every object's dry run), under the run's timeout, which
 * starts here. Several clusters check all before any starts (targets.ts). An error it throws, or
 * `start` throws, carries the warnings the run raised (warnings.ts).
 */
export async function checkRun(cluster: PreparedCluster, context: RunContext): Promise<CheckedRun> {
  const { config } = cluster;
  const { log, signal } = context;
  const hurry = context.hurry ?? new AbortController().signal;
  const deadline = overallDeadline(config.timeoutMs);
  const warnings = new RunWarnings(log);
  const { warn } = warnings;
  // With those of the credentials, warned through the channel made as the kube context was loaded.
  const takeWarnings = () => [...new Set([...cluster.credentialWarnings.take(), ...warnings.take()])];
  let plan: Plan;
  const main = connect(cluster.kc, { signal: AbortSignal.any([signal, deadline.signal]) });
  // What a user runs by hand (stop what is not confirmed, free a lease): kubectl reaching this cluster.
  const commands: StopCommands = {
    kubectl: kubectlFor({ ...config, kubeconfigContent: context.kubeconfigContent }),
    strategy: config.workflow?.shutdown ?? 'Stop',
  };
  try {
    // The run id stays locked through the stop and the cleanup, which outlive a cancel and the deadline.
    plan = await preflight(cluster, { main, holding: limited(main, { signal: hurry }) }, signal, {
      log,
      warn,
      kubectl: commands.kubectl,
      leaseRenewMs: context.leaseRenewMs,
      onLocked: context.onLocked,
    });
  } catch (error) {
    deadline.clear();
    throw carryingWarnings(error, takeWarnings());
  }
  const release = async () => {
    deadline.clear();
    await plan.lock.release();
  };
  const start = async (): Promise<RunSession> => {
    try {
      context.onStarted?.(plan.runId, plan.namespaces, plan.lock.held());
      // Only the second signal cuts an apply or submit under way (resources.ts).
      const sending = limited(main, { signal: hurry });
      const resources = new RunResources({
        connection: main,
        runId: plan.runId,
        sending,
        applier: plan.applier.on(sending),
        namespaces: plan.namespaces,
        shutdown: commands.strategy,
        kubectl: commands.kubectl,
        cleanup: config.cleanup,
        stopTimeoutMs: config.stopTimeoutMs,
        log,
        warn,
        onCreated: (created) => context.onCreated?.(plan.runId, created),
      });
      const chaos = await runChaos(config, context, {
        main,
        plan,
        resources,
        deadline,
        hurry,
        warn,
        commands,
      });
      let report: Report;
      try {
        context.onPhase?.('report');
        // Reading what the run produced outlives the run's deadline, but not a second signal.
        const reading = limited(main, {
          signal: AbortSignal.any([hurry, AbortSignal.timeout(config.stopTimeoutMs)]),
        });
        const source = plan.workflow && workflowSource(config.workflow?.file, plan.workflow);
        report = await collectReport(config, reading, resources, chaos, warn, source);
      } catch (error) {
        // The chaos is over, and was stopped if cut short: an error now ends the run as one during it.
        throw await failedRun(error, commands, resources, chaos.stops, hurry);
      }
      if (chaos.stops) report = withStopCases(report, chaos.stops, commands);
      return {
        runId: plan.runId,
        report,
        warnings: takeWarnings(),
        cancelled: chaos.cancelled,
        async finish(passed) {
          try {
            context.onPhase?.('cleanup');
            await resources.cleanup(passed, hurry, chaos.stops);
            context.onPhase?.('done');
          } finally {
            await release();
          }
          return takeWarnings();
        },
      };
    } catch (error) {
      await release();
      throw carryingWarnings(error, takeWarnings());
    }
  };
  return {
    start,
    release: async () => {
      await release();
      return takeWarnings();
    },
  };
}

/** The overall timeout as a signal, aborted with an error that says so. */
function overallDeadline(timeoutMs: number) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new CannotRunError(`the ${formatDuration(timeoutMs)} timeout passed`)),
    timeoutMs,
  );
  const endsAt = Date.now() + timeoutMs;
  return {
    signal: controller.signal,
    endsAt,
    leftMs: () => Math.max(0, endsAt - Date.now()),
    clear: () => clearTimeout(timer),
  };
}
type Deadline = ReturnType<typeof overallDeadline>;

/** Every problem of every object at once, and nothing applied if there is one. */
async function preflight(
  { config, inputs, defaultNamespace, kc, generatedRunId }: PreparedCluster,
  { main, holding }: { main: Connection; holding: Connection },
  signal: AbortSignal,
  {
    log,
    warn,
    leaseRenewMs,
    onLocked,
    kubectl,
  }: Pick<RunContext, 'log' | 'leaseRenewMs' | 'onLocked'> & { warn: Warn; kubectl: string },
): Promise<Plan> {
  let lock: RunLock = { release: async () => {}, held: () => [] };
  try {
    const litmus = new LitmusClient(main);
    const argo = config.workflow ? new ArgoClient(main) : undefined;
    await litmus.assertInstalled(config.experiments.length > 0 ? ['chaosexperiments'] : []);
    await argo?.assertInstalled();

    const runId = config.runId ?? generatedRunId ?? newRunId();
    // A given id may have been an earlier run's too: its records on shared RBAC must stay apart.
    const record =
      config.runId === undefined ? runId : `${runId.slice(0, 54)}.${randomBytes(4).toString('hex')}`;
    const policy = { ...config, defaultNamespace };
    const applier = new ManifestApplier(main, defaultNamespace, {
      id: runId,
      record,
      chaosIn: allowedNamespaces(policy),
    });
    const prepared = applier.prepare(inputs.manifests);
    const workflow =
      config.workflow &&
      inputs.workflow &&
      prepareWorkflow(inputs.workflow, config.workflow, defaultNamespace, {
        ...managedBy,
        [runLabel]: runId,
      });
    // Said before anything is sent that changes the cluster: a CI agent's kubeconfig may not point where the user thinks.
    log(
      `[chaos-gate] run ${runId}: preflight of ${prepared.length + (workflow ? 1 : 0)} object(s) on ${describeCluster(kc)}, namespace ${defaultNamespace}`,
    );
    const clusterScoped = new Set<Manifest>();
    for (const manifest of prepared)
      if (await applier.isClusterScoped(manifest.object).catch(() => false)) clusterScoped.add(manifest);
    const problems = [
      ...duplicateProblems(prepared),
      ...blastRadiusProblems(prepared, workflow?.metadata.namespace, policy, (m) => clusterScoped.has(m)),
    ];
    if (problems.length === 0) problems.push(...(await applier.preflight(prepared)));
    // A generated id is this run's alone; one the user gives may be another run's too. The lease turns
    // away a run under the id of one still going; the check, one under the id of a killed run's chaos.
    const places = {
      engines: prepared.filter((m) => m.role === 'engine').map((m) => m.object.metadata.namespace ?? ''),
      workflows: workflow?.metadata.namespace ? [workflow.metadata.namespace] : [],
    };
    const chaosAt = [...places.engines, ...places.workflows];
    if (problems.length === 0 && config.runId !== undefined) {
      const locked = await lockRunId(
        { preflight: main, holding },
        {
          runId,
          record,
          namespaces: chaosAt.length > 0 ? chaosAt : [defaultNamespace],
          renewMs: leaseRenewMs,
          kubectl,
          onTaken: (held) => onLocked?.(runId, held),
        },
        warn,
      );
      lock = locked.lock;
      problems.push(...locked.problems);
    }
    // A listing the cancel cut short is no check worth a warning: the run says it was cancelled.
    const warnUnlessCancelled: Warn = (warning) => {
      if (!signal.aborted) warn(warning);
    };
    if (problems.length === 0 && config.runId !== undefined)
      problems.push(...(await runIdInUse(runId, places, { litmus, argo }, warnUnlessCancelled)));
    if (argo && workflow && problems.length === 0) {
      const namespace = workflow.metadata.namespace ?? '';
      problems.push(
        ...(await templateRefProblems(workflow, workflowSource(config.workflow?.file, workflow), {
          namespace,
          read: (ref) => argo.readTemplate(ref, namespace),
          warn,
        })),
      );
      await argo.create(workflow, true).catch((error: unknown) => {
        problems.push(describeApiError(`Workflow ${workflowName(workflow)}: rejected by the server`, error));
      });
    }
    throwIfCancelled(signal);
    if (problems.length > 0)
      throw new PreflightRefused(`preflight failed, nothing was applied:\n${problems.join('\n')}`);
    return {
      runId,
      prepared,
      applier,
      workflow,
      argo,
      namespaces: allowedNamespaces(policy),
      lock,
    };
  } catch (error) {
    await lock.release();
    // A cancel ends the requests in flight; say it was the cancel, not what it interrupted.
    throwIfCancelled(signal);
    throw error;
  }
}

interface ChaosRun {
  waited: Waited;
  chaosWindow: Window;
  loadExit?: LoadExit;
  cancelled?: NodeJS.Signals;
  /** Set when the chaos had to be stopped: what was confirmed stopped and what was not. */
  stops?: StopReport;
  /** Why the chaos was stopped when neither a timeout nor a cancel did it: the workflow ended first. */
  outlived?: string;
}

interface RunParts {
  main: Connection;
  plan: Plan;
  resources: RunResources;
  deadline: Deadline;
  hurry: AbortSignal;
  warn: Warn;
  commands: StopCommands;
}

/**
 * Load baseline, apply and submit, wait; then, if the wait was cut short (timeout, cancel) or failed,
 * or the workflow ended with chaos of its steps still running, take everything back in order: stop
 * the chaos, then the workflow (both in stop.ts), then the load, then clean up.
 */
async function runChaos(config: GateConfig, context: RunContext, parts: RunParts): Promise<ChaosRun> {
  const { log, signal } = context;
  const { main, plan, resources, deadline, hurry, warn, commands } = parts;
  const interrupted = AbortSignal.any([signal, deadline.signal]);
  let load: LoadHandle | undefined;
  let waited: Waited | undefined;
  let chaosStartMs = Date.now();
  try {
    if (config.load) {
      load = await startLoad(config.load, log);
      await load.baseline(interrupted);
    }
    chaosStartMs = Date.now();
    if (!interrupted.aborted) {
      context.onPhase?.('apply');
      try {
        await resources.apply(plan.prepared, interrupted);
        if (plan.workflow && !interrupted.aborted) await resources.submit(plan.workflow);
        // Cut short while the last objects were applied: no wait, the run's engines are reported below.
        if (!interrupted.aborted) {
          context.onPhase?.('wait');
          waited = await waitForAll(main, plan.argo, resources, {
            timeoutMs: deadline.leftMs(),
            signal,
            log,
            warn,
            verdictGraceMs: context.verdictGraceMs ?? 30_000,
            engineSelector: resources.selector,
          });
        }
      } finally {
        // Also when the apply or the wait failed or was cut short: the chaos clock stops, and a cluster
        // among several no longer holds the run's open (progress.ts).
        context.onPhase?.('after');
      }
    }
  } catch (error) {
    // A cut-short request is the timeout or the cancel, handled below; anything else is an error.
    if (!interrupted.aborted) {
      // Never leave faults running in a cluster we are about to stop watching.
      const stops = resources.started
        ? await resources.stopChaos(AbortSignal.any([signal, hurry]))
        : undefined;
      await load?.terminate('on cancel');
      throw await failedRun(error, commands, resources, stops, hurry);
    }
  }
  const cancelled = signal.aborted ? cancelReason(signal) : waited?.chaos.cancelled;
  if (cancelled && !resources.started) {
    await load?.terminate('on cancel');
    // Nothing applied, so nothing to stop: among several clusters, this one's stops are known.
    throw carryingStopCases(new CancelledError(cancelled), { suites: [] });
  }
  const timedOut = !cancelled && (deadline.signal.aborted || !!waited?.chaos.timedOut);
  const chaosWindow = { startMs: chaosStartMs, endMs: Date.now() };
  // Cut short before the wait (during the apply or submit, or the load's baseline): the run's engines
  // and the workflow it submitted are still its cases, none started, so the run is judged a timeout or
  // a cancel rather than nothing to judge.
  const done: Waited = waited ?? {
    chaos: { engines: plannedEngines(plan), results: [], timedOut, cancelled },
    workflow: resources.workflow && { workflow: resources.workflow, timedOut, cancelled },
  };
  const outlived = cancelled || timedOut ? undefined : await chaosOutlivingWorkflow(main, resources, done);
  const unreadable = cancelled || timedOut ? [] : unreadableUnfinished(done);
  const stopFor = cancelled
    ? `cancelled by ${cancelled}`
    : timedOut
      ? 'timeout'
      : unreadable.length > 0
        ? `an engine that has not finished cannot be read (${unreadable.join('; ')})`
        : outlived &&
          `${outlived.ended} while chaos its steps started still runs (ChaosEngine ${outlived.engines.join(', ')})`;
  let stops: StopReport | undefined;
  if (stopFor) {
    log(`[chaos-gate] ${stopFor}: stopping the chaos`);
    // After a timeout, a signal means hurry; after a cancel, only the next one does.
    if (resources.started)
      stops = await resources.stopChaos(cancelled ? hurry : AbortSignal.any([signal, hurry]));
  }
  // A signal during the stop after a timeout counts as a cancel too, and the reports say both: what
  // was unfinished timed out, then the run was cancelled.
  const lateCancel = timedOut && signal.aborted ? cancelReason(signal) : undefined;
  const result = {
    waited: lateCancel ? cancelledAfterTimeout(done, lateCancel) : done,
    chaosWindow,
    cancelled: signal.aborted ? cancelReason(signal) : cancelled,
    stops,
    outlived: outlived?.ended,
  };
  if (!load) return result;
  if (result.cancelled || hurry.aborted) return { ...result, loadExit: await load.terminate('on cancel') };
  if (timedOut) return { ...result, loadExit: await load.terminate('at the timeout') };
  log(`[chaos-gate] chaos over; the load runs on for a ${Math.round((config.load?.tail ?? 0) / 1000)}s tail`);
  const loadExit = await load.finish(deadline.endsAt, signal);
  // A cancel during the tail ends the load, and the run is then a cancelled one.
  return { ...result, loadExit, cancelled: signal.aborted ? cancelReason(signal) : undefined };
}

/**
 * A run that an error ended once its chaos started, its chaos over or stopped (`stops`, unset when
 * nothing had to be): cleaned up as a failed run, and the error carries what it could not confirm
 * stopped, for the reports whoever writes them; no case at all says every stop was confirmed (or
 * nothing was sent: nothing to stop).
 */
async function failedRun(
  error: unknown,
  commands: StopCommands,
  resources: RunResources,
  stops: StopReport | undefined,
  hurry: AbortSignal,
): Promise<unknown> {
  await resources.cleanup(false, hurry, stops);
  return carryingStopCases(error, stops ? withStopCases({ suites: [] }, stops, commands) : { suites: [] });
}

/**
 * The chaos its steps started that outlives the workflow, if any, and how the workflow ended (`workflow
 * ns/x ended (Error)`): the controller can end a workflow while a chaos step still waits for its engine
 * (it errors it mid-run, as `templateReferencing: Secure` does when the WorkflowTemplate changes), and
 * then nothing of the workflow's stops that chaos.
 */
async function chaosOutlivingWorkflow(
  connection: Connection,
  resources: RunResources,
  { workflow }: Waited,
): Promise<{ ended: string; engines: string[] } | undefined> {
  const live = workflow?.workflow;
  if (!live || !isWorkflowCompleted(live)) return undefined;
  // Unreadable, the report's `chaos verdicts` case says so (workflowChaos), and the gate cannot pass.
  const engines = await resources.unfinishedWorkflowEngines(connection).catch(() => []);
  if (engines.length === 0) return undefined;
  const where = `${live.metadata.namespace ?? ''}/${live.metadata.name ?? ''}`;
  return { ended: `workflow ${where} ended (${live.status?.phase ?? 'completed'})`, engines };
}

/**
 * What is wrong with the run's engines the wait gave up on unreadable (litmus/condition.ts) before they
 * finished: nothing says their chaos has ended, so it is stopped before anything is deleted.
 */
function unreadableUnfinished({ chaos }: Waited): string[] {
  return chaos.engines.filter((engine) => !isEngineFinished(engine)).flatMap((e) => engineProblem(e) ?? []);
}

function cancelledAfterTimeout({ chaos, workflow }: Waited, cancelled: NodeJS.Signals): Waited {
  return { chaos: { ...chaos, cancelled }, workflow: workflow && { ...workflow, cancelled } };
}

/** The engines the run meant to apply, as written (with the namespace each goes to). */
function plannedEngines(plan: Plan): ChaosEngine[] {
  return plan.prepared.filter((m) => m.role === 'engine').map((m) => m.object as ChaosEngine);
}

/**
 * Everything the run produced, as one report: the workflow, the chaos, the load, the journals.
 * `source`: how messages name the workflow given (its file), as preflight's do.
 */
async function collectReport(
  config: GateConfig,
  connection: Connection,
  resources: RunResources,
  { waited, chaosWindow, loadExit, stops, outlived }: ChaosRun,
  warn: Warn,
  source: string | undefined,
): Promise<Report> {
  const workflowEngines = await workflowChaos(connection, resources);
  const report = mergeReports(
    ...(waited.workflow?.workflow
      ? [
          {
            suites: [
              withUnreadChaos(
                liveWorkflowToSuite(waited.workflow.workflow, {
                  timedOut: waited.workflow.timedOut,
                  cancelled: waited.workflow.cancelled,
                  source,
                  templateSetting: settingName('workflow.template'),
                }),
                workflowEngines.problem,
              ),
            ],
          },
        ]
      : []),
    convertChaos({
      ...waited.chaos,
      engines: [...waited.chaos.engines, ...workflowEngines.engines],
      results: readableResults([...waited.chaos.results, ...workflowEngines.results], warn),
      stoppedByGate: {
        engines: stoppedWhileRunning(waited, stops),
        timeout: formatDuration(config.timeoutMs),
        outlived,
      },
    }),
  );
  if (config.load) report.suites.push(collectLoad(config.load, loadExit, [chaosWindow]));
  report.suites.push(...config.ctkJournals.map(collectJournal));
  return report;
}

interface Waited {
  chaos: ChaosState;
  workflow?: WorkflowState;
}

/**
 * The engines whose Stopped verdict is the run's own stop, as read after it: those it stopped, unless
 * found already finished. The applied engines are reported as the wait last saw them, before any
 * stop: a Stopped verdict there was someone else's.
 */
function stoppedWhileRunning(waited: Waited, stops: StopReport | undefined): string[] {
  const before = new Set([...(stops?.foundFinished ?? []), ...waited.chaos.engines.map(engineSuiteName)]);
  return (stops?.engines ?? []).map((stop) => engineKey(stop.ref)).filter((key) => !before.has(key));
}

/** Waits for the applied engines and the workflow together; the first interruption ends both. */
async function waitForAll(
  connection: Connection,
  argo: ArgoClient | undefined,
  resources: RunResources,
  options: WaitOptions & { verdictGraceMs: number },
): Promise<Waited> {
  const none: ChaosState = { engines: [], results: [], timedOut: false };
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
  const litmus = new LitmusClient(connection);
  const [chaos, flow] = await Promise.all([
    engines.length > 0
      ? failFast(
          waitForChaos(connection, litmus, engines, {
            ...shared,
            asApplied: (ref) => resources.appliedEngine(ref),
          }),
        )
      : none,
    argo && workflow?.metadata.name
      ? failFast(
          waitForWorkflow(
            connection,
            argo,
            workflow.metadata.namespace ?? '',
            workflow.metadata.name,
            shared,
          ),
        )
      : undefined,
  ]);
  // A stop then knows whether the workflow has ended, and does not shut down one that has.
  if (flow?.workflow) resources.workflow = flow.workflow;
  return {
    chaos: {
      ...chaos,
      timedOut: chaos.timedOut || (flow?.timedOut ?? false),
      cancelled: chaos.cancelled ?? flow?.cancelled,
    },
    workflow: flow,
  };
}

/**
 * The engines a workflow created and their results (matched to each engine by chaosUID). A chaos step
 * (litmus-checker) succeeds whatever the verdict, so chaos that cannot be read is said, never dropped.
 */
async function workflowChaos(
  connection: Connection,
  resources: RunResources,
): Promise<{ engines: ChaosState['engines']; results: ChaosResult[]; problem?: string }> {
  try {
    const engines = await resources.workflowEngines(connection);
    const litmus = new LitmusClient(connection);
    const results: ChaosResult[] = [];
    for (const namespace of new Set(engines.map((e) => e.metadata.namespace ?? ''))) {
      const uids = engines
        .filter((e) => e.metadata.namespace === namespace)
        .map((e) => e.metadata.uid)
        .filter(Boolean);
      const { items } = await litmus.list<ChaosResult>(
        litmus.target(resultPlural, namespace, `chaosUID in (${uids.join(',')})`),
      );
      results.push(...items);
    }
    return { engines, results };
  } catch (error) {
    return {
      engines: [],
      results: [],
      problem: describeApiError('the chaos its steps created could not be read', error),
    };
  }
}

/** The workflow's suite, with an error case when the chaos its steps created could not be read. */
function withUnreadChaos(suite: ReportSuite, problem: string | undefined): ReportSuite {
  if (!problem) return suite;
  const unread: ReportCase = {
    kind: 'workflow',
    className: suite.name,
    name: 'chaos verdicts',
    outcome: 'error',
    message: problem,
    properties: {},
  };
  return { ...suite, cases: [...suite.cases, unread] };
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError(cancelReason(signal));
}
