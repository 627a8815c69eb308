// A plain-HTTP front door to the sandbox's API server that passes every request on, except those
// `hold` picks: it keeps them unanswered, as a server that has not got to them yet, so a test can act
// on a process caught between two of its requests.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from './sandbox.ts';

export interface HoldingProxy {
  /** A kubeconfig for the sandbox's admin through the proxy, context namespace `namespace`. */
  kubeconfig(namespace: string): string;
  close(): Promise<void>;
}

export async function holdingProxy(
  sandbox: Pick<Sandbox, 'server' | 'caPem' | 'adminToken'>,
  hold: (request: IncomingMessage) => boolean,
  onHeld: () => void,
): Promise<HoldingProxy> {
  const held = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    if (hold(request)) {
      held.add(response);
      onHeld();
      return;
    }
    const upstream = https.request(
      new URL(request.url ?? '/', sandbox.server),
      {
        method: request.method,
        headers: { ...request.headers, host: new URL(sandbox.server).host },
        ca: sandbox.caPem,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    kubeconfig: (namespace) =>
      [
        'apiVersion: v1',
        'kind: Config',
        `clusters: [{ name: held, cluster: { server: '${url}' } }]`,
        `users: [{ name: admin, user: { token: ${sandbox.adminToken} } }]`,
        `contexts: [{ name: held, context: { cluster: held, user: admin, namespace: ${namespace} } }]`,
        'current-context: held',
        '',
      ].join('\n'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
