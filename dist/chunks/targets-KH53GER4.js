#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-R3PCU5L7.js";
import "./chunk-SMKVBT5L.js";
import "./chunk-OCEUE5RS.js";
import "./chunk-466RCVCX.js";
import "./chunk-TI5WPKE7.js";
import "./chunk-4QFYMWRS.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-HI6SXHFT.js";
import "./chunk-KPND5JJ5.js";
import "./chunk-ELYE3ZUH.js";
import "./chunk-UWUP66MI.js";
import "./chunk-6ICQZQCE.js";
import "./chunk-3N2XITYB.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-3EYUBU7B.js";
import "./chunk-RUG22CMD.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-NMQ4INOS.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-PTFOE3P2.js";
import "./chunk-FU7FX2BW.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
