#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-JRU43IGG.js";
import "./chunk-KYRP4LMI.js";
import "./chunk-CKDQUYE4.js";
import "./chunk-RG723U7L.js";
import "./chunk-7COJGXDC.js";
import "./chunk-WOYQ2HAK.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-SH7LL3OE.js";
import "./chunk-RHZBZGPM.js";
export {
  describeRunInputs,
  readRunInputs
};
