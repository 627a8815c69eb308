// ChaosEngines and ChaosResults in, report suites out. Pure: the same function serves `run` (live
// objects) and `report` (objects read from a file). Handles the three generations of ChaosResult status.
import {
  secondsBetween,
  type Outcome,
  type Report,
  type ReportCase,
  type ReportSuite,
} from '../report/model.ts';
import {
  experimentStatusOf,
  resultName,
  type ChaosEngine,
  type ChaosResult,
  type ExperimentStatus,
  type LegacyProbeStatusEntry,
  type ProbeStatusEntry,
} from './types.ts';

export interface ChaosObjects {
  engines: ChaosEngine[];
  results: ChaosResult[];
  /** chaos-gate stopped waiting: what is still running is a timeout. */
  timedOut?: boolean;
  /** The run was cancelled: what is still running was stopped by us. */
  cancelled?: string;
  /** Engines (`namespace/name`) deleted before they reported. */
  deleted?: string[];
}

export function convertChaos({
  engines,
  results,
  timedOut = false,
  cancelled,
  deleted = [],
}: ChaosObjects): Report {
  const interruption: Interruption | undefined = cancelled
    ? { outcome: 'stopped', why: `the run was cancelled (${cancelled})` }
    : timedOut
      ? { outcome: 'timeout', why: 'the wait timed out' }
      : undefined;
  const suites = engines.map((engine) => {
    const key = `${engine.metadata.namespace ?? ''}/${engine.metadata.name ?? ''}`;
    const gone: Interruption = { outcome: 'error', why: `ChaosEngine ${key} was deleted` };
    return engineSuite(engine, results, deleted.includes(key) ? gone : interruption);
  });
  // Results whose engine is not among the objects (e.g. `kubectl get chaosresults -o yaml`).
  const covered = new Set(engines.map((e) => `${e.metadata.namespace ?? ''}/${e.metadata.name ?? ''}`));
  const orphans = new Map<string, ChaosResult[]>();
  for (const result of results) {
    const key = `${result.metadata.namespace ?? ''}/${result.spec?.engine ?? engineFromName(result)}`;
    if (covered.has(key)) continue;
    orphans.set(key, [...(orphans.get(key) ?? []), result]);
  }
  for (const [key, group] of orphans) suites.push(resultsOnlySuite(key, group, interruption));
  return { suites };
}

/** Why the verdicts stopped coming, when they did not all arrive. */
interface Interruption {
  outcome: 'timeout' | 'stopped' | 'error';
  why: string;
}

function engineFromName(result: ChaosResult): string {
  const { name = '' } = result.metadata;
  const experiment = result.spec?.experiment;
  return experiment && name.endsWith(`-${experiment}`) ? name.slice(0, -experiment.length - 1) : name;
}

function engineSuite(
  engine: ChaosEngine,
  results: ChaosResult[],
  interruption: Interruption | undefined,
): ReportSuite {
  const namespace = engine.metadata.namespace ?? '';
  const name = engine.metadata.name ?? '';
  const suiteName = `${namespace}/${name}`;
  const experimentNames = experimentsOf(engine);
  const cases: ReportCase[] = [];
  for (const experiment of experimentNames) {
    const result = results.find(
      (r) =>
        r.metadata.name === resultName(name, experiment) &&
        (r.metadata.namespace ?? '') === namespace &&
        belongsToEngine(r, engine),
    );
    const engineStatus = engine.status?.experiments?.find((e) => e.name === experiment);
    cases.push(
      ...experimentCases({
        suiteName,
        experiment,
        result,
        engineRunStatus: engineStatus?.status,
        endedAt: engineStatus?.lastUpdateTime,
        interruption:
          interruption ??
          (isFinished(engine) ? undefined : { outcome: 'timeout', why: 'the engine had not finished' }),
      }),
    );
  }
  if (cases.length === 0 && interruption) {
    cases.push({
      kind: 'experiment',
      className: suiteName,
      name: '(engine)',
      outcome: interruption.outcome,
      message: `no verdict: ${interruption.why}`,
      properties: {},
    });
  }
  const app = engine.spec?.appinfo;
  const firstExperiment = engine.spec?.experiments?.[0];
  const duration = firstExperiment?.spec?.components?.env?.find(
    (e) => e.name === 'TOTAL_CHAOS_DURATION',
  )?.value;
  const started = engine.metadata.creationTimestamp;
  const ended = latest(engine.status?.experiments?.map((e) => e.lastUpdateTime));
  return {
    kind: 'chaosengine',
    name: suiteName,
    timestamp: started,
    durationSeconds: secondsBetween(started, ended),
    properties: definedProperties({
      engine: suiteName,
      'engine.uid': engine.metadata.uid,
      'engine.status': engine.status?.engineStatus,
      experiments: experimentNames.join(','),
      'target.app':
        app?.applabel || app?.appns
          ? `${app.appkind ?? 'app'} ${app.appns ?? namespace} ${app.applabel ?? ''}`.trim()
          : undefined,
      'chaos.duration': duration ? `${duration}s` : undefined,
    }),
    cases,
  };
}

function isFinished(engine: ChaosEngine): boolean {
  const state = engine.status?.engineStatus;
  return state === 'completed' || state === 'stopped';
}

function experimentsOf(engine: ChaosEngine): string[] {
  const fromSpec = engine.spec?.experiments?.map((e) => e.name) ?? [];
  const fromStatus = engine.status?.experiments?.map((e) => e.name ?? '').filter(Boolean) ?? [];
  return [...new Set([...fromSpec, ...fromStatus])];
}

/** A result is this run's only when its chaosUID label is the engine's UID (names are reused across runs). */
function belongsToEngine(result: ChaosResult, engine: ChaosEngine): boolean {
  const uid = engine.metadata.uid;
  return !uid || result.metadata.labels?.chaosUID === uid;
}

function resultsOnlySuite(
  key: string,
  results: ChaosResult[],
  interruption: Interruption | undefined,
): ReportSuite {
  const cases = results.flatMap((result) =>
    experimentCases({
      suiteName: key,
      experiment: result.spec?.experiment ?? result.metadata.name ?? '',
      result,
      endedAt: lastWrite(result),
      interruption,
    }),
  );
  return {
    kind: 'chaosengine',
    name: key,
    timestamp: earliest(results.map((r) => r.metadata.creationTimestamp)),
    properties: { engine: key },
    cases,
  };
}

interface ExperimentInput {
  suiteName: string;
  experiment: string;
  result: ChaosResult | undefined;
  engineRunStatus?: string;
  endedAt?: string;
  /** Set when the engine did not finish; unset for a finished engine or a plain list of results. */
  interruption: Interruption | undefined;
}

function experimentCases(input: ExperimentInput): ReportCase[] {
  const { suiteName, experiment, result } = input;
  const id = `${suiteName}/${experiment}`;
  const startedAt = result?.metadata.creationTimestamp;
  const base = {
    className: suiteName,
    experiment: id,
    startedAt,
    durationSeconds: secondsBetween(startedAt, input.endedAt ?? (result && lastWrite(result))),
  };
  if (!result) {
    const notRun =
      input.engineRunStatus === 'ChaosExperiment Not Found' || input.engineRunStatus === 'Skipped';
    return [
      {
        ...base,
        kind: 'experiment',
        name: experiment,
        outcome: notRun ? 'fail' : (input.interruption?.outcome ?? 'error'),
        message: notRun
          ? `experiment not run: ${input.engineRunStatus}`
          : input.interruption
            ? `no verdict: the experiment had not started when ${input.interruption.why}`
            : `no ChaosResult ${suiteName.split('/')[1]}-${experiment} was written for this run`,
        properties: {
          experiment,
          ...(input.engineRunStatus ? { 'engine.status': input.engineRunStatus } : {}),
        },
      },
    ];
  }
  const status = experimentStatusOf(result);
  const probes = probeCases(result, base, experiment);
  const outcome = experimentOutcome(status, input.interruption);
  const failedProbes = probes.filter((p) => p.outcome === 'fail');
  const experimentCase: ReportCase = {
    ...base,
    kind: 'experiment',
    name: experiment,
    outcome,
    ...explain(outcome, status, failedProbes, input.interruption),
    properties: definedProperties({
      experiment,
      phase: status.phase,
      verdict: status.verdict,
      probeSuccessPercentage: status.probeSuccessPercentage,
      chaosResult: result.metadata.name,
      targets: result.status?.history?.targets
        ?.map((t) => `${t.kind ?? ''}/${t.name ?? ''}=${t.chaosStatus ?? ''}`)
        .join(','),
    }),
  };
  return [experimentCase, ...probes];
}

function experimentOutcome(status: ExperimentStatus, interruption: Interruption | undefined): Outcome {
  switch (status.verdict) {
    case 'Pass':
      return 'pass';
    case 'Fail':
      return 'fail';
    case 'Error':
      return 'error';
    case 'Stopped':
      return 'stopped';
    default:
      // Awaited, empty, or a value from a future Litmus: not a verdict yet.
      if (interruption) return interruption.outcome;
      return status.phase === 'Running' || !status.verdict ? 'timeout' : 'error';
  }
}

function explain(
  outcome: Outcome,
  status: ExperimentStatus,
  failedProbes: ReportCase[],
  interruption: Interruption | undefined,
): { message?: string; details?: string } {
  if (outcome === 'pass') return {};
  const still = `still ${status.verdict ?? 'without a verdict'} (phase ${status.phase ?? 'unknown'})`;
  const unfinished = !['Pass', 'Fail', 'Error', 'Stopped'].includes(status.verdict ?? '');
  if (interruption && unfinished) return { message: `${still} when ${interruption.why}` };
  if (outcome === 'timeout') return { message: `${still} when the results were read` };
  if (outcome === 'stopped') return { message: 'the experiment was stopped (aborted) before it finished' };
  const lines: string[] = [];
  const error = status.errorOutput;
  if (error?.errorCode || error?.reason)
    lines.push(`${error.errorCode ?? 'ERROR'}: ${readableReason(error.reason)}`);
  const legacy = status.failureOutput;
  if (legacy?.errorCode || legacy?.failedStep)
    lines.push(`${legacy.errorCode ?? 'ERROR'}: ${legacy.failedStep ?? ''}`);
  if (status.failStep && status.failStep !== 'N/A') lines.push(status.failStep);
  for (const probe of failedProbes)
    lines.push(`probe ${probe.properties.probe} failed: ${probe.message ?? ''}`.trim());
  if (!['Pass', 'Fail', 'Error', 'Stopped'].includes(status.verdict ?? '')) {
    lines.push(`unexpected verdict "${status.verdict ?? ''}" (phase ${status.phase ?? 'unknown'})`);
  }
  if (lines.length === 0)
    lines.push(`verdict ${status.verdict ?? 'unknown'} (phase ${status.phase ?? 'unknown'})`);
  return { message: lines[0], details: lines.join('\n') };
}

/** errorOutput.reason is JSON ({errorCode, phase, reason, target}) since 3.0.0-beta5; show its text. */
function readableReason(reason: string | undefined): string {
  if (!reason) return '';
  try {
    const parsed = JSON.parse(reason) as { phase?: string; reason?: string; target?: string };
    if (typeof parsed.reason === 'string') {
      const where = [parsed.phase && `in ${parsed.phase}`, parsed.target && `target ${parsed.target}`].filter(
        Boolean,
      );
      return where.length ? `${parsed.reason} (${where.join(', ')})` : parsed.reason;
    }
  } catch {
    // Not JSON: older writers and helpers put plain text here.
  }
  return reason;
}

type CaseBase = Pick<ReportCase, 'className' | 'experiment' | 'startedAt' | 'durationSeconds'>;

function probeCases(result: ChaosResult, base: CaseBase, experiment: string): ReportCase[] {
  const modern = result.status?.probeStatuses;
  if (modern?.length) return modern.map((probe) => modernProbeCase(probe, base, experiment));
  return (result.status?.probeStatus ?? []).map((probe) => legacyProbeCase(probe, base, experiment));
}

const probeVerdicts: Record<string, Outcome> = {
  Passed: 'pass',
  Failed: 'fail',
  'N/A': 'skipped',
  Awaited: 'timeout',
};

function modernProbeCase(probe: ProbeStatusEntry, base: CaseBase, experiment: string): ReportCase {
  const verdict = probe.status?.verdict ?? 'Awaited';
  const outcome = probeVerdicts[verdict] ?? 'error';
  const description = probe.status?.description;
  return {
    ...base,
    kind: 'probe',
    name: probeCaseName(experiment, probe.name),
    outcome,
    message: outcome === 'pass' ? undefined : (description ?? `probe verdict ${verdict}`),
    details: description,
    properties: definedProperties({ probe: probe.name, type: probe.type, mode: probe.mode, verdict }),
  };
}

/** Litmus 2.0-2.13 wrote "Passed 👍 ", "Better Luck Next Time 👎 ", "N/A 🚫 " or "Awaited" per phase. */
function legacyProbeCase(probe: LegacyProbeStatusEntry, base: CaseBase, experiment: string): ReportCase {
  const phases = Object.entries(probe.status ?? {});
  const verdictOf = (text: string): Outcome =>
    text.startsWith('Passed')
      ? 'pass'
      : text.startsWith('Better Luck')
        ? 'fail'
        : text.startsWith('N/A')
          ? 'skipped'
          : 'timeout';
  const outcomes = phases.map(([, text]) => verdictOf(text));
  const outcome: Outcome = outcomes.includes('fail')
    ? 'fail'
    : outcomes.includes('timeout')
      ? 'timeout'
      : outcomes.length > 0 && outcomes.every((o) => o === 'skipped')
        ? 'skipped'
        : outcomes.length > 0
          ? 'pass'
          : 'timeout';
  const summary = phases.map(([phase, text]) => `${phase}: ${text.trim()}`).join(', ');
  return {
    ...base,
    kind: 'probe',
    name: probeCaseName(experiment, probe.name),
    outcome,
    message: outcome === 'pass' ? undefined : summary,
    details: summary,
    properties: definedProperties({
      probe: probe.name,
      type: probe.type,
      mode: phases.map(([p]) => p).join(','),
    }),
  };
}

function probeCaseName(experiment: string, probe: string | undefined): string {
  return `${experiment} / probe ${probe ?? '(unnamed)'}`;
}

/** The newest managedFields time: when the experiment pod last wrote the result. */
function lastWrite(result: ChaosResult): string | undefined {
  return latest(result.metadata.managedFields?.map((f) => f.time));
}

function latest(times: (string | undefined)[] | undefined): string | undefined {
  return (times ?? [])
    .filter((t): t is string => !!t)
    .sort()
    .at(-1);
}

function earliest(times: (string | undefined)[]): string | undefined {
  return times.filter((t): t is string => !!t).sort()[0];
}

function definedProperties(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
}
