// Runs the load command next to the chaos: started first for a baseline, kept running through the
// chaos, then stopped or awaited after a tail. Its output goes to the log line by line with a prefix.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { CannotRunError, ConfigError } from '../errors.ts';
import type { LoadConfig } from './schema.ts';

export interface LoadExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  startedAtMs: number;
  endedAtMs: number;
  /** The last lines of output, for a failure message. */
  lastLines: string[];
  /** We ended it (SIGTERM after the tail, or a cancel). */
  stoppedByUs: boolean;
}

export interface LoadHandle {
  startedAtMs: number;
  /** Resolves after the lead time, or at once if the command has already ended or the run is cancelled. */
  baseline(): Promise<void>;
  /** Lets it run for the tail, then waits for it or stops it. */
  finish(): Promise<LoadExit>;
  /** Stops it now (cancel). */
  kill(): Promise<LoadExit>;
}

const keptLines = 20;

export async function startLoad(
  config: LoadConfig,
  log: (line: string) => void,
  signal: AbortSignal,
): Promise<LoadHandle> {
  if (!config.command) throw new ConfigError('load.command: required to run a load test');
  const [program, ...args] =
    typeof config.command === 'string' ? ['sh', '-c', config.command] : config.command;
  const child = spawn(program as string, args, {
    cwd: config.cwd,
    env: { ...process.env, ...config.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const startedAtMs = Date.now();
  const lastLines: string[] = [];
  const forward = (stream: NodeJS.ReadableStream) =>
    createInterface({ input: stream }).on('line', (line) => {
      log(`[load] ${line}`);
      lastLines.push(line);
      if (lastLines.length > keptLines) lastLines.shift();
    });
  forward(child.stdout);
  forward(child.stderr);
  let stoppedByUs = false;
  const exited = new Promise<LoadExit>((resolve) =>
    child.once('close', (code, signal) =>
      resolve({ code, signal, startedAtMs, endedAtMs: Date.now(), lastLines, stoppedByUs }),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) =>
      reject(new CannotRunError(`load command could not start (${program}): ${error.message}`)),
    );
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      stoppedByUs = true;
      child.kill('SIGTERM');
      const killed = await Promise.race([exited, sleep(10_000).then(() => undefined)]);
      if (!killed) child.kill('SIGKILL');
    }
    return { ...(await exited), stoppedByUs };
  };
  return {
    startedAtMs,
    async baseline() {
      log(`[chaos-gate] load running; chaos starts after a ${Math.round(config.leadTime / 1000)}s baseline`);
      await Promise.race([sleep(config.leadTime, undefined, { signal }).catch(() => {}), exited]);
    },
    async finish() {
      await Promise.race([sleep(config.tail), exited]);
      return config.stop === 'wait' ? exited : stop();
    },
    kill: stop,
  };
}
