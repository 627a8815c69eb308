#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
} from "./chunk-4YMEFJ6G.js";
import "./chunk-X3UDNX2J.js";
import "./chunk-6O73JWRZ.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-5UXR457P.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-RG723U7L.js";
import "./chunk-MJ66XHVU.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-U467EY6F.js";
import "./chunk-RHZBZGPM.js";
export {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
};
