// The end of every use case: decide, write the configured reports, and say plainly what the gate
// decided and why.
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settingName } from '../config/fields.ts';
import type { GateConfig } from '../config/load.ts';
import { CancelledError, CannotRunError, ConfigError, errorMessage } from '../errors.ts';
import {
  evaluateGate,
  isSkipped,
  skippingSetting,
  unmatchedAllowances,
  type GatePolicy,
} from '../gate/policy.ts';
import { renderHtml } from '../report/html.ts';
import { renderJson } from '../report/json.ts';
import { emitJUnit } from '../report/junit.ts';
import { renderMarkdown, type Summary } from '../report/markdown.ts';
import {
  leadingReasons,
  warningsOf,
  type FullReports,
  type GateDecision,
  type Report,
} from '../report/model.ts';
import { redact } from '../secrets.ts';
import { reportSaid, withCancellation } from './cancellation.ts';
import type { GateOutcome } from './outcome.ts';

export interface Publication {
  junit?: string;
  json?: string;
  html?: string;
  summary?: string;
  /**
   * The Markdown summary, also when no file was asked for (the action's job summary uses it). Rendered
   * on demand: on 10,000 results it costs as much as the JUnit file.
   */
  markdown(): Summary;
  /** The reports written that have every check, where the summary and the page send their reader. */
  reports: FullReports;
}

export interface Concluded {
  decision: GateDecision;
  published: Publication;
}

const reportNames = { junit: 'JUnit report', json: 'JSON report', html: 'HTML report', summary: 'summary' };

/** Files a command reads, by what they are ("engine file"); unset ones are left out. */
export type InputFiles = Record<string, readonly (string | undefined)[]>;

/** The files the configuration names for reading, whichever command reads them. */
function configuredInputs(config: GateConfig): InputFiles {
  return {
    'config file': [config.configFile],
    kubeconfig: [config.kubeconfig, ...config.targets.map((target) => target.kubeconfig)],
    'RBAC file': config.rbac,
    'experiment file': config.experiments,
    'engine file': config.engines,
    'Workflow file': [config.workflow?.file],
    'load result file': Object.values(config.load?.results ?? {}),
    'Chaos Toolkit journal': config.ctkJournals,
  };
}

/** Where a file is, through any link, also for one not written yet (its folder's real path). */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    const folder = path.dirname(absolute);
    return folder === absolute ? absolute : path.join(realPath(folder), path.basename(absolute));
  }
}

/**
 * Whether every configured report can be written, checked before any chaos runs so a verdict is
 * never lost to a path under a file or a folder without write access; and that none is written over
 * a file the command reads (`--results r.yaml --junit r.yaml`), which it would destroy.
 */
export function reportPathProblems(config: GateConfig, commandInputs: InputFiles = {}): string[] {
  const problems: string[] = [];
  const inputs = new Map<string, string>();
  for (const named of [configuredInputs(config), commandInputs])
    for (const [what, files] of Object.entries(named))
      for (const file of files) if (file) inputs.set(realPath(file), `the ${what} ${file}`);
  const seen = new Map<string, string>();
  const check = (file: string, name: string, inFolderChecked = false) => {
    const where = `the ${name} ${file}`;
    const real = realPath(file);
    const input = inputs.get(real);
    if (input) problems.push(`${where}: the same file as ${input}, which it would overwrite`);
    const other = seen.get(real);
    if (other) problems.push(`${where}: the same file as the ${other}`);
    seen.set(real, name);
    if (inFolderChecked) return;
    const problem = unwritable(real);
    if (problem) problems.push(`${where}: ${problem}`);
  };
  for (const kind of ['junit', 'json', 'html', 'summary'] as const) {
    const file = config.reports[kind];
    if (!file) continue;
    check(file, reportNames[kind]);
    // The page's stylesheet is written too (`--json r.css` beside `--html r.html` lost the JSON).
    if (kind === 'html') check(stylesheetOf(file), "HTML report's stylesheet", true);
  }
  return problems;
}

/** The stylesheet written next to an HTML report: `report.css` for `report.html`. */
const stylesheetOf = (file: string): string =>
  path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.css`);

/**
 * Why a file cannot be written (or created with its missing folders), or undefined. A report is
 * written beside the file and renamed over it, so its folder must be writable, unless it is a device
 * (`/dev/stdout`), written directly.
 */
function unwritable(file: string): string | undefined {
  const kind = (at: string) => {
    const stats = statSync(at, { throwIfNoEntry: false });
    if (!stats) return undefined;
    return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'device';
  };
  if (kind(file) === 'directory') return 'is a directory';
  let existing = kind(file) === 'device' ? file : path.dirname(file);
  while (!kind(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (existing !== file && kind(existing) !== 'directory') return `${existing} is a file, not a directory`;
  try {
    accessSync(existing, constants.W_OK);
    return undefined;
  } catch {
    return `${existing} is not writable`;
  }
}

/** For the commands that check nothing else before writing: a verdict is never lost to a bad path. */
export function refuseBadReportPaths(config: GateConfig, commandInputs: InputFiles): void {
  const problems = reportPathProblems(config, commandInputs);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
}

/**
 * A report whose every case the gate skips judged nothing, and a pass over it would be a pass nobody
 * checked: exit 2, as for a report with no case, naming a few cases and the setting that skipped them.
 */
export function refuseAllSkipped(report: Report, policy: GatePolicy): void {
  const cases = report.suites.flatMap((suite) => suite.cases);
  if (cases.length === 0 || !cases.every((testCase) => isSkipped(testCase, policy))) return;
  const shown = cases.slice(0, 3).map((testCase) => {
    const setting = skippingSetting(testCase, policy);
    const why = `${testCase.message ?? testCase.outcome}${setting ? ` (skipped: ${setting})` : ''}`;
    return `${testCase.className} › ${testCase.name}: ${why}`;
  });
  const more = cases.length > shown.length ? `; ${cases.length - shown.length} more` : '';
  throw new CannotRunError(`nothing to judge (every case was skipped): ${shown.join('; ')}${more}`);
}

/** Decides on the report, writes every configured report file and logs the verdict. */
export function conclude(
  config: GateConfig,
  report: Report,
  meta: Record<string, string>,
  log: (line: string) => void,
): Concluded {
  if (!report.suites.some((suite) => suite.cases.length > 0)) {
    throw new CannotRunError(
      'nothing to judge: the run produced no experiment, workflow step or load result',
    );
  }
  // A setting that did nothing is said beside the verdict, wherever the suites' warnings are.
  const allowances = unmatchedAllowances(report, config.gate).map(
    ({ pattern, meant }) =>
      `${settingName('gate.allowFailures')} "${pattern}" names no experiment in the report, so it tolerates nothing${meant ? `; did you mean "${meant}"?` : ''}`,
  );
  const decision = { ...evaluateGate(report, config.gate), warnings: [...new Set(allowances)] };
  const published = publishReports(config.reports, report, decision, { policy: config.gate, meta });
  for (const kind of ['junit', 'json', 'html', 'summary'] as const) {
    const file = published[kind];
    if (file) log(`chaos-gate: wrote ${kind} report ${file}`);
  }
  // Not the summary when its failures table had no room for every failed check. Asked only of a
  // summary that was written: rendering one for nothing would double the time of a large `report`.
  const holdsAll = (kind: keyof typeof reportNames) =>
    kind !== 'summary' || published.markdown().failuresLeftOut === 0;
  const files = (['junit', 'json', 'html', 'summary'] as const).flatMap((kind) => {
    const file = published[kind];
    return file && holdsAll(kind) ? [file] : [];
  });
  // Beside the verdict, which they do not change; the reports carry them too.
  warningsOf(report, decision).forEach((warning) => log(`chaos-gate: WARNING: ${warning}`));
  describeDecision(report, decision, files).forEach((line) => log(`chaos-gate: ${line}`));
  return { decision, published };
}

function publishReports(
  reports: GateConfig['reports'],
  report: Report,
  decision: GateDecision,
  context: { policy: object; meta: Record<string, string> },
): Publication {
  const full: FullReports = {
    junit: reports.junit,
    json: reports.json,
    jsonSetting: settingName('reports.json'),
  };
  let summary: Summary | undefined;
  const markdown = () => {
    summary ??= renderMarkdown(report, decision, full);
    return { ...summary, markdown: redact(summary.markdown) };
  };
  const write = (file: string | undefined, render: () => string) =>
    writeInParts(file, (emit) => emit(render()));
  const junitOptions = { hostname: os.hostname(), caseProperties: reports.junitCaseProperties };
  return {
    junit: writeInParts(reports.junit, (emit) => emitJUnit(report, decision, junitOptions, emit)),
    json: write(reports.json, () => renderJson(report, decision, context)),
    html: write(reports.html, () => writeHtml(reports.html as string, report, decision, context.meta, full)),
    summary: write(reports.summary, () => markdown().markdown),
    markdown,
    reports: full,
  };
}

/**
 * Writes `file` (and its missing folders) from the parts `produce` hands on, each redacted: the JUnit
 * file of 10,000 results is 8 MB that need never be held whole, nor copied again into one buffer.
 * Parts never split a value, so a secret is always within one part.
 *
 * The parts go to a temporary file beside it, renamed over it once whole: a CI reader must never take
 * a cut-off report for a whole one, and a process killed while writing (SIGKILL, the OOM killer) has
 * no chance to remove one. A write that fails (a full disk) names the file and removes the temporary
 * one; either way the previous report, if any, is left as it was. A file that is not a regular one
 * (`--junit /dev/stdout`) cannot be replaced: it is written directly and never removed.
 */
function writeInParts(
  file: string | undefined,
  produce: (emit: (part: string) => void) => void,
): string | undefined {
  if (!file) return undefined;
  // Through a link, the file it points at is replaced, not the link.
  const target = realPath(file);
  const existing = statSync(target, { throwIfNoEntry: false });
  const direct = existing !== undefined && !existing.isFile();
  // Named so that no pattern for the reports (`*.xml`) picks it up, and apart from another process's.
  const written = direct
    ? target
    : path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    fd = openSync(written, 'w');
    // The report replaced keeps its permissions (a group-readable one stays so).
    if (existing && !direct) fchmodSync(fd, existing.mode & 0o7777);
    produce((part) => {
      const bytes = Buffer.from(redact(part));
      for (let done = 0; done < bytes.length;) done += writeSync(fd as number, bytes, done);
    });
    closeSync(fd);
    fd = undefined;
    if (!direct) renameSync(written, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (!direct) rmSync(written, { force: true });
    throw new CannotRunError(`${file}: cannot write the report: ${errorMessage(error)}`);
  }
  return file;
}

/**
 * Removes the reports a cancelled `report` or `merge` wrote (and the page's stylesheet), and returns
 * them. Only regular files: `--junit /dev/stdout` must never delete the device.
 */
export function removeReports(published: Publication): string[] {
  const files = (['junit', 'json', 'html', 'summary'] as const).flatMap((kind) => {
    const file = published[kind];
    return file ? [file, ...(kind === 'html' ? [stylesheetOf(file)] : [])] : [];
  });
  const regular = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  return files.filter(regular).map((file) => {
    rmSync(file, { force: true });
    return file;
  });
}

/** Writes the stylesheet next to the page (CSP-safe: see report/html.ts) and returns the page. */
function writeHtml(
  file: string,
  report: Report,
  decision: GateDecision,
  meta: Record<string, string>,
  reports: FullReports,
): string {
  const stylesheet = stylesheetOf(file);
  const { html, css } = renderHtml(report, decision, {
    stylesheet: path.basename(stylesheet),
    runId: meta.runId,
    generatedAt: new Date(),
    reports,
  });
  writeInParts(stylesheet, (emit) => emit(css));
  return html;
}

/**
 * The decision as lines for a log: verdict, counts, then one line per reason. Past 20 failed checks,
 * one line says how many more there are and which report `files` list them. A threshold and chaos
 * that may still be running are always listed.
 */
export function describeDecision(report: Report, decision: GateDecision, files: string[]): string[] {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const counts = `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped${tolerated ? ` (${tolerated} tolerated)` : ''}`;
  if (decision.verdict === 'pass') return [`gate PASSED (${counts})`];
  const { shown, more } = leadingReasons(report, decision);
  const lines = [`gate FAILED (${counts}):`, ...shown.map((reason) => `  - ${reason}`)];
  if (more > 0) {
    const settings = ['reports.junit', 'reports.json', 'reports.html'].map(settingName);
    const where =
      files.length > 0
        ? `every one is in ${files.join(', ')}`
        : `write a report to see them all: ${settings.join(', ')}`;
    lines.push(`  - … and ${more} more failed check(s) (${where})`);
  }
  return lines;
}

/**
 * The JSON report's run facts: the run id, and the job's label for `merge`. A cancelled run says so:
 * its cases are what was known when it was cut short, and `merge` must not take them for a finished
 * job's.
 */
export function runMeta(
  config: Pick<GateConfig, 'label'>,
  runId: string | undefined,
  cancelled?: NodeJS.Signals,
): Record<string, string> {
  return {
    ...(runId ? { runId } : {}),
    ...(config.label ? { label: config.label } : {}),
    ...(cancelled ? { cancelled } : {}),
  };
}

/**
 * `report` and `merge` (`body`, given the cancel signal) under SIGINT/SIGTERM. A cancel ends them with
 * CancelledError, and no report they wrote is left: a CI step publishing reports whatever happened
 * (`post { always }`, `if: always()`) must not take a report cut off halfway for a whole one. Reports
 * are written synchronously, so a signal that comes while one is written is seen once all are.
 */
export async function cancellableReports(
  say: (line: string) => void,
  body: (cancel: AbortSignal) => Promise<GateOutcome> | GateOutcome,
): Promise<GateOutcome> {
  return withCancellation(
    say,
    async ({ cancel }) => {
      let outcome: GateOutcome;
      try {
        outcome = await body(cancel);
        // A signal that came while the reports were written is handled on the next turn of the loop.
        await new Promise(setImmediate);
      } catch (error) {
        // What a cancel interrupted (a read from the cluster) failing is the cancel.
        if (cancel.aborted)
          throw new CancelledError(cancel.reason as NodeJS.Signals, 'no report was written');
        throw error;
      }
      if (!cancel.aborted) return outcome;
      const removed = removeReports(outcome.published);
      throw new CancelledError(
        cancel.reason as NodeJS.Signals,
        removed.length > 0 ? `removed the reports it wrote: ${removed.join(', ')}` : 'no report was written',
      );
    },
    reportSaid,
  );
}
