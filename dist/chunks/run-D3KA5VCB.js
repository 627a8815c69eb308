#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runGate
} from "./chunk-HU5QVC3B.js";
import "./chunk-O2UULVTF.js";
import "./chunk-BJNDYXGW.js";
import "./chunk-42AHKBM7.js";
export {
  runGate
};
