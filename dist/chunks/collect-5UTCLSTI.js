#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-4IIAXJ5D.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-KS2JBS36.js";
import "./chunk-J4IYJQFQ.js";
import "./chunk-3NSBHRNM.js";
export {
  commandOnlySuite,
  readLoadSuite
};
