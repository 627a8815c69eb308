#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

// src/secrets.ts
var secrets = /* @__PURE__ */ new Set();
var minLength = 6;
function registerSecret(value) {
  if (value && value.trim().length >= minLength) secrets.add(value.trim());
}
var userinfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
function redact(text) {
  let result = text.includes("@") ? text.replace(userinfo, "$1") : text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length))
    result = result.replaceAll(secret, "***");
  return result;
}
function displayUrl(url) {
  return url.replace(userinfo, "$1");
}

export {
  registerSecret,
  redact,
  displayUrl
};
