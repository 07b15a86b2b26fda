import { nextState, staticSource } from '@featuregates/gates';
import { tektonCatalog } from '@featuregates/tekton';
import { featuresView } from './features-view';

describe('featuresView', () => {
  it('shows every flag with its value and source, and every feature on or off', () => {
    const state = staticSource(tektonCatalog, { 'enable-api-fields': 'alpha', 'enable-param-enum': 'false' }).state();
    const view = featuresView(tektonCatalog, state, 'file /flags.yaml', 'alpha');
    expect(view.loaded).toBe(true);
    expect(view.flags[0]).toEqual({ key: 'enable-api-fields', value: 'alpha', source: 'configmap' });
    expect(view.flags).toContainEqual({ key: 'enable-param-enum', value: 'false', source: 'configmap' });
    expect(view.flags).toContainEqual({ key: 'enable-custom-tasks', value: 'true', source: 'implied' });
    expect(view.flags).toContainEqual(expect.objectContaining({ key: 'coschedule', source: 'default' }));
    expect(view.flags).toHaveLength(tektonCatalog.flags.length + 1);
    expect(view.features).toContainEqual({ name: 'matrix', stability: 'beta', enabled: true, decidedBy: 'level' });
    expect(view.features.find((feature) => feature.flag === 'enable-param-enum')).toMatchObject({ enabled: false, decidedBy: 'own-flag' });
    expect(view.features).toHaveLength(tektonCatalog.features.length);
  });

  it('shows a refused config\'s errors beside the last good one', () => {
    const good = staticSource(tektonCatalog, { 'enable-api-fields': 'beta' }).state();
    const bad = nextState(good, tektonCatalog, { 'enable-api-fields': 'betta' }, {}, '2026-01-01T00:00:00.000Z');
    const view = featuresView(tektonCatalog, bad, 'file /f', 'alpha');
    expect(view).toMatchObject({ loaded: true, revision: 2, loadedAt: '2026-01-01T00:00:00.000Z' });
    expect(view.errors[0].message).toContain('"betta"');
    expect(view.flags[0].value).toBe('beta');
  });

  it('shows no flags before any good config', () => {
    const view = featuresView(tektonCatalog, staticSource(tektonCatalog, { nope: '1' }).state(), 'file /f', 'alpha');
    expect(view).toMatchObject({ loaded: false, flags: [], features: [] });
    expect(view.errors).toHaveLength(1);
  });
});
