#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-UPI4PW6Y.js";
import "./chunk-B562MRTO.js";
import "./chunk-4Q3C7ZDD.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-NQYHTMK7.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  mergeGate
};
