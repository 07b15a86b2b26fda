import { catalog } from '../test-support/catalog';
import { featureFlags, requestFor } from '../test-support/reviews';
import { configValidation } from './config-validation';

const controller = configValidation({ registry: catalog, configMapName: 'feature-flags' });
const admit = async (object: Record<string, unknown>, fields = {}) => (await controller.admit(requestFor(object, fields))).response;

describe('configValidation', () => {
  it('refuses an unknown key with a did-you-mean', async () => {
    const response = await admit(featureFlags({ 'enable-api-feilds': 'alpha' }));
    expect(response.allowed).toBe(false);
    expect(response.status?.message).toBe('data.enable-api-feilds: unknown key "enable-api-feilds": did you mean "enable-api-fields"?');
  });

  it('lists every bad value, one line each', async () => {
    const response = await admit(featureFlags({ 'enable-api-fields': 'gamma', mode: 'sometimes' }));
    expect(response.status?.message.split('\n')).toEqual([
      expect.stringMatching(/^data\.enable-api-fields: invalid value "gamma"/),
      expect.stringMatching(/^data\.mode: invalid value "sometimes"/),
    ]);
  });

  it('admits a good ConfigMap, and a removed key with a warning', async () => {
    expect(await admit(featureFlags({ 'enable-api-fields': 'beta' }))).toMatchObject({ allowed: true, warnings: [] });
    const old = await admit(featureFlags({ 'removed-key': 'true' }));
    expect(old.allowed).toBe(true);
    expect(old.warnings[0]).toMatch(/^data\.removed-key: "removed-key" was removed in v1\.0/);
    expect(old.warnings[0].length).toBeLessThanOrEqual(120);
  });

  it('refuses data that is not a map', async () => {
    expect((await admit(featureFlags(['x']))).status?.message).toMatch(/^data: the config must be a map/);
  });

  it('leaves other ConfigMaps, other kinds and deletions alone', async () => {
    expect((await admit({ ...featureFlags({ x: 'y' }), metadata: { name: 'config-defaults' } })).allowed).toBe(true);
    expect((await admit({ ...featureFlags({ x: 'y' }), apiVersion: 'example.com/v1' })).allowed).toBe(true);
    expect((await admit(featureFlags({ x: 'y' }), { operation: 'DELETE' })).allowed).toBe(true);
  });
});

describe('configValidation in a stable build', () => {
  const global = globalThis as { __FEATUREGATES_CEILING__?: string };
  afterEach(() => delete global.__FEATUREGATES_CEILING__);

  it('refuses a level above the compiled-in ceiling', async () => {
    global.__FEATUREGATES_CEILING__ = 'stable';
    let stableBuild: typeof configValidation | undefined;
    jest.isolateModules(() => {
      stableBuild = require('./config-validation').configValidation;
    });
    const stable = stableBuild?.({ registry: catalog, configMapName: 'feature-flags' });
    const { response } = await stable!.admit(requestFor(featureFlags({ 'enable-api-fields': 'beta' })));
    expect(response.status?.message).toBe(
      'data.enable-api-fields: "enable-api-fields" is "beta", but this is the stable bundle, which allows at most "stable": install the "beta" or "alpha" bundle for beta features',
    );
  });
});
