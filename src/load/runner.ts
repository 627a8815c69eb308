// Runs the load command next to the chaos: started first for a baseline, kept running through the
// chaos, then stopped or awaited after a tail. Its output goes to the log line by line with a prefix.
//
// The command runs in its own process group, and stopping it signals the whole group, SIGTERM then
// SIGKILL after a grace: `sh -c` forks even a single command, so a signal to the shell alone leaves
// the real program (k6, jmeter) running. It gets an allow-listed environment: the runner's inputs and
// secrets (INPUT_KUBECONFIG, tokens) are not the load test's business.
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { CannotRunError, ConfigError } from '../errors.ts';
import { spawnInGroup } from '../process-group.ts';
import type { LoadConfig } from './schema.ts';

/** Why chaos-gate ended the command, if it did. */
export type StoppedBy = 'after the tail' | 'at the timeout' | 'on cancel';

export interface LoadExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  startedAtMs: number;
  endedAtMs: number;
  /** The last lines of output, for a failure message. */
  lastLines: string[];
  stoppedBy?: StoppedBy;
}

export interface LoadHandle {
  startedAtMs: number;
  /** Resolves after the lead time, or at once if the command has already ended or `signal` aborts. */
  baseline(signal: AbortSignal): Promise<void>;
  /** Lets it run for the tail, then waits for it or stops it; neither goes past `deadlineAt`, nor a cancel. */
  finish(deadlineAt: number, signal: AbortSignal): Promise<LoadExit>;
  /** Stops it now. */
  terminate(why: StoppedBy): Promise<LoadExit>;
}

const keptLines = 20;

/** What the load command inherits from chaos-gate's environment; `load.env` and `load.passEnv` add to it. */
const inherited = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TERM',
  'TMPDIR',
  'TMP',
  'TEMP',
  'CI',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NODE_EXTRA_CA_CERTS',
  'JAVA_HOME',
];
const inheritedPrefixes = ['LC_'];

function loadEnvironment(config: LoadConfig, from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(from)) {
    const allowed =
      inherited.includes(name) ||
      inheritedPrefixes.some((prefix) => name.startsWith(prefix)) ||
      config.passEnv.includes(name);
    if (allowed && value !== undefined) env[name] = value;
  }
  return { ...env, ...config.env };
}

export async function startLoad(
  config: LoadConfig,
  log: (line: string) => void,
  platform: NodeJS.Platform = process.platform,
): Promise<LoadHandle> {
  if (!config.command) throw new ConfigError('load.command: required to run a load test');
  // Refused before it starts, and before anything is applied: nothing could stop it at the timeout.
  if (platform === 'win32')
    throw new CannotRunError(
      'load.command: cannot run on Windows: chaos-gate stops a load command with its process group, which Windows does not have, so it could outlive the step or hang it until the job times out; run the job on a Linux or macOS runner',
    );
  const [program, ...args] =
    typeof config.command === 'string' ? ['sh', '-c', config.command] : config.command;
  const { child, signalGroup } = spawnInGroup(program as string, args, {
    cwd: config.cwd,
    env: loadEnvironment(config),
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
  let stoppedBy: StoppedBy | undefined;
  const exited = new Promise<LoadExit>((resolve) =>
    child.once('close', (code, signal) =>
      resolve({ code, signal, startedAtMs, endedAtMs: Date.now(), lastLines, stoppedBy }),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) =>
      reject(new CannotRunError(`load command could not start (${program}): ${error.message}`)),
    );
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const terminate = async (why: StoppedBy) => {
    if (running()) {
      stoppedBy = why;
      signalGroup('SIGTERM');
      const ended = await Promise.race([exited, sleep(config.terminateGrace).then(() => undefined)]);
      if (!ended) {
        log(
          `[chaos-gate] the load command did not end ${config.terminateGrace / 1000}s after SIGTERM: SIGKILL`,
        );
        signalGroup('SIGKILL');
      }
    }
    // Children of the shell that outlived it still hold the output pipes.
    signalGroup('SIGKILL');
    return { ...(await exited), stoppedBy };
  };
  const until = (ms: number, signal: AbortSignal) =>
    sleep(Math.max(0, ms), undefined, { signal }).then(
      () => 'time' as const,
      () => 'cancel' as const,
    );
  return {
    startedAtMs,
    async baseline(signal) {
      log(`[chaos-gate] load running; chaos starts after a ${Math.round(config.leadTime / 1000)}s baseline`);
      await Promise.race([sleep(config.leadTime, undefined, { signal }).catch(() => {}), exited]);
    },
    async finish(deadlineAt, signal) {
      const left = () => deadlineAt - Date.now();
      const tail = await Promise.race([exited, until(Math.min(config.tail, left()), signal)]);
      if (tail === 'cancel') return terminate('on cancel');
      if (tail !== 'time') return exited;
      if (config.stop === 'terminate') return terminate(left() > 0 ? 'after the tail' : 'at the timeout');
      const waited = await Promise.race([exited, until(left(), signal)]);
      if (waited === 'cancel') return terminate('on cancel');
      if (waited !== 'time') return exited;
      log('[chaos-gate] the load command is still running at the timeout: stopping it');
      return terminate('at the timeout');
    },
    terminate,
  };
}
