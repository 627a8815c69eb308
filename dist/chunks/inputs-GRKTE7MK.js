#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-BTXNF4CF.js";
import "./chunk-5AN4KMZA.js";
import "./chunk-4SAQN3K5.js";
import "./chunk-RG723U7L.js";
import "./chunk-4YTJHTPU.js";
import "./chunk-WOYQ2HAK.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-BCF6FOSK.js";
import "./chunk-RHZBZGPM.js";
export {
  describeRunInputs,
  readRunInputs
};
