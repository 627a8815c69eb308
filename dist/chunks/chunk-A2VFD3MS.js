#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/errors.ts
var CannotRunError = class extends Error {
  name = "CannotRunError";
};
var ConfigError = class extends CannotRunError {
  name = "ConfigError";
};
var CancelledError = class extends Error {
  name = "CancelledError";
  signal;
  /**
   * What the cancel left, told the user: `report`'s and `merge`'s; `run`'s, the clusters whose chaos had
   * started and failed by then, or the report it could not write. Unset for `run`: it came before any
   * chaos started.
   */
  left;
  constructor(signal, left) {
    super(`cancelled by ${signal}${left ? `; ${left}` : ""}`);
    this.signal = signal;
    this.left = left;
  }
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
function errorCarrier() {
  const carried = /* @__PURE__ */ new WeakMap();
  return {
    carrying(error, value) {
      const carrier = typeof error === "object" && error !== null ? error : new Error(String(error));
      carried.set(carrier, value);
      return carrier;
    },
    carriedBy: (error) => typeof error === "object" && error !== null ? carried.get(error) : void 0
  };
}

export {
  __require,
  __commonJS,
  __export,
  __toESM,
  CannotRunError,
  ConfigError,
  CancelledError,
  errorMessage,
  errorCarrier
};
