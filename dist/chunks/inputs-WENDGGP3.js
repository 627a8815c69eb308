#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-MPMTBDZS.js";
import "./chunk-B4YD6SSB.js";
import "./chunk-F2YYTRFE.js";
import "./chunk-GC5MFTKR.js";
import "./chunk-BT27BQUD.js";
import "./chunk-RG723U7L.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-KHFU6QK6.js";
import "./chunk-Z6ESBZ4M.js";
import "./chunk-RHZBZGPM.js";
export {
  describeRunInputs,
  readRunInputs
};
