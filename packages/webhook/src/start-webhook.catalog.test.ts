import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogError, type Registry } from '@featuregates/gates';
// The gate model's small fixture catalog (a made-up Widget project), so these tests need no real catalog.
import { fixture } from '../../gates/src/test-support/fixture';
import { startWebhook, type RunningWebhook } from './start-webhook';
import { captureLogs } from './test-support/capture-logs';
import { eventually } from './test-support/eventually';
import { send } from './test-support/https-client';
import { FAN_OUT_WIDGET, reviewFor } from './test-support/reviews';
import { writeDevCertificate, type DevCertificateFiles } from './tls/dev-certificate';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(true));
  });

describe('startWebhook and its catalog', () => {
  let dir: string;
  let files: DevCertificateFiles;
  let ca: string;
  let webhook: RunningWebhook | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fg-catalog-'));
    files = await writeDevCertificate(join(dir, 'certs'));
    ca = readFileSync(files.caPath, 'utf8');
  });

  afterEach(async () => {
    await webhook?.stop();
    webhook = undefined;
  });

  const start = (registry: Registry, config: string, extra: { ceiling?: 'stable' | 'beta' | 'alpha'; port?: number } = {}) => {
    const file = join(dir, `flags-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, config);
    const logs = captureLogs();
    const started = startWebhook({ registry, config: { file }, tls: { certFile: files.certPath, keyFile: files.keyPath }, host: '127.0.0.1', port: extra.port ?? 0, logger: logs.logger, ...(extra.ceiling ? { ceiling: extra.ceiling } : {}) });
    return { started, logs };
  };

  it('never starts a server for a catalog whose type edge points at a missing type (which once answered HTTP 500 to every review)', async () => {
    const broken: Registry = { ...fixture, types: { ...fixture.types, WidgetSpec: { 'parts[]': 'Part', child: 'WidgetSpc' } } };
    const port = await freePort();
    const { started, logs } = start(broken, 'enable-api-fields: beta\n', { port });
    await expect(started).rejects.toThrow(CatalogError);
    await expect(started).rejects.toThrow('type "WidgetSpec": field "child" points at type "WidgetSpc", which is not in `types`: add it to `types` or fix the name (did you mean "WidgetSpec"?)');
    expect(await refused(port)).toBe(true);
    expect(logs.lines).toEqual([]);
  });

  it('serves a sound catalog', async () => {
    const { started } = start(fixture, 'enable-api-fields: beta\n');
    webhook = await started;
    const body = (await send(`${webhook.url}/validate`, { body: reviewFor(FAN_OUT_WIDGET), ca })).json as { response: { allowed: boolean } };
    expect(body.response.allowed).toBe(true);
  });

  it('holds a ceiling like a bundle: a config above it is refused, and a feature above it is denied naming the bundle that has it', async () => {
    const above = start(fixture, 'enable-api-fields: beta\n', { ceiling: 'stable' });
    webhook = await above.started;
    await eventually(async () => expect(above.logs.lines.some((line) => line.msg === 'config refused; no good config yet')).toBe(true));
    const refusal = above.logs.lines.find((line) => line.msg === 'config refused; no good config yet') as { errors: { message: string }[] };
    expect(refusal.errors.map((error) => error.message)).toEqual(['"enable-api-fields" is "beta", but this is the stable bundle, which allows at most "stable": install the "beta" or "alpha" bundle for beta features']);
    expect((await send(`${webhook.url}/readyz`, { ca })).status).toBe(503);
    expect(((await send(`${webhook.url}/features`, { ca })).json as { ceiling: string }).ceiling).toBe('stable');
    await webhook.stop();

    const within = start(fixture, 'enable-api-fields: stable\n', { ceiling: 'stable' });
    webhook = await within.started;
    const body = (await send(`${webhook.url}/validate`, { body: reviewFor(FAN_OUT_WIDGET), ca })).json as { response: { allowed: boolean; status: { message: string } } };
    expect(body.response.allowed).toBe(false);
    expect(body.response.status.message).toBe(
      'spec.parts[0].fanOut: fanOut requires "enable-api-fields" feature gate to be "alpha" or "beta" but it is "stable"; the stable bundle cannot turn on beta features: install the "beta" or "alpha" bundle',
    );
    const config = (await send(`${webhook.url}/validate/config`, { body: reviewFor({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'feature-flags' }, data: { 'enable-api-fields': 'alpha' } }), ca })).json as {
      response: { allowed: boolean };
    };
    expect(config.response.allowed).toBe(false);
  });
});
