#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  cancellableReports,
  conclude,
  describeDecision,
  refuseAllSkipped,
  refuseBadReportPaths,
  removeReports,
  reportPathProblems,
  runMeta
} from "./chunk-ZOLMRRSH.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-D4JIMD4Q.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-Q4M3HB2T.js";
import "./chunk-QDUWXCRZ.js";
import "./chunk-5IL7PTUQ.js";
export {
  cancellableReports,
  conclude,
  describeDecision,
  refuseAllSkipped,
  refuseBadReportPaths,
  removeReports,
  reportPathProblems,
  runMeta
};
