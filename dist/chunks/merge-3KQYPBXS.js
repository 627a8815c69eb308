#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-ANNGXU4X.js";
import "./chunk-6HSY34FB.js";
import "./chunk-7UNOIJUI.js";
import "./chunk-U27IHN2W.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FRGFRHGU.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  mergeGate
};
