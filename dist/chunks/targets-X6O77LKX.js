#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-6JA2NJOF.js";
import "./chunk-JRU43IGG.js";
import "./chunk-LUJ6BD5Q.js";
import "./chunk-27SHOBXT.js";
import "./chunk-DNLX5YBV.js";
import "./chunk-KYRP4LMI.js";
import "./chunk-CKDQUYE4.js";
import "./chunk-RG723U7L.js";
import "./chunk-7COJGXDC.js";
import "./chunk-PKO2HLWK.js";
import "./chunk-WOYQ2HAK.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-SH7LL3OE.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
