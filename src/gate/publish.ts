// What every front does with an outcome: write the configured reports and say plainly what the gate
// decided and why.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GateConfig } from '../config/load.ts';
import { renderHtml } from '../report/html.ts';
import { renderJson } from '../report/json.ts';
import { renderJUnit } from '../report/junit.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { Report } from '../report/model.ts';
import type { GateDecision, GatePolicy } from './policy.ts';

export interface Publication {
  junit?: string;
  json?: string;
  html?: string;
  summary?: string;
  /** The Markdown summary, also when no file was asked for (the action's job summary uses it). */
  markdown: string;
}

export function publishReports(
  reports: GateConfig['reports'],
  report: Report,
  decision: GateDecision,
  policy: GatePolicy,
  meta: Record<string, string>,
): Publication {
  const markdown = renderMarkdown(report, decision, policy);
  const write = (file: string | undefined, render: () => string) => {
    if (!file) return undefined;
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, render());
    return file;
  };
  return {
    junit: write(reports.junit, () => renderJUnit(report, policy)),
    json: write(reports.json, () => renderJson(report, decision, policy, meta)),
    html: write(reports.html, () => renderHtml(report, decision, policy)),
    summary: write(reports.summary, () => markdown),
    markdown,
  };
}

/** The decision as lines for a log: verdict, counts, then one line per reason. */
export function describeDecision(decision: GateDecision): string[] {
  const { passed, failed, errored, skipped } = decision.counts;
  const counts = `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped`;
  const head = decision.verdict === 'pass' ? `gate PASSED (${counts})` : `gate FAILED (${counts}):`;
  return decision.verdict === 'pass' ? [head] : [head, ...decision.reasons.map((r) => `  - ${r}`)];
}
