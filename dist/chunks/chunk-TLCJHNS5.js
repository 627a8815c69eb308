#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  duration
} from "./chunk-KG3BA2IB.js";
import {
  NEVER,
  _enum,
  array,
  number,
  record,
  strictObject,
  string,
  union
} from "./chunk-IHA5KD3N.js";

// src/load/schema.ts
var rate = union([number(), string()]).transform((value, ctx) => {
  const share = typeof value === "number" ? value : /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value)?.[1];
  const result = typeof share === "string" ? Number(share) / 100 : share;
  if (result === void 0 || !Number.isFinite(result) || result < 0 || result > 1) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a rate (examples: 0.01, 1%)` });
    return NEVER;
  }
  return result;
});
var loadSchema = strictObject({
  /** A string runs through `sh -c`; a list runs the program directly. Not needed to convert results. */
  command: union([string().min(1), array(string()).min(1)], {
    error: "expected a command line or a list of the program and its arguments"
  }).optional(),
  cwd: string().optional(),
  /** Added to the few variables the command inherits (PATH, HOME, locale, proxies, CA files). */
  env: record(string(), string()).optional(),
  /** Names of more variables to pass through from chaos-gate's environment. */
  passEnv: array(string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a variable name")).default([]),
  /** How long the load runs before the chaos starts: the baseline. */
  leadTime: duration.default(3e4),
  /** How long it runs after the chaos ends. */
  tail: duration.default(3e4),
  /** After the tail: wait for the command to end (at most until the overall timeout), or stop it. */
  stop: _enum(["wait", "terminate"]).default("terminate"),
  /** How long the command's process group gets between SIGTERM and SIGKILL. */
  terminateGrace: duration.default(1e4),
  results: strictObject({
    k6Summary: string().optional(),
    k6Json: string().optional(),
    jtl: string().optional(),
    heyCsv: string().optional()
  }).default({}),
  thresholds: strictObject({ p95: duration.optional(), p99: duration.optional(), errorRate: rate.optional() }).default({}),
  impact: strictObject({ maxP95Ratio: number().positive().optional(), maxErrorRateDuringChaos: rate.optional() }).default({})
});

export {
  loadSchema
};
