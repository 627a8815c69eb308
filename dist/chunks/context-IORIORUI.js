#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-TKWK2WKU.js";
import "./chunk-RYXSBH4E.js";
import "./chunk-UHDLJ5VE.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-ECDZZCZF.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FU7FX2BW.js";
import "./chunk-RHZBZGPM.js";
export {
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
};
