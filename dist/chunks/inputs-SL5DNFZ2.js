#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-DWXFJG2J.js";
import "./chunk-ZY2EXJ66.js";
import "./chunk-53Q7OLZK.js";
import "./chunk-UNIKD4AU.js";
import "./chunk-5EEPNLKG.js";
import "./chunk-QGO4S7BI.js";
import "./chunk-F2QF6PJD.js";
import "./chunk-AUDYD5DW.js";
export {
  describeRunInputs,
  readRunInputs
};
