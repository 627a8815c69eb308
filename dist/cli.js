#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  asksForVersion,
  asksOnlyForHelp,
  usage
} from "./chunks/chunk-YY56KPSB.js";
import {
  keepYoungGenerationSize
} from "./chunks/chunk-LJVIP377.js";
import "./chunks/chunk-6U3DDFOI.js";
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
if (asksForVersion(argv)) {
  process.stdout.write(`${"0.1.0"}
`);
  process.exit(0);
}
if (asksOnlyForHelp(argv)) {
  process.stdout.write(`${usage()}
`);
  process.exit(0);
}
nodeModule.enableCompileCache?.();
var { main } = await import("./chunks/main-PI4C7GCG.js");
keepYoungGenerationSize();
process.exit(await main(argv));
