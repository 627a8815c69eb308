#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-VOAIH3DC.js";
import "./chunk-GISHE365.js";
import "./chunk-VV334XWF.js";
import "./chunk-WZQ2V6ZS.js";
import "./chunk-VNQBPVSH.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-RG723U7L.js";
import "./chunk-5YWR5LQW.js";
import "./chunk-NHEBECCI.js";
import "./chunk-RHZBZGPM.js";
export {
  describeRunInputs,
  readRunInputs
};
