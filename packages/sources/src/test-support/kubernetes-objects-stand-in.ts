import type { IncomingMessage, ServerResponse } from 'node:http';

/** The two kinds of object the webhook's certificate manager reads and writes. */
export type StandInResource = 'secrets' | 'validatingwebhookconfigurations';
export type StandInVerb = 'get' | 'create' | 'update' | 'patch' | 'delete';

/** One RBAC rule as a Role or ClusterRole states it: `names` empty means any name (create cannot be limited by name). */
export interface StandInRule {
  resource: StandInResource;
  verbs: StandInVerb[];
  names?: string[];
}

/** Requests bearing this token are an administrator's (kubectl in a test): RBAC rules do not apply to them. */
export const ADMIN_TOKEN = 'stand-in-admin';

export interface ObjectRequest {
  verb: StandInVerb;
  resource: StandInResource;
  name?: string;
  status: number;
}

type KubeObject = { metadata: { name: string; namespace?: string; resourceVersion?: string; uid?: string; [key: string]: unknown }; [key: string]: unknown };

const KINDS: Record<StandInResource, { kind: string; apiVersion: string }> = {
  secrets: { kind: 'Secret', apiVersion: 'v1' },
  validatingwebhookconfigurations: { kind: 'ValidatingWebhookConfiguration', apiVersion: 'admissionregistration.k8s.io/v1' },
};

const status = (code: number, reason: string, message: string) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason, message, code });

/** RFC 7386 JSON merge patch (what `kubectl patch --type merge` sends). */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** RFC 6902 JSON patch, the operations `kubectl patch --type json` uses: test, replace, add, remove. */
function jsonPatch(target: KubeObject, operations: { op: string; path: string; value?: unknown }[]): KubeObject {
  const copy = structuredClone(target) as unknown as Record<string, unknown>;
  for (const operation of operations) {
    const keys = operation.path.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop() as string;
    let parent: Record<string, unknown> = copy;
    for (const key of keys) parent = parent[key] as Record<string, unknown>;
    if (parent === undefined || parent === null) throw new Error(`path ${operation.path} does not exist`);
    if (operation.op === 'test' && JSON.stringify(parent[last]) !== JSON.stringify(operation.value)) throw new Error(`test of ${operation.path} failed`);
    if (operation.op === 'replace' || operation.op === 'add') parent[last] = operation.value;
    if (operation.op === 'remove') delete parent[last];
  }
  return copy as unknown as KubeObject;
}

/**
 * Secrets in one namespace and ValidatingWebhookConfigurations, as a STAND-IN for kube-apiserver
 * serves them: GET, POST (409 AlreadyExists), PUT (409 Conflict on a stale resourceVersion),
 * PATCH (merge or JSON patch), DELETE; and, when `rbac` is set, 403 Forbidden for anything the
 * rules do not grant (but to ADMIN_TOKEN).
 */
export class KubernetesObjectsStandIn {
  readonly requests: ObjectRequest[] = [];
  /** Undefined lets everything through; set, only what a rule grants. */
  rbac: StandInRule[] | undefined;

  private readonly objects = new Map<string, KubeObject>();
  private readonly failures: { verb: StandInVerb; resource: StandInResource; status: number }[] = [];

  constructor(
    private readonly namespace: string,
    private readonly nextResourceVersion: () => number,
  ) {}

  get(resource: StandInResource, name: string): KubeObject | undefined {
    const object = this.objects.get(`${resource}/${name}`);
    return object && structuredClone(object);
  }

  /** Creates or replaces an object as an administrator would (no RBAC, no resourceVersion check). */
  put(resource: StandInResource, object: KubeObject): KubeObject {
    return this.store(resource, structuredClone(object));
  }

  remove(resource: StandInResource, name: string): void {
    this.objects.delete(`${resource}/${name}`);
  }

  count(verb: StandInVerb, resource: StandInResource): number {
    return this.requests.filter((request) => request.verb === verb && request.resource === resource).length;
  }

  /** The next `count` requests of this verb on this resource answer `status` (a 409 answers as a conflict). */
  failNext(verb: StandInVerb, resource: StandInResource, count = 1, code = 500): void {
    for (let i = 0; i < count; i++) this.failures.push({ verb, resource, status: code });
  }

  /** The resource and name a path addresses, if it is one of this stand-in's. */
  route(pathname: string): { resource: StandInResource; name?: string } | undefined {
    const paths: [StandInResource, string][] = [
      ['secrets', `/api/v1/namespaces/${this.namespace}/secrets`],
      ['validatingwebhookconfigurations', '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations'],
    ];
    for (const [resource, prefix] of paths) {
      if (pathname === prefix) return { resource };
      if (pathname.startsWith(`${prefix}/`)) return { resource, name: decodeURIComponent(pathname.slice(prefix.length + 1)) };
    }
    return undefined;
  }

  handle(req: IncomingMessage, res: ServerResponse, target: { resource: StandInResource; name?: string }): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const verb = ({ GET: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' } as Record<string, StandInVerb>)[req.method ?? 'GET'] ?? 'get';
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      const name = target.name ?? (body as KubeObject | undefined)?.metadata?.name;
      const admin = req.headers.authorization === `Bearer ${ADMIN_TOKEN}`;
      const [code, answer] = this.answer(verb, target.resource, name, body, String(req.headers['content-type'] ?? ''), admin);
      this.requests.push({ verb, resource: target.resource, ...(name === undefined ? {} : { name }), status: code });
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  }

  private allowed(verb: StandInVerb, resource: StandInResource, name: string | undefined): boolean {
    if (!this.rbac) return true;
    return this.rbac.some((rule) => rule.resource === resource && rule.verbs.includes(verb) && (!rule.names || rule.names.length === 0 || (verb !== 'create' && name !== undefined && rule.names.includes(name))));
  }

  private store(resource: StandInResource, object: KubeObject): KubeObject {
    const { kind, apiVersion } = KINDS[resource];
    const name = object.metadata.name;
    const existing = this.objects.get(`${resource}/${name}`);
    const metadata = {
      ...object.metadata,
      ...(resource === 'secrets' ? { namespace: this.namespace } : {}),
      uid: existing?.metadata.uid ?? `uid-${resource}-${name}-${this.nextResourceVersion()}`,
      resourceVersion: String(this.nextResourceVersion()),
    };
    const stored = { ...object, kind, apiVersion, metadata };
    this.objects.set(`${resource}/${name}`, stored);
    return structuredClone(stored);
  }

  private answer(verb: StandInVerb, resource: StandInResource, name: string | undefined, body: unknown, contentType: string, admin: boolean): [number, unknown] {
    const { kind } = KINDS[resource];
    if (!admin && !this.allowed(verb, resource, name)) {
      return [403, status(403, 'Forbidden', `${resource}${name ? ` "${name}"` : ''} is forbidden: the stand-in's RBAC rules do not grant "${verb}"`)];
    }
    const failure = this.failures.findIndex((item) => item.verb === verb && item.resource === resource);
    if (failure >= 0) {
      const code = this.failures.splice(failure, 1)[0].status;
      return [code, status(code, code === 409 ? 'Conflict' : 'InternalError', 'stand-in failure')];
    }
    if (name === undefined) return [405, status(405, 'MethodNotAllowed', 'the stand-in serves single objects only')];
    const existing = this.objects.get(`${resource}/${name}`);
    const notFound = () => [404, status(404, 'NotFound', `${resource} "${name}" not found`)] as [number, unknown];
    switch (verb) {
      case 'get':
        return existing ? [200, structuredClone(existing)] : notFound();
      case 'delete':
        if (!existing) return notFound();
        this.objects.delete(`${resource}/${name}`);
        return [200, status(200, '', 'deleted')];
      case 'create':
        if (existing) return [409, status(409, 'AlreadyExists', `${resource} "${name}" already exists`)];
        return [201, this.store(resource, body as KubeObject)];
      case 'update': {
        if (!existing) return notFound();
        const given = (body as KubeObject).metadata.resourceVersion;
        if (given !== undefined && given !== existing.metadata.resourceVersion) {
          return [409, status(409, 'Conflict', `Operation cannot be fulfilled on ${kind} "${name}": the object has been modified; please apply your changes to the latest version and try again`)];
        }
        return [200, this.store(resource, body as KubeObject)];
      }
      case 'patch': {
        if (!existing) return notFound();
        try {
          const patched = contentType.includes('json-patch') ? jsonPatch(existing, body as never) : (mergePatch(existing, body) as KubeObject);
          return [200, this.store(resource, patched)];
        } catch (error) {
          return [422, status(422, 'Invalid', (error as Error).message)];
        }
      }
    }
  }
}
