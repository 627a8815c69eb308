#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  defaultStopTimeoutMs,
  defaultTimeoutMs,
  loadConfig,
  parseSettings,
  readConfigFile,
  resolveConfig
} from "./chunk-FIXD22ZQ.js";
import "./chunk-W2S2XVX5.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-ZP7ONBPO.js";
import "./chunk-UGTCSSFN.js";
import "./chunk-LAYEVDLF.js";
import "./chunk-ZEH77NSV.js";
import "./chunk-VBJWNRH5.js";
export {
  defaultStopTimeoutMs,
  defaultTimeoutMs,
  loadConfig,
  parseSettings,
  readConfigFile,
  resolveConfig
};
