#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-GMB6AV2K.js";
import "./chunk-XWDU5MZY.js";
import "./chunk-ADURY3O2.js";
import "./chunk-466RCVCX.js";
import "./chunk-BBQTKN4S.js";
import "./chunk-ETRW62DK.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-IVXNKJN6.js";
import "./chunk-5OWEBHZJ.js";
import "./chunk-P7LN5KZQ.js";
import "./chunk-A6LENN7Z.js";
import "./chunk-UPN2UH22.js";
import "./chunk-XA5SIUJE.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-QTF3LTKD.js";
import "./chunk-RG723U7L.js";
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
