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
} from "./chunk-WBMP6CCB.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-RBQ57VMM.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-WWMJPIHK.js";
import "./chunk-LFKR3ZVH.js";
import "./chunk-A2VFD3MS.js";
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
