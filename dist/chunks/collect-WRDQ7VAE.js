#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-HQJ6WEL7.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-2NT3QNSY.js";
import "./chunk-72G7U3RQ.js";
import "./chunk-I6FGCH2J.js";
export {
  commandOnlySuite,
  readLoadSuite
};
