// A Chaos Toolkit journal (journal.json, from `chaos run`) as a testsuite: the steady-state hypothesis
// probes before and after the method, each method activity and each rollback. Pure: the journal object in.
import { ConfigError } from '../errors.ts';
import { parseShape } from '../kube/shape.ts';
import { secondsBetween, type ReportCase, type ReportSuite } from '../report/model.ts';
import { describeIssues } from '../schema-issues.ts';
import { journalSchema, type ActivityRun } from './types.ts';

export function ctkJournalToSuite(value: unknown, source: string): ReportSuite {
  if (typeof value !== 'object' || value === null || !('status' in value)) {
    throw new ConfigError(`${source}: not a Chaos Toolkit journal: field status: required`);
  }
  const parsed = parseShape(journalSchema, value);
  if (!parsed.success) throw new ConfigError(describeIssues(source, parsed.error).join('\n'));
  const journal = parsed.data;
  const name = `chaostoolkit/${journal.experiment?.title ?? source}`;
  const cases: ReportCase[] = [];
  for (const phase of ['before', 'after'] as const) {
    for (const probe of journal.steady_states?.[phase]?.probes ?? []) {
      const met = probe.tolerance_met === true;
      cases.push({
        kind: 'ctk-hypothesis',
        className: name,
        name: `steady state ${phase}: ${probe.activity?.name ?? 'probe'}`,
        outcome: met ? 'pass' : probe.status === 'failed' ? 'error' : 'fail',
        message: met
          ? undefined
          : probe.status === 'failed'
            ? exceptionText(probe)
            : `tolerance not met: ${short(probe.output)}`,
        details: met
          ? undefined
          : `output: ${short(probe.output)}\ntolerance: ${short(probe.activity?.tolerance)}`,
        startedAt: probe.start,
        durationSeconds: probe.duration ?? secondsBetween(probe.start, probe.end),
        properties: { phase },
      });
    }
  }
  // A rollback that failed may leave the system broken, though the journal says `completed`.
  const activities = [
    ...(journal.run ?? []).map((run) => ({ run, prefix: '' })),
    ...(journal.rollbacks ?? []).map((run) => ({ run, prefix: 'rollback ' })),
  ];
  // Ctrl-C or a signal: chaoslib ends the journal `interrupted`, the activity it cut has no status.
  const cutShort = journal.status === 'interrupted' || journal.status === 'aborted';
  for (const { run: activity, prefix } of activities) {
    const ok = activity.status === 'succeeded';
    const stopped = cutShort && activity.status === undefined;
    cases.push({
      kind: 'ctk-activity',
      className: name,
      name: `${prefix}${activity.activity?.type ?? 'activity'}: ${activity.activity?.name ?? ''}`,
      outcome: ok ? 'pass' : stopped ? 'stopped' : 'fail',
      message: ok
        ? undefined
        : stopped
          ? `cut short: the experiment was ${journal.status} while it ran`
          : exceptionText(activity),
      startedAt: activity.start,
      durationSeconds: activity.duration ?? secondsBetween(activity.start, activity.end),
      properties: { status: activity.status ?? '' },
    });
  }
  if (journal.status !== 'completed' || journal.deviated) {
    cases.push({
      kind: 'ctk-hypothesis',
      className: name,
      name: 'experiment',
      outcome: cutShort && !journal.deviated ? 'stopped' : 'fail',
      message: journal.deviated
        ? 'the system deviated from its steady state'
        : cutShort
          ? `the experiment was ${journal.status} before it finished`
          : `experiment ${journal.status ?? 'without a status'}`,
      properties: {},
    });
  }
  return {
    kind: 'chaostoolkit',
    name,
    timestamp: journal.start,
    durationSeconds: journal.duration ?? secondsBetween(journal.start, journal.end),
    properties: { status: journal.status ?? '', deviated: String(journal.deviated ?? false) },
    cases,
  };
}

function exceptionText(activity: ActivityRun): string {
  const exception = Array.isArray(activity.exception) ? activity.exception.join('') : activity.exception;
  return (
    exception?.trim().split('\n').at(-1) ??
    (activity.status ? `status ${activity.status}` : 'the journal records no status')
  ).slice(0, 500);
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? 'none' : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
