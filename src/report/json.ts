// The JSON report: the same model with the gate's decision, in a stable shape for dashboards and
// data lakes. `schemaVersion` changes only when a field changes meaning or goes away.
import * as z from 'zod';
import { ConfigError, errorMessage } from '../errors.ts';
import { describeIssues, plainWords } from '../schema-issues.ts';
import {
  chaosMayStillRun,
  judgedCases,
  warningsOf,
  type CaseJudgement,
  type GateDecision,
  type Report,
} from './model.ts';

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
    // For tools that must not report success while faults may be left behind (the Jenkins step).
    chaosMayStillRun: chaosMayStillRun(report),
    reasons: decision.reasons,
    // Every warning, the suites' and the gate's (an allowFailures entry that names no experiment).
    warnings: warningsOf(report, decision),
    counts: decision.counts,
    probeSuccess: decision.probeSuccess ?? null,
    policy: context.policy,
    meta: context.meta,
    suites: report.suites.map((suite, i) => ({
      ...suite,
      cases: judgedCases(decision, i, suite).map(({ testCase, judgement }) => ({
        ...testCase,
        ...judgement,
      })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const caseSchema = z.looseObject({
  kind: z.string(),
  className: z.string(),
  name: z.string(),
  outcome: z.enum(['pass', 'fail', 'error', 'stopped', 'timeout', 'skipped']),
  message: z.string().optional(),
  details: z.string().optional(),
  startedAt: z.string().optional(),
  durationSeconds: z.number().optional(),
  properties: z.record(z.string(), z.string()),
  experiment: z.string().optional(),
});

const documentSchema = z.looseObject({
  tool: z.literal('chaos-gate'),
  schemaVersion: z.literal(jsonSchemaVersion),
  meta: z.record(z.string(), z.string()).default({}),
  suites: z.array(
    z.looseObject({
      kind: z.string(),
      name: z.string(),
      timestamp: z.string().optional(),
      durationSeconds: z.number().optional(),
      properties: z.record(z.string(), z.string()),
      cases: z.array(caseSchema),
      warnings: z.array(z.string()).optional(),
    }),
  ),
});

export interface ReadJsonReport {
  report: Report;
  meta: Record<string, string>;
}

/** Every field of a judgement, which renderJson spreads into each case (checked by the compiler). */
const judgementFields = { status: true, tolerated: true, reason: true } satisfies Record<
  keyof CaseJudgement,
  true
>;

function withoutJudgement<T extends object>(testCase: T): T {
  return Object.fromEntries(Object.entries(testCase).filter(([key]) => !(key in judgementFields))) as T;
}

/**
 * A JSON report read back (e.g. to merge those of parallel CI jobs). The gate's judgement of each case
 * is left out: whoever reads it decides again, under its own policy.
 */
export function parseJsonReport(text: string, source: string): ReadJsonReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // The JUnit report is the one a CI job most often has at hand; it cannot be read back.
    const junit = /^\uFEFF?\s*<(?:\?xml|testsuites?[\s>])/.test(text)
      ? ' (this is XML, a JUnit report: merge reads the JSON reports that --json writes)'
      : '';
    throw new ConfigError(`${source}: not JSON${junit}: ${errorMessage(error)}`);
  }
  const parsed = documentSchema.safeParse(json, plainWords);
  if (!parsed.success) {
    const where = `${source}: not a chaos-gate JSON report (schemaVersion ${jsonSchemaVersion}, written by --json)`;
    throw new ConfigError(describeIssues(where, parsed.error).join('\n'));
  }
  const suites = parsed.data.suites.map((suite) => ({
    ...suite,
    cases: suite.cases.map(withoutJudgement),
  }));
  // Suite and case kinds are read as any string, so a report of a newer chaos-gate still merges; the
  // gate and the renderers only compare or print them.
  return { report: { suites } as Report, meta: parsed.data.meta };
}
