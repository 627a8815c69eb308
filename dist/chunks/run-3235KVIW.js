#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runGate
} from "./chunk-KLSMBAML.js";
import "./chunk-WNEYRQLW.js";
import "./chunk-ZOXLFWGY.js";
import "./chunk-4RNZEDJZ.js";
export {
  runGate
};
