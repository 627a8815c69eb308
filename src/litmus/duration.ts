// How long an engine's chaos is set to last: the TOTAL_CHAOS_DURATION each experiment is given
// (seconds). An engine runs its experiments one after another.
import type { ChaosEngine, EngineExperimentSpec } from './types.ts';

/** The experiment's TOTAL_CHAOS_DURATION in seconds, when the engine sets it. */
export function totalChaosSeconds(experiment: EngineExperimentSpec | undefined): number | undefined {
  const value = experiment?.spec?.components?.env?.find((e) => e.name === 'TOTAL_CHAOS_DURATION')?.value;
  const seconds = Number(value);
  return value && Number.isFinite(seconds) ? seconds : undefined;
}

/** The sum over the engine's experiments that set one, or undefined when none does. */
export function engineChaosSeconds(engine: ChaosEngine): number | undefined {
  const known = (engine.spec?.experiments ?? []).map(totalChaosSeconds).filter((s) => s !== undefined);
  return known.length === 0 ? undefined : known.reduce((sum, s) => sum + s, 0);
}
