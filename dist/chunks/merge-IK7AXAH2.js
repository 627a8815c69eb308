#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  conclude,
  parseJsonReport
} from "./chunk-WBGLMU6R.js";
import "./chunk-VJZ45ZOO.js";
import {
  mergeReports,
  underLabel
} from "./chunk-RG723U7L.js";
import "./chunk-BCF6FOSK.js";
import {
  ConfigError,
  errorMessage
} from "./chunk-RHZBZGPM.js";

// src/run/merge.ts
import { readFileSync } from "node:fs";
import path from "node:path";
function mergeGate(config, files, log) {
  if (files.length === 0)
    throw new ConfigError("merge needs the JSON reports to join: chaos-gate merge a.json b.json");
  const report = mergeReports(...files.map(readLabelled));
  return { report, ...conclude(config, report, { merged: files.join(",") }, log) };
}
function readLabelled(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the JSON report: ${errorMessage(error)}`);
  }
  const { report, meta } = parseJsonReport(text, file);
  const label = meta.target ?? meta.runId ?? path.relative(process.cwd(), file).replace(/\.json$/, "");
  return underLabel(report, label);
}
export {
  mergeGate
};
