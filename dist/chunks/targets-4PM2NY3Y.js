#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-CCC7SGBP.js";
import "./chunk-6EHQZGWE.js";
import "./chunk-ZHBECUP5.js";
import "./chunk-466RCVCX.js";
import "./chunk-MUSRHP64.js";
import "./chunk-MQE7OJVT.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-GNDUTOGJ.js";
import "./chunk-2RRLZLSX.js";
import "./chunk-HPRMIIB5.js";
import "./chunk-VEL7RH3C.js";
import "./chunk-TDCLYUPB.js";
import "./chunk-GJ3OCKLM.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-VUH5TSBD.js";
import "./chunk-DMPXDKQ5.js";
import "./chunk-7UNOIJUI.js";
import "./chunk-KH7L62BY.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-MDAQZW3T.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FRGFRHGU.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
