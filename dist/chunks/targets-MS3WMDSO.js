#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-74UOFC3K.js";
import "./chunk-4X3LT62F.js";
import "./chunk-HAZUF7FD.js";
import "./chunk-I5LOFJ6D.js";
import "./chunk-XXEMTUVR.js";
import "./chunk-GC5MFTKR.js";
import "./chunk-IIMISXTF.js";
import "./chunk-FK2XKCM2.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KHFU6QK6.js";
import "./chunk-CYEZQBYQ.js";
import "./chunk-BT27BQUD.js";
import "./chunk-RG723U7L.js";
import "./chunk-YWBX3UM5.js";
import "./chunk-Z6ESBZ4M.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
