#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  asksForVersion,
  helpAlone
} from "./chunks/chunk-SSQAD7NH.js";
import {
  keepYoungGenerationSize
} from "./chunks/chunk-LJVIP377.js";
import "./chunks/chunk-WWMJPIHK.js";
import "./chunks/chunk-A2VFD3MS.js";

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
var help = helpAlone(argv);
if (help !== void 0) {
  process.stdout.write(`${help}
`);
  process.exit(0);
}
nodeModule.enableCompileCache?.();
var { main } = await import("./chunks/main-T3TCPQNE.js");
keepYoungGenerationSize();
process.exit(await main(argv));
