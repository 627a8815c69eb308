// A loopback stand-in for an API server's front door, for tests of what requests carry: it answers
// Litmus discovery and a watch (one ADDED event), records each request's Authorization header and
// its header lines as they came, and answers 401, as an API server does for an expired or revoked
// token, when `accepts` says no.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CannotRunError } from '../../src/errors.ts';
import type { LitmusClient } from '../../src/litmus/client.ts';

export async function loopbackApi(
  t: { after: (fn: () => Promise<void>) => void },
  accepts: (authorization: string) => boolean = () => true,
): Promise<{ url: string; seen: string[]; lines: [string, string][][] }> {
  const seen: string[] = [];
  const lines: [string, string][][] = [];
  const server = http.createServer((request, response) => {
    const authorization = request.headers.authorization ?? '(none)';
    seen.push(authorization);
    const raw = request.rawHeaders;
    lines.push(raw.flatMap((name, i) => (i % 2 === 0 ? [[name, raw[i + 1] ?? ''] as [string, string]] : [])));
    response.setHeader('Content-Type', 'application/json');
    if (!accepts(authorization)) {
      response.statusCode = 401;
      return response.end(
        JSON.stringify({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 }),
      );
    }
    if (request.url?.includes('watch=true'))
      return response.end(`${JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'e' } } })}\n`);
    response.end(
      JSON.stringify({
        kind: 'APIResourceList',
        resources: [{ name: 'chaosengines' }, { name: 'chaosresults' }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, lines };
}

/** The message a Litmus discovery request fails with: a CannotRunError, exit code 2. */
export async function refusal(litmus: LitmusClient): Promise<string> {
  const error: unknown = await litmus.assertInstalled().then(
    () => assert.fail('the request went through'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof CannotRunError, String(error));
  return error.message;
}
