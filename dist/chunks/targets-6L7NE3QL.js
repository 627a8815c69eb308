#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-J2BRW7SR.js";
import "./chunk-6ITUDFAW.js";
import "./chunk-PXFUVPJ3.js";
import "./chunk-466RCVCX.js";
import "./chunk-S2FRZQFM.js";
import "./chunk-FTCHEUJJ.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-4PREBK7H.js";
import "./chunk-6FZ6MQKZ.js";
import "./chunk-IGRTILGH.js";
import "./chunk-KJ3ENT35.js";
import "./chunk-GG633MRR.js";
import "./chunk-RL6CGLGP.js";
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
  runTargets
};
