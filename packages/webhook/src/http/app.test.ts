import { staticSource, type ConfigSource } from '@featuregates/gates';
import { catalog } from '../test-support/catalog';
import { configValidation } from '../controllers/config-validation';
import { resourceValidation } from '../controllers/resource-validation';
import { featuresView } from '../features-view';
import { WebhookMetrics } from '../metrics';
import { readiness } from '../readiness';
import { captureLogs } from '../test-support/capture-logs';
import { send } from '../test-support/https-client';
import { featureFlags, FAN_OUT_WIDGET, PLAIN_WIDGET, reviewFor } from '../test-support/reviews';
import { generateDevCertificate, type DevCertificate } from '../tls/dev-certificate';
import { createApp } from './app';
import { HttpsServer } from './https-server';

describe('the webhook app over HTTPS', () => {
  let certificate: DevCertificate;
  let server: HttpsServer;
  let source: ConfigSource;
  let logs: ReturnType<typeof captureLogs>;
  let metrics: WebhookMetrics;
  let url: string;
  let ready = true;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => send(`${url}${path}`, { body, headers, ca: certificate.ca });
  const get = (path: string, method = 'GET') => send(`${url}${path}`, { method, ca: certificate.ca });

  beforeAll(async () => {
    certificate = await generateDevCertificate();
    logs = captureLogs();
    metrics = new WebhookMetrics(catalog);
    source = staticSource(catalog, { 'enable-api-fields': 'stable' });
    const app = createApp({
      controllers: [resourceValidation({ registry: catalog, source, refreshBeforeDeny: false }), configValidation({ registry: catalog, configMapName: 'feature-flags' })],
      metrics,
      logger: logs.logger,
      readiness: () => {
        const result = readiness(source.state(), { loaded: true }, false);
        return ready ? result : { ...result, ready: false, reasons: ['test'] };
      },
      features: () => featuresView(catalog, source.state(), 'static', 'alpha'),
    });
    server = await HttpsServer.listen(app, { host: '127.0.0.1', port: 0, certificate });
    url = `https://127.0.0.1:${server.port}`;
  });

  afterAll(() => server.drain(1000));

  it('denies with the uid echoed, the paths in the status, and one log line', async () => {
    const review = reviewFor(FAN_OUT_WIDGET, { namespace: 'ns', name: 'm' });
    const before = logs.lines.length;
    const reply = await post('/validate', review);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: { uid: review.request.uid, allowed: false, status: { code: 400, reason: 'BadRequest', message: expect.stringMatching(/^spec\.parts\[0\]\.fanOut: fanOut requires/) }, warnings: [] },
    });
    const logged = logs.lines.slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'info', msg: 'admission denied', uid: review.request.uid, kind: 'example.dev/v1/Widget', namespace: 'ns', name: 'm', violationCount: 1 });
  });

  it('logs a denial of an object with a 1,000,000-character name and namespace in one short line', async () => {
    const review = reviewFor(FAN_OUT_WIDGET, { namespace: 'n'.repeat(1_000_000), name: 'm'.repeat(1_000_000) });
    const before = logs.lines.length;
    expect((await post('/validate', review)).status).toBe(200);
    const logged = logs.lines.slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: 'admission denied', name: expect.stringMatching(/^m+…\(1000000 characters\)$/), namespace: expect.stringMatching(/^n+…\(1000000 characters\)$/) });
    expect(JSON.stringify(logged[0]).length).toBeLessThan(2_000);
  });

  it('allows a plain object without a log line', async () => {
    const before = logs.lines.length;
    const reply = await post('/validate', reviewFor(PLAIN_WIDGET));
    expect((reply.json as { response: { allowed: boolean } }).response.allowed).toBe(true);
    expect(logs.lines.length).toBe(before);
  });

  it('validates the feature-flags ConfigMap on its own route', async () => {
    const reply = await post('/validate/config', reviewFor(featureFlags({ 'enable-api-feilds': 'alpha' })));
    expect((reply.json as { response: { status: { message: string } } }).response.status.message).toContain('did you mean "enable-api-fields"?');
  });

  it.each([
    ['malformed JSON', '{"apiVersion":', {}, 400, /^malformed JSON: /],
    ['no request', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }, {}, 400, /^the AdmissionReview has no request object$/],
    ['a JSON string', '"AdmissionReview"', {}, 400, /^malformed JSON/],
    ['an empty body', '', {}, 400, /^the body is empty/],
    ['text/plain', 'hello', { 'content-type': 'text/plain' }, 415, /application\/json/],
    ['a latin-1 charset', '{}', { 'content-type': 'application/json; charset=latin1' }, 415, /send UTF-8 JSON$/],
    ['over 3 MiB', `{"a":"${'x'.repeat(3 * 1024 * 1024)}"}`, {}, 413, /larger than 3 MiB/],
  ])('answers %s with a clear 4xx', async (_name, body, headers, status, reason) => {
    const reply = await post('/validate', body, headers);
    expect(reply.status).toBe(status);
    expect((reply.json as { error: string }).error).toMatch(reason);
  });

  it('answers other methods with 405 and other paths with 404', async () => {
    expect((await get('/validate')).status).toBe(405);
    expect((await get('/validate')).headers.allow).toBe('POST');
    expect((await get('/nope')).status).toBe(404);
  });

  it('serves /healthz, /readyz, /metrics and /features', async () => {
    expect((await get('/healthz')).json).toEqual({ ok: true });
    expect((await get('/readyz')).status).toBe(200);
    ready = false;
    expect((await get('/readyz')).status).toBe(503);
    ready = true;
    const metricsText = (await get('/metrics')).text;
    expect(metricsText).toMatch(/featuregates_admission_requests_total\{route="\/validate",kind="Widget",operation="CREATE",result="denied"\} \d/);
    expect(metricsText).toMatch(/featuregates_admission_requests_total\{route="\/validate",kind="other",operation="unknown",result="invalid"\} \d/);
    expect(metricsText).toContain('featuregates_feature_uses_total{feature="fan-out",decision="rejected"}');
    const features = (await get('/features')).json as { flags: { key: string; value: string }[] };
    expect(features.flags[0]).toEqual({ key: 'enable-api-fields', value: 'stable', source: 'configmap' });
  });
});
