// JUnit XML: a testsuite per suite of the report, a testcase per case, with the status the gate gives
// it. Written for the readers CI users have: Jenkins' junit step, GitLab, dorny/test-reporter,
// mikepenz/action-junit-report, EnricoMi's publisher (ecosystem.md §3).
import junitReportBuilder, { type Builder } from 'junit-report-builder';
import { judgementOf, type GateDecision, type Report, type ReportCase } from './model.ts';

/** Keeps bodies well under what readers truncate or choke on (Jenkins keeps 50 000 characters of a failure). */
const maxBodyChars = 40_000;

// The package is CommonJS whose types declare an ES default export: under NodeNext the default import
// is typed as the module namespace, while at run time (and in the bundle) it is the builder itself.
const moduleValue: unknown = junitReportBuilder;
const rootBuilder: Builder = (moduleValue as { default?: Builder }).default ?? (moduleValue as Builder);

export function renderJUnit(report: Report, decision: GateDecision): string {
  // A new builder per report: the module's default export is a process-wide singleton.
  const builder = rootBuilder.newBuilder().name('chaos-gate');
  for (const suite of report.suites) {
    const testSuite = builder.testSuite().name(suite.name);
    if (suite.timestamp) testSuite.timestamp(isoUtc(suite.timestamp));
    if (suite.durationSeconds !== undefined) testSuite.time(suite.durationSeconds);
    for (const [name, value] of Object.entries(suite.properties)) testSuite.property(name, value);
    for (const testCase of suite.cases) renderCase(testSuite.testCase(), testCase, decision);
  }
  return builder.build();
}

type JUnitCase = ReturnType<Builder['testCase']>;

function renderCase(target: JUnitCase, testCase: ReportCase, decision: GateDecision): void {
  target.className(testCase.className).name(testCase.name);
  if (testCase.durationSeconds !== undefined) target.time(testCase.durationSeconds);
  target.property('kind', testCase.kind);
  for (const [name, value] of Object.entries(testCase.properties)) target.property(name, value);
  const { status, allowedFailure } = judgementOf(decision, testCase);
  const message = testCase.message ?? `${testCase.kind} ${testCase.outcome}`;
  const body = cdataSafe(truncate([testCase.message, testCase.details].filter(unique).join('\n')));
  switch (status) {
    case 'passed':
      return;
    case 'failed':
      target.failure(message, testCase.outcome).stacktrace(body);
      return;
    case 'error':
      target.error(message, testCase.outcome, body);
      return;
    case 'skipped':
      target.skipped();
      // <skipped> takes no message here: say why in system-out.
      if (allowedFailure) target.standardOutput(cdataSafe(`allowed to fail by the gate policy: ${message}`));
      else if (testCase.outcome !== 'skipped')
        target.standardOutput(cdataSafe(`${testCase.outcome}: ${message}`));
      else if (testCase.message) target.standardOutput(cdataSafe(testCase.message));
  }
}

function unique(value: string | undefined, index: number, all: (string | undefined)[]): value is string {
  return !!value && all.indexOf(value) === index;
}

/**
 * junit-report-builder splits only the first "]]>" of a CDATA section; a second one would end the
 * section early and break the XML. A space keeps every one of them apart.
 */
function cdataSafe(text: string): string {
  return text.replaceAll(']]>', ']] >');
}

function truncate(text: string): string {
  return text.length <= maxBodyChars
    ? text
    : `${text.slice(0, maxBodyChars)}\n… (${text.length - maxBodyChars} more characters cut)`;
}

/** Readers treat a zone-less timestamp as UTC, so always write UTC with a Z. */
function isoUtc(timestamp: string): string {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? timestamp : new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
