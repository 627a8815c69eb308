#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-AE5GS3C6.js";
import "./chunk-VE2MD2AI.js";
import "./chunk-F4OWZKHV.js";
import "./chunk-D4JIMD4Q.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-Q4M3HB2T.js";
import "./chunk-CVQCVXWB.js";
import "./chunk-QDUWXCRZ.js";
import "./chunk-5IL7PTUQ.js";
export {
  mergeGate
};
