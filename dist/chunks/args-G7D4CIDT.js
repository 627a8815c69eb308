#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  sourceFlags
} from "./chunk-JDIPB3B6.js";
import {
  labelFor,
  layerFrom,
  settingFields,
  toMap
} from "./chunk-TRGVEDHO.js";
import {
  parseSettings
} from "./chunk-FIXD22ZQ.js";
import "./chunk-W2S2XVX5.js";
import "./chunk-VJZ45ZOO.js";
import "./chunk-ZP7ONBPO.js";
import "./chunk-UGTCSSFN.js";
import "./chunk-LAYEVDLF.js";
import {
  ConfigError,
  errorMessage
} from "./chunk-ZEH77NSV.js";
import "./chunk-VBJWNRH5.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandLine(argv) {
  const [command = "help", ...rest] = argv;
  const options = {
    config: { type: "string" }
  };
  for (const spec of settingFields) {
    options[spec.flag] = {
      type: spec.kind === "boolean" ? "boolean" : "string",
      multiple: spec.kind === "list" || spec.kind === "map"
    };
  }
  for (const [flag, { multiple }] of Object.entries(sourceFlags))
    options[flag] = { type: "string", multiple };
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: true, allowNegative: true });
  } catch (error) {
    throw new ConfigError(`command line: ${errorMessage(error)}`);
  }
  const { values, positionals } = parsed;
  if (command !== "merge" && positionals.length > 0) {
    throw new ConfigError(`command line: unexpected argument "${positionals[0]}" (options start with --)`);
  }
  const given = /* @__PURE__ */ new Map();
  for (const spec of settingFields) {
    const value = values[spec.flag];
    if (value === void 0) continue;
    if (spec.kind === "number") given.set(spec, toNumber(spec.flag, value));
    else if (spec.kind === "map") given.set(spec, toMap(value, `command line: --${spec.flag}`));
    else given.set(spec, value);
  }
  return {
    command,
    configFile: values.config,
    layer: parseSettings(
      layerFrom(given),
      "command line",
      labelFor((spec) => `--${spec.flag}`)
    ),
    sources: {
      results: values.results ?? [],
      selector: values.selector,
      k6: values.k6,
      jtl: values.jtl
    },
    files: positionals
  };
}
function toNumber(flag, value) {
  const number = Number(value);
  if (value === "" || !Number.isFinite(number)) {
    throw new ConfigError(`command line: --${flag}: expected a number, got "${String(value)}"`);
  }
  return number;
}
export {
  parseCommandLine
};
