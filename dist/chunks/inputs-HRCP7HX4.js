#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-FZBJIPR4.js";
import "./chunk-GISHE365.js";
import "./chunk-5AN4KMZA.js";
import "./chunk-WZQ2V6ZS.js";
import "./chunk-QKVRFFH4.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-RG723U7L.js";
import "./chunk-BCF6FOSK.js";
import "./chunk-NHEBECCI.js";
import "./chunk-RHZBZGPM.js";
export {
  describeRunInputs,
  readRunInputs
};
