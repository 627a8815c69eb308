#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-HUHCXB7Y.js";
import "./chunk-TAI4ZLSC.js";
import "./chunk-ATU2LXN2.js";
import "./chunk-UNIKD4AU.js";
import "./chunk-KJD3SPEW.js";
import "./chunk-FRXEH4VH.js";
import "./chunk-ELVSU356.js";
import "./chunk-KEYCUPON.js";
export {
  describeRunInputs,
  readRunInputs
};
