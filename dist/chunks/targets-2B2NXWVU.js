#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-5KCSK3FF.js";
import "./chunk-SMKVBT5L.js";
import "./chunk-OCEUE5RS.js";
import "./chunk-466RCVCX.js";
import "./chunk-GT7JNTHQ.js";
import "./chunk-DAD2MMPG.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-HI6SXHFT.js";
import "./chunk-KPND5JJ5.js";
import "./chunk-ELYE3ZUH.js";
import "./chunk-XP3DE42G.js";
import "./chunk-TTGR3H3S.js";
import "./chunk-3N2XITYB.js";
import "./chunk-EWRCKZ32.js";
import "./chunk-3EYUBU7B.js";
import "./chunk-RUG22CMD.js";
import "./chunk-P5DOBMC4.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-NMQ4INOS.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-PTFOE3P2.js";
import "./chunk-FU7FX2BW.js";
import "./chunk-RHZBZGPM.js";
export {
  runTargets
};
