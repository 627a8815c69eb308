#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-OMWS43YK.js";
import "./chunk-DPYUZB46.js";
import "./chunk-6TKFHXDF.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-IJ6AS3XH.js";
import "./chunk-5MAW2VXH.js";
import "./chunk-YD3E5S67.js";
import "./chunk-TKMO327U.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-73D5IRVH.js";
import "./chunk-466RCVCX.js";
import "./chunk-VWXVRRUP.js";
import "./chunk-6PIOPSXI.js";
import "./chunk-3EFICOBD.js";
import "./chunk-CD2EHUPD.js";
import "./chunk-RG723U7L.js";
import "./chunk-FJLMS4LR.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-IHA5KD3N.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
