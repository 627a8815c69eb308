#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-FKSXMK5X.js";
import "./chunk-CXB3FTEA.js";
import "./chunk-N572J77C.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-YYGLSKYM.js";
import "./chunk-RYEHKP4Y.js";
import "./chunk-OJRMZA2B.js";
import "./chunk-HRBXR7AB.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-7SAYYKUX.js";
import "./chunk-466RCVCX.js";
import "./chunk-2B536PKQ.js";
import "./chunk-6WQUU6SE.js";
import "./chunk-T43HE65N.js";
import "./chunk-XTAKW6B6.js";
import "./chunk-RG723U7L.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-DJBGRBVU.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
