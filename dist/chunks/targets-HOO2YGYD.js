#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-FXLPIFPK.js";
import "./chunk-M23D6N5L.js";
import "./chunk-V2KUIHIQ.js";
import "./chunk-BTC7FQAS.js";
export {
  runTargets
};
