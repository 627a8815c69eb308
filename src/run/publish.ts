// The end of every use case: decide, write the configured reports, and say plainly what the gate
// decided and why.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GateConfig } from '../config/load.ts';
import { CannotRunError } from '../errors.ts';
import { evaluateGate } from '../gate/policy.ts';
import { renderHtml } from '../report/html.ts';
import { renderJson } from '../report/json.ts';
import { renderJUnit } from '../report/junit.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { GateDecision, Report } from '../report/model.ts';

export interface Publication {
  junit?: string;
  json?: string;
  html?: string;
  summary?: string;
  /**
   * The Markdown summary, also when no file was asked for (the action's job summary uses it). Rendered
   * on demand: on 10,000 results it costs as much as the JUnit file.
   */
  markdown(): string;
}

export interface Concluded {
  decision: GateDecision;
  published: Publication;
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
  const decision = evaluateGate(report, config.gate);
  const published = publishReports(config.reports, report, decision, { policy: config.gate, meta });
  for (const kind of ['junit', 'json', 'html', 'summary'] as const) {
    const file = published[kind];
    if (file) log(`chaos-gate: wrote ${kind} report ${file}`);
  }
  describeDecision(decision).forEach((line) => log(`chaos-gate: ${line}`));
  return { decision, published };
}

function publishReports(
  reports: GateConfig['reports'],
  report: Report,
  decision: GateDecision,
  context: { policy: object; meta: Record<string, string> },
): Publication {
  let markdownText: string | undefined;
  const markdown = () => (markdownText ??= renderMarkdown(report, decision));
  const write = (file: string | undefined, render: () => string) => {
    if (!file) return undefined;
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, render());
    return file;
  };
  const junitOptions = { hostname: os.hostname(), caseProperties: reports.junitCaseProperties };
  return {
    junit: write(reports.junit, () => renderJUnit(report, decision, junitOptions)),
    json: write(reports.json, () => renderJson(report, decision, context)),
    html: write(reports.html, () => writeHtml(reports.html as string, report, decision, context.meta)),
    summary: write(reports.summary, markdown),
    markdown,
  };
}

/** Writes the stylesheet next to the page (CSP-safe: see report/html.ts) and returns the page. */
function writeHtml(
  file: string,
  report: Report,
  decision: GateDecision,
  meta: Record<string, string>,
): string {
  const stylesheet = `${path.basename(file, path.extname(file))}.css`;
  const { html, css } = renderHtml(report, decision, {
    stylesheet,
    runId: meta.runId,
    generatedAt: new Date(),
  });
  writeFileSync(path.join(path.dirname(file), stylesheet), css);
  return html;
}

/** The decision as lines for a log: verdict, counts, then one line per reason. */
export function describeDecision(decision: GateDecision): string[] {
  const { passed, failed, errored, skipped, tolerated } = decision.counts;
  const counts = `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped${tolerated ? ` (${tolerated} tolerated)` : ''}`;
  const head = decision.verdict === 'pass' ? `gate PASSED (${counts})` : `gate FAILED (${counts}):`;
  return decision.verdict === 'pass' ? [head] : [head, ...decision.reasons.map((r) => `  - ${r}`)];
}
