#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

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
  constructor(signal) {
    super(`cancelled by ${signal}`);
    this.signal = signal;
  }
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  CannotRunError,
  ConfigError,
  CancelledError,
  errorMessage
};
