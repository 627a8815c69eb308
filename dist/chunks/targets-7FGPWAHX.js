#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-HHNBH2Z2.js";
import "./chunk-XQB2766M.js";
import "./chunk-PHCEW2A7.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-BVP5I7DR.js";
import "./chunk-533OGVBT.js";
import "./chunk-HM7NNBDX.js";
import "./chunk-OGZIHHBR.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-47BYQDWM.js";
import "./chunk-466RCVCX.js";
import "./chunk-ST52QSRZ.js";
import "./chunk-WP53XTTA.js";
import "./chunk-DQYGQ5R4.js";
import "./chunk-ELASGR3N.js";
import "./chunk-RG723U7L.js";
import "./chunk-3WYTLYW3.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-NMLLIHDR.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
