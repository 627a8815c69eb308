#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
} from "./chunk-NCTPFNDA.js";
import "./chunk-SN57RAQU.js";
import "./chunk-4MR5KKR3.js";
import "./chunk-GMCAWLIK.js";
import "./chunk-YCVIYSWM.js";
import "./chunk-ZOLMRRSH.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-D4JIMD4Q.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-ZZBENYXT.js";
import "./chunk-J46NZ4OZ.js";
import "./chunk-Q4M3HB2T.js";
import "./chunk-CVQCVXWB.js";
import "./chunk-QDUWXCRZ.js";
import "./chunk-5IL7PTUQ.js";
export {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
};
