#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-ELJ4HO25.js";
import "./chunk-FJLMS4LR.js";
import "./chunk-IHA5KD3N.js";
import "./chunk-RHZBZGPM.js";
export {
  commandOnlySuite,
  readLoadSuite
};
