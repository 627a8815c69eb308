#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunk-3XOF47P7.js";
import "./chunk-JHV2QDJY.js";
import "./chunk-KQ7MYOVL.js";
import "./chunk-FQFD52GW.js";
export {
  runTargets
};
