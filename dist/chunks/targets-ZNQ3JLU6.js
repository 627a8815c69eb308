#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-KPMHAVL7.js";
import "./chunk-THZTUOBW.js";
import "./chunk-O76I6IU4.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-XBMTE26T.js";
import "./chunk-HQV77SVE.js";
import "./chunk-H3TKAYGI.js";
import "./chunk-OGZIHHBR.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-VHS5YVDR.js";
import "./chunk-466RCVCX.js";
import "./chunk-2MYGBHTB.js";
import "./chunk-4UW362KJ.js";
import "./chunk-DQYGQ5R4.js";
import "./chunk-ELASGR3N.js";
import "./chunk-RG723U7L.js";
import "./chunk-A53F7SVG.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-NMLLIHDR.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
