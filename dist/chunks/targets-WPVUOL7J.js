#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-GYXFN4V2.js";
import "./chunk-SDF6UJ4L.js";
import "./chunk-T4OSFEOQ.js";
import "./chunk-RWLN6654.js";
import "./chunk-TCKGXNG2.js";
import "./chunk-Y2QXQWGE.js";
import "./chunk-VR7ZNQSZ.js";
import "./chunk-RG723U7L.js";
import "./chunk-HCE4SQW4.js";
import "./chunk-W4W2LEPZ.js";
import "./chunk-MTOICN7S.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-QJXSJEGH.js";
import "./chunk-VBJWNRH5.js";
export {
  runTargets
};
