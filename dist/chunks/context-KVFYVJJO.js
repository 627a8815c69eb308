#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-RILJ2G72.js";
import "./chunk-ZZBENYXT.js";
import "./chunk-J46NZ4OZ.js";
import "./chunk-Q4M3HB2T.js";
import "./chunk-CVQCVXWB.js";
import "./chunk-QDUWXCRZ.js";
import "./chunk-5IL7PTUQ.js";
export {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
};
