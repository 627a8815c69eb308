#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runGate
} from "./chunk-QP6GR253.js";
import "./chunk-D2T2IFNM.js";
import "./chunk-NFBNZAQA.js";
import "./chunk-AJZ6MKAM.js";
export {
  runGate
};
