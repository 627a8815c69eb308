#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  asksOnlyForHelp,
  usage
} from "./chunks/chunk-I3XCN567.js";
import {
  keepYoungGenerationSize
} from "./chunks/chunk-LJVIP377.js";
import "./chunks/chunk-WBJFAYQ2.js";
import "./chunks/chunk-RHZBZGPM.js";

// src/cli/index.ts
import * as nodeModule from "node:module";
var minimumNode = 24;
if (Number(process.versions.node.split(".")[0]) < minimumNode) {
  process.stderr.write(
    `chaos-gate: error: needs Node.js ${minimumNode} or later; this is ${process.version}
`
  );
  process.exit(2);
}
var argv = process.argv.slice(2);
if (asksOnlyForHelp(argv)) {
  process.stdout.write(`${usage()}
`);
  process.exit(0);
}
nodeModule.enableCompileCache?.();
var { main } = await import("./chunks/main-E2VCXK6Y.js");
keepYoungGenerationSize();
process.exit(await main(argv));
