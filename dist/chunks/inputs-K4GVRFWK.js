#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
} from "./chunk-RL6CGLGP.js";
import "./chunk-SB6IFH6Q.js";
import "./chunk-WKLY2BNK.js";
import "./chunk-SQNS6QL3.js";
import "./chunk-6S4KZUTS.js";
import "./chunk-WBMP6CCB.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-RBQ57VMM.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-X4QZAPBZ.js";
import "./chunk-JDCHZ752.js";
import "./chunk-WWMJPIHK.js";
import "./chunk-52RQKVFM.js";
import "./chunk-LFKR3ZVH.js";
import "./chunk-A2VFD3MS.js";
export {
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
};
