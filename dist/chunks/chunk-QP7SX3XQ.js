#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  duration
} from "./chunk-PKO2HLWK.js";
import {
  external_exports
} from "./chunk-SH7LL3OE.js";

// src/load/schema.ts
var rate = external_exports.union([external_exports.number(), external_exports.string()]).transform((value, ctx) => {
  const share = typeof value === "number" ? value : /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value)?.[1];
  const result = typeof share === "string" ? Number(share) / 100 : share;
  if (result === void 0 || !Number.isFinite(result) || result < 0 || result > 1) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a rate (examples: 0.01, 1%)` });
    return external_exports.NEVER;
  }
  return result;
});
var loadSchema = external_exports.strictObject({
  /** A string runs through `sh -c`; a list runs the program directly. Not needed to convert results. */
  command: external_exports.union([external_exports.string().min(1), external_exports.array(external_exports.string()).min(1)]).optional(),
  cwd: external_exports.string().optional(),
  /** Added to the few variables the command inherits (PATH, HOME, locale, proxies, CA files). */
  env: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  /** Names of more variables to pass through from chaos-gate's environment. */
  passEnv: external_exports.array(external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a variable name")).default([]),
  /** How long the load runs before the chaos starts: the baseline. */
  leadTime: duration.default(3e4),
  /** How long it runs after the chaos ends. */
  tail: duration.default(3e4),
  /** After the tail: wait for the command to end (at most until the overall timeout), or stop it. */
  stop: external_exports.enum(["wait", "terminate"]).default("terminate"),
  /** How long the command's process group gets between SIGTERM and SIGKILL. */
  terminateGrace: duration.default(1e4),
  results: external_exports.strictObject({
    k6Summary: external_exports.string().optional(),
    k6Json: external_exports.string().optional(),
    jtl: external_exports.string().optional(),
    heyCsv: external_exports.string().optional()
  }).default({}),
  thresholds: external_exports.strictObject({ p95: duration.optional(), p99: duration.optional(), errorRate: rate.optional() }).default({}),
  impact: external_exports.strictObject({ maxP95Ratio: external_exports.number().positive().optional(), maxErrorRateDuringChaos: rate.optional() }).default({})
});

export {
  loadSchema
};
