#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-2GUY5FFV.js";
import "./chunk-BTXNF4CF.js";
import "./chunk-VRCRGDTK.js";
import "./chunk-27SHOBXT.js";
import "./chunk-VAA7V26Y.js";
import "./chunk-5AN4KMZA.js";
import "./chunk-4SAQN3K5.js";
import "./chunk-RG723U7L.js";
import "./chunk-4YTJHTPU.js";
import "./chunk-ICGTBXAT.js";
import "./chunk-WOYQ2HAK.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-BCF6FOSK.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
