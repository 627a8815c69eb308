#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  conclude,
  parseJsonReport,
  refuseAllSkipped,
  refuseBadReportPaths
} from "./chunk-NNVFLQLV.js";
import {
  mergeReports,
  underLabel
} from "./chunk-5LW4VHYJ.js";
import {
  readInputFile,
  resultFileLimit
} from "./chunk-IO4C2YWZ.js";
import {
  ConfigError
} from "./chunk-RHZBZGPM.js";

// src/run/merge.ts
import { realpathSync } from "node:fs";
import path from "node:path";
function mergeGate(config, files, log) {
  if (files.length === 0)
    throw new ConfigError("merge needs the JSON reports to join: chaos-gate merge a.json b.json");
  refuseBadReportPaths(config, { "report to merge": files });
  refuseRepeatedFiles(files);
  const report = mergeReports(...files.map(readLabelled));
  refuseAllSkipped(report, config.gate);
  return { report, ...conclude(config, report, { merged: files.join(",") }, log) };
}
function refuseRepeatedFiles(files) {
  const seen = /* @__PURE__ */ new Map();
  for (const file of files) {
    let real;
    try {
      real = realpathSync(file);
    } catch {
      continue;
    }
    const first = seen.get(real);
    if (first !== void 0)
      throw new ConfigError(`${file}: the same file as ${first}: its cases would be counted twice`);
    seen.set(real, file);
  }
}
function readLabelled(file) {
  const text = readInputFile(file, "JSON report", resultFileLimit);
  const { report, meta } = parseJsonReport(text, file);
  const label = meta.target ?? meta.runId ?? path.relative(process.cwd(), file).replace(/\.json$/, "");
  return underLabel(report, label);
}

export {
  mergeGate
};
