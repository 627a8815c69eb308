#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-MCQRYPLY.js";
import "./chunk-DMPXDKQ5.js";
import "./chunk-7UNOIJUI.js";
import "./chunk-KH7L62BY.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FRGFRHGU.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  mergeGate
};
