// Runs commands several times, in turn, and reports the median wall time of each (measured here, to the
// microsecond) and its median peak RSS (read by GNU time, `/usr/bin/time -f %M`), so a Node CLI and its
// floor or a Python anchor are measured alike.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measured {
  label: string;
  seconds: number;
  peakMb: number;
  exitCode: number | null;
  /** The exit code the command is meant to end with (a gate that fails on purpose ends with 1). */
  expectedExit: number;
  /** The last line the command wrote to stderr when it failed. */
  error?: string;
}

const gnuTime = '/usr/bin/time';

/** `command` run under GNU time, which prints its peak RSS on stderr for `peakMbOf`. */
export function underGnuTime(command: string[]): [string, string[]] {
  if (!existsSync(gnuTime)) throw new Error('bench needs GNU time (/usr/bin/time; Debian package "time")');
  return [gnuTime, ['-f', 'BENCH %M', ...command]];
}

/** The peak RSS GNU time printed, in MB; undefined if it printed none. */
export function peakMbOf(stderr: string): number | undefined {
  const line = stderr.split('\n').find((l) => l.startsWith('BENCH '));
  return line ? Number(line.split(' ')[1]) / 1024 : undefined;
}

/** A command to time, and the exit code it is meant to end with (a gate that fails on purpose ends with 1). */
export interface Timed {
  label: string;
  command: string[];
  env?: NodeJS.ProcessEnv;
  expectedExit?: number;
}

/**
 * Each command `runs` times, in turn (A B C, A B C, ...), so a machine that slows down or speeds up
 * during the run weighs on every command alike and the ratios between them stay fair.
 */
export function measureTogether(commands: Timed[], runs: number): Measured[] {
  const samples = commands.map(() => [] as { seconds: number; peakMb: number }[]);
  const results = commands.map(({ label, expectedExit = 0 }) => ({
    label,
    expectedExit,
    exitCode: null as number | null,
    error: undefined as string | undefined,
  }));
  for (let run = 0; run < runs; run++) {
    commands.forEach(({ label, command, env = process.env }, i) => {
      const result = results[i] as (typeof results)[number];
      const [timer, timed] = underGnuTime(command);
      const started = performance.now();
      const child = spawnSync(timer, timed, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
      const seconds = (performance.now() - started) / 1000;
      result.exitCode = child.status;
      if (child.status !== result.expectedExit)
        result.error = child.stderr
          .split('\n')
          .filter((l) => l.trim() && !/^(BENCH |Command exited)/.test(l))
          .at(-1);
      const peakMb = peakMbOf(child.stderr);
      if (peakMb === undefined) throw new Error(`${label}: no timing (${child.stderr.slice(-500)})`);
      samples[i]?.push({ seconds, peakMb });
    });
  }
  return results.map(({ error, ...result }, i) => ({
    ...result,
    seconds: median((samples[i] ?? []).map((s) => s.seconds)),
    peakMb: median((samples[i] ?? []).map((s) => s.peakMb)),
    ...(error === undefined ? {} : { error }),
  }));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** One table row: the measured figures and their ratio to the floor measured in the same run. */
export function row(measured: Measured, floor: Measured): string {
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
  const failed =
    measured.exitCode === measured.expectedExit
      ? ''
      : `   FAILED (exit ${measured.exitCode}): ${measured.error ?? ''}`;
  return `${measured.label.padEnd(44)} ${measured.seconds.toFixed(3).padStart(8)} s ${ratio(measured.seconds, floor.seconds).padStart(7)}   ${measured.peakMb.toFixed(0).padStart(6)} MB ${ratio(measured.peakMb, floor.peakMb).padStart(7)}${failed}`;
}

export function header(title: string): string {
  return `\n${title}\n${'what'.padEnd(44)} ${'median'.padStart(10)} ${'×floor'.padStart(7)}   ${'peak RSS'.padStart(9)} ${'×floor'.padStart(7)}`;
}
