#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-5A5RKFLQ.js";
import "./chunk-B4YD6SSB.js";
import "./chunk-UJEE5COE.js";
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
