#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-6H6I4PC6.js";
import "./chunk-TJEHANXS.js";
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
