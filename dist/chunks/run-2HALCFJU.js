#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runGate
} from "./chunk-5KICYTJ6.js";
import "./chunk-HIF4EYUU.js";
import "./chunk-PSC5U72X.js";
import "./chunk-KKMOK5DN.js";
export {
  runGate
};
