#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-WLGA3AOM.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-CVQCVXWB.js";
import "./chunk-QDUWXCRZ.js";
import "./chunk-5IL7PTUQ.js";
export {
  commandOnlySuite,
  readLoadSuite
};
