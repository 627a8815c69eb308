#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  mergeGate
} from "./chunk-5J7QQNC3.js";
import "./chunk-ZWDX3ODL.js";
import "./chunk-F4OWZKHV.js";
import "./chunk-3HMXXW3G.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-GRLH4IY6.js";
import "./chunk-KS2JBS36.js";
import "./chunk-J4IYJQFQ.js";
import "./chunk-3NSBHRNM.js";
export {
  mergeGate
};
