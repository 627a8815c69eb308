// The JSON report: the same model with the gate's decision, in a stable shape for dashboards and
// data lakes. `schemaVersion` changes only when a field changes meaning or goes away.
import { judgementOf, type GateDecision, type Report } from './model.ts';

export const jsonSchemaVersion = 1;

export interface JsonContext {
  /** The gate settings the decision was made with, recorded as given. */
  policy: object;
  /** Run facts such as the run id. */
  meta: Record<string, string>;
  generatedAt?: Date;
}

export function renderJson(report: Report, decision: GateDecision, context: JsonContext): string {
  const document = {
    schemaVersion: jsonSchemaVersion,
    tool: 'chaos-gate',
    generatedAt: (context.generatedAt ?? new Date()).toISOString(),
    verdict: decision.verdict,
    reasons: decision.reasons,
    counts: decision.counts,
    probeSuccess: decision.probeSuccess ?? null,
    policy: context.policy,
    meta: context.meta,
    suites: report.suites.map((suite) => ({
      ...suite,
      cases: suite.cases.map((testCase) => ({ ...testCase, ...judgementOf(decision, testCase) })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
