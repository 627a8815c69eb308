#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-RDEK7EDJ.js";
import "./chunk-B4YD6SSB.js";
import "./chunk-HWNAFO7O.js";
import "./chunk-CSRUXJIN.js";
import "./chunk-BT27BQUD.js";
import "./chunk-RG723U7L.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-LGG3MZVO.js";
import "./chunk-D5XYJZ5A.js";
import "./chunk-RHZBZGPM.js";
export {
  describeRunInputs,
  readRunInputs
};
