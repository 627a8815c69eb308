#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-X2PHOO2H.js";
import "./chunk-5PICZ4H7.js";
import "./chunk-LWCSMDET.js";
import "./chunk-GHERVTPR.js";
export {
  runTargets
};
