// Turns API failures into messages a CI user can act on: the HTTP status, what was attempted, and
// the server's own explanation (which for 403 names the user, verb and resource).
import { ApiException } from '@kubernetes/client-node';
import { CannotRunError } from '../errors.ts';
import { redact } from '../secrets.ts';
import { CredentialsError } from './credential-source.ts';

interface StatusBody {
  message?: string;
  reason?: string;
  details?: { causes?: { field?: string; message?: string }[] };
}

export function statusCode(error: unknown): number | undefined {
  if (error instanceof ApiException) return error.code;
  const code = (error as { code?: unknown; statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

function statusBody(error: unknown): StatusBody | undefined {
  if (!(error instanceof ApiException)) return undefined;
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
  const message = body?.message ?? (error instanceof Error ? error.message : '');
  return `${what}: ${message} (HTTP ${code})${hint}${causes && !message.includes('\n') ? `\n${causes}` : ''}`;
}

export function apiError(what: string, error: unknown): CannotRunError {
  return new CannotRunError(describeApiError(what, error));
}
