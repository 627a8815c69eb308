// Turns API failures into messages a CI user can act on: the HTTP status, what was attempted, and
// the server's own explanation (which for 403 names the user, verb and resource).
import { STATUS_CODES } from 'node:http';
import { ApiException } from '@kubernetes/client-node';
import { CannotRunError, errorMessage } from '../errors.ts';
import { redact } from '../secrets.ts';
import { WatchStatusError } from './client.ts';
import { CredentialsError } from './credential-source.ts';

interface StatusBody {
  message?: string;
  reason?: string;
  details?: { kind?: string; name?: string; causes?: { field?: string; message?: string }[] };
}

/** A failed call, described where it was made; the call's own error stays its cause, for its status. */
class ApiCallError extends CannotRunError {
  override name = 'ApiCallError';
}

export function statusCode(error: unknown): number | undefined {
  if (error instanceof ApiCallError) return statusCode(error.cause);
  if (error instanceof ApiException) return error.code;
  const code = (error as { code?: unknown; statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/**
 * No HTTP status came back (a timeout, a dropped connection), or a server error (5xx: the API server's
 * own 504 timeout, an etcd timeout, a proxy in front giving up): the server may have done it anyway,
 * and asking again may get through.
 */
export function unanswered(error: unknown): boolean {
  const code = statusCode(error);
  return code === undefined || code >= 500;
}

function statusBody(error: unknown): StatusBody | undefined {
  if (!(error instanceof ApiException || error instanceof WatchStatusError)) return undefined;
  const body: unknown = error.body;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as StatusBody;
    } catch {
      return { message: body };
    }
  }
  return typeof body === 'object' && body !== null ? (body as StatusBody) : undefined;
}

/** "what: server message (HTTP 403)"; for validation errors each field cause on its own line. */
export function describeApiError(what: string, error: unknown): string {
  return redact(describe(what, error));
}

function describe(what: string, error: unknown): string {
  // A caller that describes the failure again says it in its own words, once.
  if (error instanceof ApiCallError) return describe(what, error.cause);
  const code = statusCode(error);
  const body = statusBody(error);
  if (error instanceof CredentialsError) return `${what}: ${error.message}`;
  if (code === undefined) {
    const text = error instanceof Error ? error.message : String(error);
    return `${what}: cannot reach the Kubernetes API server: ${text}`;
  }
  const hint = code === 401 ? ' — the credentials were rejected (expired token or wrong cluster?)' : '';
  const causes = (body?.details?.causes ?? [])
    .map((c) => `  - ${c.field ? `${c.field}: ` : ''}${c.message ?? ''}`)
    .join('\n');
  // Never the message of client-node's own error, which holds the response headers (and is all there
  // is of a 401, whose body it drops).
  const answered = error instanceof ApiException || error instanceof WatchStatusError;
  const message = body?.message || (answered ? (STATUS_CODES[code] ?? 'HTTP error') : errorMessage(error));
  return `${what}: ${message} (HTTP ${code})${hint}${causes && !message.includes('\n') ? `\n${causes}` : ''}`;
}

/**
 * The fields a write with fieldValidation=Strict was refused for, as paths (`spec.appinfo.appLabel`):
 * a create says `strict decoding error: unknown field "spec.x"`, a server-side apply
 * `.spec.x: field not declared in schema`. Empty for any other failure.
 */
export function unknownFields(error: unknown): string[] {
  const message = statusBody(error)?.message ?? '';
  const decoding = /strict decoding error: (.*)/s.exec(message)?.[1] ?? '';
  return [
    ...[...decoding.matchAll(/unknown field "([^"]*)"/g)],
    ...message.matchAll(/(?:^|\s)\.(\S+): field not declared in schema/gm),
  ].map((match) => match[1] ?? '');
}

/** The namespace a write was refused for because it does not exist (a 404 about `namespaces`). */
export function missingNamespace(error: unknown): string | undefined {
  const details = statusCode(error) === 404 ? statusBody(error)?.details : undefined;
  return details?.kind === 'namespaces' ? details.name : undefined;
}

export function apiError(what: string, error: unknown): CannotRunError {
  return new ApiCallError(describeApiError(what, error), { cause: error });
}
