import { nextState, staticSource } from '@featuregates/gates';
import { catalog } from './test-support/catalog';
import { featuresView } from './features-view';

describe('featuresView', () => {
  it('shows every flag with its value and source, and every feature on or off', () => {
    const state = staticSource(catalog, { 'enable-api-fields': 'alpha', 'enable-enum': 'false' }).state();
    const view = featuresView(catalog, state, 'file /flags.yaml', 'alpha');
    expect(view.loaded).toBe(true);
    expect(view.flags[0]).toEqual({ key: 'enable-api-fields', value: 'alpha', source: 'configmap' });
    expect(view.flags).toContainEqual({ key: 'enable-enum', value: 'false', source: 'configmap' });
    expect(view.flags).toContainEqual({ key: 'enable-legacy', value: 'true', source: 'implied' });
    expect(view.flags).toContainEqual(expect.objectContaining({ key: 'mode', source: 'default' }));
    expect(view.flags).toHaveLength(catalog.flags.length + 1);
    expect(view.features).toContainEqual({ name: 'fan-out', stability: 'beta', enabled: true, decidedBy: 'level' });
    expect(view.features.find((feature) => feature.flag === 'enable-enum')).toMatchObject({ enabled: false, decidedBy: 'own-flag' });
    expect(view.features).toHaveLength(catalog.features.length);
  });

  it('shows a refused config\'s errors beside the last good one', () => {
    const good = staticSource(catalog, { 'enable-api-fields': 'beta' }).state();
    const bad = nextState(good, catalog, { 'enable-api-fields': 'betta' }, {}, '2026-01-01T00:00:00.000Z');
    const view = featuresView(catalog, bad, 'file /f', 'alpha');
    expect(view).toMatchObject({ loaded: true, revision: 2, loadedAt: '2026-01-01T00:00:00.000Z' });
    expect(view.errors[0].message).toContain('"betta"');
    expect(view.flags[0].value).toBe('beta');
  });

  it('shows no flags before any good config', () => {
    const view = featuresView(catalog, staticSource(catalog, { nope: '1' }).state(), 'file /f', 'alpha');
    expect(view).toMatchObject({ loaded: false, flags: [], features: [] });
    expect(view.errors).toHaveLength(1);
  });
});
