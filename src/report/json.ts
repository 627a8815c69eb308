// The JSON report: the same model with the gate's decision, in a stable shape for dashboards and
// data lakes. `schemaVersion` changes only when a field changes meaning or goes away.
import { classifyCase, type GateDecision, type GatePolicy } from '../gate/policy.ts';
import type { Report } from './model.ts';

export const jsonSchemaVersion = 1;

export function renderJson(
  report: Report,
  decision: GateDecision,
  policy: GatePolicy,
  meta: Record<string, string>,
  generatedAt: Date = new Date(),
): string {
  const document = {
    schemaVersion: jsonSchemaVersion,
    tool: 'chaos-gate',
    generatedAt: generatedAt.toISOString(),
    verdict: decision.verdict,
    reasons: decision.reasons,
    counts: decision.counts,
    probeSuccess: decision.probeSuccess ?? null,
    policy,
    meta,
    suites: report.suites.map((suite) => ({
      ...suite,
      cases: suite.cases.map((testCase) => ({ ...testCase, ...classifyCase(testCase, policy) })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
