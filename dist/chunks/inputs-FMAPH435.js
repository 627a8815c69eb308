#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
} from "./chunk-5E4Z5I7H.js";
import "./chunk-GJ3OCKLM.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-VUH5TSBD.js";
import "./chunk-WSCQ33HW.js";
import "./chunk-7UNOIJUI.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-MDAQZW3T.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FRGFRHGU.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
};
