// The kubeconfigs kubectl refuses, or that client-node would use otherwise than kubectl: refused
// before anything runs, rather than run as another identity, with no credentials or without the
// verification asked for. Only the selected context's cluster and user are checked.
import type { KubeConfig } from '@kubernetes/client-node';
import { CannotRunError, ConfigError } from '../errors.ts';
import { displayUrl } from '../secrets.ts';
import { idTokenExpiry, idTokenHolds } from './oidc-credentials.ts';

/** `users`: each user's map as the file gives it, for the fields client-node does not keep. */
export function refuseWhatKubectlRefuses(
  kc: KubeConfig,
  users: ReadonlyMap<string, Record<string, unknown>>,
  source: string,
): void {
  refuseInsecureWithCertificateAuthority(kc, source);
  refuseFileAndData(kc, source);
  refuseUnsupportedProxy(kc, source);
  refuseRemovedAuthProvider(kc, source);
  refuseMoreThanOneMethod(kc, users, source);
  refuseIncompleteOidc(kc, users, source);
  refuseExpiredIdToken(kc, users, source);
}

/** The selected user's name, and its map as the file gives it. */
function currentUser(kc: KubeConfig, users: ReadonlyMap<string, Record<string, unknown>>) {
  const name = kc.getCurrentUser()?.name;
  return { name, user: name === undefined ? undefined : users.get(name) };
}

/** The selected user, when it has an `oidc` auth-provider, with the provider's config as the file gives it. */
function currentOidcUser(kc: KubeConfig, users: ReadonlyMap<string, Record<string, unknown>>) {
  const { name, user } = currentUser(kc, users);
  const provider = user?.['auth-provider'] as
    { name?: unknown; config?: Record<string, unknown> | null } | undefined;
  return provider?.name === 'oidc' && user ? { name, user, config: provider.config ?? {} } : undefined;
}

/** client-go refuses both; client-node skipped the verification the certificate authority asks for. */
function refuseInsecureWithCertificateAuthority(kc: KubeConfig, source: string): void {
  const cluster = kc.getCurrentCluster();
  if (!cluster?.skipTLSVerify) return;
  const given = [
    ...(cluster.caFile ? ['certificate-authority'] : []),
    ...(cluster.caData ? ['certificate-authority-data'] : []),
  ];
  if (given.length > 0)
    throw new ConfigError(
      `${source}: cluster "${cluster.name}" sets insecure-skip-tls-verify and ${given.join(' and ')}: specifying a root certificates file with the insecure flag is not allowed, as kubectl says; remove one of them`,
    );
}

/**
 * client-go refuses a file and its data given both (clientcmd's validation; it names the data the one
 * that counts), and a client certificate without its key. client-node would read the file instead, or
 * send the certificate alone.
 */
function refuseFileAndData(kc: KubeConfig, source: string): void {
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  const both = (
    [
      ['cluster', cluster?.name, 'certificate-authority', cluster?.caFile, cluster?.caData],
      ['user', user?.name, 'client-certificate', user?.certFile, user?.certData],
      ['user', user?.name, 'client-key', user?.keyFile, user?.keyData],
    ] as const
  ).find(([, , , file, data]) => file && data);
  if (both) {
    const [kind, name, field] = both;
    throw new ConfigError(
      `${source}: ${kind} "${name}": ${field}-data and ${field} are both specified, which kubectl refuses; remove one of them`,
    );
  }
  if (user && (user.certFile || user.certData) && !user.keyFile && !user.keyData)
    throw new ConfigError(
      `${source}: user "${user.name}": client-key-data or client-key must be specified to use the client-certificate, as kubectl says`,
    );
}

/** client-go reaches a cluster through an http, https or socks5 proxy-url only, and refuses any other. */
function refuseUnsupportedProxy(kc: KubeConfig, source: string): void {
  const cluster = kc.getCurrentCluster();
  const proxy = cluster?.proxyUrl;
  if (!cluster || !proxy) return;
  const scheme = URL.canParse(proxy) ? new URL(proxy).protocol.slice(0, -1) : undefined;
  if (scheme === 'http' || scheme === 'https' || scheme === 'socks5') return;
  const why =
    scheme === undefined ? 'not a URL' : `unsupported scheme "${scheme}", must be http, https, or socks5`;
  throw new ConfigError(
    `${source}: cluster "${cluster.name}": invalid proxy-url "${displayUrl(proxy)}": ${why}, as kubectl says`,
  );
}

/**
 * kubectl no longer runs the gcp and azure auth-providers. client-node still does: it runs the stale
 * cmd-path synchronously, with no time limit, which blocks the whole run past its deadline.
 */
const removedAuthProviders = new Map<unknown, string>([
  [
    'gcp',
    'The gcp auth plugin has been removed. Please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead. See https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details',
  ],
  [
    'azure',
    'The azure auth plugin has been removed. Please use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead. See https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details',
  ],
]);

function refuseRemovedAuthProvider(kc: KubeConfig, source: string): void {
  const user = kc.getCurrentUser();
  const provider = (user?.authProvider as { name?: unknown } | undefined)?.name;
  const advice = removedAuthProviders.get(provider);
  if (user && advice) throw new ConfigError(`${source}: user "${user.name}": ${advice}`);
}

/**
 * client-go's validation of the user (clientcmd validateAuthInfo), which kubectl runs before any
 * request. client-node would send one of them: a token beside a username, or a plugin's credentials
 * beside an auth-provider's (client-node's own oidc, not the plugin, would serve the user).
 */
function refuseMoreThanOneMethod(
  kc: KubeConfig,
  users: ReadonlyMap<string, Record<string, unknown>>,
  source: string,
): void {
  const { name, user } = currentUser(kc, users);
  if (!user) return;
  const given = (field: string) => typeof user[field] === 'string' && user[field] !== '';
  const set = (field: string) => user[field] !== undefined && user[field] !== null;
  const methods = [
    ...(given('token') ? ['token'] : []),
    ...(given('username') || given('password') ? ['basicAuth'] : []),
  ];
  const why =
    set('exec') && set('auth-provider')
      ? `authProvider cannot be provided in combination with an exec plugin for ${name}`
      : methods.length > 1
        ? `more than one authentication method found for ${name}; found [${methods.join(' ')}], only one is allowed`
        : undefined;
  if (why) throw new ConfigError(`${source}: user "${name}": ${why}, as kubectl says; remove one of them`);
}

/**
 * client-go builds an oidc provider whenever a user names one, and refuses one without its issuer or
 * client id, before any request: even beside a token, which would then be sent instead.
 */
function refuseIncompleteOidc(
  kc: KubeConfig,
  users: ReadonlyMap<string, Record<string, unknown>>,
  source: string,
): void {
  const oidc = currentOidcUser(kc, users);
  if (!oidc) return;
  const { name, config } = oidc;
  for (const field of ['idp-issuer-url', 'client-id']) {
    const value = config[field];
    if (typeof value !== 'string' || value === '')
      throw new CannotRunError(
        `${source}: user "${name}": auth-provider oidc: Must provide ${field}, as kubectl says; add it to auth-provider.config`,
      );
  }
}

/**
 * An oidc user whose id-token has expired and that has no refresh-token to get another: kubectl
 * stops there, before any request. Read from the file's map: the provider is served by
 * oidc-credentials.ts, not client-node.
 */
function refuseExpiredIdToken(
  kc: KubeConfig,
  users: ReadonlyMap<string, Record<string, unknown>>,
  source: string,
): void {
  const oidc = currentOidcUser(kc, users);
  if (!oidc) return;
  const { name, user, config } = oidc;
  // A token (or token-file) is sent instead, as client-go sends it: the id-token is not looked at.
  for (const field of ['token', 'token-file']) if (user[field]) return;
  // client-go fails every request on an id-token it cannot read, before any refresh.
  const idToken = config['id-token'];
  if (typeof idToken === 'string' && idToken !== '' && idTokenExpiry(idToken) === 'not a JWT')
    throw new CannotRunError(
      `${source}: user "${name}": ID Token is not a valid JWT, as kubectl says; log in again for a new id-token`,
    );
  const refreshToken = config['refresh-token'];
  if (typeof refreshToken === 'string' && refreshToken !== '') return;
  const problem = idTokenProblem(config['id-token']);
  if (problem)
    throw new CannotRunError(
      `${source}: user "${name}": No valid id-token, and cannot refresh without refresh-token (${problem}); log in again for a new id-token`,
    );
}

/** Why client-go would not send this id-token, by its `exp` and the same margin; never the token. */
function idTokenProblem(idToken: unknown): string | undefined {
  if (typeof idToken !== 'string' || idToken === '') return 'it has no id-token';
  if (idTokenHolds(idToken)) return undefined;
  const expiry = idTokenExpiry(idToken);
  // Not a JWT is refused before this (refuseExpiredIdToken).
  if (typeof expiry !== 'number') return 'its id-token has no expiry (exp)';
  const expired = new Date(expiry);
  return `its id-token expired at ${Number.isNaN(expired.getTime()) ? expiry / 1000 : expired.toISOString()}`;
}
