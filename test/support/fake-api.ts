// A small in-memory Kubernetes API server behind nock, for unit tests of the kube and run code: discovery,
// get/list/watch, server-side apply (with dry run), merge patch, create, replace, delete and delete
// collection. It records every request, lets a test answer chosen requests itself (a 422, a 403, a
// reset), and lets a test play the Litmus operator through change hooks. Test infrastructure: it
// models what chaos-gate relies on, not all of Kubernetes.
import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { ReadStream } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { PassThrough } from 'node:stream';
import nock from 'nock';
import { KubeConfig } from '@kubernetes/client-node';
import { parse } from 'yaml';

/** A kubeconfig for `server` with a bearer token, as a CI secret would hold it. */
export function kubeconfigFor(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
  - name: fake
    cluster:
      server: ${server}
      insecure-skip-tls-verify: true
users:
  - name: tester
    user:
      token: fake-token
contexts:
  - name: fake
    context: { cluster: fake, user: tester, namespace: default }
current-context: fake
`;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name?: string;
    generateName?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** What names an object: any Kubernetes-shaped value will do. */
export interface ObjectRef {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string; namespace?: string };
}

export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The path with the query string, as sent. */
  url: string;
  query: Record<string, string>;
  contentType?: string;
  /** The parsed body (JSON or YAML), when there was one. */
  body?: unknown;
}

export interface Resource {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

export const defaultResources: Resource[] = [
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false },
  { group: '', version: 'v1', plural: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap', namespaced: true },
  ...(['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'] as const).map((kind) => ({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    plural: `${kind.toLowerCase()}s`,
    kind,
    namespaced: !kind.startsWith('Cluster'),
  })),
  { group: 'coordination.k8s.io', version: 'v1', plural: 'leases', kind: 'Lease', namespaced: true },
  ...(['ChaosEngine', 'ChaosResult', 'ChaosExperiment'] as const).map((kind) => ({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    plural: `${kind.toLowerCase()}s`,
    kind,
    namespaced: true,
  })),
];

/**
 * What an injected answer can be: a status with a body, a dropped connection, or a function of the
 * request (async for a server that takes its time: the answer comes when it resolves).
 */
export type InjectedResponse =
  InjectedAnswer | ((request: RecordedRequest) => InjectedAnswer | Promise<InjectedAnswer>);

export type InjectedAnswer = { status: number; body?: Record<string, unknown> | string } | { reset: string };

export interface RequestMatcher {
  method?: string;
  path?: string | RegExp;
  /** Every listed parameter must be present with this value. */
  query?: Record<string, string>;
  where?: (request: RecordedRequest) => boolean;
}

export interface ChangeEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  resource: Resource;
}

/** An open watch stream. */
export interface OpenWatch {
  request: RecordedRequest;
  resource: Resource;
  namespace?: string;
  send(type: string, object: unknown): void;
  /** Ends the stream as a server-side timeout would. */
  end(): void;
  /** Destroys the stream with an error, as a dropped connection would. */
  break(error?: Error): void;
}

interface Watcher extends OpenWatch {
  selector: (labels: Record<string, string> | undefined) => boolean;
  open: boolean;
}

type Reply = readonly [number, nock.ReplyBody];

interface Injection {
  matcher: RequestMatcher;
  response: InjectedResponse;
  times: number;
}

export class FakeApi {
  readonly requests: RecordedRequest[] = [];
  readonly #resources: Resource[];
  readonly #objects = new Map<string, KubeObject>();
  readonly #history: { rv: number; event: ChangeEvent }[] = [];
  readonly #watchers: Watcher[] = [];
  readonly #injections: Injection[] = [];
  readonly #hooks: ((event: ChangeEvent) => void | Promise<void>)[] = [];
  /** The clients' own requests (nock answers a copy), to drop a connection as the client would see it. */
  readonly #clientRequests = new Set<ClientRequest>();
  readonly #onClientRequest = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    this.#clientRequests.add(request);
    request.once('close', () => this.#clientRequests.delete(request));
  };
  #rv = 100;
  #compactedRv = 0;
  readonly #interceptors: nock.Interceptor[] = [];
  static #open = 0;
  static #count = 0;
  /**
   * Each fake has its own host, so a run a failed test left behind cannot reach the next test's fake.
   * The first is https://chaos-gate.test:6443.
   */
  readonly server: string;
  readonly kubeconfig: string;
  readonly #host: string;

  constructor(options: { resources?: Resource[] } = {}) {
    this.#resources = options.resources ?? defaultResources;
    FakeApi.#count += 1;
    FakeApi.#open += 1;
    this.server = `https://${FakeApi.#count === 1 ? '' : `api${FakeApi.#count}.`}chaos-gate.test:6443`;
    this.kubeconfig = kubeconfigFor(this.server);
    this.#host = new URL(this.server).hostname;
    nock.disableNetConnect();
    diagnostics.subscribe('http.client.request.start', this.#onClientRequest);
    const handle = this.#handle.bind(this);
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const interceptor = nock(this.server)
        .persist()
        .intercept(() => true, method);
      this.#interceptors.push(interceptor);
      interceptor.reply(function (uri, body) {
        return handle(method, uri, body, this.req.headers['content-type']);
      });
    }
  }

  /** Ends every open watch and removes the interceptors. Call from `t.after`. */
  close(): void {
    for (const watcher of [...this.#watchers]) watcher.end();
    this.#interceptors.splice(0).forEach((interceptor) => nock.removeInterceptor(interceptor));
    FakeApi.#open -= 1;
    if (FakeApi.#open === 0) nock.enableNetConnect();
    diagnostics.unsubscribe('http.client.request.start', this.#onClientRequest);
  }

  /** A client configuration for this server. */
  kubeConfig(): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromString(this.kubeconfig);
    return kc;
  }

  // ---- for tests ----------------------------------------------------------------------------------

  /** Answers the next `times` requests matching `matcher` with `response` instead of the store. Returns a remover. */
  inject(matcher: RequestMatcher, response: InjectedResponse, times = 1): () => void {
    const injection = { matcher, response, times };
    this.#injections.push(injection);
    return () => {
      injection.times = 0;
    };
  }

  /** Runs after every stored change (not dry runs), after the request that caused it was answered. */
  onChange(hook: (event: ChangeEvent) => void | Promise<void>): void {
    this.#hooks.push(hook);
  }

  /** Creates or replaces an object as a controller would (bumps resourceVersion, notifies watches). */
  put<T extends ObjectRef>(object: T): T {
    const resource = this.resourceOf(object);
    const existing = this.get(object);
    const stored = this.#store(
      resource,
      this.#complete(resource, { ...(object as unknown as KubeObject) }, existing),
      existing,
    );
    return stored as unknown as T;
  }

  get(ref: ObjectRef): KubeObject | undefined {
    return this.#objects.get(this.#key(this.resourceOf(ref), ref.metadata.namespace, ref.metadata.name));
  }

  /** Deletes an object as a controller would. */
  remove(ref: ObjectRef): void {
    const resource = this.resourceOf(ref);
    const existing = this.get(ref);
    if (existing) this.#delete(resource, existing);
  }

  /** All stored objects of a kind. */
  list(kind: string, namespace?: string): KubeObject[] {
    const resource = this.#byKind(kind);
    return [...this.#objects.values()].filter(
      (o) => this.resourceOf(o) === resource && (!namespace || o.metadata.namespace === namespace),
    );
  }

  /** Forgets the change history: a watch from any older resourceVersion now gets an ERROR 410 event. */
  compact(): void {
    this.#compactedRv = this.#rv;
  }

  get openWatches(): OpenWatch[] {
    return this.#watchers.filter((w) => w.open);
  }

  /** Requests made so far, optionally filtered. */
  made(matcher: RequestMatcher = {}): RecordedRequest[] {
    return this.requests.filter((r) => matches(matcher, r));
  }

  resourceOf(object: ObjectRef): Resource {
    return this.#byKind(object.kind ?? '', object.apiVersion);
  }

  // ---- the server ---------------------------------------------------------------------------------

  async #handle(
    method: string,
    uri: string,
    rawBody: unknown,
    contentType: string | undefined,
  ): Promise<Reply> {
    const url = new URL(uri, this.server);
    const body = typeof rawBody === 'string' && rawBody !== '' ? (parse(rawBody) as unknown) : rawBody;
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      url: uri,
      query: Object.fromEntries(url.searchParams),
      ...(contentType ? { contentType } : {}),
      ...(body === '' || body === undefined ? {} : { body }),
    };
    this.requests.push(request);

    const injection = this.#injections.find((i) => i.times > 0 && matches(i.matcher, request));
    if (injection) {
      injection.times -= 1;
      const answer =
        typeof injection.response === 'function' ? await injection.response(request) : injection.response;
      if ('reset' in answer) throw Object.assign(new Error(answer.reset), { code: 'ECONNRESET' });
      return [answer.status, answer.body ?? status(answer.status, 'injected')];
    }
    return this.#serve(request);
  }

  #serve(request: RecordedRequest): Reply {
    const { method, query } = request;
    const route = this.#route(request.path);
    if (route === 'not found') return [404, status(404, `the server could not find ${request.path}`)];
    if ('discovery' in route) {
      const served = this.#resources.filter((r) => `${r.group}/${r.version}` === route.discovery);
      if (served.length === 0) return [404, status(404, 'the server could not find the requested resource')];
      return [
        200,
        {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: route.discovery.replace(/^\//, ''),
          resources: served.map((r) => ({
            name: r.plural,
            singularName: r.kind.toLowerCase(),
            namespaced: r.namespaced,
            kind: r.kind,
            verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
          })),
        },
      ];
    }
    const { resource, namespace, name } = route;
    const dryRun = query.dryRun === 'All';
    const existing = name ? this.#objects.get(this.#key(resource, namespace, name)) : undefined;
    const notFound = () =>
      [
        404,
        status(404, `${resource.plural}.${resource.group || 'core'} "${name}" not found`, 'NotFound'),
      ] as const;

    if (!name) {
      const selector = labelSelector(query.labelSelector);
      const inScope = () =>
        [...this.#objects.values()].filter(
          (o) =>
            this.resourceOf(o) === resource &&
            (!namespace || o.metadata.namespace === namespace) &&
            selector(o.metadata.labels),
        );
      if (method === 'GET' && query.watch === 'true') return this.#watch(request, resource, namespace);
      if (method === 'GET') {
        return [
          200,
          {
            apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version,
            kind: `${resource.kind}List`,
            metadata: { resourceVersion: String(this.#rv) },
            items: inScope(),
          },
        ];
      }
      if (method === 'DELETE') {
        // As the API server does, the answer lists what was deleted.
        const doomed = inScope();
        if (!dryRun) doomed.forEach((o) => this.#delete(resource, o));
        return [200, { kind: `${resource.kind}List`, metadata: {}, items: doomed }];
      }
      if (method === 'POST') {
        const object = request.body as KubeObject;
        const metadata = { ...object.metadata, namespace: resource.namespaced ? namespace : undefined };
        if (!metadata.name && metadata.generateName) metadata.name = `${metadata.generateName}${suffix()}`;
        const taken = this.#objects.get(this.#key(resource, namespace, metadata.name));
        if (taken) {
          return [409, status(409, `${resource.plural} "${metadata.name}" already exists`, 'AlreadyExists')];
        }
        const created = this.#complete(resource, { ...object, metadata }, undefined);
        return [201, dryRun ? created : this.#store(resource, created, undefined)];
      }
      return [405, status(405, `${method} is not allowed on a collection`, 'MethodNotAllowed')];
    }

    switch (method) {
      case 'GET':
        return existing ? [200, existing] : notFound();
      case 'DELETE':
        if (!existing) return notFound();
        if (!dryRun) this.#delete(resource, existing);
        return [200, existing];
      case 'PUT': {
        if (!existing) return notFound();
        const replaced = this.#complete(resource, request.body as KubeObject, existing);
        return [200, dryRun ? replaced : this.#store(resource, replaced, existing)];
      }
      case 'PATCH': {
        const type = request.contentType ?? '';
        const patch = request.body as KubeObject;
        if (type.startsWith('application/apply-patch')) {
          if (!query.fieldManager) return [422, status(422, 'fieldManager: Required value', 'Invalid')];
          const base = existing ?? { apiVersion: patch.apiVersion, kind: patch.kind, metadata: {} };
          const merged = mergePatch(base, patch) as KubeObject;
          merged.metadata = {
            ...merged.metadata,
            name,
            namespace: resource.namespaced ? namespace : undefined,
          };
          const applied = this.#complete(resource, merged, existing);
          return [existing ? 200 : 201, dryRun ? applied : this.#store(resource, applied, existing)];
        }
        if (
          type.startsWith('application/merge-patch') ||
          type.startsWith('application/strategic-merge-patch')
        ) {
          if (!existing) return notFound();
          const patched = this.#complete(resource, mergePatch(existing, patch) as KubeObject, existing);
          return [200, dryRun ? patched : this.#store(resource, patched, existing)];
        }
        return [
          415,
          status(415, `the body of the request was in an unknown format: ${type}`, 'UnsupportedMediaType'),
        ];
      }
    }
    return [405, status(405, `${method} is not allowed`, 'MethodNotAllowed')];
  }

  #watch(request: RecordedRequest, resource: Resource, namespace: string | undefined): Reply {
    const stream = new PassThrough();
    const client = this.#clientRequest(request);
    const selector = labelSelector(request.query.labelSelector);
    const inScope = (object: KubeObject) =>
      this.resourceOf(object) === resource &&
      (!namespace || object.metadata.namespace === namespace) &&
      selector(object.metadata.labels);
    const watcher: Watcher = {
      request,
      resource,
      namespace,
      selector,
      open: true,
      send: (type, object) => {
        if (watcher.open) stream.write(`${JSON.stringify({ type, object })}\n`);
      },
      end: () => {
        if (!watcher.open) return;
        watcher.open = false;
        stream.end();
      },
      break: (error = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })) => {
        if (!watcher.open) return;
        watcher.open = false;
        // As a reset does: the client's socket fails, so the client sees an error on its request.
        client?.socket?.destroy(error);
        stream.destroy();
      },
    };
    // The client aborting (or the response completing) closes its request.
    client?.once('close', () => {
      watcher.open = false;
      stream.destroy();
    });
    this.#watchers.push(watcher);
    // A real server sends the headers at once; without a first chunk they would wait for the first
    // event. The client skips the empty line.
    stream.write('\n');

    const from = request.query.resourceVersion;
    if (from === undefined || from === '' || from === '0') {
      for (const object of this.#objects.values()) if (inScope(object)) watcher.send('ADDED', object);
    } else if (Number(from) < this.#compactedRv) {
      watcher.send('ERROR', {
        ...status(410, `too old resource version: ${from} (${this.#compactedRv})`, 'Expired'),
      });
      watcher.end();
    } else {
      for (const { rv, event } of this.#history) {
        if (rv > Number(from) && inScope(event.object)) watcher.send(event.type, event.object);
      }
    }
    return [200, stream as unknown as ReadStream];
  }

  /** The client's request behind a recorded one (each is paired once). */
  #clientRequest(request: RecordedRequest): ClientRequest | undefined {
    const client = [...this.#clientRequests].find(
      (r) => r.host === this.#host && r.method === request.method && r.path === request.url && !r.destroyed,
    );
    if (client) this.#clientRequests.delete(client);
    return client;
  }

  // ---- the store ----------------------------------------------------------------------------------

  #route(
    path: string,
  ): { discovery: string } | { resource: Resource; namespace?: string; name?: string } | 'not found' {
    const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/(.*))?$/.exec(path);
    if (!match) return 'not found';
    const [, coreVersion, group = '', groupVersion] = match;
    const version = coreVersion ?? groupVersion ?? '';
    const rest = match[4] ? match[4].split('/') : [];
    if (rest.length === 0) return { discovery: `${group}/${version}` };
    const namespaced = rest[0] === 'namespaces' && rest.length >= 3;
    const [plural, name] = namespaced ? rest.slice(2) : rest;
    const resource = this.#resources.find(
      (r) => r.group === group && r.version === version && r.plural === plural,
    );
    if (!resource || resource.namespaced !== namespaced) return 'not found';
    return { resource, namespace: namespaced ? rest[1] : undefined, name };
  }

  #byKind(kind: string, apiVersion?: string): Resource {
    const resource = this.#resources.find(
      (r) =>
        r.kind === kind && (!apiVersion || apiVersion === (r.group ? `${r.group}/${r.version}` : r.version)),
    );
    if (!resource) throw new Error(`fake API: unknown kind ${apiVersion ?? ''} ${kind}`);
    return resource;
  }

  #key(resource: Resource, namespace: string | undefined, name: string | undefined): string {
    return `${resource.group}/${resource.plural}/${namespace ?? ''}/${name ?? ''}`;
  }

  /** Fills in what the server owns: uid, creation time, namespace; keeps them from an existing object. */
  #complete(resource: Resource, object: KubeObject, existing: KubeObject | undefined): KubeObject {
    const version = resource.group ? `${resource.group}/${resource.version}` : resource.version;
    return {
      ...object,
      apiVersion: version,
      kind: resource.kind,
      metadata: {
        ...object.metadata,
        ...(resource.namespaced ? { namespace: object.metadata.namespace ?? 'default' } : {}),
        uid: existing?.metadata.uid ?? randomUUID(),
        creationTimestamp:
          existing?.metadata.creationTimestamp ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        resourceVersion: existing?.metadata.resourceVersion ?? String(this.#rv),
      },
    };
  }

  #store(resource: Resource, object: KubeObject, existing: KubeObject | undefined): KubeObject {
    const stored = structuredClone(object);
    stored.metadata.resourceVersion = String(++this.#rv);
    this.#objects.set(this.#key(resource, stored.metadata.namespace, stored.metadata.name), stored);
    this.#emit({ type: existing ? 'MODIFIED' : 'ADDED', object: stored, resource });
    return stored;
  }

  #delete(resource: Resource, object: KubeObject): void {
    this.#objects.delete(this.#key(resource, object.metadata.namespace, object.metadata.name));
    const gone = { ...object, metadata: { ...object.metadata, resourceVersion: String(++this.#rv) } };
    this.#emit({ type: 'DELETED', object: gone, resource });
  }

  #emit(event: ChangeEvent): void {
    this.#history.push({ rv: this.#rv, event });
    for (const watcher of this.#watchers) {
      const { namespace } = watcher;
      if (
        watcher.open &&
        watcher.resource === event.resource &&
        (!namespace || event.object.metadata.namespace === namespace) &&
        watcher.selector(event.object.metadata.labels)
      ) {
        watcher.send(event.type, event.object);
      }
    }
    // After the answer to the request that caused the change, as a controller would see it.
    for (const hook of this.#hooks) {
      setTimeout(() => void Promise.resolve(hook(structuredClone(event))).catch(reportHookError), 5);
    }
  }
}

function reportHookError(error: unknown): void {
  console.error('fake API: a change hook failed:', error);
}

export function status(
  code: number,
  message: string,
  reason = 'Failure',
  details?: unknown,
): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Status',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function matches(matcher: RequestMatcher, request: RecordedRequest): boolean {
  const { method, path, query, where } = matcher;
  if (method && method !== request.method) return false;
  if (typeof path === 'string' && path !== request.path) return false;
  if (path instanceof RegExp && !path.test(request.path)) return false;
  if (query && Object.entries(query).some(([k, v]) => request.query[k] !== v)) return false;
  return !where || where(request);
}

/** JSON merge patch (RFC 7386); server-side apply is approximated by it too. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** `a=b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma-separated. */
export function labelSelector(
  text: string | undefined,
): (labels: Record<string, string> | undefined) => boolean {
  const terms = (text ?? '').match(/[^,(]+\([^)]*\)|[^,]+/g) ?? [];
  const tests = terms.map((term): ((labels: Record<string, string>) => boolean) => {
    const set = /^\s*(\S+)\s+(in|notin)\s+\(([^)]*)\)\s*$/.exec(term);
    if (set) {
      const [, key = '', op, values = ''] = set;
      const allowed = values.split(',').map((v) => v.trim());
      return (labels) => (op === 'in') === (key in labels && allowed.includes(labels[key] ?? ''));
    }
    const compare = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(\S*)\s*$/.exec(term);
    if (compare) {
      const [, key = '', op, value] = compare;
      return (labels) => (op === '!=') !== (labels[key] === value);
    }
    const key = term.trim().replace(/^!/, '');
    return (labels) => term.trim().startsWith('!') !== key in labels;
  });
  return (labels) => tests.every((test) => test(labels ?? {}));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function suffix(): string {
  return Math.random().toString(36).slice(2, 7);
}
