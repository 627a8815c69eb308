#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-M24LQVK7.js";
import "./chunk-APGKDRLL.js";
import "./chunk-K355RBRV.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-QM552S6H.js";
import "./chunk-BYLHJ3YO.js";
import "./chunk-UNP7JPIZ.js";
import "./chunk-Z7QDWCYA.js";
import "./chunk-B4YD6SSB.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-7LUJHJJP.js";
import "./chunk-466RCVCX.js";
import "./chunk-KFVFZEKN.js";
import "./chunk-4E3JRCWF.js";
import "./chunk-3EFICOBD.js";
import "./chunk-XHEXZLWX.js";
import "./chunk-RG723U7L.js";
import "./chunk-COK5ADEU.js";
import "./chunk-KDOXMYJW.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-IHA5KD3N.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
