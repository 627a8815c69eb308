// Runs the built CLI under GNU time and timestamps each stdout line as it arrives (the same wall
// clock as the stand-in's events), optionally sampling its resident memory from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { peakMbOf, underGnuTime } from './measure.ts';

export interface Line {
  at: number;
  text: string;
}

export interface CliRun {
  startedAt: number;
  endedAt: number;
  code: number | null;
  lines: Line[];
  stderr: string;
  peakMb: number;
  /** VmRSS samples of the Node process, when asked for. */
  rss: { at: number; mb: number }[];
}

/** The repository's build. */
const builtCli = path.resolve(import.meta.dirname, '../../dist/cli.js');

export function runCli(args: string[], options: { cli?: string; rssEveryMs?: number } = {}): Promise<CliRun> {
  const [timer, timed] = underGnuTime([process.execPath, options.cli ?? builtCli, ...args]);
  const startedAt = Date.now();
  const child = spawn(timer, timed, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const at = Date.now();
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) lines.push({ at, text });
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const rss: CliRun['rss'] = [];
  const sampler = options.rssEveryMs
    ? setInterval(() => {
        const mb = rssMbOf(nodeUnder(child.pid ?? 0));
        if (mb !== undefined) rss.push({ at: Date.now(), mb });
      }, options.rssEveryMs)
    : undefined;
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearInterval(sampler);
      resolve({
        startedAt,
        endedAt: Date.now(),
        code,
        lines,
        stderr,
        peakMb: peakMbOf(stderr) ?? NaN,
        rss,
      });
    }),
  );
}

/** GNU time's one child: the Node process. */
function nodeUnder(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0]);
  } catch {
    return 0;
  }
}

/** Resident memory of a process now (VmRSS), in MB; undefined if it is gone. */
export function rssMbOf(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
