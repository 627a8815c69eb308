// The figures of one run, from the CLI's lines (timestamped as they arrived) and the audit log (when
// the server answered each request; the same wall clock). The stand-in patches each engine three
// times, in order: initialised; experiments Completed with the verdict (after the result's final
// write: the CLI can now say "Completed, verdict Pass"); engine completed (the CLI can now decide).
import { isDryRun, type AuditEvent } from './audit.ts';
import { users } from './bench-cluster.ts';
import type { Line } from './cli-process.ts';
import type { GateRun } from './gate-run.ts';

export interface RunFigures {
  wallMs: number;
  /** Objects in the run (the `preflight of N object(s)` line). */
  objects: number;
  /** The `preflight of` line to the last `applied ChaosEngine` line. */
  applyMs: number;
  /** The `preflight of` line to the answer to the CLI's last dry-run request. */
  preflightMs: number;
  /** The stand-in's last "experiments Completed" patch to the CLI's last `Completed, verdict Pass` line. */
  watchSawMs: number;
  /** The stand-in's last write (an engine completed) to the `gate PASSED` line. */
  verdictMs: number;
  /** The `gate PASSED` line to the CLI's exit: the cleanup. */
  afterVerdictMs: number;
  /** The stand-in's last write to the poll loop's first sight of every engine completed. */
  pollMs?: number;
}

const preflightLine = /\[chaos-gate\] run \S+: preflight of (\d+) object/;
export const appliedEngineLine = /\[chaos-gate\] applied ChaosEngine /;
export const resultLine = /\[chaos\] \S+ \S+: Completed, verdict Pass$/;
const verdictLine = /chaos-gate: gate (PASSED|FAILED)/;

export function find(lines: Line[], pattern: RegExp, which: 'first' | 'last'): Line {
  const found =
    which === 'first' ? lines.find((l) => pattern.test(l.text)) : lines.findLast((l) => pattern.test(l.text));
  if (!found) throw new Error(`no line matches ${pattern}`);
  return found;
}

const answeredAt = (event: AuditEvent) => Date.parse(event.stageTimestamp);

/** The stand-in's engine patches on one cluster, in order, per engine. */
function enginePatches(audit: AuditEvent[]): number[][] {
  const byEngine = new Map<string, number[]>();
  for (const event of audit) {
    const { resource, namespace, name } = event.objectRef ?? {};
    if (event.user.username !== users.standIn || event.verb !== 'patch' || resource !== 'chaosengines')
      continue;
    const key = `${namespace}/${name}`;
    byEngine.set(key, [...(byEngine.get(key) ?? []), answeredAt(event)]);
  }
  return [...byEngine.values()].map((times) => times.sort((a, b) => a - b));
}

export function figuresOf(run: GateRun): RunFigures {
  const { cli } = run;
  const patches = run.audits.flatMap(enginePatches);
  const lastOf = (step: number) => Math.max(...patches.map((times) => times[step] ?? NaN));
  const [resultsShown, lastWrite] = [lastOf(1), lastOf(2)];
  const preflight = find(cli.lines, preflightLine, 'first');
  const verdict = find(cli.lines, verdictLine, 'first');
  const dryRuns = run.audits
    .flat()
    .filter((event) => event.user.username === users.cli && isDryRun(event))
    .map(answeredAt);
  return {
    wallMs: cli.endedAt - cli.startedAt,
    objects: Number(preflightLine.exec(preflight.text)?.[1]),
    applyMs: find(cli.lines, appliedEngineLine, 'last').at - preflight.at,
    preflightMs: Math.max(...dryRuns) - preflight.at,
    watchSawMs: find(cli.lines, resultLine, 'last').at - resultsShown,
    verdictMs: verdict.at - lastWrite,
    afterVerdictMs: cli.endedAt - verdict.at,
    pollMs: run.pollSawAt === undefined ? undefined : run.pollSawAt - lastWrite,
  };
}

/** The CLI's requests in the run, every cluster's. */
export const cliRequests = (run: GateRun): AuditEvent[] =>
  run.audits.flat().filter((event) => event.user.username === users.cli);

/** The poll loop's requests (the admin's lists of engines) while the CLI ran. */
export const pollRequests = (run: GateRun): AuditEvent[] =>
  run.audits
    .flat()
    .filter(
      (event) =>
        event.user.username === users.standIn &&
        event.verb === 'list' &&
        event.objectRef?.resource === 'chaosengines' &&
        answeredAt(event) <= run.cli.endedAt,
    );
