// The host a URL names, and whether it is this machine: shared by how a cluster is reached (context.ts,
// client.ts) and how an oidc provider is (oidc-credentials.ts).
import { isIP } from 'node:net';

/** The URL's host without IPv6 brackets; undefined for a URL that does not parse. */
export function hostOf(server: string): string | undefined {
  try {
    return new URL(server).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/** client-go never sends these through a proxy, whatever the environment says. */
export function isLoopback(server: string): boolean {
  const host = hostOf(server);
  return host === 'localhost' || (!!host && isIP(host) !== 0 && (host === '::1' || host.startsWith('127.')));
}
