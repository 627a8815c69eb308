#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-KUKTYNNF.js";
import "./chunk-UE76CJOO.js";
import "./chunk-JPPRR3LT.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-X5JF6VHN.js";
import "./chunk-BQU3QWO5.js";
import "./chunk-X3UDNX2J.js";
import "./chunk-6O73JWRZ.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-5UXR457P.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-J5FQM3IG.js";
import "./chunk-466RCVCX.js";
import "./chunk-YQQEVOLH.js";
import "./chunk-LGEYQMYW.js";
import "./chunk-BPYUFDCK.js";
import "./chunk-BF2I57G6.js";
import "./chunk-RG723U7L.js";
import "./chunk-MJ66XHVU.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-U467EY6F.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
