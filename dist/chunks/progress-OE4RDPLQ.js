#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  expectedChaosMs,
  progressLog
} from "./chunk-JVXIGUUK.js";
import "./chunk-ZSMYWPFN.js";
import "./chunk-466RCVCX.js";
import "./chunk-JYMDLDUE.js";
import "./chunk-LAYEVDLF.js";
import "./chunk-ZEH77NSV.js";
import "./chunk-VBJWNRH5.js";
export {
  expectedChaosMs,
  progressLog
};
