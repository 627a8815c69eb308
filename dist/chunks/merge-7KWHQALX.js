#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-TLNGMOFN.js";
import "./chunk-A7HLOALH.js";
import "./chunk-4Q3C7ZDD.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-PIUUFFUC.js";
import "./chunk-FU7FX2BW.js";
import "./chunk-RHZBZGPM.js";
export {
  mergeGate
};
