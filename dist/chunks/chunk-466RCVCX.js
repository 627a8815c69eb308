#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

// src/litmus/duration.ts
function totalChaosSeconds(experiment) {
  const value = experiment?.spec?.components?.env?.find((e) => e.name === "TOTAL_CHAOS_DURATION")?.value;
  const seconds = Number(value);
  return value && Number.isFinite(seconds) ? seconds : void 0;
}
function engineChaosSeconds(engine) {
  const known = (engine.spec?.experiments ?? []).map(totalChaosSeconds).filter((s) => s !== void 0);
  return known.length === 0 ? void 0 : known.reduce((sum, s) => sum + s, 0);
}

export {
  totalChaosSeconds,
  engineChaosSeconds
};
