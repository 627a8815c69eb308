#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  duration,
  latency
} from "./chunk-IGRTILGH.js";
import {
  NEVER,
  _enum,
  array,
  expecting,
  given,
  number,
  record,
  strictObject,
  string,
  union
} from "./chunk-LFKR3ZVH.js";

// src/config/percent.ts
function readDecimal(value) {
  if (typeof value === "number")
    return Number.isFinite(value) ? { amount: value, percent: false } : void 0;
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(%?)\s*$/.exec(value);
  return match ? { amount: Number(match[1]), percent: match[2] === "%" } : void 0;
}
var rate = union([number(), string()]).transform((value, ctx) => {
  const read = readDecimal(value);
  if (!read || read.amount < 0 || read.percent && read.amount > 100) {
    ctx.addIssue({ code: "custom", message: `expected a rate such as 1% or 0.01, got ${given(value)}` });
    return NEVER;
  }
  if (!read.percent && read.amount >= 1) {
    ctx.addIssue({
      code: "custom",
      message: `a bare error rate is a share below 1 (0.01 = 1%): for ${read.amount} percent write ${read.amount}%`
    });
    return NEVER;
  }
  return read.percent ? read.amount / 100 : read.amount;
});
var percentage = union([number(), string()]).transform((value, ctx) => {
  const read = readDecimal(value);
  if (!read || read.amount < 0 || read.amount > 100) {
    ctx.addIssue({
      code: "custom",
      message: `expected a percentage 0-100 such as 90 or 90%, got ${given(value)}`
    });
    return NEVER;
  }
  if (!read.percent && read.amount > 0 && read.amount <= 1) {
    ctx.addIssue({
      code: "custom",
      message: `${read.amount} would be ${read.amount}%, but reads as a share of 1 (0.9 = 90%): write the percentage, 90 or 90%, or ${read.amount}% if that is meant`
    });
    return NEVER;
  }
  return read.amount;
});

// src/load/schema.ts
var loadSchema = strictObject({
  /** A string runs through `sh -c`; a list runs the program directly. Not needed to convert results. */
  command: union([string().min(1), array(string()).min(1)], {
    error: expecting("a command line or a list of the program and its arguments")
  }).optional(),
  cwd: string().optional(),
  /** Added to the few variables the command inherits (PATH, HOME, locale, proxies, CA files). */
  env: record(string(), string()).optional(),
  /** Names of more variables to pass through from chaos-gate's environment. */
  passEnv: array(
    string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: expecting("a variable name (letters, digits and _)") })
  ).default([]),
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
  thresholds: strictObject({ p95: latency.optional(), p99: latency.optional(), errorRate: rate.optional() }).default({}),
  impact: strictObject({ maxP95Ratio: number().positive().optional(), maxErrorRateDuringChaos: rate.optional() }).default({})
});

export {
  percentage,
  loadSchema
};
