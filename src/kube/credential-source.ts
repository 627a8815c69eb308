// What serves a kubeconfig user's credentials when they can change while a run goes on: a plugin's
// (exec-credentials.ts) or a token file's (token-file.ts). credentials.ts hands them to client-node.
import type { KubeConfig } from '@kubernetes/client-node';
import { CannotRunError } from '../errors.ts';

type Authenticator = Parameters<KubeConfig['addAuthenticator']>[0];
/** The options of a request about to be sent, whose headers (or certificate) take the credentials. */
export type RequestOptions = Parameters<Authenticator['applyAuthentication']>[1];

export interface CredentialSource {
  /** Sets the request's credentials: the ones kept while they hold, else new ones. */
  apply(options: RequestOptions): Promise<void>;
  /**
   * After a 401: drops the credentials kept if they were obtained at or before `since` (epoch ms, when
   * the rejected request was sent); newer ones, which another request already fetched, stay. True when
   * the next `apply` may carry other credentials than the rejected ones.
   */
  renew(since: number): boolean;
  /** Refuses settings that would fail every request, as kubectl refuses them when it loads the kubeconfig. */
  check?(): void;
}

/** The user's credentials could not be had (exit code 2, like no connection). */
export class CredentialsError extends CannotRunError {
  override name = 'CredentialsError';
}
