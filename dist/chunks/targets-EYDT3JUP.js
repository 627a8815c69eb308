#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-OPGYI3EH.js";
import "./chunk-U5C5FZPF.js";
import "./chunk-LT6NKSPY.js";
import "./chunk-466RCVCX.js";
import "./chunk-TE4RFYC5.js";
import "./chunk-5T4NEALO.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-MDL2RDP7.js";
import "./chunk-2RRLZLSX.js";
import "./chunk-AAXY33C4.js";
import "./chunk-7QIZCKDP.js";
import "./chunk-X6777UFY.js";
import "./chunk-GJ3OCKLM.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-B562MRTO.js";
import "./chunk-4Q3C7ZDD.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-KDTXI6HP.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-NQYHTMK7.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
