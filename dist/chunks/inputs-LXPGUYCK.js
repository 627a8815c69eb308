#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-TSV6WUI7.js";
import "./chunk-FJGAB36R.js";
import "./chunk-ZSMYWPFN.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-FR7L6FBV.js";
import "./chunk-RG723U7L.js";
import "./chunk-YWBX3UM5.js";
import "./chunk-JYMDLDUE.js";
import "./chunk-UGTCSSFN.js";
import "./chunk-LAYEVDLF.js";
import "./chunk-ZEH77NSV.js";
import "./chunk-VBJWNRH5.js";
export {
  describeRunInputs,
  readRunInputs
};
