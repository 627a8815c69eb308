#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-RJQLYN3H.js";
import "./chunk-IMNZCBY4.js";
import "./chunk-UW3C4NVA.js";
import "./chunk-GRLH4IY6.js";
import "./chunk-KS2JBS36.js";
import "./chunk-J4IYJQFQ.js";
import "./chunk-3NSBHRNM.js";
export {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
};
