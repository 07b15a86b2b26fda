import { EMPTY_STATE, nextState, staticSource } from './config-source';
import { fixture } from './test-support/fixture';

describe('config source state', () => {
  it('replaces the config on good data and keeps the last good one on bad data', () => {
    const good = nextState(EMPTY_STATE, fixture, { 'enable-api-fields': 'alpha' }, {});
    expect(good.config?.level).toBe('alpha');
    const bad = nextState(good, fixture, { 'enable-api-fields': 'betta' }, {}, '2026-01-01T00:00:00.000Z');
    expect(bad.config).toBe(good.config);
    expect(bad.errors[0].message).toContain('"betta"');
    expect(bad.revision).toBe(2);
    expect(bad.loadedAt).toBe('2026-01-01T00:00:00.000Z');
    const fixed = nextState(bad, fixture, { 'enable-api-fields': 'stable' }, {});
    expect(fixed.errors).toEqual([]);
    expect(fixed.config?.level).toBe('stable');
  });

  it('serves a fixed map', async () => {
    const source = staticSource(fixture, { 'enable-api-fields': 'stable' });
    expect(source.state().config?.level).toBe('stable');
    expect((await source.refresh()).revision).toBe(1);
  });

  it('reports a bad fixed map without a config', () => {
    expect(staticSource(fixture, { nope: 'x' }).state().config).toBeUndefined();
  });
});
