#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

// src/quiet-warnings.ts
var emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning, ...rest) => {
  const code = typeof rest[0] === "object" && rest[0] !== null ? rest[0].code : rest[1];
  if (code === "DEP0169" || code === "DEP0123") return;
  emitWarning(warning, ...rest);
});

// src/young-generation.ts
import { setFlagsFromString } from "node:v8";
function keepYoungGenerationSize() {
  setFlagsFromString("--semi-space-growth-factor=1");
}

export {
  keepYoungGenerationSize
};
