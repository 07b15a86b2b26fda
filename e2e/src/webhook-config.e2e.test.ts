import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { featureFlagsConfigMap, MATRIX_PIPELINE } from './support/objects';
import { decision, eventually, killAll, review, startServe, type ServeProcess } from './support/webhook-process';

describe('featuregates serve: the config, live', () => {
  let dir: string;
  let server: ServeProcess | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fg-e2e-config-'));
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  afterAll(() => killAll());

  it('keeps deciding with the last good config when the file turns bad, and shows why on /readyz, /features and /metrics', async () => {
    const flags = join(dir, 'flags.yaml');
    writeFileSync(flags, 'enable-api-fields: "beta"\n');
    server = await startServe(['--config', flags, '--dev-cert', join(dir, 'certs')]);
    const matrixAllowed = async () => decision(await server!.post('/validate', review(MATRIX_PIPELINE))).allowed;
    expect(await matrixAllowed()).toBe(true);

    writeFileSync(flags, 'enable-api-fields: "betta"\n');
    await eventually(async () => expect(((await server!.get('/features')).json as { errors: unknown[] }).errors).toHaveLength(1));
    expect(await matrixAllowed()).toBe(true);
    const ready = await server.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ ready: true, config: { loaded: true, errors: [expect.stringContaining('invalid value "betta" for "enable-api-fields"')] } });
    const features = (await server.get('/features')).json as { flags: { key: string; value: string }[]; errors: { message: string }[] };
    expect(features.flags[0]).toMatchObject({ key: 'enable-api-fields', value: 'beta' });
    expect(features.errors[0].message).toContain('"betta"');
    expect((await server.get('/metrics')).text).toMatch(/featuregates_config_reloads_total\{result="failure"\} 1/);
    await eventually(() => expect(server!.logs.find((line) => line.msg === 'config refused; keeping the last good config')).toBeDefined());

    writeFileSync(flags, 'enable-api-fields: "stable"\n');
    await eventually(async () => expect(await matrixAllowed()).toBe(false));
    expect(((await server.get('/readyz')).json as { config: { errors: unknown[] } }).config.errors).toEqual([]);
  });

  it('is not ready until a good config exists, then becomes ready', async () => {
    const flags = join(dir, 'flags.yaml');
    server = await startServe(['--config', flags, '--dev-cert', join(dir, 'certs')]);
    const unready = await server.get('/readyz');
    expect(unready.status).toBe(503);
    expect((unready.json as { reasons: string[] }).reasons[0]).toMatch(/^no valid feature-flags config: .*cannot read the config file: no such file$/);
    const answer = decision(await server.post('/validate', review(MATRIX_PIPELINE)));
    expect(answer).toMatchObject({ allowed: false, status: { code: 503 } });
    writeFileSync(flags, 'enable-api-fields: "alpha"\n');
    await eventually(async () => expect((await server!.get('/readyz')).status).toBe(200));
    expect(decision(await server.post('/validate', review(MATRIX_PIPELINE))).allowed).toBe(true);
  });

  it('shows the effective config on /features: every flag, its value and source, every feature', async () => {
    const flags = join(dir, 'flags.yaml');
    writeFileSync(flags, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: feature-flags}\ndata:\n  enable-api-fields: "alpha"\n  enable-param-enum: "false"\n');
    server = await startServe(['--config', flags, '--dev-cert', join(dir, 'certs')]);
    const view = (await server.get('/features')).json as { source: string; flags: { key: string; source: string }[]; features: { name: string; enabled: boolean }[] };
    expect(view.source).toBe(`file ${flags}`);
    expect(new Set(view.flags.map((flag) => flag.source))).toEqual(new Set(['configmap', 'default', 'implied']));
    expect(view.features.find((feature) => feature.name === 'param-enum')?.enabled).toBe(false);
    expect(view.features.find((feature) => feature.name === 'matrix')?.enabled).toBe(true);
    const metrics = (await server.get('/metrics')).text;
    expect(metrics).toContain('featuregates_feature_enabled{name="param-enum",stage="alpha"} 0');
    expect(metrics).toContain('featuregates_feature_enabled{name="matrix",stage="beta"} 1');
  });

  it('validates the feature-flags ConfigMap on /validate/config: typos, bad values, removed keys', async () => {
    const flags = join(dir, 'flags.yaml');
    writeFileSync(flags, 'enable-api-fields: "beta"\n');
    server = await startServe(['--config', flags, '--dev-cert', join(dir, 'certs'), '--configmap', 'feature-flags']);
    const typo = decision(await server.post('/validate/config', review(featureFlagsConfigMap({ 'enable-api-feilds': 'alpha', coschedule: 'often' }))));
    expect(typo.allowed).toBe(false);
    expect(typo.status?.message.split('\n')).toEqual([
      'data.enable-api-feilds: unknown key "enable-api-feilds": did you mean "enable-api-fields"?',
      expect.stringMatching(/^data\.coschedule: invalid value "often" for "coschedule": want one of /),
    ]);
    const old = decision(await server.post('/validate/config', review(featureFlagsConfigMap({ 'enable-api-fields': 'stable', 'embedded-status': 'full' }))));
    expect(old.allowed).toBe(true);
    expect(old.warnings[0]).toMatch(/^data\.embedded-status: "embedded-status" was removed in/);
    const update = review(featureFlagsConfigMap({ 'enable-api-fields': 'alpah' }), { operation: 'UPDATE', oldObject: featureFlagsConfigMap({}) });
    expect(decision(await server.post('/validate/config', update)).allowed).toBe(false);
    const other = { ...featureFlagsConfigMap({ anything: 'goes' }), metadata: { name: 'config-defaults', namespace: 'tekton-pipelines' } };
    expect(decision(await server.post('/validate/config', review(other))).allowed).toBe(true);
  });
});
