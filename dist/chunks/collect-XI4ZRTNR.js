#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-IJ6AS3XH.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-FJLMS4LR.js";
import "./chunk-IHA5KD3N.js";
import "./chunk-RHZBZGPM.js";
export {
  commandOnlySuite,
  readLoadSuite
};
