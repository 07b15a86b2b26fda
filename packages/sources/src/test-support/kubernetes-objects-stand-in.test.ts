import { ConfigMapApiServerStandIn } from './configmap-apiserver-stand-in';
import { ADMIN_TOKEN } from './kubernetes-objects-stand-in';

// The stand-in is what the certificate manager's tests trust to behave like kube-apiserver, so its own behaviour is pinned here.
describe('the API stand-in for Secrets and ValidatingWebhookConfigurations', () => {
  let apiServer: ConfigMapApiServerStandIn;
  beforeEach(async () => {
    apiServer = await new ConfigMapApiServerStandIn('featuregates').start();
  });
  afterEach(() => apiServer.close());

  const secrets = () => `${apiServer.url}/api/v1/namespaces/featuregates/secrets`;
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, json: (await res.json()) as { metadata: { resourceVersion: string }; data?: Record<string, string>; reason?: string } };
  };

  it('creates once, then answers 409 AlreadyExists; updates only at the current resourceVersion', async () => {
    const created = await call('POST', secrets(), { metadata: { name: 's' }, data: { a: 'MQ==' } });
    expect(created.status).toBe(201);
    expect((await call('POST', secrets(), { metadata: { name: 's' } })).json.reason).toBe('AlreadyExists');
    const { resourceVersion } = created.json.metadata;
    const updated = await call('PUT', `${secrets()}/s`, { metadata: { name: 's', resourceVersion }, data: { a: 'Mg==' } });
    expect(updated.status).toBe(200);
    const stale = await call('PUT', `${secrets()}/s`, { metadata: { name: 's', resourceVersion }, data: { a: 'Mw==' } });
    expect([stale.status, stale.json.reason]).toEqual([409, 'Conflict']);
    expect((await call('GET', `${secrets()}/s`)).json.data).toEqual({ a: 'Mg==' });
  });

  it('patches with a merge patch or a JSON patch, and 404s what is not there', async () => {
    apiServer.objectStore.put('validatingwebhookconfigurations', { metadata: { name: 'w' }, webhooks: [{ name: 'a', clientConfig: { caBundle: 'eA==' } }] });
    const url = `${apiServer.url}/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/w`;
    await call('PATCH', url, [{ op: 'replace', path: '/webhooks/0/clientConfig/caBundle', value: '' }], { 'content-type': 'application/json-patch+json' });
    expect(apiServer.objectStore.get('validatingwebhookconfigurations', 'w')).toMatchObject({ webhooks: [{ clientConfig: { caBundle: '' } }] });
    await call('PATCH', url, { metadata: { labels: { x: 'y' } } }, { 'content-type': 'application/merge-patch+json' });
    expect(apiServer.objectStore.get('validatingwebhookconfigurations', 'w')).toMatchObject({ metadata: { labels: { x: 'y' } }, webhooks: [{ name: 'a' }] });
    expect((await call('GET', `${secrets()}/missing`)).status).toBe(404);
  });

  it('answers 403 for what its RBAC rules do not grant, by verb and name, but not to an administrator', async () => {
    apiServer.objectStore.rbac = [{ resource: 'secrets', verbs: ['get'], names: ['mine'] }];
    expect((await call('GET', `${secrets()}/other`)).status).toBe(403);
    expect((await call('GET', `${secrets()}/mine`)).status).toBe(404);
    expect((await call('POST', secrets(), { metadata: { name: 'mine' } })).status).toBe(403);
    expect((await call('POST', secrets(), { metadata: { name: 'mine' } }, { authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(201);
    expect(apiServer.objectStore.requests.map((request) => [request.verb, request.status])).toEqual([
      ['get', 403],
      ['get', 404],
      ['create', 403],
      ['create', 201],
    ]);
  });
});
