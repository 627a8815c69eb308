// k6 end-of-test summaries, both shapes: `--summary-export` (the legacy shape: metrics flattened,
// `thresholds: {expr: true}` where true means the threshold FAILED, rate metrics under `value`) and the
// `data` object a handleSummary() receives (metrics with `values`, `thresholds: {expr: {ok}}`).
import * as z from 'zod';
import { ConfigError } from '../errors.ts';
import { isRecord } from '../is-record.ts';
import { describeIssues, expecting, plainWords } from '../schema-issues.ts';

export interface K6Threshold {
  metric: string;
  expression: string;
  ok: boolean;
}

export interface K6Check {
  name: string;
  path: string;
  passes: number;
  fails: number;
}

export interface K6Summary {
  thresholds: K6Threshold[];
  checks: K6Check[];
  /** http_req_duration in ms. */
  httpReqDuration?: Record<string, number>;
  /** Share of failed requests, 0-1. */
  httpReqFailed?: number;
  iterations?: number;
}

type Json = Record<string, unknown>;

// Only what decides a verdict is checked: thresholds and checks. The figures (http_req_duration and
// the rest) go into properties only, and are left out when they are not numbers.
const count = z.number().int().nonnegative();
const checkSchema = z.looseObject({
  name: z.string(),
  path: z.string().optional(),
  passes: count,
  fails: count,
});

/** Groups and checks are lists in handleSummary's data, objects keyed by name in --summary-export. */
const listOrMap = <T extends z.ZodType>(item: T) =>
  z
    .union([z.array(item), z.record(z.string(), item)], { error: expecting('a list or a mapping') })
    .optional();

const groupSchema = z.looseObject({
  checks: listOrMap(checkSchema),
  get groups() {
    return listOrMap(groupSchema);
  },
});

type Group = z.output<typeof groupSchema>;

const summarySchema = <T extends z.ZodType>(threshold: T) =>
  z.looseObject({
    metrics: z.record(z.string(), z.looseObject({ thresholds: z.record(z.string(), threshold).optional() })),
    root_group: groupSchema.optional(),
  });

/** --summary-export writes whether each threshold was crossed: true means it FAILED. */
const exportSchema = summarySchema(z.boolean());
const handleSummarySchema = summarySchema(z.looseObject({ ok: z.boolean() }));

export function parseK6Summary(json: unknown, source: string): K6Summary {
  if (!isRecord(json) || !isRecord(json.metrics)) {
    throw new ConfigError(`${source}: not a k6 summary: field metrics: expected an object`);
  }
  const handleSummaryShape = Object.values(json.metrics).some((m) => isRecord(m) && isRecord(m.values));
  const parsed = (handleSummaryShape ? handleSummarySchema : exportSchema).safeParse(json, plainWords);
  if (!parsed.success)
    throw new ConfigError(describeIssues(`${source}: not a k6 summary`, parsed.error).join('\n'));
  const metrics: Record<string, Json & { thresholds?: Record<string, boolean | { ok: boolean }> }> =
    parsed.data.metrics;
  const thresholds = Object.entries(metrics).flatMap(([metric, body]) =>
    Object.entries(body.thresholds ?? {}).map(([expression, state]): K6Threshold => ({
      metric,
      expression,
      ok: typeof state === 'boolean' ? !state : state.ok,
    })),
  );
  const valuesOf = (name: string): Json | undefined => {
    const metric = metrics[name];
    if (!metric) return undefined;
    return handleSummaryShape ? (isRecord(metric.values) ? metric.values : undefined) : metric;
  };
  const duration = valuesOf('http_req_duration');
  const failed = valuesOf('http_req_failed');
  const iterations = valuesOf('iterations');
  return {
    thresholds,
    checks: parsed.data.root_group ? checksOf(parsed.data.root_group) : [],
    httpReqDuration: duration && numbersOf(duration),
    httpReqFailed: failed ? num(handleSummaryShape ? failed.rate : failed.value) : undefined,
    iterations: iterations ? num(iterations.count) : undefined,
  };
}

/** Checks of a group and its subgroups. */
function checksOf(group: Group): K6Check[] {
  const own = listed(group.checks).map(({ name, path = '', passes, fails }) => ({
    name,
    path,
    passes,
    fails,
  }));
  return [...own, ...listed(group.groups).flatMap(checksOf)];
}

const listed = <T>(items: T[] | Record<string, T> | undefined): T[] =>
  Array.isArray(items) ? items : Object.values(items ?? {});

function numbersOf(values: Json): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
