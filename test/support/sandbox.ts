// A real kube-apiserver with etcd on loopback, for the integration tests, the demo and
// scripts/sandbox/sandbox.ts, with the LitmusChaos CRDs (scripts/sandbox/crds) and Argo's CRDs (from the
// argo-workflows module the workflow-controller is built from). No controller runs unless a test starts
// one: the real Argo workflow-controller (argo-controller.ts) or the Litmus stand-in (fake-operator.ts).
// Binaries come from scripts/sandbox/build.sh (built once per version, then cached).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  readdirSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from './fixtures.ts';

export interface Sandbox {
  /** https://127.0.0.1:<port> */
  server: string;
  /** Temp dir with etcd data, certificates, logs and the kubeconfig. */
  dir: string;
  kubeconfigPath: string;
  kubeconfigYaml: string;
  /** Static token of user sandbox-admin in group system:masters. */
  adminToken: string;
  /** PEM bundle that verifies the server's self-generated serving certificate. */
  caPem: string;
  /** A KubeConfig for the admin, for test set-up. */
  kc: KubeConfig;
  pids: { etcd: number; apiserver: number };
  binaries: { etcd: string; apiserver: string };
  /** With `auditLog`: the API server's audit log, one JSON event per line. */
  auditLogPath?: string;
  /** Creates the namespace and ServiceAccount if needed and returns a token for it (TokenRequest API). */
  mintToken(namespace: string, serviceAccount: string, expirationSeconds?: number): Promise<string>;
  /** A kubeconfig (YAML) for a bearer token, same server and CA, context `sandbox`. */
  kubeconfigFor(token: string, user: string, namespace?: string): string;
  /** Creates a namespace; an existing one is fine. */
  createNamespace(name: string): Promise<void>;
  /** For fault tests: the API server killed, started again on the same port (etcd keeps the data), frozen. */
  apiserver: {
    kill(): Promise<void>;
    start(): Promise<void>;
    freeze(): void;
    thaw(): void;
  };
  /** SIGTERM both processes (SIGKILL after a grace), then remove `dir` unless logs are kept. */
  stop(): Promise<void>;
}

export interface SandboxOptions {
  /** Install the Litmus and Argo CRDs and wait until they are Established (default true). */
  crds?: boolean;
  /** Start the processes detached so they outlive this one (scripts/sandbox/sandbox.ts). */
  detached?: boolean;
  /** Use this dir (created if needed) instead of a new temp dir. */
  dir?: string;
  /** Keep `dir` (logs) when the start fails (default true). */
  keepLogsOnFailure?: boolean;
  /** How long to wait for /readyz (default 90 s). */
  readyTimeoutMs?: number;
  /** Write an audit log (level Metadata, stage RequestReceived omitted) to `auditLogPath`, for bench/. */
  auditLog?: boolean;
  /** More kube-apiserver flags, e.g. an `--authentication-config` that trusts a test's identity provider. */
  apiserverArgs?: string[];
}

/** What scripts/sandbox/sandbox.ts writes to .sandbox/state.json, enough to stop it from elsewhere. */
export interface SandboxState {
  server: string;
  dir: string;
  kubeconfigPath: string;
  pids: { etcd: number; apiserver: number };
  binaries: { etcd: string; apiserver: string };
  startedAt: string;
}

export const keepLogsEnv = 'CHAOS_GATE_KEEP_SANDBOX_LOGS';

/** The LitmusChaos CRDs, written for chaos-gate (see the comment at the top of each). */
export const litmusCrdDir = path.join(repoRoot, 'scripts/sandbox/crds');

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => path.join(dir, name));

/**
 * Runs scripts/sandbox/build.sh for `what` (a cache hit returns at once) and returns the `name=path`
 * lines it prints: apiserver, etcd and argo-crds for `sandbox`, workflow-controller and kubectl for those.
 */
export function buildOutputs(what: 'sandbox' | 'workflow-controller' | 'kubectl'): Record<string, string> {
  const built = spawnSync('bash', [path.join(repoRoot, 'scripts/sandbox/build.sh'), what], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`scripts/sandbox/build.sh ${what} failed (exit ${built.status})`);
  const outputs: Record<string, string> = {};
  for (const line of built.stdout.trim().split('\n')) {
    const [key, value] = [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)];
    if (key && value && existsSync(value)) outputs[key] = value;
  }
  return outputs;
}

/** The kube-apiserver and etcd binaries, and the folder of Argo's CRDs. */
export function sandboxBinaries(): { apiserver: string; etcd: string; argoCrds: string } {
  const outputs = buildOutputs('sandbox');
  const { apiserver, etcd, 'argo-crds': argoCrds } = outputs;
  if (!apiserver || !etcd || !argoCrds)
    throw new Error(`scripts/sandbox/build.sh printed no paths for the sandbox: ${JSON.stringify(outputs)}`);
  return { apiserver, etcd, argoCrds };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

// ---- process bookkeeping: an interrupted test run must not leave an etcd or API server behind.

interface Owned {
  children: ChildProcess[];
  dir: string;
  keep: () => boolean;
}
const owned = new Set<Owned>();
let handlersInstalled = false;

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const entry of owned) {
      for (const child of entry.children) if (isRunning(child)) child.kill('SIGKILL');
      if (!entry.keep()) rmSync(entry.dir, { recursive: true, force: true });
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      // 'exit' runs the clean-up above.
      process.exit(128 + os.constants.signals[signal]);
    });
  }
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

// util-linux setpriv (GitHub's Ubuntu runners have it) makes the kernel SIGKILL a child whose parent dies
// without running its exit handlers (SIGKILL, OOM): then nothing is left running either.
const setpriv = (process.env.PATH ?? '')
  .split(path.delimiter)
  .map((d) => path.join(d, 'setpriv'))
  .find((file) => existsSync(file));

function launch(
  binary: string,
  args: string[],
  logFile: string,
  detached: boolean,
  env?: NodeJS.ProcessEnv,
): ChildProcess {
  const log = openSync(logFile, 'a');
  const [command, argv] =
    !detached && setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', binary, ...args]] : [binary, args];
  const child = spawn(command, argv, { stdio: ['ignore', log, log], detached, env: env ?? process.env });
  closeSync(log);
  if (detached) child.unref();
  return child;
}

/**
 * Starts another process beside a sandbox (the Argo workflow-controller), output to `logFile`, killed
 * with this process like etcd and the API server. `stop()` ends it (SIGTERM, then SIGKILL).
 */
export function startOwnedProcess(
  binary: string,
  args: string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv },
): { child: ChildProcess; stop: () => Promise<void> } {
  installExitHandlers();
  const child = launch(binary, args, options.logFile, false, options.env);
  const entry: Owned = { children: [child], dir: '', keep: () => true };
  owned.add(entry);
  return {
    child,
    stop: async () => {
      await terminate(child.pid ?? 0, () => isRunning(child));
      owned.delete(entry);
    },
  };
}

/** Whether `pid` is alive and (if given) runs `binary` — guards against a reused pid. */
export function pidRuns(pid: number, binary?: string): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!binary) return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z /.test(stat)) return false; // a zombie has exited
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === binary;
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once `alive()` says the process is gone. */
export async function terminate(pid: number, alive: () => boolean, graceMs = 5000): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      /* gone already */
    }
  };
  if (!pid || !alive()) return;
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await sleep(50);
  if (!alive()) return;
  signal('SIGKILL');
  const killDeadline = Date.now() + 5000;
  while (alive() && Date.now() < killDeadline) await sleep(50);
}

/** Stops a sandbox started elsewhere (by scripts/sandbox/sandbox.ts start) from its state. */
export async function stopSandboxFromState(state: SandboxState, keepLogs = keepLogsRequested()) {
  const { pids, binaries } = state;
  await terminate(pids.apiserver, () => pidRuns(pids.apiserver, binaries.apiserver));
  await terminate(pids.etcd, () => pidRuns(pids.etcd, binaries.etcd));
  if (keepLogs) console.error(`sandbox logs kept in ${state.dir}`);
  else rmSync(state.dir, { recursive: true, force: true });
}

export const keepLogsRequested = () => process.env[keepLogsEnv] === '1';

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

interface Connection {
  server: string;
  token: string;
  ca: string | Buffer;
}

/** A plain HTTPS call (verified with the sandbox CA); status 0 when the server did not answer. */
export function call(
  connection: Connection,
  method: string,
  urlPath: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${connection.server}${urlPath}`,
      {
        method,
        ca: connection.ca,
        timeout: 5000,
        headers: {
          Authorization: `Bearer ${connection.token}`,
          Accept: 'application/json',
          ...(payload && { 'Content-Type': 'application/json' }),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', () => resolve({ status: 0, body: undefined }));
    req.on('timeout', () => req.destroy());
    if (payload) req.write(payload);
    req.end();
  });
}

class PortInUse extends Error {}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { argoCrds, ...binaries } = sandboxBinaries();
  const crdFiles = [...yamlFiles(litmusCrdDir), ...yamlFiles(argoCrds)];
  const detached = options.detached ?? false;
  const keepOnFailure = options.keepLogsOnFailure ?? true;
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-sandbox-'));
  mkdirSync(dir, { recursive: true });

  // Files that survive a retry: the service-account signing key and the admin token.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(path.join(dir, 'sa.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
  });
  writeFileSync(path.join(dir, 'sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
  const adminToken = randomBytes(24).toString('hex');
  writeFileSync(
    path.join(dir, 'tokens.csv'),
    `${adminToken},sandbox-admin,sandbox-admin,"system:masters"\n`,
    { mode: 0o600 },
  );

  // A port found free can be taken before etcd or the API server binds it: then try fresh ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(binaries, dir, adminToken, detached, keepOnFailure, { ...options, crdFiles });
    } catch (error) {
      if (!(error instanceof PortInUse) || attempt >= 3) throw error;
    }
  }
}

async function startOnce(
  binaries: { apiserver: string; etcd: string },
  dir: string,
  adminToken: string,
  detached: boolean,
  keepOnFailure: boolean,
  options: SandboxOptions & { crdFiles: string[] },
): Promise<Sandbox> {
  rmSync(path.join(dir, 'etcd'), { recursive: true, force: true });
  rmSync(path.join(dir, 'certs'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'certs'), { recursive: true });
  const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const etcdUrl = `http://127.0.0.1:${etcdPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const etcdLog = path.join(dir, 'etcd.log');
  const apiLog = path.join(dir, 'kube-apiserver.log');
  const auditLogPath = options.auditLog ? path.join(dir, 'audit.log') : undefined;

  const entry: Owned = { children: [], dir, keep: () => keepLogsRequested() };
  // Detached processes are handed over only once the start succeeded: interrupted before that, they go too.
  installExitHandlers();
  owned.add(entry);
  const etcd = launch(
    binaries.etcd,
    [
      '--name=sandbox',
      `--data-dir=${path.join(dir, 'etcd')}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=sandbox=${peerUrl}`,
      '--unsafe-no-fsync',
      '--log-level=warn',
    ],
    etcdLog,
    detached,
  );
  entry.children.push(etcd);
  const apiserverArgs = [
    `--etcd-servers=${etcdUrl}`,
    `--secure-port=${apiPort}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--cert-dir=${path.join(dir, 'certs')}`,
    '--service-cluster-ip-range=10.0.0.0/24',
    '--allow-privileged=true',
    '--authorization-mode=RBAC',
    '--disable-admission-plugins=ServiceAccount',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${path.join(dir, 'sa.pub')}`,
    `--service-account-signing-key-file=${path.join(dir, 'sa.key')}`,
    `--token-auth-file=${path.join(dir, 'tokens.csv')}`,
    // Fewer background goroutines and writes on a 2-core runner; nothing here needs them.
    '--enable-priority-and-fairness=false',
    '--endpoint-reconciler-type=none',
    '--profiling=false',
    '--v=0',
    ...(auditLogPath ? [`--audit-policy-file=${auditPolicy(dir)}`, `--audit-log-path=${auditLogPath}`] : []),
    ...(options.apiserverArgs ?? []),
  ];
  let apiserver = launch(binaries.apiserver, apiserverArgs, apiLog, detached);
  entry.children.push(apiserver);
  const pids = { etcd: etcd.pid ?? 0, apiserver: apiserver.pid ?? 0 };
  const server = `https://127.0.0.1:${apiPort}`;

  const stopProcesses = async () => {
    await terminate(pids.apiserver, () => isRunning(apiserver));
    await terminate(pids.etcd, () => isRunning(etcd));
  };
  const stop = async () => {
    await stopProcesses();
    owned.delete(entry);
    if (keepLogsRequested()) console.error(`sandbox logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
  const fail = async (why: string, cause?: unknown): Promise<never> => {
    await stopProcesses();
    owned.delete(entry);
    const logs = `--- ${etcdLog} (tail)\n${tail(etcdLog)}\n--- ${apiLog} (tail)\n${tail(apiLog)}`;
    if (/address already in use/.test(logs)) throw new PortInUse(why);
    const kept = keepOnFailure || keepLogsRequested();
    if (kept) console.error(`sandbox failed to start; logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
    throw new Error(`sandbox failed to start: ${why}${kept ? ` (logs kept in ${dir})` : ''}\n${logs}`, {
      cause,
    });
  };

  const certFile = path.join(dir, 'certs', 'apiserver.crt');
  const timeoutMs = options.readyTimeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exited = [etcd, apiserver].find((c) => !isRunning(c));
    if (exited)
      await fail(
        `${exited === etcd ? 'etcd' : 'kube-apiserver'} exited (${exited.exitCode ?? exited.signalCode})`,
      );
    if (Date.now() > deadline) await fail(`/readyz not 200 after ${timeoutMs / 1000} s`);
    if (
      existsSync(certFile) &&
      (await call({ server, token: adminToken, ca: readFileSync(certFile) }, 'GET', '/readyz')).status === 200
    )
      break;
    await sleep(200);
  }

  // apiserver.crt holds the serving certificate and the self-signed CA that issued it.
  const caPem = readFileSync(certFile, 'utf8');
  const caData = Buffer.from(caPem).toString('base64');
  const kubeconfigFor = (token: string, user: string, namespace = 'default') =>
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: sandbox',
      '  cluster:',
      `    server: ${server}`,
      `    certificate-authority-data: ${caData}`,
      'users:',
      `- name: ${user}`,
      '  user:',
      `    token: ${token}`,
      'contexts:',
      '- name: sandbox',
      '  context:',
      '    cluster: sandbox',
      `    user: ${user}`,
      `    namespace: ${namespace}`,
      'current-context: sandbox',
      '',
    ].join('\n');
  const kubeconfigYaml = kubeconfigFor(adminToken, 'sandbox-admin');
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, kubeconfigYaml, { mode: 0o600 });
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfigYaml);
  const core = kc.makeApiClient(CoreV1Api);

  const ignoreConflict = (error: { code?: number }) => {
    if (error.code !== 409) throw error;
  };
  const createNamespace = async (name: string) => {
    await core.createNamespace({ body: { metadata: { name } } }).catch(ignoreConflict);
  };
  const mintToken = async (namespace: string, serviceAccount: string, expirationSeconds = 3600) => {
    await createNamespace(namespace);
    await core
      .createNamespacedServiceAccount({ namespace, body: { metadata: { name: serviceAccount } } })
      .catch(ignoreConflict);
    const issued = await core.createNamespacedServiceAccountToken({
      namespace,
      name: serviceAccount,
      body: { spec: { audiences: [], expirationSeconds } },
    });
    const token = issued.status?.token;
    if (!token) throw new Error(`no token issued for ${namespace}/${serviceAccount}`);
    return token;
  };

  const faults = {
    kill: async () => {
      faults.thaw();
      await terminate(pids.apiserver, () => isRunning(apiserver), 0);
    },
    start: async () => {
      apiserver = launch(binaries.apiserver, apiserverArgs, apiLog, detached);
      entry.children.push(apiserver);
      pids.apiserver = apiserver.pid ?? 0;
      const ready = Date.now() + timeoutMs;
      while ((await call({ server, token: adminToken, ca: caPem }, 'GET', '/readyz')).status !== 200) {
        if (!isRunning(apiserver) || Date.now() > ready)
          throw new Error(`kube-apiserver did not come back\n${tail(apiLog)}`);
        await sleep(200);
      }
    },
    freeze: () => process.kill(pids.apiserver, 'SIGSTOP'),
    thaw: () => {
      if (isRunning(apiserver)) process.kill(pids.apiserver, 'SIGCONT');
    },
  };

  if (options.crds ?? true) {
    try {
      await installCrds({ server, token: adminToken, ca: caPem }, options.crdFiles);
    } catch (error) {
      await fail(`installing CRDs: ${String(error)}`, error);
    }
  }
  if (detached) owned.delete(entry);
  return {
    server,
    dir,
    kubeconfigPath,
    kubeconfigYaml,
    adminToken,
    caPem,
    kc,
    pids,
    binaries,
    auditLogPath,
    mintToken,
    kubeconfigFor,
    createNamespace,
    apiserver: faults,
    stop,
  };
}

/** Every request at level Metadata (who, what, when; no bodies), once per stage after it is received. */
function auditPolicy(dir: string): string {
  const file = path.join(dir, 'audit-policy.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: audit.k8s.io/v1',
      'kind: Policy',
      'omitStages: [RequestReceived]',
      'rules:',
      '  - level: Metadata',
      '',
    ].join('\n'),
  );
  return file;
}

interface Crd {
  kind?: string;
  metadata?: { name?: string };
  spec?: {
    group: string;
    scope: string;
    names: { plural: string };
    versions: { name: string; served: boolean }[];
  };
  status?: { conditions?: { type: string; status: string }[] };
}

/**
 * Creates the CRDs in `files` (paths), waits until each is Established, then until its resources
 * are listable: a new CRD's watch cache answers 429 "storage is (re)initializing" for a moment, which a
 * client without retries (client-node) would take as an error.
 *
 * Raw JSON on purpose: client-node's typed CRD model drops `x-kubernetes-preserve-unknown-fields` from an
 * object parsed from YAML, and the server would then prune every ChaosResult and Workflow status.
 */
export async function installCrds(
  connection: Connection,
  files: string[],
  timeoutMs = 30_000,
): Promise<void> {
  const crds: Crd[] = [];
  for (const file of files) {
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const crd = document.toJS() as Crd | null;
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      const created = await call(
        connection,
        'POST',
        '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
        crd,
      );
      if (created.status !== 201 && created.status !== 409)
        throw new Error(
          `creating CRD ${crd.metadata?.name}: ${created.status} ${JSON.stringify(created.body)}`,
        );
      crds.push(crd);
    }
  }
  const deadline = Date.now() + timeoutMs;
  const until = async (what: string, check: () => Promise<boolean>) => {
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what} after ${timeoutMs} ms`);
      await sleep(100);
    }
  };
  for (const crd of crds) {
    const name = crd.metadata?.name ?? '';
    await until(`CRD ${name} not Established`, async () => {
      const read = await call(
        connection,
        'GET',
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`,
      );
      return !!(read.body as Crd).status?.conditions?.some(
        (c) => c.type === 'Established' && c.status === 'True',
      );
    });
    const { group, scope, names, versions } = crd.spec ?? {
      group: '',
      scope: '',
      names: { plural: '' },
      versions: [],
    };
    for (const version of versions.filter((v) => v.served)) {
      const list = `/apis/${group}/${version.name}${scope === 'Namespaced' ? '/namespaces/default' : ''}/${names.plural}?limit=1`;
      await until(`${list} not listable`, async () => (await call(connection, 'GET', list)).status === 200);
    }
  }
}

/** The state a detached sandbox needs to be found and stopped later. */
export function sandboxState(sandbox: Sandbox): SandboxState {
  return {
    server: sandbox.server,
    dir: sandbox.dir,
    kubeconfigPath: sandbox.kubeconfigPath,
    pids: sandbox.pids,
    binaries: sandbox.binaries,
    startedAt: new Date().toISOString(),
  };
}
