#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-IXFZL3UZ.js";
import "./chunk-EYEMG2LC.js";
import "./chunk-4N6LXT67.js";
import "./chunk-NT6NNPX3.js";
import "./chunk-HHYD3KEK.js";
import "./chunk-OFCFBB5Y.js";
import "./chunk-GS4J5LMD.js";
import "./chunk-ICGTBXAT.js";
import "./chunk-5AN4KMZA.js";
import "./chunk-WZQ2V6ZS.js";
import "./chunk-AYGSTPPA.js";
import "./chunk-WBGLMU6R.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-RG723U7L.js";
import "./chunk-BCF6FOSK.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
