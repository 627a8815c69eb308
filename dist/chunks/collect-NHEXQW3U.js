#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-BVP5I7DR.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-3WYTLYW3.js";
import "./chunk-NMLLIHDR.js";
import "./chunk-RHZBZGPM.js";
export {
  commandOnlySuite,
  readLoadSuite
};
