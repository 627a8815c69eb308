#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
} from "./chunk-RYEHKP4Y.js";
import "./chunk-OJRMZA2B.js";
import "./chunk-HRBXR7AB.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-RG723U7L.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-DJBGRBVU.js";
import "./chunk-RHZBZGPM.js";
export {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
};
