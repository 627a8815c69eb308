#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  readManifests
} from "./chunk-6O73JWRZ.js";
import {
  engineChaosSeconds
} from "./chunk-466RCVCX.js";

// src/run/progress.ts
function progressLog(log, expectedChaosMs2, now = Date.now) {
  const startedMs = now();
  let chaosStartMs;
  let chaosEndMs;
  const expected = expectedChaosMs2 === void 0 ? "" : `~${clock(expectedChaosMs2)}`;
  const prefix = () => {
    const at = now();
    const parts = [`+${clock(at - startedMs)}`];
    if (chaosStartMs === void 0) {
      if (expected) parts.push(`chaos ${expected}`);
    } else if (chaosEndMs === void 0) {
      parts.push(`chaos ${clock(at - chaosStartMs)}${expected ? ` of ${expected}` : ""}`);
    } else {
      parts.push(`chaos took ${clock(chaosEndMs - chaosStartMs)}`);
    }
    return `[${parts.join(" | ")}]`;
  };
  return {
    log: (line) => log(`${prefix()} ${line}`),
    onPhase: (phase) => {
      if (phase === "apply") chaosStartMs = now();
      if (phase === "after") chaosEndMs = now();
    }
  };
}
function expectedChaosMs(config) {
  let manifests;
  try {
    manifests = readManifests(config.engines, "engine");
  } catch {
    return void 0;
  }
  const seconds = manifests.map((m) => engineChaosSeconds(m.object)).filter((s) => s !== void 0);
  return seconds.length === 0 ? void 0 : Math.max(...seconds) * 1e3;
}
function clock(ms) {
  const total = Math.max(0, Math.round(ms / 1e3));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor(total % 3600 / 60)).padStart(2, "0");
  const ss = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export {
  progressLog,
  expectedChaosMs
};
