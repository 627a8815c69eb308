#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-JNIHNP3R.js";
import "./chunk-DWXFJG2J.js";
import "./chunk-PQLIF224.js";
import "./chunk-3CBOPFJV.js";
import "./chunk-TFA7XUXM.js";
import "./chunk-ZY2EXJ66.js";
import "./chunk-53Q7OLZK.js";
import "./chunk-UNIKD4AU.js";
import "./chunk-5EEPNLKG.js";
import "./chunk-JSJ7BUWM.js";
import "./chunk-QGO4S7BI.js";
import "./chunk-F2QF6PJD.js";
import "./chunk-AUDYD5DW.js";
export {
  runTargets
};
