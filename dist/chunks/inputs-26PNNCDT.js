#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-CCEBLUWM.js";
import "./chunk-TAI4ZLSC.js";
import "./chunk-ID4YOYX5.js";
import "./chunk-UNIKD4AU.js";
import "./chunk-KJD3SPEW.js";
import "./chunk-FRXEH4VH.js";
import "./chunk-ELVSU356.js";
import "./chunk-KEYCUPON.js";
export {
  describeRunInputs,
  readRunInputs
};
