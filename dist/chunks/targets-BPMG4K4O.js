#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-QSQMPZUU.js";
import "./chunk-XC6O7ZSD.js";
import "./chunk-XBE55D5Y.js";
import "./chunk-A7PJ5HOH.js";
import "./chunk-RKTPIRIT.js";
import "./chunk-Y2QXQWGE.js";
import "./chunk-MW7IAXG4.js";
import "./chunk-UNIKD4AU.js";
import "./chunk-HCE4SQW4.js";
import "./chunk-W4W2LEPZ.js";
import "./chunk-MTOICN7S.js";
import "./chunk-ELVSU356.js";
import "./chunk-QJXSJEGH.js";
import "./chunk-VBJWNRH5.js";
export {
  runTargets
};
