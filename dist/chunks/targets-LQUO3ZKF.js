#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-NXP3O2AZ.js";
import "./chunk-TGSMHWDY.js";
import "./chunk-VOAIH3DC.js";
import "./chunk-WJXZS7VO.js";
import "./chunk-7QUUXGDS.js";
import "./chunk-GISHE365.js";
import "./chunk-NYNSXE74.js";
import "./chunk-F2Y33RKZ.js";
import "./chunk-VV334XWF.js";
import "./chunk-WZQ2V6ZS.js";
import "./chunk-VNQBPVSH.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-RG723U7L.js";
import "./chunk-5YWR5LQW.js";
import "./chunk-NHEBECCI.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
