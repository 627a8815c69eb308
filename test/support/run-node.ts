// Runs a built entry point (dist/cli.js, dist/index.js, dist/post.js) the way CI would: a child process with its
// own environment, capturing output and exit code.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './fixtures.ts';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runEntry(
  entry: string,
  args: string[],
  options: {
    env?: Record<string, string>;
    cwd?: string;
    onStdout?: (text: string) => void;
    onStderr?: (text: string) => void;
  } = {},
): { done: Promise<Finished>; kill: (signal: NodeJS.Signals) => void } {
  const child = spawn(process.execPath, [path.join(repoRoot, entry), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    options.onStdout?.(stdout);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    options.onStderr?.(stderr);
  });
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { done, kill: (signal) => child.kill(signal) };
}

/**
 * Sends `signal` the moment `file` starts being written: once its folder holds an entry it did not
 * (reports are written to a temporary file beside theirs), or `file` itself changes. Resolves with the
 * process's end; fails if it ended first, as the signal would then test nothing.
 */
export async function signalOnceWritten(
  run: { done: Promise<Finished>; kill: (signal: NodeJS.Signals) => void },
  file: string,
  signal: NodeJS.Signals,
): Promise<Finished> {
  let exited = false;
  void run.done.then(() => (exited = true));
  const folder = path.dirname(file);
  const listed = (): string[] => (existsSync(folder) ? readdirSync(folder) : []);
  const stamp = () => {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats ? `${stats.size}/${stats.mtimeMs}` : undefined;
  };
  const before = { entries: new Set(listed()), file: stamp() };
  const started = () => listed().some((name) => !before.entries.has(name)) || stamp() !== before.file;
  while (!started() && !exited) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(exited, false, `${file} was written before the process could be signalled`);
  run.kill(signal);
  return run.done;
}
