#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-X5JF6VHN.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-MJ66XHVU.js";
import "./chunk-U467EY6F.js";
import "./chunk-RHZBZGPM.js";
export {
  commandOnlySuite,
  readLoadSuite
};
