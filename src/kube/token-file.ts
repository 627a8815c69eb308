// A bearer token kept in a file that something else rotates: a projected service account token (the
// kubelet writes a new one before the old expires; the shortest live ten minutes), or one a CI step
// refreshes. client-node reads a kubeconfig's token-file once, when it loads, so a chaos run longer
// than the token's life failed half-way. client-go reads the file again once its copy is 50 s old; so
// does this, and after a 401 as well.
import { readFileSync } from 'node:fs';
import { errorMessage } from '../errors.ts';
import { registerSecret } from '../secrets.ts';
import { CredentialsError, type CredentialSource, type RequestOptions } from './credential-source.ts';

/**
 * client-go's period, a minute, less the 10 s leeway its caching token source takes off every expiry
 * (transport.NewCachedFileTokenSource).
 */
const maxAgeMs = 60_000 - 10_000;

export class TokenFile implements CredentialSource {
  readonly #whose: string;
  readonly #file: string;
  readonly #fallback: string | undefined;
  #token?: { value: string; readAt: number };

  /**
   * `whose`: the credentials' owner as a message names it (`kubeconfig user "ci"`); `fallback`: the
   * kubeconfig's own token beside the file, which client-go sends while the file has none to give.
   */
  constructor(whose: string, file: string, fallback?: string) {
    this.#whose = whose;
    this.#file = file;
    this.#fallback = fallback || undefined;
  }

  apply(options: RequestOptions): Promise<void> {
    const now = Date.now();
    let failure: unknown;
    if (!this.#token || now - this.#token.readAt >= maxAgeMs) {
      try {
        this.#token = { value: this.#read(), readAt: now };
      } catch (error) {
        // A file caught while it is being replaced: the token read before serves on, as in client-go.
        failure = error;
      }
    }
    const token = this.#token?.value ?? this.#fallback;
    if (token === undefined) return Promise.reject(failure);
    options.headers = { ...options.headers, Authorization: `Bearer ${token}` };
    return Promise.resolve();
  }

  renew(since: number): boolean {
    if (this.#token && this.#token.readAt <= since) this.#token = undefined;
    return true;
  }

  #read(): string {
    let text: string;
    try {
      text = readFileSync(this.#file, 'utf8');
    } catch (error) {
      throw this.#fail(`cannot be read: ${errorMessage(error)}`);
    }
    // `echo $TOKEN > file` leaves a newline, which no HTTP header may carry; client-go trims it.
    const token = text.trim();
    if (!token) throw this.#fail('is empty');
    registerSecret(token);
    return token;
  }

  #fail(why: string): CredentialsError {
    return new CredentialsError(`the token of ${this.#whose} is read from ${this.#file}, which ${why}`);
  }
}
