#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-M2FX6FE6.js";
import "./chunk-WSCQ33HW.js";
import "./chunk-7UNOIJUI.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FRGFRHGU.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  mergeGate
};
