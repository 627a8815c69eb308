#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-O4XHPBSV.js";
import "./chunk-HLGFETT5.js";
import "./chunk-EUO4FNEH.js";
import "./chunk-466RCVCX.js";
import "./chunk-P6INLKGY.js";
import "./chunk-EO7ERY23.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-CKU3OOXF.js";
import "./chunk-2RRLZLSX.js";
import "./chunk-AAXY33C4.js";
import "./chunk-QHIX2N7N.js";
import "./chunk-2XWVGKSP.js";
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
