#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runGate
} from "./chunk-WF4YJ2X4.js";
import "./chunk-D2T2IFNM.js";
import "./chunk-2LFBAVWU.js";
import "./chunk-AJZ6MKAM.js";
export {
  runGate
};
