#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  describeRunInputs,
  readRunInputs
} from "./chunk-SDF6UJ4L.js";
import "./chunk-Y2QXQWGE.js";
import "./chunk-VR7ZNQSZ.js";
import "./chunk-RG723U7L.js";
import "./chunk-HCE4SQW4.js";
import "./chunk-MTOICN7S.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-QJXSJEGH.js";
import "./chunk-VBJWNRH5.js";
export {
  describeRunInputs,
  readRunInputs
};
