#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-BKEEJUIJ.js";
import "./chunk-7OKGJVRR.js";
import "./chunk-RUG22CMD.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-PIUUFFUC.js";
import "./chunk-FU7FX2BW.js";
import "./chunk-RHZBZGPM.js";
export {
  mergeGate
};
