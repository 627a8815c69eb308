#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-ONJ4DPOY.js";
import "./chunk-XWDU5MZY.js";
import "./chunk-IJEZ27XF.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-P7LN5KZQ.js";
import "./chunk-G4QY72RR.js";
import "./chunk-CKF6QSC4.js";
import "./chunk-XA5SIUJE.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-ADURY3O2.js";
import "./chunk-466RCVCX.js";
import "./chunk-ETRW62DK.js";
import "./chunk-IVXNKJN6.js";
import "./chunk-5OWEBHZJ.js";
import "./chunk-A6LENN7Z.js";
import "./chunk-RG723U7L.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-IO4C2YWZ.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
