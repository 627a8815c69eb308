#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

// src/run/cancellation.ts
var said = [
  (signal) => `received ${signal}: stopping the chaos and cleaning up`,
  (signal) => `received ${signal}: one last stop attempt, then leaving`,
  (signal) => `received ${signal}: leaving now`
];
async function withCancellation(say, body) {
  const cancel = new AbortController();
  const hurry = new AbortController();
  let count = 0;
  const handle = (signal) => {
    count++;
    const message = said[Math.min(count, said.length) - 1];
    say(message(signal));
    if (count === 1) cancel.abort(signal);
    else if (count === 2) hurry.abort(signal);
    else process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
  try {
    return await body({ cancel: cancel.signal, hurry: hurry.signal });
  } finally {
    process.off("SIGINT", handle);
    process.off("SIGTERM", handle);
  }
}

export {
  withCancellation
};
