#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-VHMBNTB6.js";
import "./chunk-RBYOJ7E6.js";
import "./chunk-AC4PAKDO.js";
import "./chunk-466RCVCX.js";
import "./chunk-EQLXC5QB.js";
import "./chunk-QGHPKKGK.js";
import "./chunk-7GHJJVB5.js";
import "./chunk-PQLJGBJE.js";
import "./chunk-2VC5DTLM.js";
import "./chunk-4IIAXJ5D.js";
import "./chunk-RJQLYN3H.js";
import "./chunk-L5WWSBDS.js";
import "./chunk-7Z6W45QZ.js";
import "./chunk-LGCRXLUJ.js";
import "./chunk-DY6MXJSH.js";
import "./chunk-AFCH7IME.js";
import "./chunk-ZWDX3ODL.js";
import "./chunk-F4OWZKHV.js";
import "./chunk-3HMXXW3G.js";
import "./chunk-5L5Z5RRO.js";
import "./chunk-SVOU2F6U.js";
import "./chunk-IMNZCBY4.js";
import "./chunk-UW3C4NVA.js";
import "./chunk-GRLH4IY6.js";
import "./chunk-KS2JBS36.js";
import "./chunk-J4IYJQFQ.js";
import "./chunk-3NSBHRNM.js";
export {
  runTargets
};
