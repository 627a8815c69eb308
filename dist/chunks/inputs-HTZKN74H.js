#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
} from "./chunk-CPPE2KNI.js";
import "./chunk-UNP7JPIZ.js";
import "./chunk-Z7QDWCYA.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-RG723U7L.js";
import "./chunk-FJLMS4LR.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-IHA5KD3N.js";
import "./chunk-RHZBZGPM.js";
export {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
};
