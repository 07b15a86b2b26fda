import { CatalogError, type Registry as GateRegistry } from '@featuregates/gates';
import { Registry } from 'prom-client';
// The gate model's small fixture catalogs (made-up projects), so these tests need no real catalog.
import { fixture, twoLevels } from '../../gates/src/test-support/fixture';
import { createSwitches } from './switches';
import { recordingLogger } from './test-support/logs';
import { mutableSource } from './test-support/mutable-source';

/** The fixture without a wording of its own: the generic wording, naming its ConfigMap. */
const widgets: GateRegistry = { ...fixture, wording: undefined, configMap: { name: 'widget-flags', namespace: 'widget-system' } };

describe('createSwitches over any catalog', () => {
  it('refuses a broken catalog before reading any config, listing every problem', () => {
    const broken: GateRegistry = { ...fixture, flags: fixture.flags.map((flag) => (flag.key === 'mode' ? { ...flag, default: 'z' } : flag)), aliases: [{ key: 'x', target: 'nowhere', note: '' }] };
    expect(() => createSwitches({ catalog: broken, source: {}, logger: recordingLogger() })).toThrow(CatalogError);
    expect(() => createSwitches({ catalog: broken, source: {}, logger: recordingLogger() })).toThrow(
      /has 2 problems[^]*flag "mode": its default "z" is not one of its values[^]*alias "x": points at "nowhere"/,
    );
  });

  it('takes a plain map, typed by the catalog, and refuses an invalid one in the catalog\'s wording', () => {
    const switches = createSwitches({ catalog: widgets, source: { mode: 'b', size: '20' }, logger: recordingLogger() });
    expect(switches.snapshot().get('mode')).toBe('b');
    expect(switches.snapshot().get('size')).toBe(20);
    expect(() => createSwitches({ catalog: widgets, source: { mdoe: 'b' }, logger: recordingLogger() })).toThrow(
      'invalid feature-flags config: unrecognized key "mdoe" in ConfigMap widget-system/widget-flags: did you mean "mode"?',
    );
  });

  it('holds a ceiling for a plain map', () => {
    expect(() => createSwitches({ catalog: widgets, source: { mode: 'c' }, ceiling: 'stable', logger: recordingLogger() })).toThrow(
      '"mode" turns on an alpha feature, but this is the stable bundle: install the "alpha" bundle to use it',
    );
  });

  it('follows a live source: one frozen snapshot until a change, listeners told, bad configs logged and the last good one kept', () => {
    const logger = recordingLogger();
    const source = mutableSource(widgets, { mode: 'a' });
    const switches = createSwitches({ catalog: widgets, source, logger });
    const first = switches.snapshot();
    const seen: string[] = [];
    switches.onChange((next, previous) => seen.push(`${previous.get('mode')}→${next.get('mode')}`));
    source.set({ mode: 'a' });
    expect(switches.snapshot()).toBe(first);
    source.set({ mode: 'b' });
    source.set({ mode: 'bee' });
    expect(switches.snapshot().get('mode')).toBe('b');
    expect(seen).toEqual(['a→b']);
    expect(logger.errors).toEqual(['feature-flags config rejected, keeping the last good one: "mode": invalid value "bee": must be one of "a", "b" or "c"']);
  });

  it('warns once per deprecated value in use, the default included, and once per removed key', () => {
    const logger = recordingLogger();
    const source = mutableSource(widgets, {});
    createSwitches({ catalog: widgets, source, logger });
    source.set({ 'removed-key': 'x' });
    source.set({ 'removed-key': 'x', mode: 'b' });
    expect(logger.warnings).toEqual([
      '"old-style": value "true" is deprecated: the old layout goes away in v3; set it to false (it is the default: set "old-style" explicitly to choose)',
      '"removed-key" was removed in v1.0 and has no effect (it did nothing): delete it from ConfigMap widget-system/widget-flags',
    ]);
  });

  it('reports each feature on the gauge and keeps it current', async () => {
    const registry = new Registry();
    const source = mutableSource(widgets, { 'enable-api-fields': 'stable' });
    createSwitches({ catalog: widgets, source, logger: recordingLogger(), metrics: { registry } });
    expect(await registry.metrics()).toContain('featuregates_feature_enabled{name="fan-out",stage="beta"} 0');
    source.set({ 'enable-api-fields': 'beta' });
    expect(await registry.metrics()).toContain('featuregates_feature_enabled{name="fan-out",stage="beta"} 1');
  });

  it('serves a two-level catalog: only its levels, its own default', () => {
    const switches = createSwitches({ catalog: twoLevels, source: {}, logger: recordingLogger() });
    expect(switches.snapshot().level).toBe('stable');
    expect(switches.snapshot().featureEnabled('cel')).toBe(false);
    expect(createSwitches({ catalog: twoLevels, source: { 'enable-api-fields': 'alpha' }, logger: recordingLogger() }).snapshot().featureEnabled('cel')).toBe(true);
    expect(() => createSwitches({ catalog: twoLevels, source: { 'enable-api-fields': 'beta' }, logger: recordingLogger() })).toThrow('must be one of "stable" or "alpha"');
  });

  it('stops following the source when closed, and reads provenance against its own catalog', async () => {
    const source = mutableSource(widgets);
    const switches = createSwitches({ catalog: widgets, source, logger: recordingLogger() });
    await switches.close();
    expect(source.listenerCount()).toBe(0);
    source.set({ mode: 'b' });
    expect(switches.snapshot().get('mode')).toBe('a');
    expect(switches.fromProvenance({ mode: 'c' }).snapshot.get('mode')).toBe('c');
  });
});

describe('fromProvenance over a two-level catalog', () => {
  it('drops a recorded level the catalog does not declare, and keeps the rest', () => {
    const reading = createSwitches({ catalog: twoLevels, source: {}, logger: recordingLogger() }).fromProvenance({ 'enable-api-fields': 'beta', mode: 'safe' });
    expect(reading.dropped).toEqual([{ key: 'enable-api-fields', value: 'beta', reason: 'invalid level "beta"' }]);
    expect(reading.snapshot.get('mode')).toBe('safe');
  });
});
