// A child process in a process group of its own (setsid), so that what it starts in turn (a shell's
// children, a plugin's helpers) is signalled with it, and killed if chaos-gate exits first (its own
// timeout, a second signal, process.exit).
import { spawn, type ChildProcessByStdio, type SpawnOptions } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface GroupChild {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Signals the whole group; nothing when it is gone already. */
  signalGroup(signal: NodeJS.Signals): void;
}

export function spawnInGroup(
  program: string,
  args: readonly string[],
  options: Omit<SpawnOptions, 'stdio' | 'detached'>,
): GroupChild {
  const child = spawn(program, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const killOnExit = () => signalGroup('SIGKILL');
  process.on('exit', killOnExit);
  child.once('close', () => process.off('exit', killOnExit));
  // Not started (ENOENT): no group to kill, and 'close' may not come.
  child.once('error', () => process.off('exit', killOnExit));
  return { child, signalGroup };
}
