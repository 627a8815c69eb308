#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runGate
} from "./chunk-YTXIA4EN.js";
import "./chunk-M6RIJCKO.js";
import "./chunk-EGP4SIKQ.js";
import "./chunk-OD4ZP4AT.js";
export {
  runGate
};
