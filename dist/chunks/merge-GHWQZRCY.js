#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-24AFJYLT.js";
import "./chunk-FD6GADQI.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-O2W75PI5.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-YVWUPZAG.js";
import "./chunk-2NT3QNSY.js";
import "./chunk-72G7U3RQ.js";
import "./chunk-I6FGCH2J.js";
export {
  mergeGate
};
