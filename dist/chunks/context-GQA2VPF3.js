#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
} from "./chunk-UJ37PGH2.js";
import "./chunk-ELASGR3N.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-NMLLIHDR.js";
import "./chunk-RHZBZGPM.js";
export {
  contextNamespace,
  loadKubeContext,
  registerKubeconfigCredentials
};
