#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  engineChaosSeconds
} from "./chunk-466RCVCX.js";
import {
  readManifests
} from "./chunk-6S4KZUTS.js";

// src/run/progress.ts
function progressLog(log, expectedChaosMs2, now = Date.now) {
  const startedMs = now();
  const expected = expectedChaosMs2 === void 0 ? "" : `~${clock(expectedChaosMs2)}`;
  const logWith = (chaos) => (line) => {
    const at = now();
    const parts = [`+${clock(at - startedMs)}`];
    if (chaos.startMs === void 0) {
      if (expected) parts.push(`chaos ${expected}`);
    } else if (chaos.endMs === void 0) {
      parts.push(`chaos ${clock(at - chaos.startMs)}${expected ? ` of ${expected}` : ""}`);
    } else {
      parts.push(`chaos took ${clock(chaos.endMs - chaos.startMs)}`);
    }
    log(`[${parts.join(" | ")}] ${line}`);
  };
  const mark = (chaos, phase) => {
    if (phase === "apply") chaos.startMs = now();
    if (phase === "after") chaos.endMs = now();
  };
  const all = {};
  let running = 0;
  return {
    log: logWith(all),
    onPhase: (phase) => mark(all, phase),
    clusterLog: () => {
      const own = {};
      return {
        log: logWith(own),
        onPhase: (phase) => {
          mark(own, phase);
          if (phase === "apply") {
            all.startMs ??= own.startMs;
            all.endMs = void 0;
            running += 1;
          }
          if (phase === "after") {
            running -= 1;
            if (running === 0) all.endMs = own.endMs;
          }
        }
      };
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
