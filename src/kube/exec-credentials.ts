// A kubeconfig user whose credentials come from a plugin (`exec`: aws eks get-token,
// gke-gcloud-auth-plugin, kubelogin, …) is served here rather than by client-node, which waits for the
// plugin without a limit and leaves its stdin open: a plugin waiting for a login that no one will give
// in CI hung the job past its timeout. Here the plugin runs as client-go runs it for a non-interactive
// caller (stdin closed, KUBERNETES_EXEC_INFO saying `interactive: false`), within a time limit; one run
// of it serves the requests made meanwhile, and its credential is kept until it expires or a request
// is refused with it (401). A failure names the user, the command and what went wrong, where
// client-node's read "cannot reach the server".
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import * as z from 'zod';
import { errorMessage } from '../errors.ts';
import { spawnInGroup } from '../process-group.ts';
import { describeIssues, fieldPath, plainWordsUnquoted } from '../schema-issues.ts';
import { redact, registerSecret } from '../secrets.ts';
import { CredentialsError, type CredentialSource, type RequestOptions } from './credential-source.ts';

// client-go's ExecConfig (k8s.io/client-go/tools/clientcmd/api/v1), the fields a plugin run needs.
const execConfigSchema = z.object({
  command: z.string().min(1),
  args: z.array(z.string()).optional(),
  env: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  apiVersion: z.string().min(1),
  installHint: z.string().optional(),
  provideClusterInfo: z.boolean().optional(),
  interactiveMode: z.enum(['Never', 'IfAvailable', 'Always']).optional(),
});
type ExecConfig = z.output<typeof execConfigSchema>;

// What the plugin prints (k8s.io/client-go/pkg/apis/clientauthentication).
const execCredentialSchema = z.object({
  apiVersion: z.string(),
  kind: z.literal('ExecCredential'),
  status: z.object({
    token: z.string().optional(),
    clientCertificateData: z.string().optional(),
    clientKeyData: z.string().optional(),
    expirationTimestamp: z.string().optional(),
  }),
});
type ExecCredential = z.output<typeof execCredentialSchema>;

// A kubeconfig cluster (clientcmd/api/v1 Cluster), the fields client-go tells a plugin about.
const kubeconfigClusterSchema = z.object({
  server: z.string(),
  'tls-server-name': z.string().optional(),
  'insecure-skip-tls-verify': z.boolean().optional(),
  'certificate-authority': z.string().optional(),
  'certificate-authority-data': z.string().optional(),
  'proxy-url': z.string().optional(),
  'disable-compression': z.boolean().optional(),
  extensions: z.array(z.object({ name: z.string(), extension: z.unknown() })).optional(),
});
type KubeconfigCluster = z.output<typeof kubeconfigClusterSchema>;

/** The ExecCredential versions client-go runs a plugin with (plugin/pkg/client/auth/exec's apiVersions). */
const execApiVersions = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];

/** The cluster extension client-go hands a plugin as `spec.cluster.config` (clientcmd's clusterExtensionKey). */
const execExtension = 'client.authentication.k8s.io/exec';

/**
 * The text with each control character but tabs and line breaks written as `U+001B`, as client-go
 * cleans an installHint: a kubeconfig's terminal escapes never reach the log or the report.
 */
const printable = (text: string): string =>
  text.replace(
    /[^\p{L}\p{M}\p{N}\p{P}\p{S}\p{Z}\t-\r]/gu,
    (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );

/** Longer than any plugin takes to answer without someone at the keyboard. */
export const defaultPluginTimeoutMs = 60_000;
/** What of the plugin's stderr a message quotes. */
const stderrShown = 2_000;

export interface ExecOptions {
  timeoutMs: number;
  /**
   * Each line the plugin writes to stderr, as it writes it: client-go passes its stderr through, and a
   * plugin signing in by device code (kubelogin, az) prints there the code someone must enter in time.
   */
  stderrLine: (command: string, line: string) => void;
  /** Each cluster's map as the kubeconfig gives it, paths resolved: what a plugin is told of its cluster. */
  clusters: ReadonlyMap<string, unknown>;
}

export class ExecPlugin implements CredentialSource {
  readonly #kc: KubeConfig;
  readonly #user: string;
  readonly #config: unknown;
  readonly #timeoutMs: number;
  readonly #clusters: ReadonlyMap<string, unknown>;
  readonly #stderrLine: (command: string, line: string) => void;
  #cached?: { credential: ExecCredential; expiresAt: number; obtainedAt: number };
  #running?: Promise<ExecCredential>;

  constructor(kc: KubeConfig, user: string, config: unknown, options: ExecOptions) {
    this.#kc = kc;
    this.#user = user;
    this.#config = config;
    this.#timeoutMs = options.timeoutMs;
    this.#clusters = options.clusters;
    this.#stderrLine = options.stderrLine;
  }

  async apply(options: RequestOptions): Promise<void> {
    const { status } = await this.#credential();
    if (status.clientCertificateData) options.cert = status.clientCertificateData;
    if (status.clientKeyData) options.key = status.clientKeyData;
    if (status.token) options.headers = { ...options.headers, Authorization: `Bearer ${status.token}` };
  }

  renew(since: number): boolean {
    if (this.#cached && this.#cached.obtainedAt <= since) this.#cached = undefined;
    return true;
  }

  check(): void {
    this.#checkedConfig();
  }

  /** The credential: the one kept while it holds, else the plugin's answer (one run for all who ask). */
  async #credential(): Promise<ExecCredential> {
    if (this.#cached && Date.now() < this.#cached.expiresAt) return this.#cached.credential;
    this.#running ??= this.#run().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #run(): Promise<ExecCredential> {
    const config = this.#checkedConfig();
    const output = await this.#spawn(config);
    const credential = this.#parse(output, config);
    registerSecret(credential.status.token);
    registerSecret(credential.status.clientKeyData);
    const { expirationTimestamp } = credential.status;
    // Without an expiry the credential holds for the whole run, as kubectl keeps it.
    const expiresAt = expirationTimestamp ? Date.parse(expirationTimestamp) : Number.POSITIVE_INFINITY;
    this.#cached = { credential, expiresAt: Number.isNaN(expiresAt) ? 0 : expiresAt, obtainedAt: Date.now() };
    return credential;
  }

  #fail(why: string): CredentialsError {
    return new CredentialsError(redact(`the credentials of kubeconfig user "${this.#user}" ${why}`));
  }

  #checkedConfig(): ExecConfig {
    const checked = execConfigSchema.safeParse(this.#config, plainWordsUnquoted);
    if (!checked.success) {
      const where = 'come from a plugin whose settings are not usable';
      throw this.#fail(
        describeIssues(where, checked.error, (path) => fieldPath(['exec', ...path])).join('\n'),
      );
    }
    // The versions client-go still runs; a v1 plugin must say whether it wants stdin (clientcmd's defaults
    // give v1beta1 IfAvailable).
    const { apiVersion, interactiveMode } = checked.data;
    if (!execApiVersions.includes(apiVersion))
      throw this.#fail(
        `come from a plugin of exec.apiVersion "${apiVersion}", which kubectl no longer runs: give ${execApiVersions.join(' or ')}`,
      );
    if (!interactiveMode && apiVersion === 'client.authentication.k8s.io/v1')
      throw this.#fail(
        `come from a plugin whose exec.interactiveMode is not given, which kubectl requires of a ${apiVersion} plugin: give Never (a CI job has no terminal)`,
      );
    if (interactiveMode === 'Always')
      throw this.#fail(
        `come from "${checked.data.command}", which asks for a terminal (exec.interactiveMode: Always) that a CI job does not have`,
      );
    return checked.data;
  }

  #execInfo(config: ExecConfig): string {
    const cluster = config.provideClusterInfo ? this.#clusterInfo(config) : undefined;
    return JSON.stringify({
      apiVersion: config.apiVersion,
      kind: 'ExecCredential',
      spec: { interactive: false, cluster },
    });
  }

  /**
   * The context's cluster as client-go describes it to a plugin (rest.ConfigToExecCluster; the same
   * Cluster in v1 and v1beta1): as the kubeconfig gives it, a CA file read into its data, the
   * cluster's `client.authentication.k8s.io/exec` extension as `config`. Empty values are left out.
   */
  #clusterInfo(config: ExecConfig): Record<string, unknown> | undefined {
    const name = this.#kc.getCurrentCluster()?.name;
    const given = name === undefined ? undefined : this.#clusters.get(name);
    if (given === undefined) return undefined;
    const asking = `come from "${config.command}", which asks for the details of cluster "${name}"`;
    const checked = kubeconfigClusterSchema.safeParse(given, plainWordsUnquoted);
    if (!checked.success)
      throw this.#fail(describeIssues(`${asking}, and they are not usable`, checked.error).join('\n'));
    const cluster = checked.data;
    return {
      server: cluster.server,
      'tls-server-name': cluster['tls-server-name'] || undefined,
      'insecure-skip-tls-verify': cluster['insecure-skip-tls-verify'] || undefined,
      'certificate-authority-data': this.#caData(cluster, asking),
      'proxy-url': cluster['proxy-url'] || undefined,
      'disable-compression': cluster['disable-compression'] || undefined,
      // A RawExtension, which client-go writes as null when there is none; the last of the name wins there.
      config: cluster.extensions?.findLast((entry) => entry.name === execExtension)?.extension ?? null,
    };
  }

  /** The CA as base64: the data given (as client-go re-encodes what it decoded), else the file's. */
  #caData(cluster: KubeconfigCluster, asking: string): string | undefined {
    const data = cluster['certificate-authority-data'];
    const file = cluster['certificate-authority'];
    let bytes: Buffer | undefined;
    if (data) bytes = Buffer.from(data, 'base64');
    else if (file) {
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw this.#fail(`${asking}, and its certificate-authority cannot be read: ${errorMessage(error)}`);
      }
    }
    return bytes?.length ? bytes.toString('base64') : undefined;
  }

  #spawn(config: ExecConfig): Promise<string> {
    const { command } = config;
    const notInstalled = () => {
      const hint = config.installHint && printable(config.installHint).trim();
      return this.#fail(
        `come from "${command}", which is not installed here or not on PATH${hint ? ` (${hint})` : ''}`,
      );
    };
    // Found on chaos-gate's own PATH, as Go's exec.Command finds it: a PATH in exec.env is the plugin's
    // (Node would look the command up in it).
    const program = /[/\\:]/.test(command) ? command : lookPath(command);
    if (program === undefined) return Promise.reject(notInstalled());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...Object.fromEntries((config.env ?? []).map(({ name, value }) => [name, value])),
      KUBERNETES_EXEC_INFO: this.#execInfo(config),
    };
    return new Promise((resolve, reject) => {
      const { child, signalGroup } = spawnInGroup(program, config.args ?? [], { env, argv0: command });
      let stdout = '';
      let stderr = '';
      let shown = 0;
      const showLines = (all: boolean) => {
        const end = all ? stderr.length : stderr.lastIndexOf('\n') + 1;
        if (end <= shown) return;
        for (const line of stderr.slice(shown, end).split(/\r?\n/))
          if (line.trim()) this.#stderrLine(command, redact(line));
        shown = end;
      };
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        showLines(false);
      });
      // Settled at the limit without waiting for its output to close: a process it started may hold it.
      const timer = setTimeout(() => {
        signalGroup('SIGKILL');
        reject(
          this.#fail(
            `come from "${command}", which gave none within ${this.#timeoutMs / 1000} s and was stopped (a plugin waiting for a login cannot get one in CI)`,
          ),
        );
      }, this.#timeoutMs);
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          error.code === 'ENOENT'
            ? notInstalled()
            : this.#fail(`come from "${command}", which could not be started: ${error.message}`),
        );
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        showLines(true);
        if (code === 0) return resolve(stdout);
        const said = stderr.trim().slice(-stderrShown);
        const how = code === null ? `killed by ${signal ?? 'a signal'}` : `exit code ${code}`;
        reject(
          this.#fail(
            `come from "${command}", which failed (${how})${said ? `: ${said}` : ' and printed nothing on stderr'}`,
          ),
        );
      });
    });
  }

  #parse(output: string, config: ExecConfig): ExecCredential {
    const from = `come from "${config.command}", which printed`;
    let value: unknown;
    try {
      value = JSON.parse(output);
    } catch {
      throw this.#fail(`${from} no ExecCredential JSON`);
    }
    const checked = execCredentialSchema.safeParse(value);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw this.#fail(`${from} an ExecCredential without a valid ${issue?.path.join('.') || 'object'}`);
    }
    const credential = checked.data;
    if (credential.apiVersion !== config.apiVersion)
      throw this.#fail(
        `${from} an ExecCredential of ${credential.apiVersion}, where exec.apiVersion is ${config.apiVersion}`,
      );
    const { token, clientCertificateData, clientKeyData } = credential.status;
    if (!token && !clientCertificateData && !clientKeyData)
      throw this.#fail(`${from} an ExecCredential with neither a token nor a client certificate and key`);
    if (!clientCertificateData !== !clientKeyData)
      throw this.#fail(`${from} an ExecCredential with only a client certificate or key, not both`);
    return credential;
  }
}

/**
 * Go's exec.LookPath: the first executable file of that name in a folder of PATH, on Windows with each
 * PATHEXT extension when it has none of them (`kubelogin` is `kubelogin.exe`). One found through a
 * relative folder (an empty entry is the working directory) counts as none, as Go refuses it (ErrDot).
 */
export function lookPath(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const windows = platform === 'win32';
  const pathext = (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').toLowerCase().split(';').filter(Boolean);
  const names =
    windows && !pathext.includes(path.extname(command).toLowerCase())
      ? pathext.map((ext) => command + ext)
      : [command];
  const searched = env.PATH ?? '';
  for (const dir of searched === '' ? [] : searched.split(windows ? ';' : ':'))
    for (const name of names) {
      const file = path.join(dir || '.', name);
      try {
        if (statSync(file).isDirectory()) continue;
        // Windows has no execute bit: a file there is found by its extension.
        if (!windows) accessSync(file, constants.X_OK);
      } catch {
        continue;
      }
      return path.isAbsolute(file) ? file : undefined;
    }
  return undefined;
}
