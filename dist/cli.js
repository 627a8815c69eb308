#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import "./chunks/chunk-MXPLEWO6.js";

// src/cli/index.ts
import { enableCompileCache } from "node:module";
enableCompileCache?.();
var { main } = await import("./chunks/main-RNHXNTZP.js");
process.exit(await main(process.argv.slice(2)));
