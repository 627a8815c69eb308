// Secrets never printed: the credentials of the kubeconfig in use are registered here, and every line
// chaos-gate writes — log, errors, reports — goes through redact(), which also drops the userinfo
// (user:password@) from any URL. This is the safety net; messages are written not to quote a
// kubeconfig in the first place.
const secrets = new Set<string>();
const listeners: ((secret: string) => void)[] = [];

/** Values shorter than this are not secrets worth masking (and would mask ordinary words). */
const minLength = 6;

export function registerSecret(value: string | undefined): void {
  const secret = value?.trim();
  if (!secret || secret.length < minLength || secrets.has(secret)) return;
  secrets.add(secret);
  for (const listener of listeners) listener(secret);
}

/** Tells a front each secret as it becomes known (the action hands them to the runner to mask). */
export function onSecret(listener: (secret: string) => void): void {
  listeners.push(listener);
  for (const secret of secrets) listener(secret);
}

const userinfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

export function redact(text: string): string {
  // No '@', no userinfo: spares a whole-report regex scan (20 ms on an 8 MB JUnit).
  let result = text.includes('@') ? text.replace(userinfo, '$1') : text;
  // Longest first, so a secret that contains another is masked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length))
    result = result.replaceAll(secret, '***');
  return result;
}

/** A URL as it may be shown: without user and password. */
export function displayUrl(url: string): string {
  return url.replace(userinfo, '$1');
}
