#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-BBNHRMIL.js";
import "./chunk-M23D6N5L.js";
import "./chunk-U3HVOJW3.js";
import "./chunk-BTC7FQAS.js";
export {
  runTargets
};
