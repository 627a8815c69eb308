// k6 end-of-test summaries, both shapes: `--summary-export` (the legacy shape: metrics flattened,
// `thresholds: {expr: true}` where true means the threshold FAILED, rate metrics under `value`) and the
// `data` object a handleSummary() receives (metrics with `values`, `thresholds: {expr: {ok}}`).
import { ConfigError } from '../errors.ts';

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

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseK6Summary(json: unknown, source: string): K6Summary {
  if (!isObject(json) || !isObject(json.metrics)) {
    throw new ConfigError(`${source}: not a k6 summary: field metrics: expected an object`);
  }
  const metrics = json.metrics;
  const handleSummaryShape = Object.values(metrics).some((m) => isObject(m) && isObject(m.values));
  const thresholds: K6Threshold[] = [];
  const valuesOf = (name: string): Json | undefined => {
    const metric = metrics[name];
    if (!isObject(metric)) return undefined;
    return handleSummaryShape ? (isObject(metric.values) ? metric.values : undefined) : metric;
  };
  for (const [metric, body] of Object.entries(metrics)) {
    if (!isObject(body) || !isObject(body.thresholds)) continue;
    for (const [expression, state] of Object.entries(body.thresholds)) {
      if (handleSummaryShape) {
        if (!isObject(state) || typeof state.ok !== 'boolean') {
          throw new ConfigError(
            `${source}: field metrics.${metric}.thresholds["${expression}"].ok: expected true or false`,
          );
        }
        thresholds.push({ metric, expression, ok: state.ok });
      } else {
        if (typeof state !== 'boolean') {
          throw new ConfigError(
            `${source}: field metrics.${metric}.thresholds["${expression}"]: expected true or false`,
          );
        }
        // --summary-export writes whether the threshold was crossed: true = failed.
        thresholds.push({ metric, expression, ok: !state });
      }
    }
  }
  const duration = valuesOf('http_req_duration');
  const failed = valuesOf('http_req_failed');
  const iterations = valuesOf('iterations');
  return {
    thresholds,
    checks: isObject(json.root_group) ? checksOf(json.root_group) : [],
    httpReqDuration: duration && numbersOf(duration),
    httpReqFailed: failed ? num(handleSummaryShape ? failed.rate : failed.value) : undefined,
    iterations: iterations ? num(iterations.count) : undefined,
  };
}

/** Checks of a group and its subgroups; groups and checks are arrays in one shape, objects in the other. */
function checksOf(group: Json): K6Check[] {
  const list = (value: unknown): Json[] =>
    Array.isArray(value)
      ? value.filter(isObject)
      : isObject(value)
        ? Object.values(value).filter(isObject)
        : [];
  const own = list(group.checks).map((check) => ({
    name: String(check.name ?? ''),
    path: String(check.path ?? ''),
    passes: num(check.passes) ?? 0,
    fails: num(check.fails) ?? 0,
  }));
  return [...own, ...list(group.groups).flatMap(checksOf)];
}

function numbersOf(values: Json): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
