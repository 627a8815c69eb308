// How a stop that was not confirmed is shown: a log line per engine or workflow with the exact command
// that stops it, and an errored "chaos stopped" case in the report (so in the JUnit, the JSON and the
// summary) that no gate setting can excuse: chaos may still be running.
import { errorCarrier } from '../errors.ts';
import type { Report, ReportCase, ReportSuite, SuiteKind } from '../report/model.ts';
import type { StopReport } from './stop.ts';
import { warningsCarriedBy } from './warnings.ts';

interface Unconfirmed {
  /** The report suite it belongs to. */
  suite: { kind: SuiteKind; name: string };
  what: string;
  why: string;
  command: string;
}

const stopEngine = `--type merge -p '{"spec":{"engineState":"stop"}}'`;
const shutdownWorkflow = (strategy: string) => `--type merge -p '{"spec":{"shutdown":"${strategy}"}}'`;

/** How a command reaches the run's cluster, and how it shuts a workflow down. */
export interface StopCommands {
  /** `kubectl` and the flags that reach the cluster (kubectlFor). */
  kubectl: string;
  strategy: 'Stop' | 'Terminate';
}

function unconfirmed(report: StopReport, { kubectl, strategy }: StopCommands): Unconfirmed[] {
  return [
    ...report.engines
      .filter((e) => !e.confirmed)
      .map(({ ref, why }) => ({
        suite: { kind: 'chaosengine' as const, name: `${ref.namespace}/${ref.name}` },
        what: `ChaosEngine ${ref.namespace}/${ref.name}`,
        why: why ?? '',
        command: `${kubectl} patch chaosengine ${ref.name} -n ${ref.namespace} ${stopEngine}`,
      })),
    ...report.workflows
      .filter((w) => !w.confirmed)
      .map(({ ref, why }) => ({
        suite: { kind: 'workflow' as const, name: `${ref.namespace}/${ref.name}` },
        what: `Workflow ${ref.namespace}/${ref.name}`,
        why: why ?? '',
        command: `${kubectl} patch workflow ${ref.name} -n ${ref.namespace} ${shutdownWorkflow(strategy)}`,
      })),
    ...report.unlisted.map(({ kind, namespace, selector, why }) => ({
      suite: { kind: 'chaosengine' as const, name: `${namespace} (${selector})` },
      what: `${kind} labelled ${selector} in namespace ${namespace}`,
      why,
      command:
        `${kubectl} get ${kind.toLowerCase()} -n ${namespace} -l ${selector} -o name | ` +
        `xargs -r ${kubectl} patch -n ${namespace} ${kind === 'Workflows' ? shutdownWorkflow(strategy) : stopEngine}`,
    })),
  ];
}

/** Log lines for what is not confirmed stopped; none when everything is. */
export function describeUnconfirmed(report: StopReport, commands: StopCommands): string[] {
  return unconfirmed(report, commands).flatMap(({ what, why, command }) => [
    `[chaos-gate] ERROR: chaos may still be running: ${what} was not confirmed stopped: ${why}`,
    `[chaos-gate]   to stop it: ${command}`,
  ]);
}

/** The report with an errored case per engine or workflow whose stop was not confirmed. */
export function withStopCases(report: Report, stops: StopReport, commands: StopCommands): Report {
  const suites: ReportSuite[] = report.suites.map((suite) => ({ ...suite, cases: [...suite.cases] }));
  for (const { suite: where, what, why, command } of unconfirmed(stops, commands)) {
    let suite = suites.find((s) => s.kind === where.kind && s.name === where.name);
    if (!suite) {
      suite = { kind: where.kind, name: where.name, properties: {}, cases: [] };
      suites.push(suite);
    }
    const stopCase: ReportCase = {
      kind: 'chaos-stop',
      className: where.name,
      name: 'chaos stopped',
      outcome: 'error',
      message: `chaos may still be running: ${what} was not confirmed stopped: ${why}; to stop it: ${command}`,
      details: command,
      properties: { command },
    };
    suite.cases.push(stopCase);
  }
  return { suites };
}

/**
 * What an error that ended a run once its chaos started carries: the cases of its stops not confirmed
 * (none when every stop was), once the run has made all of them.
 */
const carriedStopCases = errorCarrier<Report>();

/**
 * `error`, carrying `stopCases` — the "chaos stopped" cases of the run's stops, none when every stop was
 * confirmed — to the use case that writes the reports: the run's own (one cluster) or the one of all
 * clusters, where a cluster's report of its own would overwrite the others' or be overwritten; and to
 * the action, whose post step leaves alone a cluster whose chaos they show stopped.
 */
export function carryingStopCases(error: unknown, stopCases: Report): unknown {
  return carriedStopCases.carrying(error, stopCases);
}

/**
 * The "chaos stopped" cases an error that ended a run carries; undefined when it says nothing of the
 * run's stops (an error before its chaos started, or one that left them unknown).
 */
export function stopCasesCarriedBy(error: unknown): Report | undefined {
  return carriedStopCases.carriedBy(error);
}

/**
 * What the fronts show under an error that ended a run, which may be all a user sees of it when no
 * report could be written: first each stop it could not confirm (its case's message: what may still
 * run, and the command that stops it), then the run's warnings.
 */
export function warningsUnderError(error: unknown): string[] {
  const unconfirmed = (stopCasesCarriedBy(error)?.suites ?? []).flatMap((suite) =>
    suite.cases.flatMap(({ kind, message }) => (kind === 'chaos-stop' && message ? [message] : [])),
  );
  return [...unconfirmed, ...warningsCarriedBy(error)];
}

/** The "chaos stopped" cases of a report, in their suites. */
export function stopCasesIn(report: Report): Report {
  return {
    suites: report.suites.flatMap((suite) => {
      const cases = suite.cases.filter((testCase) => testCase.kind === 'chaos-stop');
      return cases.length > 0 ? [{ ...suite, cases }] : [];
    }),
  };
}
