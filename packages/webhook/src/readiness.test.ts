import { EMPTY_STATE, nextState, staticSource } from '@featuregates/gates';
import { catalog } from './test-support/catalog';
import { readiness } from './readiness';

const good = staticSource(catalog, { 'enable-api-fields': 'beta' }).state();
const certificate = { loaded: true, notAfter: '2030-01-01T00:00:00.000Z' };

describe('readiness', () => {
  it('is ready with a good config and a certificate', () => {
    expect(readiness(good, certificate, false)).toMatchObject({ ready: true, reasons: [], config: { loaded: true, errors: [] } });
  });

  it('stays ready on a refused newer config, and reports it', () => {
    const refused = nextState(good, catalog, { 'enable-api-fields': 'betta' }, {});
    const result = readiness(refused, certificate, false);
    expect(result.ready).toBe(true);
    expect(result.config.errors[0]).toContain('"betta"');
  });

  it('is not ready without a config, without a certificate, or while draining, and says why', () => {
    expect(readiness(EMPTY_STATE, certificate, false).reasons).toEqual(['no valid feature-flags config has been read yet']);
    const bad = staticSource(catalog, { nope: 'x' }).state();
    expect(readiness(bad, { loaded: false, error: 'bad key' }, true).reasons).toEqual([
      expect.stringMatching(/^no valid feature-flags config: unknown key "nope"/),
      'no TLS certificate: bad key',
      'shutting down',
    ]);
  });

  it('with self-managed certificates, is not ready until caBundle is known to trust the served certificate', () => {
    expect(readiness(good, { ...certificate, caBundleMatches: false }, false).reasons).toEqual(['the caBundle of the ValidatingWebhookConfiguration is not yet known to trust the served certificate']);
    expect(readiness(good, { ...certificate, caBundleMatches: true }, false).ready).toBe(true);
  });
});
