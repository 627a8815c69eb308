#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-S3RJ6O5L.js";
import "./chunk-E3G2BOWV.js";
import "./chunk-GT5XNYMC.js";
import "./chunk-466RCVCX.js";
import "./chunk-WDRJ45YI.js";
import "./chunk-VT6T4KIK.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-5MARIX4C.js";
import "./chunk-AXTWOSKH.js";
import "./chunk-LF3FT27P.js";
import "./chunk-HQJ6WEL7.js";
import "./chunk-2HSGNRDW.js";
import "./chunk-FAPFJNOE.js";
import "./chunk-DVIZ3VMA.js";
import "./chunk-AQR3BGEP.js";
import "./chunk-GILXI3G2.js";
import "./chunk-QH2S4TKK.js";
import "./chunk-FD6GADQI.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-O2W75PI5.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-OAKIOCXP.js";
import "./chunk-Z6P6WKDV.js";
import "./chunk-YVWUPZAG.js";
import "./chunk-2NT3QNSY.js";
import "./chunk-72G7U3RQ.js";
import "./chunk-I6FGCH2J.js";
export {
  runTargets
};
