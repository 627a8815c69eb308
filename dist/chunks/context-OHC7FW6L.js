#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  compressionDisabled,
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-UWUP66MI.js";
import "./chunk-NMQ4INOS.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-PTFOE3P2.js";
import "./chunk-FU7FX2BW.js";
import "./chunk-RHZBZGPM.js";
export {
  compressionDisabled,
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
};
