// An OpenID Connect provider on loopback, for the oidc auth-provider: discovery, its signing keys, and
// a token endpoint that takes refresh tokens and hands out short-lived, signed id-tokens. It rotates
// refresh tokens and honours each once, as Dex does by default, so a client that spends one twice
// (two requests refreshing at once) is refused with invalid_grant. Served over HTTPS with a
// certificate of its own (made with openssl), so that a kube-apiserver can verify its tokens.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface OidcProviderOptions {
  /** Seconds an id-token lives. */
  lifetimeSeconds: number;
  clientId: string;
  clientSecret: string;
  /** The `sub` of its tokens. */
  subject: string;
  /** The host its issuer URL names (default 127.0.0.1), e.g. one only a proxy resolves. */
  host?: string;
}

export interface OidcProvider {
  issuer: string;
  /** The PEM of its certificate, which is its own CA. */
  ca: string;
  /** A refresh token it honours once, as a login would give it. */
  login(): string;
  /** An id-token signed by it, expiring at `exp` (epoch seconds). */
  idToken(exp: number): string;
  /** Refresh grants it answered with new tokens, and those it refused. */
  refreshes: { granted: number; refused: string[] };
  /** The refresh token it gave last. */
  readonly lastRefreshToken: string | undefined;
  close(): Promise<void>;
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProvider> {
  const host = options.host ?? '127.0.0.1';
  const { cert, key } = selfSignedCertificate(host);
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(6).toString('hex');
  const valid = new Set<string>();
  const refreshes = { granted: 0, refused: [] as string[] };
  let lastRefreshToken: string | undefined;
  let issuer = '';
  const newRefreshToken = () => {
    const token = `rt-${randomBytes(12).toString('hex')}`;
    valid.add(token);
    lastRefreshToken = token;
    return token;
  };
  const idToken = (exp: number) => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode({
      iss: issuer,
      aud: options.clientId,
      sub: options.subject,
      iat: now,
      exp,
    })}`;
    return `${unsigned}.${sign('sha256', Buffer.from(unsigned), signing.privateKey).toString('base64url')}`;
  };

  const server = https.createServer({ cert, key }, (request, response) => {
    const reply = (status: number, body: object) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration')
      return reply(200, {
        issuer,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/keys`,
        authorization_endpoint: `${issuer}/auth`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (url.pathname === '/keys')
      return reply(200, {
        keys: [{ ...signing.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }],
      });
    if (url.pathname !== '/token' || request.method !== 'POST') return reply(404, { error: 'not_found' });
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const [id, secret] = basic
        ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)
        : [form.get('client_id'), form.get('client_secret')];
      if (id !== options.clientId || secret !== options.clientSecret)
        return reply(401, { error: 'invalid_client' });
      const token = form.get('refresh_token') ?? '';
      if (form.get('grant_type') !== 'refresh_token' || !valid.delete(token)) {
        refreshes.refused.push(token);
        return reply(400, {
          error: 'invalid_grant',
          error_description: 'Refresh token is invalid or has already been claimed by another client.',
        });
      }
      refreshes.granted++;
      const exp = Math.floor(Date.now() / 1000) + options.lifetimeSeconds;
      reply(200, {
        access_token: randomBytes(8).toString('hex'),
        token_type: 'bearer',
        expires_in: options.lifetimeSeconds,
        refresh_token: newRefreshToken(),
        id_token: idToken(exp),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `https://${host}:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    ca: cert,
    login: newRefreshToken,
    idToken,
    refreshes,
    get lastRefreshToken() {
      return lastRefreshToken;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A certificate for 127.0.0.1 and `host` that is its own CA, and its key. */
function selfSignedCertificate(host: string): { cert: string; key: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-oidc-'));
  try {
    const [certFile, keyFile] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    const names = `IP:127.0.0.1${host === '127.0.0.1' ? '' : `,DNS:${host}`}`;
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
        '-addext',
        `subjectAltName=${names}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ]),
      { stdio: 'ignore' },
    );
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
