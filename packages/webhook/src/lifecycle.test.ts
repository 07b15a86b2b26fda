// Lifecycle entries over the in-process HTTPS harness: removed features refused, deprecations in
// the admission warnings (the Warning headers kubectl shows), and an announced default change
// logged once per config change, never per admission request.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lifecycleKubernetes as catalog } from '../../gates/src/test-support/lifecycle';
import { startWebhook, type RunningWebhook } from './start-webhook';
import { captureLogs } from './test-support/capture-logs';
import { eventually } from './test-support/eventually';
import { send } from './test-support/https-client';
import { reviewFor } from './test-support/reviews';
import { writeDevCertificate, type DevCertificateFiles } from './tls/dev-certificate';

const widget = (spec: unknown) => ({ apiVersion: 'example.dev/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
const FAN_OUT = widget({ parts: [{ fanOut: { params: [{ name: 'x' }] } }, { fanOut: { include: [{}] } }] });
const UNSET_MODE = '"mode" is unset, so it takes the default "a"; the default becomes "b" (not before 2027-03-01): b is faster.';

interface Response {
  allowed: boolean;
  warnings?: string[];
  status?: { code: number; message: string };
}

describe('the webhook and lifecycle entries', () => {
  let dir: string;
  let files: DevCertificateFiles;
  let ca: string;
  let webhook: RunningWebhook | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fg-lifecycle-'));
    files = await writeDevCertificate(join(dir, 'certs'));
    ca = readFileSync(files.caPath, 'utf8');
  });

  afterEach(async () => {
    await webhook?.stop();
    webhook = undefined;
  });

  const start = async (config: string, ceiling?: 'stable' | 'beta' | 'alpha') => {
    const file = join(dir, `flags-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, config);
    const logs = captureLogs();
    webhook = await startWebhook({ registry: catalog, config: { file }, tls: { certFile: files.certPath, keyFile: files.keyPath }, host: '127.0.0.1', port: 0, logger: logs.logger, pollIntervalMs: 20, ...(ceiling ? { ceiling } : {}) });
    return { file, logs, running: webhook };
  };

  const review = async (running: RunningWebhook, object: Record<string, unknown>, fields: Record<string, unknown> = {}): Promise<Response> =>
    ((await send(`${running.url}/validate`, { body: reviewFor(object, fields), ca })).json as { response: Response }).response;

  it.each(['stable', 'alpha'] as const)('refuses a removed feature\'s field in the %s bundle, even with its old own flag set, saying "removed in RELEASE: NOTE"', async (ceiling) => {
    const { running } = await start(`enable-api-fields: ${ceiling}\nenable-warp: "true"\n`, ceiling);
    const response = await review(running, widget({ warp: { to: 'east' } }));
    expect(response.allowed).toBe(false);
    expect(response.status).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: 'spec.warp: warp was removed in v3: it never worked across clusters; no setting turns it back on: remove the field, or use turbo instead',
    });
  });

  it('keeps a removed feature an existing object already has on UPDATE, with a warning', async () => {
    const { running } = await start('enable-api-fields: alpha\n');
    const old = widget({ warp: { to: 'east' } });
    const response = await review(running, { ...old, metadata: { name: 'w', finalizers: [] } }, { operation: 'UPDATE', oldObject: old });
    expect(response).toMatchObject({ allowed: true, warnings: ['spec.warp: kept existing use of "warp", removed in v3; new uses are rejected'] });
  });

  it('warns of a deprecated feature in use once per object, with its removal date', async () => {
    const { running } = await start('enable-api-fields: beta\nmode: a\n');
    const response = await review(running, FAN_OUT);
    expect(response.allowed).toBe(true);
    expect(response.warnings).toEqual([
      'spec.parts[0].fanOut: uses beta feature "fan-out"',
      'spec.parts[0].fanOut: "fan-out" is deprecated: use spread instead; removal not before 2027-09-01',
      'spec.parts[1].fanOut: uses beta feature "fan-out"',
    ]);
  });

  it('logs an announced default change once per config change, not per request, and not once the key is pinned', async () => {
    const { file, logs, running } = await start('enable-api-fields: beta\n');
    for (let i = 0; i < 3; i++) expect((await review(running, FAN_OUT)).allowed).toBe(true);
    // The same bytes again are not a new config: read at once rather than waiting for the poll.
    writeFileSync(file, 'enable-api-fields: beta\n');
    await running.source.refresh();
    const mentions = () => logs.lines.flatMap((line) => (line.warnings as { message: string }[] | undefined) ?? []).filter((warning) => warning.message.includes(UNSET_MODE)).length;
    const loaded = () => logs.lines.filter((line) => line.msg === 'config loaded');
    expect(mentions()).toBe(1);
    expect(loaded()).toHaveLength(1);

    writeFileSync(file, 'enable-api-fields: beta\nmode: b\n');
    await eventually(async () => expect(loaded()).toHaveLength(2));
    expect(loaded()[1].warnings).toEqual([]);
    for (let i = 0; i < 2; i++) await review(running, FAN_OUT);
    expect(mentions()).toBe(1);
  });

  it('lists removed and deprecated features on /features', async () => {
    const { running } = await start('enable-api-fields: alpha\n');
    const features = ((await send(`${running.url}/features`, { ca })).json as { features: Record<string, unknown>[] }).features;
    expect(features.find((feature) => feature.name === 'warp')).toEqual({ name: 'warp', stability: 'alpha', enabled: false, decidedBy: 'removed', removedIn: 'v3' });
    expect(features.find((feature) => feature.name === 'fan-out')).toMatchObject({ enabled: true, deprecated: 'deprecated: use spread instead; removal not before 2027-09-01' });
  });

  it('shows the default-change warning to whoever applies a ConfigMap that leaves the key unset', async () => {
    const { running } = await start('enable-api-fields: beta\n');
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'widget-flags', namespace: 'widget-system' }, data: { 'enable-api-fields': 'beta' } };
    const response = ((await send(`${running.url}/validate/config`, { body: reviewFor(configMap), ca })).json as { response: Response }).response;
    expect(response.allowed).toBe(true);
    expect(response.warnings?.some((warning) => warning.includes('"mode" is unset'))).toBe(true);
  });
});
