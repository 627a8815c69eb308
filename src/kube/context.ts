// Where the cluster is: KUBECONFIG or the default file, an explicit file, inline content, a named
// context, or the pod's service account. Inline content (a CI secret) is loaded from memory: it is
// never written to disk.
//
// A broken kubeconfig gets a message that names what is missing (the context, its user, its
// cluster) and never quotes the file: a YAML error says where, not what, because the line it would
// quote may hold a token. Its credentials are registered for redaction (secrets.ts).
import { isIP } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { KubeConfig, type Cluster, type User } from '@kubernetes/client-node';
import { parseDocument } from 'yaml';
import { settingName } from '../config/fields.ts';
import { CannotRunError, ConfigError, errorMessage } from '../errors.ts';
import { readInputFile } from '../files.ts';
import { displayUrl, redact, registerSecret } from '../secrets.ts';
import { documentValue, userYaml } from '../yaml-value.ts';
import {
  checkCurrentCredentials,
  serveCredentials,
  type ServeOptions,
  type TokenFileSetting,
} from './credentials.ts';
import { serveImpersonation } from './impersonation.ts';
import { refuseWhatKubectlRefuses } from './kubeconfig-refusals.ts';
import { kubeconfigSource, type KubeTarget } from './kubeconfig-source.ts';
import { saveAuthProviderConfig } from './kubeconfig-save.ts';
import { hostOf } from './host.ts';

export interface KubeContextOptions {
  /**
   * Where what the credentials have to say while the run goes on (a plugin's stderr, an oidc provider's
   * warnings) is written, in the caller's log and its style; without it, to stderr.
   */
  say?: (line: string) => void;
  /** Where the credentials' warnings go instead, when the caller keeps them (a run, for its reports). */
  warn?: (warning: string) => void;
  /** Where the service account's folder is found (tests give a temporary one). */
  serviceAccountRoot?: string;
}

export function loadKubeContext(
  target: KubeTarget,
  { say, warn, serviceAccountRoot = '' }: KubeContextOptions = {},
): KubeConfig {
  const said: ServeOptions = {
    ...(say && {
      warn: (line: string) => say(`WARNING: ${line}`),
      pluginStderr: (command: string, line: string) => say(`${command}: ${line}`),
    }),
    ...(warn && { warn }),
  };
  const from = kubeconfigSource(target);
  const kc = new KubeConfig();
  if ('inCluster' in from) {
    try {
      kc.loadFromCluster(serviceAccountRoot);
    } catch (error) {
      throw new CannotRunError(`cannot load the in-cluster service account: ${redact(errorMessage(error))}`);
    }
    // client-go's order, so the chaos goes where a client-go tool in this pod would send it: a non-empty
    // POD_NAMESPACE (the downward API's, or set by hand) before the service account's namespace file.
    const podNamespace = process.env.POD_NAMESPACE;
    if (podNamespace) kc.contexts = kc.contexts.map((context) => ({ ...context, namespace: podNamespace }));
    serveCredentials(kc, said);
  } else {
    const files = 'files' in from ? from.files : [];
    const source = 'content' in from ? 'the inline kubeconfig' : files.join(', ');
    // Relative paths are the file's folder's; in inline content, the working directory's (the checkout).
    const sources =
      'content' in from
        ? [{ config: checkYaml(from.content, source), dir: process.cwd() }]
        : files.map((file) => ({
            config: checkYaml(readInputFile(file, 'kubeconfig'), source),
            dir: path.dirname(path.resolve(file)),
          }));
    let users: Map<string, Record<string, unknown>>;
    let clusters: Map<string, Record<string, unknown>>;
    try {
      ({ users, clusters } = loadMerged(kc, sources));
    } catch (error) {
      // The YAML parsed, so this is about its structure ("users[0].name is missing"): no values.
      throw new CannotRunError(`${source}: not a usable kubeconfig: ${redact(errorMessage(error))}`);
    }
    // A token given as a block scalar keeps its last newline, which no HTTP header may carry.
    kc.users = kc.users.map((user) => (user.token ? { ...user, token: user.token.trim() } : user));
    for (const user of kc.users) registerCredentials(user);
    const fileOfUser = definingFiles(files, sources);
    serveCredentials(kc, {
      ...said,
      tokenFiles: tokenFilesOf(users),
      clusters,
      saveTokens: async (user, tokens) => {
        const file = fileOfUser.get(user);
        if (!file) throw new Error('the kubeconfig was given inline');
        await saveAuthProviderConfig(file, user, tokens);
      },
    });
    for (const cluster of kc.clusters) registerSecret(passwordOf(cluster.server));
    uncompressed.set(
      kc,
      new Set(
        [...clusters].flatMap(([name, cluster]) => (cluster['disable-compression'] === true ? [name] : [])),
      ),
    );
    selectContext(kc, target.context, source);
    refuseWhatKubectlRefuses(kc, users, source);
    serveImpersonation(kc, users, source);
    checkCurrentCredentials(kc);
    kc.clusters = kc.clusters.map(reachedAsKubectlReachesIt);
  }
  trustSystemCertificates(kc);
  return kc;
}

/** Each kubeconfig's clusters that set `disable-compression`, a field client-node does not keep. */
const uncompressed = new WeakMap<KubeConfig, ReadonlySet<string>>();

/**
 * The context's cluster sets `disable-compression: true`: its answers are asked for as they are, as
 * client-go asks (no gzip), sparing the API server compressing large lists where the network is fast.
 */
export function compressionDisabled(kc: KubeConfig): boolean {
  const name = kc.getCurrentCluster()?.name;
  return name !== undefined && (uncompressed.get(kc)?.has(name) ?? false);
}

/** The connection settings client-node needs to reach a cluster where kubectl reaches it. */
function reachedAsKubectlReachesIt(cluster: Cluster): Cluster {
  // A plain-HTTP server (`kubectl proxy`) has no TLS to verify; client-node refuses every request to
  // one unless its cluster says to skip the verification, where kubectl just sends them.
  if (cluster.server.startsWith('http:')) return { ...cluster, skipTLSVerify: true };
  // Through a SOCKS proxy (kubernetes.io's `proxy-url: socks5://…` set-up, server given by IP address),
  // client-node's proxy agent checks the certificate against "localhost" (TooTallNate/proxy-agents
  // #308) and every request fails. Named as the TLS server name, the address is what gets checked.
  if (cluster.proxyUrl?.startsWith('socks') && !cluster.tlsServerName) {
    const host = hostOf(cluster.server);
    if (host && isIP(host)) return { ...cluster, tlsServerName: host };
  }
  return cluster;
}

/**
 * A cluster whose kubeconfig gives no CA is checked, by kubectl, against the certificates the system
 * trusts (SSL_CERT_FILE and SSL_CERT_DIR included): how an OpenShift or on-premises cluster signed by a
 * company CA installed on the CI agent is reached. Node trusts only its own bundle unless told; reading
 * the system's store takes some 70 ms, so only such a cluster pays for it.
 */
function trustSystemCertificates(kc: KubeConfig): void {
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server.startsWith('https:') || cluster.caData || cluster.caFile || cluster.skipTLSVerify)
    return;
  tls.setDefaultCACertificates([
    ...new Set([...tls.getCACertificates('default'), ...tls.getCACertificates('system')]),
  ]);
}

/**
 * Registers the credentials of inline kubeconfig content as soon as it is given, before the run loads
 * it. Content that does not load is left to loadKubeContext, which says what is wrong with it.
 */
export function registerKubeconfigCredentials(content: string): void {
  const kc = new KubeConfig();
  try {
    kc.loadFromString(content);
  } catch {
    return;
  }
  for (const user of kc.users) registerCredentials(user);
}

/** What a kubeconfig user authenticates with: never printed, wherever it stands in the file. */
function registerCredentials(user: User): void {
  registerSecret(user.token);
  registerSecret(user.password);
  registerSecret(user.keyData);
  // An OIDC or cloud auth-provider keeps its tokens and client secret in its config map.
  const providerConfig =
    (user.authProvider as { config?: Record<string, unknown> } | undefined)?.config ?? {};
  for (const [key, value] of Object.entries(providerConfig))
    if (secretName.test(key) && typeof value === 'string') registerSecret(value);
  // An exec plugin gets its secrets as environment variables; AWS_PROFILE and the like stay readable.
  const execEnv = (user.exec as { env?: { name?: unknown; value?: unknown }[] } | undefined)?.env ?? [];
  for (const { name, value } of execEnv)
    if (typeof name === 'string' && secretName.test(name) && typeof value === 'string') registerSecret(value);
}

const secretName = /token|secret|password|key/i;

/**
 * Several files (a KUBECONFIG list) merged by kubectl's rules: the first file to name a cluster, user
 * or context, and the first to set current-context, wins. client-node's own merge takes the last
 * current-context, which would point the chaos at another cluster than kubectl's, and refuses a name
 * two files share. Each is loaded from the value already read and checked (UTF-16 included), its
 * relative paths resolved against its folder. Returns each user's and each cluster's map as the file
 * gives it, for the fields client-node does not keep.
 */
function loadMerged(
  kc: KubeConfig,
  sources: { config: Record<string, unknown>; dir: string }[],
): Record<'users' | 'clusters', Map<string, Record<string, unknown>>> {
  const loaded = sources.map(({ config, dir }) => {
    const one = new KubeConfig();
    one.loadFromString(JSON.stringify(withPathsResolved(config, dir)));
    one.makePathsAbsolute(dir);
    return one;
  });
  const firstOfEach = <T extends { name: string }>(lists: T[][]): T[] => {
    const byName = new Map<string, T>();
    for (const item of lists.flat()) if (!byName.has(item.name)) byName.set(item.name, item);
    return [...byName.values()];
  };
  kc.loadFromOptions({
    clusters: firstOfEach(loaded.map((one) => one.getClusters())),
    users: firstOfEach(loaded.map((one) => one.getUsers())),
    contexts: firstOfEach(loaded.map((one) => one.getContexts())),
    currentContext: loaded.map((one) => one.getCurrentContext()).find(Boolean),
  });
  const configs = sources.map(({ config }) => config);
  return { users: rawEntriesOf(configs, 'users'), clusters: rawEntriesOf(configs, 'clusters') };
}

/** Each user's (or cluster's) map, from the first file that names it (the one the merge keeps). */
function rawEntriesOf(
  configs: Record<string, unknown>[],
  list: 'users' | 'clusters',
): Map<string, Record<string, unknown>> {
  const entries = new Map<string, Record<string, unknown>>();
  for (const config of configs)
    for (const { name, value } of namedEntries(config, list))
      if (typeof name === 'string' && !entries.has(name)) entries.set(name, value ?? {});
  return entries;
}

/** A kubeconfig list's `{name, user}` (`{name, cluster}`) entries: each name, and its map if it is one. */
function namedEntries(config: Record<string, unknown>, list: 'users' | 'clusters') {
  const field = list === 'users' ? 'user' : 'cluster';
  const items = config[list];
  return (Array.isArray(items) ? (items as unknown[]) : []).map((entry) => {
    const { name, [field]: value } = (entry ?? {}) as Record<string, unknown>;
    return {
      name,
      value: value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined,
    };
  });
}

/** The file that defines each user (the first to name it, as the merge keeps it); none for inline content. */
function definingFiles(files: string[], sources: { config: Record<string, unknown> }[]): Map<string, string> {
  const defining = new Map<string, string>();
  sources.forEach(({ config }, index) => {
    const file = files[index];
    for (const name of file ? rawEntriesOf([config], 'users').keys() : [])
      if (!defining.has(name)) defining.set(name, file as string);
  });
  return defining;
}

/**
 * Each user's token-file, and the token written beside it: client-go prefers the file, and sends that
 * token while the file cannot be read. (client-node's user.token holds the file's token as it was read
 * at load, when there is none.)
 */
function tokenFilesOf(users: Map<string, Record<string, unknown>>): Map<string, TokenFileSetting> {
  const files = new Map<string, TokenFileSetting>();
  for (const [name, user] of users) {
    const { 'token-file': file, token } = user;
    if (typeof file === 'string' && file !== '')
      files.set(name, {
        file,
        ...(typeof token === 'string' && token.trim() ? { token: token.trim() } : {}),
      });
  }
  return files;
}

/**
 * The paths client-node reads as they are but client-go resolves against the kubeconfig's folder: a
 * user's token-file, and an exec command given as a relative path (one with a slash). A cluster's
 * certificate-authority too, which client-node resolves in its own copy, for the map a credential
 * plugin is given the cluster from.
 */
function withPathsResolved(config: Record<string, unknown>, dir: string): Record<string, unknown> {
  const relative = (value: unknown): value is string =>
    typeof value === 'string' && value !== '' && !path.isAbsolute(value);
  const maps = (list: 'users' | 'clusters') =>
    namedEntries(config, list).flatMap(({ value }) => (value ? [value] : []));
  for (const user of maps('users')) {
    const tokenFile = user['token-file'];
    if (relative(tokenFile)) user['token-file'] = path.resolve(dir, tokenFile);
    const exec = user.exec as { command?: unknown } | null | undefined;
    if (exec && relative(exec.command) && exec.command.includes('/'))
      exec.command = path.resolve(dir, exec.command);
  }
  for (const cluster of maps('clusters')) {
    const ca = cluster['certificate-authority'];
    if (relative(ca)) cluster['certificate-authority'] = path.resolve(dir, ca);
  }
  return config;
}

/** A YAML error as a position only: the line it would quote may hold a token. */
function checkYaml(text: string, source: string): Record<string, unknown> {
  const document = parseDocument(text, userYaml);
  const problem = document.errors[0];
  if (problem) {
    const [line, column] = problem.linePos?.[0] ? [problem.linePos[0].line, problem.linePos[0].col] : [];
    const where = line ? ` at line ${line}, column ${column}` : '';
    throw new ConfigError(`${source}: not valid YAML${where} (${problem.code})`);
  }
  const value = documentValue(document, source);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError(
      `${source}: not a kubeconfig (expected a mapping with clusters, users and contexts)`,
    );
  return value as Record<string, unknown>;
}

/** The context to use, and that its cluster and user exist: each missing piece by name. */
function selectContext(kc: KubeConfig, wanted: string | undefined, source: string): void {
  const names = (items: { name: string }[]) => items.map((i) => i.name).join(', ') || '(none)';
  const contextName = wanted ?? kc.getCurrentContext();
  if (!contextName)
    throw new CannotRunError(
      `${source}: sets no current-context; give a context (${settingName('context')}) — it has: ${names(kc.getContexts())}`,
    );
  const context = kc.getContextObject(contextName);
  if (!context)
    throw new CannotRunError(
      `${source}: kube context "${contextName}" not found; the kubeconfig has: ${names(kc.getContexts())}`,
    );
  kc.setCurrentContext(contextName);
  if (!context.cluster || !kc.getCluster(context.cluster))
    throw new CannotRunError(
      `${source}: context "${contextName}" names cluster "${context.cluster}", which the kubeconfig does not define; it has: ${names(kc.getClusters())}`,
    );
  if (context.user && !kc.getUser(context.user))
    throw new CannotRunError(
      `${source}: context "${contextName}" names user "${context.user}", which the kubeconfig does not define; it has: ${names(kc.getUsers())}`,
    );
  const server = kc.getCurrentCluster()?.server ?? '';
  let url: URL | undefined;
  try {
    url = new URL(server);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new CannotRunError(
      `${source}: cluster "${context.cluster}" has no valid server URL ("${displayUrl(server)}"); expected https://host:port`,
    );
}

function passwordOf(server: string): string | undefined {
  try {
    return decodeURIComponent(new URL(server).password) || undefined;
  } catch {
    return undefined;
  }
}

/** The cluster a run goes to, as a log names it: the context and its server, without user or password. */
export function describeCluster(kc: KubeConfig): string {
  const server = kc.getCurrentCluster()?.server;
  return `context ${kc.getCurrentContext()} (${server ? displayUrl(server) : 'no server'})`;
}

/** The namespace of the current context, the default for manifests that name none. */
export function contextNamespace(kc: KubeConfig): string {
  return kc.getContextObject(kc.getCurrentContext())?.namespace ?? 'default';
}
