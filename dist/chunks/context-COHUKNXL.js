#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-VEL7RH3C.js";
import "./chunk-MDAQZW3T.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FRGFRHGU.js";
import "./chunk-5A4P5S36.js";
import "./chunk-RHZBZGPM.js";
export {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
};
