#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-3CUMUBIS.js";
import "./chunk-QTF3LTKD.js";
import "./chunk-RG723U7L.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-IO4C2YWZ.js";
import "./chunk-RHZBZGPM.js";
export {
  mergeGate
};
