// When the chaos of a run is over, read from what the watches see. Pure: engines and results in,
// what is still pending out; the wait engine (kube/until.ts) does the waiting.
import type { Pending, Progress } from '../kube/until.ts';
import { engineProblem, resultName, type ChaosEngine, type ChaosResult } from './types.ts';
import { experimentStatusOf, isEngineFinished, isNotRun, isVerdictFinal } from './verdict.ts';

/** An engine this run applied, and the UID its results must carry as `chaosUID`. */
export interface EngineRef {
  namespace: string;
  name: string;
  uid: string;
}

export const engineKey = (ref: { namespace: string; name: string }) => `${ref.namespace}/${ref.name}`;

/** Engines and results keyed `namespace/name`. */
export interface ChaosView {
  engines: ReadonlyMap<string, ChaosEngine>;
  results: ReadonlyMap<string, ChaosResult>;
}

export interface ExperimentProgress {
  /** `namespace/engine experiment`. */
  label: string;
  /** How the engine and the result describe it now: "Running, verdict Awaited". */
  phase: string;
  /** A verdict of this run is in, or the experiment will never run. */
  final: boolean;
}

/** Each experiment of an engine and how far it is; empty when the engine is not in the view, or unreadable. */
export function experimentProgress(ref: EngineRef, view: ChaosView): ExperimentProgress[] {
  const engine = view.engines.get(engineKey(ref));
  if (!engine || engineProblem(engine)) return [];
  return (engine.spec?.experiments ?? []).map(({ name: experiment }) => {
    const result = view.results.get(`${ref.namespace}/${resultName(ref.name, experiment)}`);
    const ours = result?.metadata.labels?.chaosUID === ref.uid ? result : undefined;
    const runStatus = engine.status?.experiments?.find((e) => e.name === experiment)?.status;
    const verdict = result ? experimentStatusOf(result).verdict : undefined;
    return {
      label: `${engineKey(ref)} ${experiment}`,
      phase: `${runStatus ?? 'Waiting'}${verdict ? `, verdict ${verdict}` : ''}`,
      final: (!!ours && isVerdictFinal(experimentStatusOf(ours))) || isNotRun(runStatus),
    };
  });
}

/**
 * Pending: every engine still running, and every experiment without a final verdict. Once its engine
 * has finished, an experiment's missing verdict only lags: a result can be late, or never come.
 * An engine missing from the view was deleted: nothing more will come from it. An engine of the wrong
 * shape lags too: the operator may write its status right again, but one that stays wrong cannot say
 * when its chaos ends, so it ends the wait after the grace rather than at the timeout (the run then
 * stops it, and reports it as an error case naming the field).
 */
export function chaosCondition(refs: EngineRef[], view: ChaosView): Progress {
  const pending: Pending[] = [];
  for (const ref of refs) {
    const engine = view.engines.get(engineKey(ref));
    if (!engine) continue;
    const key = engineKey(ref);
    const problem = engineProblem(engine);
    if (problem) {
      pending.push({ key, label: problem, lagging: true });
      continue;
    }
    const open = experimentProgress(ref, view).filter((e) => !e.final);
    const finished = isEngineFinished(engine);
    for (const experiment of open)
      pending.push({ key, label: `${experiment.label} (${experiment.phase})`, lagging: finished });
    if (!finished && open.length === 0)
      pending.push({ key, label: `${key} (engine ${engine.status?.engineStatus ?? 'starting'})` });
  }
  return { pending };
}

/** What stopping an engine came to: the operator is done with it (stopped, completed) or it is gone. */
export function engineStopState(ref: EngineRef, engines: ReadonlyMap<string, ChaosEngine>): string | 'done' {
  const engine = engines.get(engineKey(ref));
  // Gone, or replaced by another engine of the same name: nothing of ours runs under this name.
  if (!engine || (ref.uid && engine.metadata.uid && engine.metadata.uid !== ref.uid)) return 'done';
  if (isEngineFinished(engine)) return 'done';
  const problem = engineProblem(engine);
  if (problem) return `unreadable: ${problem}`;
  return `engineState ${engine.spec?.engineState ?? 'unset'}, engineStatus ${engine.status?.engineStatus ?? 'unset'}`;
}

/** Pending until every engine is confirmed stopped: finished, or gone. */
export function stoppedCondition(refs: EngineRef[], view: Pick<ChaosView, 'engines'>): Progress {
  const pending: Pending[] = [];
  for (const ref of refs) {
    const state = engineStopState(ref, view.engines);
    if (state !== 'done') pending.push({ key: engineKey(ref), label: `${engineKey(ref)} (${state})` });
  }
  return { pending };
}
