#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-XJ7SL247.js";
import "./chunk-QTFFX7BG.js";
import "./chunk-XBE55D5Y.js";
import "./chunk-CWV5XH7Z.js";
import "./chunk-RKTPIRIT.js";
import "./chunk-Y2QXQWGE.js";
import "./chunk-OGI6C5KF.js";
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
