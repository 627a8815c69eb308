// JUnit XML: a testsuite per suite of the report, a testcase per case, with the status the gate gives
// it. By default the file is valid against the Jenkins xunit plugin's junit-10.xsd and follows the Ant
// JUnit schema where that format allows (see test/schemas/), so Jenkins, xunit, dorny/test-reporter,
// mikepenz/action-junit-report, junitparser and GitLab read the same counts and messages.
//
// Written with our own streaming writer rather than junit-report-builder: that package cannot write a
// `<skipped message>` and always writes `skipped` on `<testsuites>` and properties inside testcases,
// which junit-10.xsd rejects.
import {
  judgementsOf,
  type CaseJudgement,
  type GateDecision,
  type Report,
  type ReportCase,
  type ReportSuite,
  type Tolerance,
} from './model.ts';
import { XmlWriter } from './xml.ts';
import { extent } from '../extent.ts';

export interface JUnitOptions {
  /** The machine that ran the gate (the Ant schema's `hostname`). */
  hostname?: string;
  /**
   * Per-case `<properties>` (for Jenkins' `junit keepProperties`). Off by default: junit-10.xsd and
   * the Ant schema forbid them, and the xunit plugin fails the build on a file that does not validate.
   */
  caseProperties?: boolean;
}

/** Keeps bodies well under what readers truncate or choke on (Jenkins keeps 50 000 characters of a failure). */
const maxBodyChars = 40_000;

/** What the skipped message names as the setting that tolerated a failure. */
const toleranceSettings: Record<Tolerance, string> = {
  allowFailures: 'gate.allowFailures',
  minProbeSuccess: 'gate.minProbeSuccess',
  failOnFailure: 'gate.failOnFailure: false',
};

export function renderJUnit(report: Report, decision: GateDecision, options: JUnitOptions = {}): string {
  const parts: string[] = [];
  emitJUnit(report, decision, options, (part) => parts.push(part));
  return parts.join('');
}

/** The JUnit document handed to `emit` in parts as it is written: a file can take it without it ever being whole. */
export function emitJUnit(
  report: Report,
  decision: GateDecision,
  options: JUnitOptions,
  emit: (part: string) => void,
): void {
  const xml = new XmlWriter(emit);
  const { passed, failed, errored, skipped } = decision.counts;
  xml.open('testsuites', {
    name: 'chaos-gate',
    tests: passed + failed + errored + skipped,
    failures: failed,
    errors: errored,
    time: seconds(runSeconds(report.suites)),
  });
  report.suites.forEach((suite, i) =>
    renderSuite(xml, suite, judgementsOf(decision, i, suite), decision.warnings ?? [], options),
  );
  xml.close('testsuites').end();
}

function renderSuite(
  xml: XmlWriter,
  suite: ReportSuite,
  judgements: readonly CaseJudgement[],
  gateWarnings: readonly string[],
  options: JUnitOptions,
): void {
  const counts = { tests: suite.cases.length, failures: 0, errors: 0, skipped: 0 };
  for (const { status } of judgements) {
    if (status === 'failed') counts.failures++;
    else if (status === 'error') counts.errors++;
    else if (status === 'skipped') counts.skipped++;
  }
  xml.open('testsuite', {
    name: suite.name,
    tests: counts.tests,
    failures: counts.failures,
    errors: counts.errors,
    skipped: counts.skipped,
    time: seconds(suiteSeconds(suite)),
    timestamp: suite.timestamp && isoUtc(suite.timestamp),
    hostname: options.hostname,
  });
  renderProperties(xml, suite.properties);
  suite.cases.forEach((testCase, i) => renderCase(xml, testCase, judgements[i] as CaseJudgement, options));
  // The Ant schema closes every suite with its output. Its warnings, and the gate's, go there: Jenkins
  // shows a suite's output on the page of each of its cases that has none of its own, junitparser
  // (EnricoMi's action) reads it, and it is valid in both schemas. Properties show only with Jenkins'
  // keepProperties; GitLab, dorny and mikepenz show no output at all, only failures and skips, and a
  // made-up case to carry a warning would change every reader's count of tests.
  // Most suites have no warnings of their own: the gate's alone need no copy.
  const warnings = suite.warnings?.length ? [...new Set([...suite.warnings, ...gateWarnings])] : gateWarnings;
  xml.element('system-out', {}, warnings.map((warning) => `WARNING: ${warning}`).join('\n'));
  xml.element('system-err').close('testsuite');
}

function renderProperties(xml: XmlWriter, properties: Readonly<Record<string, string>>): void {
  let empty = true;
  for (const name in properties) {
    if (empty) xml.open('properties');
    empty = false;
    xml.element('property', { name, value: properties[name] });
  }
  if (empty) xml.element('properties');
  else xml.close('properties');
}

function renderCase(
  xml: XmlWriter,
  testCase: ReportCase,
  { status, tolerated }: CaseJudgement,
  options: JUnitOptions,
): void {
  const attributes = {
    classname: testCase.className,
    name: testCase.name,
    time: seconds(testCase.durationSeconds ?? 0),
  };
  const properties = options.caseProperties ? caseProperties(testCase, tolerated) : undefined;
  if (status === 'passed' && !properties && !testCase.details) {
    xml.element('testcase', attributes);
    return;
  }
  xml.open('testcase', attributes);
  if (properties) renderProperties(xml, properties);
  const message = testCase.message ?? `${testCase.kind} ${testCase.outcome}`;
  switch (status) {
    case 'passed':
      // What a reader should still know of a pass, such as a retried step's failed attempts.
      if (testCase.details) xml.element('system-out', {}, truncate(testCase.details));
      break;
    case 'failed':
    case 'error':
      xml.element(
        status === 'failed' ? 'failure' : 'error',
        { message, type: testCase.outcome },
        truncate([testCase.message, testCase.details].filter(unique).join('\n')),
      );
      break;
    case 'skipped':
      xml.element('skipped', {
        message: skipReason(testCase, message, tolerated),
        type: tolerated ? 'tolerated' : testCase.outcome,
      });
  }
  xml.close('testcase');
}

/** Why a case is skipped: a tolerated failure says so first, so no reader takes it for a pass. */
function skipReason(testCase: ReportCase, message: string, tolerated: Tolerance | undefined): string {
  if (tolerated) return `tolerated by ${toleranceSettings[tolerated]}: ${testCase.outcome}: ${message}`;
  if (testCase.outcome !== 'skipped') return `${testCase.outcome}: ${message}`;
  return testCase.message ?? 'not evaluated';
}

function caseProperties(testCase: ReportCase, tolerated: Tolerance | undefined): Record<string, string> {
  return {
    kind: testCase.kind,
    ...testCase.properties,
    ...(tolerated ? { 'gate.tolerated': tolerated } : {}),
  };
}

function unique(value: string | undefined, index: number, all: (string | undefined)[]): value is string {
  return !!value && all.indexOf(value) === index;
}

function truncate(text: string): string {
  return text.length <= maxBodyChars
    ? text
    : `${text.slice(0, maxBodyChars)}\n… (${text.length - maxBodyChars} more characters cut)`;
}

/** A suite's own duration, or the sum of its cases' (probe cases carry none, so nothing is counted twice). */
function suiteSeconds(suite: ReportSuite): number {
  return suite.durationSeconds ?? suite.cases.reduce((sum, c) => sum + (c.durationSeconds ?? 0), 0);
}

/**
 * The whole run: from the first suite's start to the last one's end when every suite says when it
 * started (the load suite spans the chaos suites; adding them up would count that time twice), or else
 * the sum of the suites.
 */
function runSeconds(suites: ReportSuite[]): number {
  const starts = suites.map((s) => (s.timestamp ? Date.parse(s.timestamp) : Number.NaN));
  if (suites.length === 0 || starts.some(Number.isNaN)) {
    return suites.reduce((sum, suite) => sum + suiteSeconds(suite), 0);
  }
  const first = extent(starts).min;
  const last = extent(suites.map((suite, i) => (starts[i] as number) + suiteSeconds(suite) * 1000)).max;
  return (last - first) / 1000;
}

/** Seconds to the millisecond, never negative: written with a `.` decimal, never in exponent notation. */
function seconds(value: number): number {
  return Math.max(0, Math.round(value * 1000)) / 1000;
}

/**
 * UTC to the second, as Kubernetes writes timestamps, on a day every month has: already what a reader
 * wants. Days 29-31 and other forms take the slow path, which rolls an impossible date over or drops it.
 */
const plainUtc = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;

/** Readers treat a zone-less timestamp as UTC, so always write UTC with a Z; an unreadable one is left out. */
function isoUtc(timestamp: string): string | undefined {
  if (plainUtc.test(timestamp)) return timestamp;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
