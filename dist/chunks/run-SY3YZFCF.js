#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runGate
} from "./chunk-XJ6CHOQ7.js";
import "./chunk-VG7TA6HS.js";
import "./chunk-RGYEFKG4.js";
import "./chunk-7SN6FT7F.js";
export {
  runGate
};
