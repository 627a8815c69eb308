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
} from "./chunk-EI43YKGG.js";
import "./chunk-7UNOIJUI.js";
import "./chunk-45ZQU6QH.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-GRLH4IY6.js";
import "./chunk-VBCIS467.js";
import "./chunk-3NSBHRNM.js";
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
