// A kubeconfig user with `auth-provider: oidc` (Dex, Keycloak, Okta, …) is served here rather than by
// client-node, which after its first refresh takes the new token's lifetime in seconds for its expiry
// time: every later request refreshed again, and requests made at once spent the same refresh token,
// which a provider that rotates them (Dex does by default) honours once. It also ignored the
// provider's CA (idp-certificate-authority) and kept the new tokens in memory only, where a rotated
// refresh token is lost for the next kubectl of the job. As client-go does it: the id-token serves
// until 10 s before its `exp`; one refresh serves every request made meanwhile; a refresh token the
// provider replaces is replaced; the new tokens are written back to the kubeconfig they came from.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import * as z from 'zod';
import { errorMessage } from '../errors.ts';
import { redact, registerSecret } from '../secrets.ts';
import { CredentialsError, type CredentialSource, type RequestOptions } from './credential-source.ts';
import { isLoopback } from './host.ts';

// client-go's keys (k8s.io/client-go/plugin/pkg/client/auth/oidc); `extra-scopes` is not sent on refresh.
const oidcConfigSchema = z.looseObject({
  'idp-issuer-url': z.string().min(1),
  'client-id': z.string().min(1),
  'client-secret': z.string().optional(),
  'id-token': z.string().optional(),
  'refresh-token': z.string().optional(),
  'idp-certificate-authority': z.string().optional(),
  'idp-certificate-authority-data': z.string().optional(),
});
type OidcConfig = z.output<typeof oidcConfigSchema>;

// The provider's answers this reads (OpenID Connect Discovery 1.0, RFC 6749 §5).
const discoverySchema = z.looseObject({ token_endpoint: z.string().min(1) });
const tokenResponseSchema = z.looseObject({
  id_token: z.string().min(1).optional(),
  refresh_token: z.string().min(1).optional(),
});
const errorResponseSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
});

/** client-go's expiryDelta: a token this close to its expiry is refreshed, for clocks that differ. */
const expiryMarginMs = 10_000;
/** Each request to the provider; a refresh that takes longer is not going to come. */
const defaultProviderTimeoutMs = 30_000;
/** More than any discovery document or token response holds. */
const maxResponseBytes = 1024 * 1024;

/** The tokens a refresh gave, to be written where the kubeconfig user is defined. */
export type RefreshedTokens = Readonly<Record<'id-token' | 'refresh-token', string>>;

export interface OidcOptions {
  /** Writes the new tokens back where the user is defined; throws, saying why, when it cannot. */
  save: (tokens: RefreshedTokens) => Promise<void>;
  /** Says, once, that a refresh token the provider replaced could not be saved. */
  warn: (line: string) => void;
  timeoutMs?: number;
}

/** When an id-token expires (epoch ms), or why it has no expiry to read; never the token. */
export function idTokenExpiry(idToken: string): number | 'not a JWT' | 'no exp' {
  const parts = idToken.split('.');
  let exp: unknown;
  try {
    if (parts.length !== 3) return 'not a JWT';
    exp = (JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown }).exp;
  } catch {
    return 'not a JWT';
  }
  return typeof exp === 'number' ? exp * 1000 : 'no exp';
}

/** An id-token client-go would send now: one whose `exp` is more than the margin away. */
export function idTokenHolds(idToken: string | undefined, now = Date.now()): boolean {
  if (!idToken) return false;
  const expiry = idTokenExpiry(idToken);
  return typeof expiry === 'number' && now + expiryMarginMs < expiry;
}

type AuthStyle = 'header' | 'form';
/** The tokens in use, and when they were obtained (0: read from the kubeconfig). */
interface Tokens {
  idToken?: string | undefined;
  refreshToken?: string | undefined;
  obtainedAt: number;
}

export class OidcProvider implements CredentialSource {
  readonly #user: string;
  readonly #config: unknown;
  readonly #options: OidcOptions;
  #tokens?: Tokens;
  #refreshing?: Promise<string>;
  /** How the provider took the client's credentials the last time, as golang.org/x/oauth2 remembers it. */
  #authStyle?: AuthStyle;
  #warned = false;

  constructor(user: string, config: unknown, options: OidcOptions) {
    this.#user = user;
    this.#config = config;
    this.#options = options;
  }

  async apply(options: RequestOptions): Promise<void> {
    const tokens = this.#current();
    const idToken =
      tokens.idToken && idTokenHolds(tokens.idToken) ? tokens.idToken : await this.#refreshOnce();
    options.headers = { ...options.headers, Authorization: `Bearer ${idToken}` };
  }

  renew(since: number): boolean {
    const tokens = this.#current();
    if (!tokens.refreshToken) return false;
    // Refused though its exp says it holds (revoked, or a clock ahead): the next request refreshes.
    if (tokens.obtainedAt <= since) this.#tokens = { ...tokens, idToken: undefined };
    return true;
  }

  /** The tokens in use: the kubeconfig's until the first refresh. */
  #current(): Tokens {
    if (!this.#tokens) {
      const config = this.#checkedConfig();
      this.#tokens = { idToken: config['id-token'], refreshToken: config['refresh-token'], obtainedAt: 0 };
    }
    return this.#tokens;
  }

  #refreshOnce(): Promise<string> {
    this.#refreshing ??= this.#refresh().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  async #refresh(): Promise<string> {
    const config = this.#checkedConfig();
    const { refreshToken } = this.#current();
    if (!refreshToken)
      throw this.#fail(
        'has no valid id-token, and cannot refresh without refresh-token; log in again for a new id-token',
      );
    const ca = this.#certificateAuthority(config);
    const issuer = config['idp-issuer-url'];
    const discovery = await this.#call(
      new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`),
      ca,
    );
    const endpoint = discoverySchema.safeParse(discovery.body);
    if (discovery.status !== 200 || !endpoint.success)
      throw this.#fail(
        `could not be refreshed: ${issuer} gave no token_endpoint in its discovery document (HTTP ${discovery.status})`,
      );
    const tokenUrl = this.#url(
      endpoint.data.token_endpoint,
      `could not be refreshed: the token_endpoint ${issuer} gives is not an http(s) URL`,
    );
    const answer = await this.#tokenRequest(tokenUrl, config, refreshToken, ca);
    const idToken = answer.id_token;
    if (!idToken)
      throw this.#fail(
        'could not be refreshed: the token response did not contain an id_token, either the scope "openid" ' +
          "wasn't requested upon login, or the provider doesn't support id_tokens as part of the refresh response",
      );
    registerSecret(idToken);
    registerSecret(answer.refresh_token);
    const newRefreshToken = answer.refresh_token ?? refreshToken;
    this.#tokens = { idToken, refreshToken: newRefreshToken, obtainedAt: Date.now() };
    await this.#save(
      { 'id-token': idToken, 'refresh-token': newRefreshToken },
      newRefreshToken !== refreshToken,
    );
    return idToken;
  }

  /**
   * client-go fails the request when the kubeconfig cannot be written; here the run goes on with the
   * tokens in memory, since failing would leave the chaos it started unstopped. A replaced refresh
   * token that is not saved is used up, so that, and only that, is said.
   */
  async #save(tokens: RefreshedTokens, replaced: boolean): Promise<void> {
    let why: string | undefined;
    try {
      await this.#options.save(tokens);
    } catch (error) {
      why = errorMessage(error);
    }
    if (!why || !replaced || this.#warned) return;
    this.#warned = true;
    this.#options.warn(
      redact(
        `the identity provider replaced the refresh-token of kubeconfig user "${this.#user}", and the new one could not be saved (${why}): ` +
          'the one the kubeconfig holds may no longer be accepted after this run',
      ),
    );
  }

  /**
   * RFC 6749's refresh grant. The client's credentials go in a Basic header first and, if the provider
   * refuses that, in the form, as golang.org/x/oauth2 (client-go's) tries them.
   */
  async #tokenRequest(
    url: URL,
    config: OidcConfig,
    refreshToken: string,
    ca: string[] | undefined,
  ): Promise<z.output<typeof tokenResponseSchema>> {
    const clientId = config['client-id'];
    const secret = config['client-secret'] ?? '';
    const styles: AuthStyle[] = this.#authStyle ? [this.#authStyle] : ['header', 'form'];
    let refused = '';
    for (const style of styles) {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
      const headers: Record<string, string> = {};
      if (style === 'header') {
        // RFC 6749 §2.3.1: each part form-encoded before Basic encoding.
        const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
        headers.Authorization = `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
      } else {
        form.set('client_id', clientId);
        if (secret) form.set('client_secret', secret);
      }
      const answer = await this.#call(url, ca, form, headers);
      if (answer.status >= 200 && answer.status < 300) {
        const tokens = tokenResponseSchema.safeParse(answer.body);
        if (!tokens.success) throw this.#fail(`could not be refreshed: ${url.origin} answered no token JSON`);
        this.#authStyle = style;
        return tokens.data;
      }
      const error = errorResponseSchema.safeParse(answer.body);
      refused = error.success
        ? `${error.data.error}${error.data.error_description ? `: ${error.data.error_description}` : ''}`
        : `HTTP ${answer.status}`;
      // Only a refusal of how the client said who it is is worth the other style; a spent token is not.
      if (answer.status !== 401 && !(error.success && error.data.error === 'invalid_client')) break;
    }
    throw this.#fail(`could not be refreshed: ${url.origin} refused it (${refused}); log in again`);
  }

  /** One GET (no form) or POST to the provider, within the time limit; the body as JSON if it is. */
  #call(
    url: URL,
    ca: string[] | undefined,
    form?: URLSearchParams,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    const body = form?.toString();
    const timeoutMs = this.#options.timeoutMs ?? defaultProviderTimeoutMs;
    return new Promise((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            Accept: 'application/json',
            ...headers,
            ...(body === undefined
              ? {}
              : {
                  'Content-Type': 'application/x-www-form-urlencoded',
                  'Content-Length': Buffer.byteLength(body),
                }),
          },
          agent: providerAgent(url, ca),
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxResponseBytes) request.destroy(new Error('the answer is too large'));
            else chunks.push(chunk);
          });
          response.on('end', () => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              parsed = undefined;
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
          response.on('error', reject);
        },
      );
      request.on('error', (error) =>
        reject(
          this.#fail(
            `could not be refreshed: ${url.origin} cannot be reached: ${error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : errorMessage(error)}`,
          ),
        ),
      );
      request.end(body);
    });
  }

  /** The CA the kubeconfig gives for the provider; without one, the system's as well as Node's, as for the cluster. */
  #certificateAuthority(config: OidcConfig): string[] {
    const data = config['idp-certificate-authority-data'];
    if (data) return [Buffer.from(data, 'base64').toString('utf8')];
    const file = config['idp-certificate-authority'];
    if (file) {
      try {
        return [readFileSync(file, 'utf8')];
      } catch (error) {
        throw this.#fail(
          `could not be refreshed: idp-certificate-authority cannot be read: ${errorMessage(error)}`,
        );
      }
    }
    return [...new Set([...tls.getCACertificates('default'), ...tls.getCACertificates('system')])];
  }

  #checkedConfig(): OidcConfig {
    const checked = oidcConfigSchema.safeParse(this.#config ?? {});
    if (!checked.success) {
      const field = String(checked.error.issues[0]?.path[0] ?? 'config');
      // client-go's words for the two fields it requires.
      throw this.#fail(`comes from an oidc auth-provider, which must provide ${field}`);
    }
    this.#url(
      checked.data['idp-issuer-url'],
      'comes from an oidc auth-provider whose idp-issuer-url is not an http(s) URL',
    );
    return checked.data;
  }

  /** `value` as a URL the provider can be asked at; else the failure `why`. */
  #url(value: string, why: string): URL {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url?.protocol !== 'https:' && url?.protocol !== 'http:') throw this.#fail(why);
    return url;
  }

  #fail(why: string): CredentialsError {
    return new CredentialsError(redact(`the id-token of kubeconfig user "${this.#user}" ${why}`));
  }
}

/**
 * How the provider is reached: with its CA, and through HTTPS_PROXY / HTTP_PROXY / NO_PROXY as client-go
 * reaches it (an identity provider outside the company network often is only reachable that way), never
 * for this machine. A new agent for each call: a refresh comes once in minutes.
 */
function providerAgent(url: URL, ca: string[] | undefined): http.Agent {
  const proxy = isLoopback(url.href) ? {} : { proxyEnv: process.env };
  return url.protocol === 'https:' ? new https.Agent({ ca, ...proxy }) : new http.Agent(proxy);
}
