#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-HCF6SPOD.js";
import "./chunk-5PICZ4H7.js";
import "./chunk-X2EGVDIM.js";
import "./chunk-GHERVTPR.js";
export {
  runTargets
};
