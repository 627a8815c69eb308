#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-2EUOMMQP.js";
import "./chunk-ZWEPSMBL.js";
import "./chunk-XJA56BJM.js";
import "./chunk-466RCVCX.js";
import "./chunk-GZBX42NT.js";
import "./chunk-WN5K6Q2J.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-IVXNKJN6.js";
import "./chunk-5OWEBHZJ.js";
import "./chunk-P7LN5KZQ.js";
import "./chunk-OSUJ7NFD.js";
import "./chunk-ODF67LQM.js";
import "./chunk-XA5SIUJE.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-NNVFLQLV.js";
import "./chunk-5LW4VHYJ.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-IO4C2YWZ.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
