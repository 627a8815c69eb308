#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-KJ3ENT35.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-52RQKVFM.js";
import "./chunk-LFKR3ZVH.js";
import "./chunk-A2VFD3MS.js";
export {
  commandOnlySuite,
  readLoadSuite
};
