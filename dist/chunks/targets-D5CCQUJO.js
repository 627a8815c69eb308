#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-MP3HCU5X.js";
import "./chunk-D7WULSSU.js";
import "./chunk-QTUXDQXH.js";
import "./chunk-466RCVCX.js";
import "./chunk-KV6NV363.js";
import "./chunk-D3QHPNXE.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-HI6SXHFT.js";
import "./chunk-KPND5JJ5.js";
import "./chunk-ELYE3ZUH.js";
import "./chunk-3FPWTOKI.js";
import "./chunk-YJX566SW.js";
import "./chunk-3N2XITYB.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-A7HLOALH.js";
import "./chunk-4Q3C7ZDD.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-DZLVQN7C.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-PIUUFFUC.js";
import "./chunk-FU7FX2BW.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
