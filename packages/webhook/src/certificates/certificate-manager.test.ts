// The Kubernetes API stand-in that the sources package tests with (a local HTTP server, not a cluster).
import { ConfigMapApiServerStandIn } from '../../../sources/src/test-support/configmap-apiserver-stand-in';
import { CertificateManager, type CertificateManagerOptions } from './certificate-manager';
import { bundleTrusts, SECRET_KEYS } from './certificate-set';
import type { IssuedPair } from './issue';
import { kubernetesCertificateApi } from './kubernetes-certificate-api';
import { certificateSettings } from './settings';

const NAMESPACE = 'featuregates';
const webhookConfiguration = () => ({
  metadata: { name: 'featuregates' },
  webhooks: [
    { name: 'validation.featuregates.dev', clientConfig: { service: { name: 'featuregates-webhook', namespace: NAMESPACE }, caBundle: '' } },
    { name: 'config.featuregates.dev', clientConfig: { service: { name: 'featuregates-webhook', namespace: NAMESPACE }, caBundle: '' } },
  ],
});
/** The rules release.yaml grants (e2e/src/webhook-certificates.e2e.test.ts reads them from release.yaml itself). */
const RELEASE_RBAC = [
  { resource: 'secrets' as const, verbs: ['get' as const, 'update' as const], names: ['featuregates-webhook-tls'] },
  { resource: 'secrets' as const, verbs: ['create' as const] },
  { resource: 'validatingwebhookconfigurations' as const, verbs: ['get' as const, 'update' as const], names: ['featuregates'] },
];

// Real certificates, a real HTTP API stand-in and @kubernetes/client-node: slow on a busy machine, not wrong.
jest.setTimeout(30_000);

describe('CertificateManager against a stand-in API server', () => {
  let apiServer: ConfigMapApiServerStandIn;
  const managers: CertificateManager[] = [];

  beforeEach(async () => {
    apiServer = await new ConfigMapApiServerStandIn(NAMESPACE).start();
    apiServer.objectStore.put('validatingwebhookconfigurations', webhookConfiguration());
    apiServer.objectStore.rbac = RELEASE_RBAC;
  });
  afterEach(async () => {
    await Promise.all(managers.splice(0).map((manager) => manager.close()));
    await apiServer.close();
  });

  const manager = async (overrides: Partial<CertificateManagerOptions> = {}) => {
    const served: IssuedPair[] = [];
    const api = await kubernetesCertificateApi({ namespace: NAMESPACE, secretName: 'featuregates-webhook-tls', webhookConfigurationName: 'featuregates', kubeConfig: apiServer.kubeConfig() });
    const created = new CertificateManager(api, {
      namespace: NAMESPACE,
      service: 'featuregates-webhook',
      secretName: 'featuregates-webhook-tls',
      webhookConfigurationName: 'featuregates',
      settings: certificateSettings(),
      resyncMs: 60_000,
      serve: (pair) => served.push(pair),
      ...overrides,
    });
    managers.push(created);
    return { manager: created, served };
  };
  const caBundles = () => {
    const stored = apiServer.objectStore.get('validatingwebhookconfigurations', 'featuregates') as unknown as ReturnType<typeof webhookConfiguration>;
    return stored.webhooks.map((webhook) => Buffer.from(webhook.clientConfig.caBundle, 'base64').toString('utf8'));
  };
  const secretData = () => (apiServer.objectStore.get('secrets', 'featuregates-webhook-tls') as unknown as { data: Record<string, string> }).data;

  it('two replicas racing on an empty cluster end with one Secret, both serving it, and both caBundles trusting it', async () => {
    const [one, two] = await Promise.all([manager(), manager()]);
    await Promise.all([one.manager.sync(), two.manager.sync()]);
    const created = apiServer.objectStore.requests.filter((request) => request.verb === 'create');
    expect(created.filter((request) => request.status === 201)).toHaveLength(1);
    const served = Buffer.from(secretData()[SECRET_KEYS.cert], 'base64').toString('utf8');
    expect(one.served.at(-1)?.cert).toBe(served);
    expect(two.served.at(-1)?.cert).toBe(served);
    expect(caBundles().every((bundle) => bundleTrusts(bundle, served))).toBe(true);
    expect(one.manager.status()).toMatchObject({ caBundleMatches: true, secret: 'featuregates/featuregates-webhook-tls' });
    expect(two.manager.status().caBundleMatches).toBe(true);
  });

  it('keeps a good Secret as it is, and restores a caBundle someone blanked', async () => {
    const { manager: replica } = await manager();
    await replica.sync();
    const updates = apiServer.objectStore.count('update', 'secrets');
    await replica.sync();
    expect(apiServer.objectStore.count('update', 'secrets')).toBe(updates);
    expect(apiServer.objectStore.count('update', 'validatingwebhookconfigurations')).toBe(1);
    const blanked = apiServer.objectStore.get('validatingwebhookconfigurations', 'featuregates') as unknown as ReturnType<typeof webhookConfiguration>;
    blanked.webhooks[1].clientConfig.caBundle = '';
    apiServer.objectStore.put('validatingwebhookconfigurations', blanked);
    await replica.sync();
    expect(caBundles().every((bundle) => bundleTrusts(bundle, replica.current?.cert as string))).toBe(true);
  });

  it('re-reads after a 409 and uses what won', async () => {
    const { manager: replica } = await manager();
    await replica.sync();
    apiServer.objectStore.failNext('update', 'validatingwebhookconfigurations', 1, 409);
    apiServer.objectStore.put('validatingwebhookconfigurations', webhookConfiguration());
    await replica.sync();
    expect(replica.status()).toMatchObject({ caBundleMatches: true });
    expect(replica.status().error).toBeUndefined();
  });

  it('rebuilds a deleted Secret from what it serves and starts a CA rotation, serving the same certificate meanwhile', async () => {
    const { manager: replica, served } = await manager();
    await replica.sync();
    const before = replica.current as IssuedPair;
    apiServer.objectStore.remove('secrets', 'featuregates-webhook-tls');
    await replica.sync();
    const data = secretData();
    expect(Buffer.from(data[SECRET_KEYS.cert], 'base64').toString('utf8')).toBe(before.cert);
    expect(data[SECRET_KEYS.nextCaCert]).toBeDefined();
    expect(served).toHaveLength(1);
    const nextCa = Buffer.from(data[SECRET_KEYS.nextCaCert], 'base64').toString('utf8');
    expect(caBundles().every((bundle) => bundleTrusts(bundle, nextCa) && bundleTrusts(bundle, before.cert))).toBe(true);
  });

  it('says what RBAC refuses, and is not known to match until caBundle is written', async () => {
    apiServer.objectStore.rbac = RELEASE_RBAC.filter((rule) => rule.resource === 'secrets');
    const { manager: replica, served } = await manager();
    await expect(replica.sync()).rejects.toThrow();
    expect(served).toHaveLength(1);
    expect(replica.status()).toMatchObject({ caBundleMatches: false, error: expect.stringMatching(/^HTTP 403: .*forbidden/) });
    apiServer.objectStore.rbac = RELEASE_RBAC;
    await replica.sync();
    expect(replica.status()).toMatchObject({ caBundleMatches: true });
    expect(replica.status().error).toBeUndefined();
  });
});
