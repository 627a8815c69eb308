// A real kube-apiserver with etcd on loopback, for the integration tests and the demo. No controllers
// run: the tests play the operators (see fake-operator.ts). Binaries come from scripts/sandbox/build.sh.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApiextensionsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  type KubernetesObject,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { repoRoot, sharedFixture } from './fixtures.ts';

export interface Sandbox {
  server: string;
  dir: string;
  kubeconfigPath: string;
  kubeconfigYaml: string;
  adminToken: string;
  /** A KubeConfig for the admin, for test set-up. */
  kc: KubeConfig;
  pids: number[];
  /** Creates the namespace and ServiceAccount if needed and returns a token for it (TokenRequest API). */
  mintToken(namespace: string, serviceAccount: string): Promise<string>;
  /** A kubeconfig (YAML) for a bearer token, same server and CA. */
  kubeconfigFor(token: string, user: string): string;
  createNamespace(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SandboxOptions {
  /** Install the Litmus and Argo CRDs (default true). */
  crds?: boolean;
  /** Start the processes detached so they outlive this one (the demo). */
  detached?: boolean;
  dir?: string;
}

const litmusCrds = [
  'litmus/crds/chaosengine_crd.yaml',
  'litmus/crds/chaosexperiment_crd.yaml',
  'litmus/crds/chaosresults_crd.yaml',
];
const argoCrds = [
  'argo/crds/minimal/argoproj.io_workflows.yaml',
  'argo/crds/minimal/argoproj.io_workflowtemplates.yaml',
  'argo/crds/minimal/argoproj.io_clusterworkflowtemplates.yaml',
];

export function sandboxBinaries(): { apiserver: string; etcd: string } {
  const built = spawnSync('bash', [path.join(repoRoot, 'scripts/sandbox/build.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`scripts/sandbox/build.sh failed (exit ${built.status})`);
  const [apiserver, etcd] = built.stdout.trim().split('\n').slice(-2);
  if (!apiserver || !etcd)
    throw new Error(`scripts/sandbox/build.sh printed no binary paths: ${built.stdout}`);
  return { apiserver, etcd };
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

const running = new Set<ChildProcess>();
let handlersInstalled = false;

/** An interrupted test run must not leave an etcd or API server behind. */
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const killAll = () => running.forEach((child) => child.kill('SIGKILL'));
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

function start(binary: string, args: string[], logFile: string, detached: boolean): ChildProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(binary, args, { stdio: ['ignore', log, log], detached });
  closeSync(log);
  if (detached) child.unref();
  else {
    running.add(child);
    child.once('exit', () => running.delete(child));
  }
  return child;
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function get(url: string, token: string, ca?: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { headers: { Authorization: `Bearer ${token}` }, ca, rejectUnauthorized: !!ca, timeout: 2000 },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { apiserver, etcd } = sandboxBinaries();
  const detached = options.detached ?? false;
  if (!detached) installExitHandlers();
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-sandbox-'));
  mkdirSync(path.join(dir, 'certs'), { recursive: true });
  const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];

  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(path.join(dir, 'sa.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(path.join(dir, 'sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
  const adminToken = randomBytes(24).toString('hex');
  writeFileSync(
    path.join(dir, 'tokens.csv'),
    `${adminToken},sandbox-admin,sandbox-admin,"system:masters"\n`,
    { mode: 0o600 },
  );

  const etcdUrl = `http://127.0.0.1:${etcdPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const children: ChildProcess[] = [];
  children.push(
    start(
      etcd,
      [
        `--name=sandbox`,
        `--data-dir=${path.join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=sandbox=${peerUrl}`,
        '--unsafe-no-fsync',
        '--log-level=warn',
      ],
      path.join(dir, 'etcd.log'),
      detached,
    ),
  );
  children.push(
    start(
      apiserver,
      [
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
        '--enable-priority-and-fairness=false',
        '--v=0',
      ],
      path.join(dir, 'kube-apiserver.log'),
      detached,
    ),
  );
  const pids = children.map((c) => c.pid ?? 0);
  const server = `https://127.0.0.1:${apiPort}`;

  const stop = async () => {
    for (const child of [...children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
    }
    if (process.env.CHAOS_GATE_KEEP_SANDBOX_LOGS === '1') console.error(`sandbox logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };

  const certFile = path.join(dir, 'certs', 'apiserver.crt');
  const deadline = Date.now() + 90_000;
  for (;;) {
    const exited = children.find((c) => c.exitCode !== null);
    if (exited || Date.now() > deadline) {
      const why = exited
        ? `${exited === children[0] ? 'etcd' : 'kube-apiserver'} exited with ${exited.exitCode}`
        : 'not ready after 90 s';
      const logs = `--- etcd.log\n${tail(path.join(dir, 'etcd.log'))}\n--- kube-apiserver.log\n${tail(path.join(dir, 'kube-apiserver.log'))}`;
      children.forEach((c) => c.kill('SIGKILL'));
      throw new Error(`sandbox failed to start: ${why} (logs kept in ${dir})\n${logs}`);
    }
    if (existsSync(certFile) && (await get(`${server}/readyz`, adminToken, readFileSync(certFile))) === 200)
      break;
    await sleep(250);
  }

  const ca = readFileSync(certFile).toString('base64');
  const kubeconfigFor = (token: string, user: string) =>
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: sandbox',
      '  cluster:',
      `    server: ${server}`,
      `    certificate-authority-data: ${ca}`,
      'users:',
      `- name: ${user}`,
      '  user:',
      `    token: ${token}`,
      'contexts:',
      '- name: sandbox',
      '  context:',
      '    cluster: sandbox',
      `    user: ${user}`,
      '    namespace: default',
      'current-context: sandbox',
      '',
    ].join('\n');
  const kubeconfigYaml = kubeconfigFor(adminToken, 'sandbox-admin');
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, kubeconfigYaml, { mode: 0o600 });
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfigYaml);
  const core = kc.makeApiClient(CoreV1Api);

  const createNamespace = async (name: string) => {
    await core.createNamespace({ body: { metadata: { name } } }).catch((error: { code?: number }) => {
      if (error.code !== 409) throw error;
    });
  };

  const mintToken = async (namespace: string, serviceAccount: string) => {
    await createNamespace(namespace);
    await core
      .createNamespacedServiceAccount({ namespace, body: { metadata: { name: serviceAccount } } })
      .catch((error: { code?: number }) => {
        if (error.code !== 409) throw error;
      });
    const issued = await core.createNamespacedServiceAccountToken({
      namespace,
      name: serviceAccount,
      body: { spec: { audiences: [], expirationSeconds: 3600 } },
    });
    const token = issued.status?.token;
    if (!token) throw new Error(`no token issued for ${namespace}/${serviceAccount}`);
    return token;
  };

  const sandbox: Sandbox = {
    server,
    dir,
    kubeconfigPath,
    kubeconfigYaml,
    adminToken,
    kc,
    pids,
    mintToken,
    kubeconfigFor,
    createNamespace,
    stop,
  };
  try {
    if (options.crds ?? true) await installCrds(kc, [...litmusCrds, ...argoCrds]);
  } catch (error) {
    await stop();
    throw error;
  }
  return sandbox;
}

async function installCrds(kc: KubeConfig, files: string[]): Promise<void> {
  const objects = KubernetesObjectApi.makeApiClient(kc);
  const extensions = kc.makeApiClient(ApiextensionsV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const names: string[] = [];
  const served: { group: string; version: string; plural: string }[] = [];
  for (const file of files) {
    for (const document of parseAllDocuments(readFileSync(sharedFixture(file), 'utf8'))) {
      const crd = document.toJS() as (KubernetesObject & V1CustomResourceDefinition) | null;
      if (!crd?.kind) continue;
      await objects.create(crd);
      names.push(crd.metadata?.name ?? '');
      const version = crd.spec.versions.find((v) => v.served)?.name ?? 'v1alpha1';
      served.push({ group: crd.spec.group, version, plural: crd.spec.names.plural });
    }
  }
  const deadline = Date.now() + 30_000;
  for (const name of names) {
    for (;;) {
      const crd = await extensions.readCustomResourceDefinition({ name });
      if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new Error(`CRD ${name} not Established after 30 s`);
      await sleep(100);
    }
  }
  // Established is not yet served: the storage answers 429 "(re)initializing" for a moment.
  for (const resource of served) {
    for (;;) {
      const ok = await custom.listClusterCustomObject(resource).then(
        () => true,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline)
        throw new Error(`${resource.plural}.${resource.group} not served after 30 s`);
      await sleep(100);
    }
  }
}
