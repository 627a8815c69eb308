#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-Q6OVVDBR.js";
import "./chunk-KYVDS5WR.js";
import "./chunk-4X3LT62F.js";
import "./chunk-MPMTBDZS.js";
import "./chunk-B4YD6SSB.js";
import "./chunk-EIOTGL6P.js";
import "./chunk-TNPFZ4B5.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-F2YYTRFE.js";
import "./chunk-GC5MFTKR.js";
import "./chunk-BT27BQUD.js";
import "./chunk-KS4FAQMI.js";
import "./chunk-466RCVCX.js";
import "./chunk-KYPTWZBF.js";
import "./chunk-EAPGYWCO.js";
import "./chunk-RG723U7L.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-KHFU6QK6.js";
import "./chunk-Z6ESBZ4M.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
