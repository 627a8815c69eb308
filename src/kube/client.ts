// Every call chaos-gate makes to the API server goes through here, so none can hang a CI job: each
// request has its own time limit, reading the body included, and a connection-wide signal (the run's
// deadline, a cancel) ends whatever is still in flight. Watches are streamed here too, with the same
// limits plus an inactivity timer, because client-node's Watch cannot be aborted before the server
// answers (it returns its AbortController only after the response headers arrive).
import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createConfiguration,
  IsomorphicFetchHttpLibrary,
  RequestContext,
  ResponseContext,
  SelfDecodingBody,
  ServerConfiguration,
  wrapHttpLibrary,
  type Configuration,
  type HttpLibrary,
  type KubeConfig,
} from '@kubernetes/client-node';
import { CancelledError } from '../errors.ts';
import { formatDuration } from '../config/duration.ts';
import { compressionDisabled } from './context.ts';
import { CredentialsError } from './credential-source.ts';
import { isLoopback } from './host.ts';
import { renewCredentials } from './credentials.ts';
import { impersonationHeaders, type HeaderLines } from './impersonation.ts';

export interface Connection {
  kc: KubeConfig;
  /** The limit of each request, from sending it to the last byte of the answer. */
  requestTimeoutMs: number;
  /** Ends every request made through this connection, with the signal's reason as the error. */
  signal?: AbortSignal;
}

const defaultRequestTimeoutMs = 30_000;

export function connect(
  kc: KubeConfig,
  options: { requestTimeoutMs?: number; signal?: AbortSignal } = {},
): Connection {
  return {
    kc,
    requestTimeoutMs: options.requestTimeoutMs ?? defaultRequestTimeoutMs,
    signal: options.signal,
  };
}

/** The same cluster under other limits (the stop phase outlives the run's deadline and a cancel). */
export function limited(
  connection: Connection,
  options: { requestTimeoutMs?: number; signal?: AbortSignal },
): Connection {
  return connect(connection.kc, {
    requestTimeoutMs: options.requestTimeoutMs ?? connection.requestTimeoutMs,
    signal: options.signal,
  });
}

/** The API server did not answer in time. */
export class ApiTimeoutError extends Error {
  override name = 'ApiTimeoutError';
  constructor(ms: number) {
    super(`no answer from the API server within ${formatDuration(ms)}`);
  }
}

/** Why the connection's signal ended a request: its reason when that is an error, else a cancel. */
function connectionEnded(connection: Connection): Error | undefined {
  if (!connection.signal?.aborted) return undefined;
  const reason: unknown = connection.signal.reason;
  return reason instanceof Error ? reason : new CancelledError(reason as NodeJS.Signals);
}

/**
 * client-node gives every request a new agent, so every request pays a TLS handshake: a few ms of CPU
 * each, the better part of applying a hundred engines. Requests with the same TLS settings share one
 * keep-alive agent instead (a proxy's agent, from the kubeconfig's proxy-url, is left as it is). An
 * idle connection is dropped after 30 s, before the API server drops it (90 s) and a request could meet
 * it closing.
 *
 * client-node also ignores HTTPS_PROXY, HTTP_PROXY and NO_PROXY, which kubectl follows: a cluster
 * reached only through a proxy could not be reached at all. The shared agents follow them as client-go
 * does, through Node's own proxy support, and never for localhost or a loopback address.
 */
const sharedAgents = new Map<string, http.Agent>();
const idleConnectionMs = 30_000;

function sharedAgent(agent: http.Agent | undefined, server: string): http.Agent | undefined {
  const Kind =
    agent?.constructor === https.Agent
      ? https.Agent
      : agent?.constructor === http.Agent
        ? http.Agent
        : undefined;
  if (!agent || !Kind) return agent;
  // Both kinds keep the options they were made with (only https.Agent's typings say so).
  const { options } = agent as https.Agent;
  const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = options;
  const proxied = !isLoopback(server);
  const settings = JSON.stringify([
    Kind === https.Agent ? 'https' : 'http',
    ca,
    cert,
    key,
    pfx,
    passphrase,
    rejectUnauthorized,
    servername,
    proxied,
  ]);
  let shared = sharedAgents.get(settings);
  if (!shared) {
    shared = new Kind({
      ...options,
      keepAlive: true,
      timeout: idleConnectionMs,
      ...(proxied ? { proxyEnv: process.env } : {}),
    });
    sharedAgents.set(settings, shared);
  }
  return shared;
}

/**
 * client-go's rule for an API server that asks to be asked again later: a 429 (API Priority and
 * Fairness turning a request away before it runs), or a 5xx other than to a POST (which may have
 * created something), that says `Retry-After: N` is sent again after N seconds, up to 10 times.
 */
const maxRetries = 10;

function retryAfterMs(response: ResponseContext, method: string, limitMs: number): number | undefined {
  const status = response.httpStatusCode;
  if (status !== 429 && (status < 500 || method === 'POST')) return undefined;
  const seconds = Number(response.headers['retry-after']);
  return Number.isInteger(seconds) && seconds >= 0 ? Math.min(seconds * 1000, limitMs) : undefined;
}

function boundedHttp(connection: Connection): HttpLibrary {
  const fetchLibrary = new IsomorphicFetchHttpLibrary();
  const once = async (request: RequestContext): Promise<ResponseContext> => {
    const timeout = AbortSignal.timeout(connection.requestTimeoutMs);
    request.setSignal(connection.signal ? AbortSignal.any([timeout, connection.signal]) : timeout);
    try {
      const response = await fetchLibrary.send(request).toPromise();
      // The body is read here, under the same limit: a server can freeze after the headers.
      const body = await response.body.binary();
      return new ResponseContext(
        response.httpStatusCode,
        response.headers,
        new SelfDecodingBody(Promise.resolve(body)),
      );
    } catch (error) {
      throw (
        connectionEnded(connection) ??
        (timeout.aborted ? new ApiTimeoutError(connection.requestTimeoutMs) : error)
      );
    }
  };
  return wrapHttpLibrary({
    async send(request) {
      const shareAgent = () => {
        const agent = sharedAgent(request.getAgent(), request.getUrl());
        if (agent) request.setAgent(agent);
      };
      shareAgent();
      // node-fetch asks for gzip unless told otherwise; client-go's transport does not with disable-compression.
      if (compressionDisabled(connection.kc)) request.setHeaderParam('Accept-Encoding', 'identity');
      sendAlso(request.getHeaders(), impersonationHeaders(connection.kc));
      const sentAt = Date.now();
      let renewed = false;
      for (let retries = 0; ; retries++) {
        const response = await once(request);
        // Credentials that changed since they were read (a rotated token file, a revoked plugin token):
        // new ones, and one more try. The server refused the request before it did anything.
        if (response.httpStatusCode === 401 && !renewed && renewCredentials(connection.kc, sentAt)) {
          renewed = true;
          await authenticated(connection, connection.kc.applySecurityAuthentication(request));
          shareAgent();
          continue;
        }
        const waitMs =
          retries < maxRetries
            ? retryAfterMs(response, request.getHttpMethod(), connection.requestTimeoutMs)
            : undefined;
        if (waitMs === undefined) return response;
        try {
          await sleep(waitMs, undefined, connection.signal ? { signal: connection.signal } : {});
        } catch (error) {
          throw connectionEnded(connection) ?? error;
        }
      }
    },
  });
}

/**
 * Adds header lines to a request's headers, which client-node keeps as a record: a record cannot hold
 * a name twice, and each impersonated group must be a line of its own (the API server reads no list).
 * The record is made iterable as fetch's other form of headers, name/value pairs, which node-fetch
 * sends as they come. They are read as the request goes out: headers set again after a 401 go too.
 */
function sendAlso(headers: Record<string, string>, lines: HeaderLines): void {
  if (lines.length === 0) return;
  Object.defineProperty(headers, Symbol.iterator, {
    configurable: true,
    value: function* () {
      yield* Object.entries(headers);
      yield* lines;
    },
  });
}

/** Header lines as Node's http takes them: a name given more than once, with a list of its values. */
function headerLists(lines: HeaderLines): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [name, value] of lines) (lists[name] ??= []).push(value);
  return lists;
}

/**
 * The kubeconfig's credentials applied, unless the connection ends first: getting them can take a
 * credential plugin's time (exec-credentials.ts), before the request and its time limit start.
 */
function authenticated(connection: Connection, applying: Promise<void>): Promise<void> {
  const { signal } = connection;
  if (!signal) return applying;
  return new Promise((resolve, reject) => {
    const ended = () => {
      const reason = connectionEnded(connection);
      reject(
        reason instanceof CancelledError
          ? reason
          : new CredentialsError(
              `${reason?.message ?? 'ended'} while the kubeconfig's credentials were being obtained`,
            ),
      );
    };
    if (signal.aborted) return ended();
    signal.addEventListener('abort', ended, { once: true });
    applying.then(resolve, reject).finally(() => signal.removeEventListener('abort', ended));
  });
}

/** A generated API client (CustomObjectsApi, KubernetesObjectApi, …) whose every request is bounded. */
export function apiClient<T>(connection: Connection, Api: new (configuration: Configuration) => T): T {
  const { kc } = connection;
  const server = kc.getCurrentCluster()?.server ?? '';
  return new Api(
    createConfiguration({
      baseServer: new ServerConfiguration(server, {}),
      authMethods: {
        default: {
          getName: () => kc.getName(),
          applySecurityAuthentication: (context) =>
            authenticated(connection, kc.applySecurityAuthentication(context)),
        },
      },
      httpApi: boundedHttp(connection),
    }),
  );
}

export type WatchEvent<T> = { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'; object: T };

export interface WatchStream {
  /** How the stream ended: the server closed it, or an error (a status, a timeout, a stall). */
  ended: Promise<'closed' | Error>;
  abort(): void;
}

/** The watch answered with an HTTP status other than 200. */
export class WatchStatusError extends Error {
  override name = 'WatchStatusError';
  readonly statusCode: number;
  /** What the server said: a Status object as JSON, usually; errors.ts reads its message. */
  readonly body: string;
  constructor(statusCode: number, body: string) {
    super(`${http.STATUS_CODES[statusCode] ?? 'HTTP error'} (HTTP ${statusCode})${body ? `: ${body}` : ''}`);
    this.statusCode = statusCode;
    this.body = body;
  }
}

/**
 * Opens one watch request and streams its events. Ends with an error when the server does not answer
 * within the request timeout, or goes silent for `idleMs` (longer than the server-side timeoutSeconds
 * the caller asks for, so a healthy server always ends the stream first).
 */
export function openWatch<T>(
  connection: Connection,
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  onEvent: (event: WatchEvent<T>) => void,
  idleMs: number,
): WatchStream {
  const controller = new AbortController();
  let finish: (outcome: 'closed' | Error) => void = () => {};
  const ended = new Promise<'closed' | Error>((resolve) => (finish = resolve));
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const end = (outcome: 'closed' | Error) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    controller.abort();
    finish(outcome);
  };
  const arm = (ms: number, error: () => Error) => {
    clearTimeout(timer);
    timer = setTimeout(() => end(error()), ms);
  };
  void (async () => {
    const url = new URL(`${connection.kc.getCurrentCluster()?.server ?? ''}${path}`);
    url.searchParams.set('watch', 'true');
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    /** The server's answer to one watch request; undefined when the watch ended before or instead. */
    const send = async (): Promise<http.IncomingMessage | undefined> => {
      const options: https.RequestOptions = {};
      await authenticated(connection, connection.kc.applyToHTTPSOptions(options));
      // Stopped while the options were read: no request, and no timer to keep the process alive.
      if (done) return undefined;
      arm(connection.requestTimeoutMs, () => new ApiTimeoutError(connection.requestTimeoutMs));
      const request = (url.protocol === 'http:' ? http : https).request(url, {
        ...options,
        agent: sharedAgent(options.agent as http.Agent | undefined, url.href),
        method: 'GET',
        headers: {
          ...options.headers,
          Accept: 'application/json',
          ...headerLists(impersonationHeaders(connection.kc)),
        },
        signal: AbortSignal.any([controller.signal, ...(connection.signal ? [connection.signal] : [])]),
      });
      return new Promise((resolve) => {
        request.on('error', (error) => {
          end(connectionEnded(connection) ?? error);
          resolve(undefined);
        });
        request.on('response', resolve);
        request.end();
      });
    };
    const sentAt = Date.now();
    let response = await send();
    if (response?.statusCode === 401 && renewCredentials(connection.kc, sentAt)) {
      // As for any other request (boundedHttp): new credentials, and one more try.
      response.resume();
      response = await send();
    }
    if (!response) return;
    if (response.statusCode !== 200) {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => end(new WatchStatusError(response.statusCode ?? 0, body.slice(0, 500))));
      return;
    }
    const stalled = () => new Error(`the watch sent nothing for ${formatDuration(idleMs)}`);
    arm(idleMs, stalled);
    response.on('data', () => arm(idleMs, stalled));
    response.on('error', (error) => end(error));
    response.on('end', () => end('closed'));
    // A broken stream errors on the response (handled above) and again on the reader.
    const lines = createInterface({ input: response }).on('error', () => {});
    lines.on('line', (line) => {
      if (done || line.trim() === '') return;
      let event: WatchEvent<T>;
      try {
        event = JSON.parse(line) as WatchEvent<T>;
      } catch {
        // A line cut by a dropped connection: the stream ends with an error next.
        return;
      }
      // Outside the catch: a failure of what reads the event is not a broken line to shrug off.
      onEvent(event);
    });
  })().catch((error: unknown) => end(error instanceof Error ? error : new Error(String(error))));
  return { ended, abort: () => end('closed') };
}
