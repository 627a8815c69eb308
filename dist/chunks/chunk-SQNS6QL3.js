#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  errorCarrier
} from "./chunk-A2VFD3MS.js";

// src/run/warnings.ts
var RunWarnings = class {
  #log;
  #kept = [];
  constructor(log) {
    this.#log = log;
  }
  /** Logs `[chaos-gate] WARNING: …` and keeps the warning. */
  warn = (warning) => {
    this.#log(`[chaos-gate] WARNING: ${warning}`);
    this.#kept.push(warning);
  };
  /** The warnings raised since the last take, each once, in order. */
  take() {
    const taken = [...new Set(this.#kept)];
    this.#kept = [];
    return taken;
  }
};
function withRunWarnings(report, warnings) {
  if (warnings.length === 0) return report;
  return {
    suites: report.suites.map((suite) => ({
      ...suite,
      warnings: [.../* @__PURE__ */ new Set([...suite.warnings ?? [], ...warnings])]
    }))
  };
}
var carriedWarnings = errorCarrier();
function carryingWarnings(error, warnings) {
  const isObject = typeof error === "object" && error !== null;
  return !isObject && warnings.length === 0 ? error : carriedWarnings.carrying(error, [...new Set(warnings)]);
}
function warningsCarriedBy(error) {
  return carriedWarnings.carriedBy(error) ?? [];
}

export {
  RunWarnings,
  withRunWarnings,
  carryingWarnings,
  warningsCarriedBy
};
