#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runGate
} from "./chunk-JRLJAGXC.js";
import "./chunk-QELTDFQD.js";
import "./chunk-ZFMYH3TH.js";
import "./chunk-2IDVPB5J.js";
export {
  runGate
};
