import { request } from 'node:https';
import { catalog } from '../test-support/catalog';
// The Kubernetes API stand-in that the sources package tests with (a local HTTP server, not a cluster).
import { ConfigMapApiServerStandIn } from '../../../sources/src/test-support/configmap-apiserver-stand-in';
import { startWebhook, type RunningWebhook } from '../start-webhook';
import { captureLogs } from '../test-support/capture-logs';
import { eventually } from '../test-support/eventually';
import { send } from '../test-support/https-client';
import { PLAIN_WIDGET, reviewFor } from '../test-support/reviews';

const NAMESPACE = 'featuregates';
const SERVICE_NAME = `featuregates-webhook.${NAMESPACE}.svc`;

// Real certificates, a real HTTP API stand-in and @kubernetes/client-node: slow on a busy machine, not wrong.
jest.setTimeout(30_000);

describe('startWebhook with self-managed certificates', () => {
  let apiServer: ConfigMapApiServerStandIn;
  let webhook: RunningWebhook | undefined;
  beforeEach(async () => {
    apiServer = await new ConfigMapApiServerStandIn(NAMESPACE).start();
    apiServer.set('feature-flags', { 'enable-api-fields': 'beta' });
  });
  afterEach(async () => {
    await webhook?.stop();
    webhook = undefined;
    await apiServer.close();
  });

  const caBundle = () => {
    const configuration = apiServer.objectStore.get('validatingwebhookconfigurations', 'featuregates') as unknown as { webhooks: { clientConfig: { caBundle: string } }[] };
    return Buffer.from(configuration.webhooks[0].clientConfig.caBundle, 'base64').toString('utf8');
  };
  const start = () =>
    startWebhook({
      registry: catalog,
      config: { kubernetes: { namespace: NAMESPACE, name: 'feature-flags', kubeConfig: apiServer.kubeConfig() } },
      tls: { selfManaged: { namespace: NAMESPACE, service: 'featuregates-webhook', secretName: 'featuregates-webhook-tls', webhookConfigurationName: 'featuregates', kubeConfig: apiServer.kubeConfig(), resyncMs: 200 } },
      host: '127.0.0.1',
      port: 0,
      logger: captureLogs().logger,
    });

  it('serves a certificate that the caBundle it wrote trusts, and shows its expiry and the CA\'s', async () => {
    apiServer.objectStore.put('validatingwebhookconfigurations', { metadata: { name: 'featuregates' }, webhooks: [{ name: 'a', clientConfig: { caBundle: '' } }, { name: 'b', clientConfig: { caBundle: '' } }] });
    webhook = await start();
    const ca = caBundle();
    const get = (path: string) => send(`${webhook?.url}${path}`, { ca, servername: SERVICE_NAME });
    await eventually(async () => expect((await get('/readyz')).status).toBe(200));
    expect((await send(`${webhook.url}/validate`, { ca, servername: SERVICE_NAME, body: reviewFor(PLAIN_WIDGET) })).status).toBe(200);
    const certificates = (await get('/certificates')).json as { mode: string; serving: { notAfter: string }; ca: { notAfter: string }; caBundleMatches: boolean };
    expect(certificates).toMatchObject({ mode: 'self-managed', caBundleMatches: true, dnsNames: [SERVICE_NAME, `${SERVICE_NAME}.cluster.local`, 'localhost'] });
    // What an installer does through `kubectl port-forward`: localhost, with the CA from caBundle.
    expect((await send(`https://localhost:${webhook.port}/readyz`, { ca })).status).toBe(200);
    expect(Date.parse(certificates.ca.notAfter) - Date.parse(certificates.serving.notAfter)).toBe(21 * 24 * 3600 * 1000);
    const metrics = (await get('/metrics')).text;
    expect(metrics).toContain(`featuregates_certificate_expiry_timestamp_seconds{which="serving"} ${Date.parse(certificates.serving.notAfter) / 1000}`);
    expect(metrics).toContain(`featuregates_certificate_expiry_timestamp_seconds{which="ca"} ${Date.parse(certificates.ca.notAfter) / 1000}`);
  });

  it('listens before it can reach its ValidatingWebhookConfiguration, and is not ready until caBundle trusts it', async () => {
    webhook = await start();
    // A probe, like the kubelet's, does not verify the certificate.
    const status = await new Promise<{ code: number; body: string }>((resolve, reject) => {
      request(`${webhook?.url}/readyz`, { rejectUnauthorized: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
      })
        .on('error', reject)
        .end();
    });
    expect(status.code).toBe(503);
    expect(status.body).toMatch(/caBundle of the ValidatingWebhookConfiguration is not yet known to trust/);
    apiServer.objectStore.put('validatingwebhookconfigurations', { metadata: { name: 'featuregates' }, webhooks: [{ name: 'a', clientConfig: { caBundle: '' } }] });
    await eventually(async () => expect((await send(`${webhook?.url}/readyz`, { ca: caBundle(), servername: SERVICE_NAME })).status).toBe(200));
  });
});
