import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { KubernetesObjectsStandIn } from './kubernetes-objects-stand-in';

/**
 * A STAND-IN for kube-apiserver, for tests only: no API server can run on this machine, so this
 * local HTTP server speaks just enough of the Kubernetes wire protocol for ConfigMaps in one
 * namespace — list (with a resourceVersion), watch (chunked JSON events from a resourceVersion,
 * ERROR events, 410 Gone once history is compacted), and get — plus knobs to break it. Secrets
 * and ValidatingWebhookConfigurations, for the webhook's certificate manager, are in `objectStore`.
 */
export class ConfigMapApiServerStandIn {
  readonly requests: { type: 'list' | 'watch' | 'get'; resourceVersion?: string }[] = [];
  /** Watch events are kept back (a watch that lags) while this is set. */
  holdEvents = false;
  /** GETs of one ConfigMap never answer while this is set. */
  hangGets = false;
  /** How a watch from a compacted resourceVersion is refused: an ERROR event (as the API server does) or an HTTP 410. */
  goneAs: 'event' | 'status' = 'event';

  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<{ res: ServerResponse; name?: string }>();
  private readonly objects = new Map<string, Record<string, unknown>>();
  private readonly history: { resourceVersion: number; type: string; object: Record<string, unknown> }[] = [];
  private readonly failures: { type: 'list' | 'watch' | 'get'; status: number }[] = [];
  private resourceVersion = 100;
  private oldestWatchable = 0;
  /** Secrets and ValidatingWebhookConfigurations, sharing this stand-in's resourceVersion counter. */
  readonly objectStore: KubernetesObjectsStandIn;

  constructor(readonly namespace = 'widgets') {
    this.objectStore = new KubernetesObjectsStandIn(namespace, () => ++this.resourceVersion);
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  kubeConfig(): KubeConfig {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'stand-in', server: this.url, skipTLSVerify: true }],
      users: [{ name: 'tester', token: 'not-checked' }],
      contexts: [{ name: 'stand-in', cluster: 'stand-in', user: 'tester', namespace: this.namespace }],
      currentContext: 'stand-in',
    });
    return kubeConfig;
  }

  count(type: 'list' | 'watch' | 'get'): number {
    return this.requests.filter((request) => request.type === type).length;
  }

  set(name: string, data: Record<string, string>): void {
    const type = this.objects.has(name) ? 'MODIFIED' : 'ADDED';
    const object = { metadata: { name, namespace: this.namespace, uid: `uid-${name}`, resourceVersion: String(++this.resourceVersion) }, data };
    this.objects.set(name, object);
    this.record(type, object);
  }

  remove(name: string): void {
    const object = this.objects.get(name);
    if (!object) return;
    this.objects.delete(name);
    const metadata = { ...(object.metadata as object), resourceVersion: String(++this.resourceVersion) };
    this.record('DELETED', { ...object, metadata });
  }

  /** The next `count` requests of a type answer `status`. */
  failNext(type: 'list' | 'watch' | 'get', count = 1, status = 500): void {
    for (let i = 0; i < count; i++) this.failures.push({ type, status });
  }

  /** Compacts history: a watch from any resourceVersion older than the current one gets 410 Gone. */
  compact(): void {
    this.oldestWatchable = this.resourceVersion;
  }

  /** Sends every open watch an ERROR event with 410 Gone and ends it, as a lagging watch cache does. */
  expireOpenWatches(): void {
    for (const watch of this.watches) {
      watch.res.end(`${JSON.stringify({ type: 'ERROR', object: this.gone('watch expired') })}\n`);
    }
    this.watches.clear();
  }

  /** Drops every open watch connection without a word (a dead load balancer, a restarted API server). */
  dropWatches(): void {
    for (const watch of this.watches) watch.res.socket?.destroy();
    this.watches.clear();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private record(type: string, object: Record<string, unknown>): void {
    const entry = { resourceVersion: this.resourceVersion, type, object };
    this.history.push(entry);
    if (!this.holdEvents) for (const watch of this.watches) this.send(watch, entry);
  }

  /** Delivers the events kept back while `holdEvents` was set. */
  release(since: number): void {
    this.holdEvents = false;
    for (const entry of this.history.filter((item) => item.resourceVersion > since)) for (const watch of this.watches) this.send(watch, entry);
  }

  get currentResourceVersion(): number {
    return this.resourceVersion;
  }

  private send(watch: { res: ServerResponse; name?: string }, entry: { type: string; object: Record<string, unknown> }): void {
    const name = (entry.object.metadata as { name: string }).name;
    if (watch.name === undefined || watch.name === name) watch.res.write(`${JSON.stringify({ type: entry.type, object: entry.object })}\n`);
  }

  private gone(message: string) {
    return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Expired', code: 410 };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const other = this.objectStore.route(url.pathname);
    if (other) return this.objectStore.handle(req, res, other);
    const prefix = `/api/v1/namespaces/${this.namespace}/configmaps`;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const selected = /^metadata\.name=(.+)$/.exec(url.searchParams.get('fieldSelector') ?? '')?.[1];
    let type: 'list' | 'watch' | 'get';
    if (url.pathname === prefix) type = url.searchParams.get('watch') === 'true' ? 'watch' : 'list';
    else if (url.pathname.startsWith(`${prefix}/`)) type = 'get';
    else return json(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
    const resourceVersion = url.searchParams.get('resourceVersion') ?? undefined;
    this.requests.push(resourceVersion === undefined ? { type } : { type, resourceVersion });

    const failure = this.failures.findIndex((item) => item.type === type);
    if (failure >= 0) {
      const { status } = this.failures.splice(failure, 1)[0];
      return json(status, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'stand-in failure', code: status });
    }

    if (type === 'get') {
      if (this.hangGets) return;
      const object = this.objects.get(decodeURIComponent(url.pathname.slice(prefix.length + 1)));
      return object
        ? json(200, { kind: 'ConfigMap', apiVersion: 'v1', ...object })
        : json(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
    }
    if (type === 'list') {
      const items = [...this.objects.values()].filter((object) => selected === undefined || (object.metadata as { name: string }).name === selected);
      return json(200, { kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: String(this.resourceVersion) }, items });
    }

    const from = Number(resourceVersion ?? 0);
    if (resourceVersion && from < this.oldestWatchable) {
      const message = `too old resource version: ${from} (${this.resourceVersion})`;
      if (this.goneAs === 'status') return json(410, this.gone(message));
      res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      res.end(`${JSON.stringify({ type: 'ERROR', object: this.gone(message) })}\n`);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    res.flushHeaders();
    const watch = selected === undefined ? { res } : { res, name: selected };
    this.watches.add(watch);
    res.on('close', () => this.watches.delete(watch));
    if (!this.holdEvents) for (const entry of this.history.filter((item) => item.resourceVersion > from)) this.send(watch, entry);
  }
}
