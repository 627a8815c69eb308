// Proxies that tunnel connections, as a corporate egress proxy or an `ssh -D` bastion does: an HTTP
// proxy that answers CONNECT, and a SOCKS5 proxy (no authentication). They resolve the host names
// they are given themselves: a client sends the name to the proxy and never resolves it, so a name
// only the proxy knows stands for a cluster reachable only through it.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

export interface TunnelProxy {
  url: string;
  /** `host:port` of each tunnel opened, in order. */
  tunnels: string[];
  close(): Promise<void>;
}

/** Opens tunnels for `server`'s clients and closes them with it. */
function tunnelling(server: net.Server, scheme: string, hosts: Record<string, string>) {
  const tunnels: string[] = [];
  const sockets = new Set<net.Socket>();
  const open = (client: net.Socket, host: string, port: number, onOpen: (upstream: net.Socket) => void) => {
    tunnels.push(`${host}:${port}`);
    const upstream = net.connect(port, hosts[host] ?? host, () => {
      onOpen(upstream);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  };
  const started = async (): Promise<TunnelProxy> => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`,
      tunnels,
      close: () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    };
  };
  return { open, started };
}

export function startConnectProxy(hosts: Record<string, string>): Promise<TunnelProxy> {
  const server = http.createServer((_request, response) => response.writeHead(405).end());
  const { open, started } = tunnelling(server, 'http', hosts);
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host = '', port = ''] = (request.url ?? '').split(':');
    open(client, host, Number(port), (upstream) => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
    });
  });
  return started();
}

/** RFC 1928, as far as a client of a CONNECT to an IPv4 address or a name needs it. */
export function startSocksProxy(hosts: Record<string, string> = {}): Promise<TunnelProxy> {
  const server = net.createServer();
  const { open, started } = tunnelling(server, 'socks5', hosts);
  server.on('connection', (client) => {
    client.once('data', () => {
      // Whatever methods the greeting offers: "no authentication".
      client.write(Buffer.from([5, 0]));
      client.once('data', (request: Buffer) => {
        const addressType = request[3];
        const nameLength = request[4] ?? 0;
        const [host, portAt] =
          addressType === 1
            ? [[...request.subarray(4, 8)].join('.'), 8]
            : [request.subarray(5, 5 + nameLength).toString(), 5 + nameLength];
        // Succeeded, bound to 0.0.0.0:0.
        open(client, host, request.readUInt16BE(portAt), () =>
          client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0])),
        );
      });
    });
  });
  return started();
}
