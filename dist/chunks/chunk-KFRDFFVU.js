#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

// src/secrets.ts
var secrets = /* @__PURE__ */ new Set();
var listeners = [];
var minLength = 6;
function registerSecret(value) {
  const secret = value?.trim();
  if (!secret || secret.length < minLength || secrets.has(secret)) return;
  secrets.add(secret);
  for (const listener of listeners) listener(secret);
}
function onSecret(listener) {
  listeners.push(listener);
  for (const secret of secrets) listener(secret);
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
  onSecret,
  redact,
  displayUrl
};
