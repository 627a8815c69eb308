#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-7QIZCKDP.js";
import "./chunk-KDTXI6HP.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-NQYHTMK7.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
};
