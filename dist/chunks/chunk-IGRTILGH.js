#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  NEVER,
  ZodISODate,
  ZodISODateTime,
  ZodISODuration,
  ZodISOTime,
  _isoDate,
  _isoDateTime,
  _isoDuration,
  _isoTime,
  given,
  number,
  string,
  union
} from "./chunk-LFKR3ZVH.js";
import {
  __export
} from "./chunk-A2VFD3MS.js";

// node_modules/zod/v4/classic/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  date: () => date,
  datetime: () => datetime,
  duration: () => duration,
  time: () => time
});
function datetime(params) {
  return _isoDateTime(ZodISODateTime, params);
}
function date(params) {
  return _isoDate(ZodISODate, params);
}
function time(params) {
  return _isoTime(ZodISOTime, params);
}
function duration(params) {
  return _isoDuration(ZodISODuration, params);
}

// src/config/duration.ts
var unitMs = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var durationPattern = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
var bareNumber = /^\d+(?:\.\d+)?$/;
function parseDuration(text) {
  const trimmed = text.trim();
  if (trimmed === "0") return 0;
  if (!durationPattern.test(trimmed)) return void 0;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(amount) * (unitMs[unit] ?? 0);
  }
  return total;
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1e3);
  const parts = [];
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds % 3600 / 60);
  const s = seconds % 60;
  if (h) parts.push(`${h}h`);
  if (m) parts.push(`${m}m`);
  if (s || parts.length === 0) parts.push(`${s}s`);
  return parts.join("");
}
var dayMs = 24 * 36e5;
var durationFrom = (minMs) => union([string(), number()]).transform((value, ctx) => {
  const refuse = (expected) => {
    ctx.addIssue({ code: "custom", message: `expected ${expected}, got ${given(value)}` });
    return NEVER;
  };
  const text = String(value).trim();
  if (bareNumber.test(text) && Number(text) !== 0) {
    ctx.addIssue({
      code: "custom",
      message: `${text} has no unit: write ${text}s for seconds or ${text}m for minutes (GitHub's timeout-minutes and Jenkins' timeout count minutes, Litmus seconds)`
    });
    return NEVER;
  }
  const ms = parseDuration(text);
  if (ms === void 0) return refuse("a duration such as 500ms, 90s, 15m or 1h30m");
  if (ms > dayMs) return refuse("a duration of 24h or less");
  if (ms < minMs) return refuse(`a duration of ${formatDuration(minMs)} or more`);
  return ms;
});
var duration2 = durationFrom(0);
var latency = union([string(), number()]).transform((value, ctx) => {
  const text = String(value).trim();
  if (!bareNumber.test(text)) return value;
  ctx.addIssue({
    code: "custom",
    message: `${text} has no unit: write ${text}ms (as k6 reads p(95)<${text}), or ${text}s if seconds are meant`
  });
  return NEVER;
}).pipe(duration2);
var runDuration = durationFrom(1e3);

export {
  iso_exports,
  formatDuration,
  duration2 as duration,
  latency,
  runDuration
};
