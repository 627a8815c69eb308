// The kubeconfig users whose credentials can change while a run goes on are served here rather than
// by client-node: a plugin's (exec-credentials.ts), an oidc auth-provider's (oidc-credentials.ts), and a
// token file's, the pod's service account token included (token-file.ts). After a 401 the credentials
// the request carried are dropped, and client.ts sends it once more with new ones (client-go drops a
// plugin's too, but returns the 401): a token rotated on disk, or revoked before its expiry, no longer
// fails a chaos run half-way, with its faults still running.
import type { KubeConfig, User } from '@kubernetes/client-node';
import type { CredentialSource } from './credential-source.ts';
import { defaultPluginTimeoutMs, ExecPlugin } from './exec-credentials.ts';
import { OidcProvider, type RefreshedTokens } from './oidc-credentials.ts';
import { TokenFile } from './token-file.ts';

const served = new WeakMap<KubeConfig, ReadonlyMap<string, CredentialSource>>();

/** A user's token-file, and the token the kubeconfig gives beside it, if any. */
export interface TokenFileSetting {
  file: string;
  token?: string;
}

export interface ServeOptions {
  /** Each user's token-file by user name (client-node reads it once and keeps no path). */
  tokenFiles?: ReadonlyMap<string, TokenFileSetting>;
  /**
   * Each cluster's map as the file gives it, for a plugin that asks for its cluster (provideClusterInfo):
   * client-node keeps neither its extensions nor disable-compression. Without it, such a plugin is told none.
   */
  clusters?: ReadonlyMap<string, unknown>;
  pluginTimeoutMs?: number;
  /** Writes an oidc user's refreshed tokens to the file that defines the user; throws when there is none. */
  saveTokens?: (user: string, tokens: RefreshedTokens) => Promise<void>;
  /** A line worth a warning (default: to stderr). */
  warn?: (line: string) => void;
  /** A line a plugin wrote to its stderr, passed on as it comes (default: to stderr). */
  pluginStderr?: (command: string, line: string) => void;
  /** Each request to an oidc provider (default 30 s). */
  providerTimeoutMs?: number;
}

/** Takes those users of a loaded kubeconfig away from client-node. Call it once, right after loading. */
export function serveCredentials(kc: KubeConfig, options: ServeOptions = {}): void {
  const {
    tokenFiles = new Map<string, TokenFileSetting>(),
    clusters = new Map<string, unknown>(),
    pluginTimeoutMs = defaultPluginTimeoutMs,
    saveTokens,
    warn = (line) => process.stderr.write(`chaos-gate: WARNING: ${line}\n`),
    pluginStderr = (command, line) => process.stderr.write(`chaos-gate: ${command}: ${line}\n`),
    providerTimeoutMs,
  } = options;
  const sources = new Map<string, CredentialSource>();
  kc.users = kc.users.map((given) => {
    const { file: tokenFile, token: besideTokenFile } = tokenFiles.get(given.name) ?? {};
    // client-go runs no plugin for a user with credentials of its own: they are sent instead.
    const user = given.exec && hasOwnCredentials(given, tokenFile) ? { ...given, exec: undefined } : given;
    if (user.exec) {
      sources.set(
        user.name,
        new ExecPlugin(kc, user.name, user.exec, {
          timeoutMs: pluginTimeoutMs,
          clusters,
          stderrLine: pluginStderr,
        }),
      );
      return { ...user, exec: undefined };
    }
    const provider = user.authProvider as { name?: unknown; config?: unknown } | undefined;
    // client-go sends a user's token (or token-file's) first; its oidc provider, finding the request
    // authorised, then neither sends nor refreshes an id-token. client-node would still refresh.
    const oidc = provider?.name === 'oidc' && !(user.token || tokenFile);
    const authProvider = provider?.name === 'oidc' ? undefined : user.authProvider;
    if (tokenFile) {
      const whose = `kubeconfig user "${user.name}"`;
      sources.set(user.name, new TokenFile(whose, tokenFile, besideTokenFile));
      return { ...user, token: undefined, authProvider };
    }
    if (oidc) {
      const save = async (tokens: RefreshedTokens) => {
        if (!saveTokens) throw new Error('the kubeconfig is not a file');
        await saveTokens(user.name, tokens);
      };
      const timeout = providerTimeoutMs ? { timeoutMs: providerTimeoutMs } : {};
      sources.set(user.name, new OidcProvider(user.name, provider.config, { save, warn, ...timeout }));
      return { ...user, authProvider: undefined };
    }
    const serviceAccountToken = inClusterTokenFile(user);
    if (serviceAccountToken) {
      sources.set(user.name, new TokenFile("the pod's service account", serviceAccountToken));
      return { ...user, authProvider: undefined };
    }
    return { ...user, authProvider };
  });
  if (sources.size === 0) return;
  served.set(kc, sources);
  kc.addAuthenticator({
    isAuthProvider: (user: User) => sources.has(user.name),
    applyAuthentication: (user: User, options) => (sources.get(user.name) as CredentialSource).apply(options),
  });
}

/** Refuses now what would refuse each request of the context's user: no chaos starts on a plugin that cannot run. */
export function checkCurrentCredentials(kc: KubeConfig): void {
  const user = kc.getCurrentUser();
  if (user) served.get(kc)?.get(user.name)?.check?.();
}

/**
 * After a 401 to a request sent at `since`: drops the credentials it carried. True when a second try
 * may carry others; false for credentials that cannot change (a token written in the kubeconfig).
 */
export function renewCredentials(kc: KubeConfig, since: number): boolean {
  const user = kc.getCurrentUser();
  return !!user && (served.get(kc)?.get(user.name)?.renew(since) ?? false);
}

/** A token, a username or a client certificate with its key: client-go's transport then has no use for a plugin. */
function hasOwnCredentials(user: User, tokenFile: string | undefined): boolean {
  const certificate = (user.certData || user.certFile) && (user.keyData || user.keyFile);
  return !!(user.token || tokenFile || user.username || certificate);
}

/** client-node's KubeConfig.loadFromCluster gives its user the service account token's path this way. */
function inClusterTokenFile(user: User): string | undefined {
  const provider = user.authProvider as { name?: unknown; config?: { tokenFile?: unknown } } | undefined;
  const file = provider?.name === 'tokenFile' ? provider.config?.tokenFile : undefined;
  return typeof file === 'string' && file !== '' ? file : undefined;
}
