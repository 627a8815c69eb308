#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  conclude,
  parseJsonReport,
  refuseAllSkipped,
  refuseBadReportPaths
} from "./chunk-WBMP6CCB.js";
import {
  mergeReports,
  underLabel
} from "./chunk-CVJQ4RIC.js";
import {
  settingName
} from "./chunk-WWMJPIHK.js";
import {
  readInputFile,
  resultFileLimit
} from "./chunk-52RQKVFM.js";
import {
  CannotRunError,
  ConfigError
} from "./chunk-A2VFD3MS.js";

// src/run/merge.ts
import { realpathSync } from "node:fs";
import path from "node:path";
function mergeGate(config, files, log) {
  if (files.length === 0)
    throw new ConfigError("merge needs the JSON reports to join: chaos-gate merge a.json b.json");
  refuseBadReportPaths(config, { "report to merge": files });
  refuseRepeatedFiles(files);
  const jobs = files.map(readJob);
  refuseUnexpectedCount(jobs, config.merge.expect);
  refuseSharedLabels(jobs);
  refuseCancelled(jobs);
  const report = mergeReports(...jobs.map((job) => underLabel(job.report, job.label)));
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
function readJob(file) {
  const text = readInputFile(file, "JSON report", resultFileLimit);
  const { report, meta } = parseJsonReport(text, file);
  const [label, labelSource] = meta.label !== void 0 ? [meta.label, "label"] : meta.runId !== void 0 ? [meta.runId, "run id"] : [path.relative(process.cwd(), file).replace(/\.json$/, ""), "path"];
  return { file, label, labelSource, report, cancelled: meta.cancelled };
}
var listed = (jobs) => jobs.map((job) => `  ${job.label}: ${job.file}`).join("\n");
function refuseUnexpectedCount(jobs, expect) {
  if (expect === void 0 || jobs.length === expect) return;
  const why = jobs.length < expect ? "a job that could not run writes no report: see which one in the CI run" : "more reports than jobs: a pattern matching an old or foreign report, or the expected count out of date";
  throw new CannotRunError(
    `expected ${expect} reports to merge (${settingName("merge.expect")} ${expect}), found ${jobs.length}; ${why}:
${listed(jobs)}`
  );
}
function refuseSharedLabels(jobs) {
  const seen = /* @__PURE__ */ new Map();
  for (const job of jobs) {
    const first = seen.get(job.label);
    if (first) {
      const source = first.labelSource === job.labelSource ? `their ${job.labelSource}` : `their ${first.labelSource} and ${job.labelSource}`;
      throw new ConfigError(
        `${first.file} and ${job.file} are both labelled "${job.label}" (${source}): their suites would have the same names and their cases would be mixed up; give each job its own label (--label, the label input, label in a config file or in Jenkins), e.g. the matrix's cluster`
      );
    }
    seen.set(job.label, job);
  }
}
function refuseCancelled(jobs) {
  const cancelled = jobs.filter((job) => job.cancelled !== void 0);
  if (cancelled.length === 0) return;
  throw new CannotRunError(
    `cancelled before all their verdicts were in, so their reports are partial and nothing can be judged over them (run the jobs again):
${cancelled.map((job) => `  ${job.label}: ${job.file} (cancelled by ${job.cancelled})`).join("\n")}`
  );
}

export {
  mergeGate
};
