#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-M7ZCAJMN.js";
import "./chunk-PITYO4GG.js";
import "./chunk-7UNOIJUI.js";
import "./chunk-KH7L62BY.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FRGFRHGU.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  mergeGate
};
