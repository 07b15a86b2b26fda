import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from './test-support/catalog';
// The Kubernetes API stand-in that the sources package tests with (a local HTTP server, not a cluster).
import { ConfigMapApiServerStandIn } from '../../sources/src/test-support/configmap-apiserver-stand-in';
import { startWebhook, type RunningWebhook } from './start-webhook';
import { captureLogs } from './test-support/capture-logs';
import { eventually } from './test-support/eventually';
import { send } from './test-support/https-client';
import { FAN_OUT_WIDGET, reviewFor } from './test-support/reviews';
import { writeDevCertificate, type DevCertificateFiles } from './tls/dev-certificate';

describe('startWebhook', () => {
  let dir: string;
  let files: DevCertificateFiles;
  let ca: string;
  let webhook: RunningWebhook | undefined;
  const allowed = async (body: unknown) => ((await send(`${webhook?.url}/validate`, { body, ca })).json as { response: { allowed: boolean } }).response.allowed;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fg-start-'));
    files = await writeDevCertificate(join(dir, 'certs'));
    ca = readFileSync(files.caPath, 'utf8');
  });

  afterEach(async () => {
    await webhook?.stop();
    webhook = undefined;
  });

  const tls = () => ({ certFile: files.certPath, keyFile: files.keyPath });

  it('serves decisions from a watched file and logs each load', async () => {
    const config = join(dir, 'flags.yaml');
    writeFileSync(config, 'enable-api-fields: stable\n');
    const logs = captureLogs();
    webhook = await startWebhook({ registry: catalog, config: { file: config }, tls: tls(), host: '127.0.0.1', port: 0, logger: logs.logger, pollIntervalMs: 100 });
    expect((await send(`${webhook.url}/readyz`, { ca })).status).toBe(200);
    expect(await allowed(reviewFor(FAN_OUT_WIDGET))).toBe(false);
    writeFileSync(config, 'enable-api-fields: beta\n');
    await eventually(async () => expect(await allowed(reviewFor(FAN_OUT_WIDGET))).toBe(true));
    const loads = logs.lines.filter((line) => line.msg === 'config loaded');
    expect(loads.map((line) => [line.level, line.apiFields])).toEqual([
      ['info', 'stable'],
      ['info', 'beta'],
    ]);
    expect(logs.lines.find((line) => line.msg === 'listening')).toMatchObject({ url: webhook.url, source: `file ${config}` });
  });

  it('re-reads a cluster ConfigMap before rejecting, so a change the watch has not delivered counts', async () => {
    const apiServer = await new ConfigMapApiServerStandIn('widgets').start();
    try {
      apiServer.set('feature-flags', { 'enable-api-fields': 'stable' });
      webhook = await startWebhook({
        registry: catalog,
        config: { kubernetes: { namespace: 'widgets', name: 'feature-flags', kubeConfig: apiServer.kubeConfig() } },
        tls: tls(),
        host: '127.0.0.1',
        port: 0,
        logger: captureLogs().logger,
      });
      await eventually(async () => expect((await send(`${webhook?.url}/readyz`, { ca })).status).toBe(200));
      apiServer.holdEvents = true;
      apiServer.set('feature-flags', { 'enable-api-fields': 'beta' });
      expect(await allowed(reviewFor(FAN_OUT_WIDGET))).toBe(true);
      expect(apiServer.count('get')).toBe(1);
    } finally {
      await webhook?.stop();
      webhook = undefined;
      await apiServer.close();
    }
  });

  it('refuses to start without a usable certificate or port, saying which', async () => {
    const config = join(dir, 'flags.yaml');
    await expect(startWebhook({ registry: catalog, config: { file: config }, tls: { certFile: files.certPath, keyFile: files.caPath }, host: '127.0.0.1', port: 0 })).rejects.toThrow(
      /not a matching PEM certificate and key/,
    );
    webhook = await startWebhook({ registry: catalog, config: { file: config }, tls: tls(), host: '127.0.0.1', port: 0, logger: captureLogs().logger });
    await expect(startWebhook({ registry: catalog, config: { file: config }, tls: tls(), host: '127.0.0.1', port: webhook.port, logger: captureLogs().logger })).rejects.toThrow(
      /cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/,
    );
  });
});
