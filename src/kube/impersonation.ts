// A kubeconfig user's impersonation (`as`, `as-uid`, `as-groups`, `as-user-extra`), sent with every
// request as client-go sends it (transport.ImpersonatingRoundTripper). client-node sends only `as`:
// chaos-gate takes the user's impersonation away from it, and client.ts adds all of it to each request,
// watches included. Only the selected context's user is read, as kubeconfig-refusals.ts reads it.
import type { KubeConfig } from '@kubernetes/client-node';
import { ConfigError } from '../errors.ts';

/** Each header line to send: a group, or a value of an extra key, is a line of its own. */
export type HeaderLines = readonly (readonly [name: string, value: string])[];

const byUser = new WeakMap<KubeConfig, { user: string; lines: HeaderLines }>();

/** The impersonation headers of the context's user, if it impersonates. */
export function impersonationHeaders(kc: KubeConfig): HeaderLines {
  const served = byUser.get(kc);
  return served && served.user === kc.getCurrentUser()?.name ? served.lines : [];
}

/**
 * Reads the selected user's impersonation from its map as the file gives it (`users`), refusing what
 * kubectl refuses, and serves it from here. Call it once the context is selected.
 */
export function serveImpersonation(
  kc: KubeConfig,
  users: ReadonlyMap<string, Record<string, unknown>>,
  source: string,
): void {
  const name = kc.getCurrentUser()?.name;
  const user = name === undefined ? undefined : users.get(name);
  if (name === undefined || !user) return;
  const where = `${source}: user "${name}"`;
  const as = text(user, 'as', where);
  const uid = text(user, 'as-uid', where);
  const groups = texts(user['as-groups'], 'as-groups', where);
  const extra = extraOf(user['as-user-extra'], where);
  // client-go's validation (clientcmd validateAuthInfo); kubectl stops there, before any request.
  if ((uid || groups.length > 0 || extra.length > 0) && !as)
    throw new ConfigError(
      `${where}: requesting uid, groups or user-extra for ${name} without impersonating a user, as kubectl says; add \`as\` (the user to impersonate), or remove them`,
    );
  if (!as) return;
  const lines: (readonly [string, string])[] = [
    ['Impersonate-User', as],
    ...(uid ? [['Impersonate-Uid', uid] as const] : []),
    ...groups.map((group) => ['Impersonate-Group', group] as const),
    ...extra.flatMap(([key, values]) =>
      values.map((value) => [`Impersonate-Extra-${headerKeyEscape(key)}`, value] as const),
    ),
  ];
  for (const [header, value] of lines)
    if (/[^\t\x20-\x7e\x80-\uffff]/.test(value))
      throw new ConfigError(
        `${where}: the ${header} value holds a control character, which no HTTP header can carry (kubectl fails every request on it); remove it`,
      );
  // HTTP sends header values as bytes: a value's UTF-8 bytes, each as a Latin-1 character, go out as
  // client-go sends them (Node writes a header value's characters as Latin-1).
  byUser.set(kc, {
    user: name,
    lines: lines.map(([header, value]) => [header, Buffer.from(value, 'utf8').toString('latin1')]),
  });
  kc.users = kc.users.map((each) => (each.name === name ? { ...each, impersonateUser: undefined } : each));
}

/** A field that kubectl reads as a string: a number or a list is refused (quote a numeric uid). */
function text(user: Record<string, unknown>, field: string, where: string): string {
  const value = user[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string')
    throw new ConfigError(
      `${where}: ${field} must be a string, not ${describe(value)}, as kubectl reads it${typeof value === 'number' ? ' (quote it)' : ''}`,
    );
  return value;
}

/** A field that kubectl reads as a list of strings. */
function texts(value: unknown, field: string, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string'))
    throw new ConfigError(`${where}: ${field} must be a list of strings, as kubectl reads it`);
  return value;
}

/** `as-user-extra`: each key with its values, which kubectl reads as a map of lists of strings. */
function extraOf(value: unknown, where: string): [string, string[]][] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ConfigError(
      `${where}: as-user-extra must be a map of keys to lists of strings, not ${describe(value)}, as kubectl reads it`,
    );
  return Object.entries(value).map(([key, values]) => [key, texts(values, `as-user-extra.${key}`, where)]);
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : `a ${typeof value}`;
}

/**
 * client-go's headerKeyEscape: an extra key goes into a header name, so each byte of its UTF-8 that
 * is not an HTTP token character, and `%`, is percent-encoded (the API server decodes it).
 */
export function headerKeyEscape(key: string): string {
  let escaped = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const char = String.fromCharCode(byte);
    escaped += /^[!#$&'*+\-.^_`|~0-9A-Za-z]$/.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}
