#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-ELYE3ZUH.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-FU7FX2BW.js";
import "./chunk-RHZBZGPM.js";
export {
  commandOnlySuite,
  readLoadSuite
};
