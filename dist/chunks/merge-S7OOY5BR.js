#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-D4KOSIXE.js";
import "./chunk-ZOLMRRSH.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-D4JIMD4Q.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-Q4M3HB2T.js";
import "./chunk-CVQCVXWB.js";
import "./chunk-QDUWXCRZ.js";
import "./chunk-5IL7PTUQ.js";
export {
  mergeGate
};
