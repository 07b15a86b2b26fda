// Behaviour switches over the gate model's lifecycle fixture: deprecated flags, announced default
// changes and removed features, as a controller meets them.
import { lifecycleKubernetes as catalog } from '../../gates/src/test-support/lifecycle';
import { createSwitches } from './switches';
import { recordingLogger } from './test-support/logs';
import { mutableSource } from './test-support/mutable-source';

/** The fixture's deprecated default value, pinned away so each test hears only what it is about. */
const QUIET = { 'old-style': 'false' };
const LEGACY = '"enable-legacy" is deprecated: no effect; removal not before 2027-01-15';
const UNSET_MODE = '"mode" is unset, so it takes the default "a"; the default becomes "b" (not before 2027-03-01): b is faster. Set "mode" in ConfigMap widget-system/widget-flags to pin either value.';

describe('behaviour switches and lifecycle entries', () => {
  it('log a deprecated flag that is set once, in the gate model\'s words with its removal date, across reloads', () => {
    const logger = recordingLogger();
    const source = mutableSource(catalog, { 'enable-legacy': 'true', mode: 'a', 'enable-api-fields': 'beta', ...QUIET });
    createSwitches({ catalog, source, logger });
    source.set({ 'enable-legacy': 'true', mode: 'b', 'enable-api-fields': 'beta', ...QUIET });
    expect(logger.warnings).toEqual([LEGACY]);
  });

  it('log an announced default change once while the key is unset, and not once it is pinned', () => {
    const logger = recordingLogger();
    const source = mutableSource(catalog, { 'enable-api-fields': 'beta', ...QUIET });
    createSwitches({ catalog, source, logger });
    source.set({ 'enable-api-fields': 'alpha', ...QUIET });
    expect(logger.warnings).toEqual([UNSET_MODE]);

    const pinned = recordingLogger();
    createSwitches({ catalog, source: { 'enable-api-fields': 'beta', mode: 'a', ...QUIET }, logger: pinned });
    expect(pinned.warnings).toEqual([]);
  });

  it('answer that a removed feature is off, at any level', () => {
    const switches = createSwitches({ catalog, source: { 'enable-api-fields': 'alpha' }, logger: recordingLogger() });
    expect(switches.snapshot().featureEnabled('warp')).toBe(false);
    expect(switches.snapshot().featureEnabled('turbo')).toBe(true);
    expect(() => switches.snapshot().featureEnabled('wrap')).toThrow('unknown feature "wrap"');
  });
});
