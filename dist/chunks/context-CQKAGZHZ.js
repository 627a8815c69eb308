#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-UZAEDRAD.js";
import "./chunk-RYXSBH4E.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-FU7FX2BW.js";
import "./chunk-RHZBZGPM.js";
export {
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
};
