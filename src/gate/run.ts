// `chaos-gate run`: preflight, apply, wait, collect, decide, clean up. The one orchestration behind
// the CLI and the action. Whatever happens after the first engine is applied — timeout, cancel,
// a lost watch, a crash in our own code — the engines are stopped before this returns or throws.
import { randomBytes } from 'node:crypto';
import type { GateConfig } from '../config/load.ts';
import { CancelledError, ConfigError, errorMessage } from '../errors.ts';
import { ManifestApplier, type AppliedObject } from '../kube/apply.ts';
import { contextNamespace, loadKubeContext, type KubeTarget } from '../kube/context.ts';
import { readManifests } from '../kube/manifests.ts';
import { LitmusClient } from '../litmus/client.ts';
import { convertChaos } from '../litmus/convert.ts';
import { waitForChaos, type ChaosState, type EngineRef } from '../litmus/wait.ts';
import type { Report } from '../report/model.ts';
import { evaluateGate, type GateDecision } from './policy.ts';

export interface RunContext {
  log: (line: string) => void;
  /** Aborted with the signal name as reason when the job is cancelled. */
  signal: AbortSignal;
  /** Secret kubeconfig content (action input), kept out of the config model. */
  kubeconfigContent?: string;
  /** Called just before the first object is applied, so a front can record what to stop if it is killed. */
  onStarted?: (runId: string, namespaces: string[]) => void;
}

export interface RunOutcome {
  runId: string;
  report: Report;
  decision: GateDecision;
  /** Set when the run was cancelled; the report then holds what was known at that point. */
  cancelled?: NodeJS.Signals;
}

/** How long to wait for engines to report `stopped` after we asked them to stop. */
const stopWaitMs = { timeout: 60_000, cancel: 5_000 };

export async function runGate(config: GateConfig, context: RunContext): Promise<RunOutcome> {
  const { log, signal } = context;
  const manifests = [
    ...readManifests(config.rbac, 'rbac'),
    ...readManifests(config.experiments, 'experiment'),
    ...readManifests(config.engines, 'engine'),
  ];
  if (!manifests.some((m) => m.role === 'engine')) {
    throw new ConfigError('no ChaosEngine given: set engines in the config file or pass --engine FILE');
  }
  const target: KubeTarget = { ...config, kubeconfigContent: context.kubeconfigContent };
  const kube = loadKubeContext(target);
  try {
    const litmus = new LitmusClient(kube.kc);
    await litmus.assertInstalled(config.experiments.length > 0 ? ['chaosexperiments'] : []);
    const runId = config.runId ?? `cg-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const applier = new ManifestApplier(kube.kc, config.namespace ?? contextNamespace(kube.kc));
    const prepared = applier.prepare(manifests, runId);
    log(`[chaos-gate] run ${runId}: preflight of ${prepared.length} object(s)`);
    await applier.preflight(prepared);
    throwIfCancelled(signal);

    context.onStarted?.(runId, [
      ...new Set(prepared.filter((m) => m.role === 'engine').map((m) => m.object.metadata.namespace ?? '')),
    ]);
    const applied: AppliedObject[] = [];
    const engines = (): EngineRef[] =>
      applied
        .filter((a) => a.kind === 'ChaosEngine')
        .map((a) => ({ namespace: a.namespace ?? '', name: a.name, uid: a.uid ?? '' }));
    const stopEngines = async () => {
      for (const engine of engines()) {
        try {
          await litmus.stopEngine(engine.namespace, engine.name);
          log(`[chaos-gate] stopped ChaosEngine ${engine.namespace}/${engine.name}`);
        } catch (error) {
          log(
            `[chaos-gate] WARNING: could not stop ChaosEngine ${engine.namespace}/${engine.name}: ${errorMessage(error)}`,
          );
        }
      }
    };
    const cleanup = async (passed: boolean) => {
      if (config.cleanup === 'never' || (config.cleanup === 'on-success' && !passed)) {
        log(
          `[chaos-gate] cleanup ${config.cleanup}: leaving ${applied.filter((a) => a.created).length} object(s) in place`,
        );
        return;
      }
      const problems = await applier.remove(applied);
      for (const namespace of new Set(engines().map((e) => e.namespace))) {
        const uids = engines()
          .filter((e) => e.namespace === namespace)
          .map((e) => e.uid);
        await litmus.deleteResults(namespace, `chaosUID in (${uids.join(',')})`).catch((error: unknown) => {
          problems.push(`deleting ChaosResults in ${namespace}: ${errorMessage(error)}`);
        });
      }
      problems.forEach((p) => log(`[chaos-gate] WARNING: cleanup: ${p}`));
      log(
        `[chaos-gate] cleanup: removed ${applied.filter((a) => a.created).length} object(s) created by run ${runId}`,
      );
    };

    let state: ChaosState;
    try {
      await applier.apply(prepared, (object) => {
        applied.push(object);
        log(
          `[chaos-gate] applied ${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`,
        );
      });
      state = signal.aborted
        ? { engines: [], results: [], timedOut: false, cancelled: cancelReason(signal) }
        : await waitForChaos(kube.kc, litmus, engines(), { timeoutMs: config.timeoutMs, signal, log });
    } catch (error) {
      // Never leave faults running in a cluster we are about to stop watching.
      await stopEngines();
      await cleanup(false);
      throw error;
    }
    if (state.timedOut || state.cancelled) {
      log(
        `[chaos-gate] ${state.cancelled ? `cancelled by ${state.cancelled}` : 'timeout'}: stopping the chaos`,
      );
      await stopEngines();
      await confirmStopped(
        kube.kc,
        litmus,
        engines(),
        state.cancelled ? stopWaitMs.cancel : stopWaitMs.timeout,
        log,
      );
    }
    const report = convertChaos(state);
    const decision = evaluateGate(report, config.gate);
    await cleanup(decision.verdict === 'pass');
    return { runId, report, decision, cancelled: state.cancelled };
  } finally {
    kube.dispose();
  }
}

/** After a stop, wait (bounded) until the operator reports the engines stopped, and say if it did not. */
async function confirmStopped(
  kc: Parameters<typeof waitForChaos>[0],
  litmus: LitmusClient,
  engines: EngineRef[],
  waitMs: number,
  log: (line: string) => void,
): Promise<void> {
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
