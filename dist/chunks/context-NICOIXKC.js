#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-2HSGNRDW.js";
import "./chunk-OAKIOCXP.js";
import "./chunk-Z6P6WKDV.js";
import "./chunk-YVWUPZAG.js";
import "./chunk-2NT3QNSY.js";
import "./chunk-72G7U3RQ.js";
import "./chunk-I6FGCH2J.js";
export {
  compressionDisabled,
  contextNamespace,
  describeCluster,
  loadKubeContext,
  registerKubeconfigCredentials
};
