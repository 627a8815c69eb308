#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-GVQFFJAA.js";
import "./chunk-C2C3UGJC.js";
import "./chunk-6KFUOGED.js";
import "./chunk-XYB5YWCU.js";
export {
  runTargets
};
