#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-YJB3DP44.js";
import "./chunk-M47USXIA.js";
import "./chunk-LJCC53QL.js";
import "./chunk-466RCVCX.js";
import "./chunk-4MSTBCOQ.js";
import "./chunk-OAB7KC4T.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-MDL2RDP7.js";
import "./chunk-2RRLZLSX.js";
import "./chunk-W7E7DG6A.js";
import "./chunk-VEL7RH3C.js";
import "./chunk-UMA67CES.js";
import "./chunk-GJ3OCKLM.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-WSCQ33HW.js";
import "./chunk-7UNOIJUI.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-MDAQZW3T.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FRGFRHGU.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
