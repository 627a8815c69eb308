#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-DPAER6LK.js";
import "./chunk-CCEBLUWM.js";
import "./chunk-SJZBRVJU.js";
import "./chunk-3PEWYZB2.js";
import "./chunk-GGQAYBJX.js";
import "./chunk-TAI4ZLSC.js";
import "./chunk-ID4YOYX5.js";
import "./chunk-UNIKD4AU.js";
import "./chunk-KJD3SPEW.js";
import "./chunk-QP5BOD4A.js";
import "./chunk-FRXEH4VH.js";
import "./chunk-ELVSU356.js";
import "./chunk-KEYCUPON.js";
export {
  runTargets
};
