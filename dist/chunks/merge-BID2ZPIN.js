#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-DIWHN3G4.js";
import "./chunk-WBMP6CCB.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-RBQ57VMM.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-WWMJPIHK.js";
import "./chunk-52RQKVFM.js";
import "./chunk-LFKR3ZVH.js";
import "./chunk-A2VFD3MS.js";
export {
  mergeGate
};
