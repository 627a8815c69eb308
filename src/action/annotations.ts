// The error annotations of a gate decision, in the order a person should read them. GitHub shows at
// most 10 error annotations a step and drops the rest, so the verdict comes first, an experiment and
// its failed probes are one fault (one annotation), and past the limit the last one points to the job
// summary. No file or line: a case has none, and a made-up one makes GitHub link a random file.
import {
  caseReasons,
  judgedCases,
  labelledExperiment,
  whereEvery,
  type CaseKind,
  type FullReports,
  type GateDecision,
  type Report,
  type ReportCase,
} from '../report/model.ts';
import type { Summary } from '../report/markdown.ts';

export interface Annotation {
  title: string;
  message: string;
}

export const maxAnnotations = 10;
const maxNamedHidden = 10;
/**
 * An annotation is read in a box beside the log; GitHub refuses more than 65,535 characters for one. A
 * probe's output or an experiment with hundreds of failed probes is cut here; the JUnit and JSON reports
 * have it all.
 */
export const maxMessageChars = 4_000;

/** A cluster the gate could not run on, then chaos verdicts, then what the workflow and the load saw. */
const kindOrder: CaseKind[] = [
  'cluster',
  'experiment',
  'probe',
  'workflow',
  'workflow-step',
  'load-impact',
  'load-threshold',
  'load-check',
  'load-command',
  'ctk-hypothesis',
  'ctk-activity',
];

interface Fault {
  title: string;
  cases: ReportCase[];
}

/**
 * `summary`: the job summary's failures table, which may have had no room for some failed checks;
 * `reports`: the reports written, which have them all.
 */
export function annotationsOf(
  report: Report,
  decision: GateDecision,
  summary: Pick<Summary, 'failuresLeftOut'>,
  reports: FullReports,
): Annotation[] {
  if (decision.verdict === 'pass') return [];
  const faults = faultsOf(report, decision);
  // The reasons that are not a failed case (thresholds, no results) belong to the verdict.
  const fromCases = caseReasons(decision);
  const own = decision.reasons.filter((r) => !fromCases.has(r));
  const { failed, errored } = decision.counts;
  const verdict: Annotation = {
    title: 'Chaos gate failed',
    message: [`${failed} failed, ${errored} errored in ${faults.length} fault(s)`, ...own].join('\n'),
  };
  const room = maxAnnotations - 1;
  const shown = faults.length <= room ? faults : faults.slice(0, room - 1);
  const annotations = [verdict, ...shown.map(describeFault)];
  const hidden = faults.slice(shown.length);
  if (hidden.length > 0) {
    annotations.push({
      title: `${hidden.length} more fault(s)`,
      message: moreFaults(hidden, summary.failuresLeftOut, reports),
    });
  }
  return annotations.map(({ title, message }) => ({
    title,
    message: cutMessage(message, whereEvery(reports, 'check')),
  }));
}

/**
 * The warning annotations, which GitHub counts apart from the errors, 10 a step too: each warning its
 * own, or past the `room` left, all but one and a last that holds the rest one per line. The step log
 * has every one.
 */
export function warningAnnotations(warnings: readonly string[], room = maxAnnotations): Annotation[] {
  const title = 'Chaos gate warning';
  const shown = warnings.length <= room ? warnings : warnings.slice(0, room - 1);
  const annotations = shown.map((message) => ({ title, message }));
  const rest = warnings.slice(shown.length);
  if (rest.length > 0)
    annotations.push({ title: `${rest.length} more chaos gate warnings`, message: rest.join('\n') });
  return annotations.map((a) => ({ ...a, message: cutMessage(a.message, 'the step log has every one') }));
}

/** At the last whole line that fits (or mid-line when one line is too long), saying how much is left and where it is. */
function cutMessage(message: string, where: string): string {
  if (message.length <= maxMessageChars) return message;
  const fits = message.slice(0, maxMessageChars);
  const lineEnd = fits.lastIndexOf('\n');
  const head = lineEnd > 0 ? fits.slice(0, lineEnd) : fits;
  return `${head}\n… ${message.length - head.length} more characters: ${where}`;
}

/**
 * Names the first few hidden faults and counts the others: one annotation, one log line, both short.
 * Says they are in the job summary only when its failures table had room for every failed check.
 */
function moreFaults(hidden: Fault[], leftOutOfSummary: number, reports: FullReports): string {
  const named = hidden.slice(0, maxNamedHidden).map((f) => f.title);
  const others = hidden.length - named.length;
  const names = `${named.join(', ')}${others > 0 ? ` and ${others} others` : ''}`;
  if (leftOutOfSummary === 0) return `${hidden.length} more in the job summary: ${names}`;
  return `${hidden.length} more: ${names}. The job summary has no room for ${leftOutOfSummary} failed check(s); ${whereEvery(reports, 'check')}.`;
}

/** Failing cases grouped by experiment (or alone), ordered by kind then as reported. */
function faultsOf(report: Report, decision: GateDecision): Fault[] {
  const faults = new Map<string, Fault>();
  for (const [i, suite] of report.suites.entries()) {
    for (const { testCase, judgement } of judgedCases(decision, i, suite)) {
      const { status } = judgement;
      if (status !== 'failed' && status !== 'error') continue;
      // Labelled: two merged jobs that failed the same experiment are two faults, each naming its job.
      const experiment = labelledExperiment(testCase);
      const key = experiment ?? `${testCase.className}\u0000${testCase.name}`;
      const title = experiment ?? `${testCase.className} › ${testCase.name}`;
      const fault = faults.get(key);
      if (fault) fault.cases.push(testCase);
      else faults.set(key, { title, cases: [testCase] });
    }
  }
  const rank = (fault: Fault) => Math.min(...fault.cases.map((c) => kindOrder.indexOf(c.kind)));
  return [...faults.values()].sort((a, b) => rank(a) - rank(b));
}

function describeFault({ title, cases }: Fault): Annotation {
  // A failed experiment's own lines already name its failed probes.
  const experiment = cases.find((c) => c.kind === 'experiment');
  const own = experiment && (experiment.details ?? experiment.message);
  if (own) return { title, message: own };
  const lines = cases.map((c) => {
    const why = c.message ?? `${c.kind} ${c.outcome}`;
    return cases.length === 1 ? why : `${c.name}: ${why}`;
  });
  return { title, message: lines.join('\n') };
}
