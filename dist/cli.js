#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  keepYoungGenerationSize
} from "./chunks/chunk-NBWQU3MT.js";
import "./chunks/chunk-VBJWNRH5.js";

// src/cli/index.ts
import { enableCompileCache } from "node:module";
enableCompileCache?.();
var { main } = await import("./chunks/main-HT2WAEAD.js");
keepYoungGenerationSize();
process.exit(await main(process.argv.slice(2)));
