// A sandbox API server for humans and the demo, outliving this command:
//   node scripts/sandbox/sandbox.ts start    starts kube-apiserver + etcd (CRDs installed), prints the kubeconfig path
//   node scripts/sandbox/sandbox.ts status   prints the state if it is running
//   node scripts/sandbox/sandbox.ts stop     stops it and removes its files (CHAOS_GATE_KEEP_SANDBOX_LOGS=1 keeps them)
// State lives in .sandbox/ at the repository root (gitignored); the start logic is test/support/sandbox.ts.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../test/support/fixtures.ts';
import {
  pidRuns,
  sandboxState,
  startSandbox,
  stopSandboxFromState,
  type SandboxState,
} from '../../test/support/sandbox.ts';

// CHAOS_GATE_SANDBOX_HOME moves it (the tests use a temp dir so they never touch a human's sandbox).
const home = process.env.CHAOS_GATE_SANDBOX_HOME ?? path.join(repoRoot, '.sandbox');
const stateFile = path.join(home, 'state.json');
const runDir = path.join(home, 'run');

function readState(): SandboxState | undefined {
  if (!existsSync(stateFile)) return undefined;
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as SandboxState;
  } catch {
    return undefined;
  }
}

const isUp = (state: SandboxState) =>
  pidRuns(state.pids.apiserver, state.binaries.apiserver) && pidRuns(state.pids.etcd, state.binaries.etcd);

async function start(crds: boolean): Promise<number> {
  const previous = readState();
  if (previous && isUp(previous)) {
    console.error(
      `sandbox already running at ${previous.server} (stop it with: node scripts/sandbox/sandbox.ts stop)`,
    );
    console.log(previous.kubeconfigPath);
    return 0;
  }
  if (previous) await stopSandboxFromState(previous, false); // half-dead leftovers
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const began = Date.now();
  const sandbox = await startSandbox({ detached: true, dir: runDir, crds });
  writeFileSync(stateFile, `${JSON.stringify(sandboxState(sandbox), null, 2)}\n`);
  console.error(
    `sandbox up at ${sandbox.server} in ${((Date.now() - began) / 1000).toFixed(1)} s ` +
      `(etcd pid ${sandbox.pids.etcd}, kube-apiserver pid ${sandbox.pids.apiserver}; logs in ${runDir})\n` +
      `use it with: export KUBECONFIG=${sandbox.kubeconfigPath}`,
  );
  console.log(sandbox.kubeconfigPath);
  return 0;
}

async function stop(): Promise<number> {
  const state = readState();
  if (!state) {
    console.error(`no sandbox state in ${stateFile}: nothing to stop`);
    return 0;
  }
  await stopSandboxFromState(state);
  rmSync(stateFile, { force: true });
  console.error('sandbox stopped');
  return 0;
}

function status(): number {
  const state = readState();
  if (!state || !isUp(state)) {
    console.error('sandbox not running');
    return 1;
  }
  console.log(JSON.stringify(state, null, 2));
  return 0;
}

const [command, ...flags] = process.argv.slice(2);
let code: number;
switch (command) {
  case 'start':
    code = await start(!flags.includes('--no-crds'));
    break;
  case 'stop':
    code = await stop();
    break;
  case 'status':
    code = status();
    break;
  default:
    console.error('usage: node scripts/sandbox/sandbox.ts start [--no-crds] | status | stop');
    code = 2;
}
// The API client keeps sockets open; the detached processes must not keep this command waiting.
process.exit(code);
