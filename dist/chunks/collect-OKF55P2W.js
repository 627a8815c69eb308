#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  commandOnlySuite,
  readLoadSuite
} from "./chunk-LRS3DT6L.js";
import "./chunk-LGG3MZVO.js";
import "./chunk-D5XYJZ5A.js";
import "./chunk-RHZBZGPM.js";
export {
  commandOnlySuite,
  readLoadSuite
};
