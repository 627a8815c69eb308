// A TCP server that accepts connections and never answers: what a CI job meets when an API server's
// process is frozen, or a load balancer keeps accepting for a dead backend. Nothing is ever written.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface BlackHole {
  /** https://127.0.0.1:<port> */
  server: string;
  /** Connections accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

export async function startBlackHole(): Promise<BlackHole> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server: `https://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A kubeconfig (YAML) for `server` with a bearer token; TLS is not verified (nothing answers anyway). */
export function blackHoleKubeconfig(server: string, token: string, namespace = 'default'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: black-hole',
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: ci',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: black-hole',
    '  context:',
    '    cluster: black-hole',
    '    user: ci',
    `    namespace: ${namespace}`,
    'current-context: black-hole',
    '',
  ].join('\n');
}
