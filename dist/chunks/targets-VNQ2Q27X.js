#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-Z3ZU3WXW.js";
import "./chunk-U5C5FZPF.js";
import "./chunk-LT6NKSPY.js";
import "./chunk-466RCVCX.js";
import "./chunk-4MSTBCOQ.js";
import "./chunk-OAB7KC4T.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-MDL2RDP7.js";
import "./chunk-2RRLZLSX.js";
import "./chunk-AAXY33C4.js";
import "./chunk-VEL7RH3C.js";
import "./chunk-CHB3BZFW.js";
import "./chunk-GJ3OCKLM.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-XDFHH6JD.js";
import "./chunk-4Q3C7ZDD.js";
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
