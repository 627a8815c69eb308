#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-RAQM6KPP.js";
import "./chunk-BF2I57G6.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-U467EY6F.js";
import "./chunk-RHZBZGPM.js";
export {
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
};
