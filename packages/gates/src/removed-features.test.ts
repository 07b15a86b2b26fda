import { evaluate } from './evaluate';
import { findUses } from './find-uses';
import { featureState } from './is-enabled';
import { parseConfig, type GateConfig } from './parse-config';
import { gatedFeatures, removedFeatureOf } from './removed-features';
import { requirements } from './requirements';
import { STABILITIES, levelAdmits, type Stability } from './stability';
import { widget } from './test-support/fixture';
import { lifecycle, lifecycleKubernetes } from './test-support/lifecycle';

const configOf = (data: Record<string, string>, ceiling: Stability = 'alpha', registry = lifecycle): GateConfig => {
  const parsed = parseConfig(registry, data, { ceiling });
  if (!parsed.config) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  return parsed.config;
};

const WARP_REMOVED = 'removed in v3: it never worked across clusters';

describe('removed features', () => {
  // Every bundle, every level it takes, with the removed feature's old own flag set too.
  const settings = STABILITIES.flatMap((ceiling) => STABILITIES.filter((level) => levelAdmits(ceiling, level)).map((level) => [ceiling, level] as const));

  it.each(settings)('refuses a use in the %s bundle at level %s, even with its old own flag set', (ceiling, level) => {
    const config = configOf({ 'enable-api-fields': level, 'enable-warp': 'true' }, ceiling);
    const result = evaluate(widget({ warp: { to: 'east' } }), { config });
    expect(result.allowed).toBe(false);
    expect(result.violations).toEqual([{ path: 'spec.warp', feature: 'warp', message: `warp was ${WARP_REMOVED}; use turbo instead` }]);
  });

  it('refuses a use nested in an embedded spec and in an array element, never admitting it silently', () => {
    const result = evaluate(widget({ child: { parts: [{ name: 'p', legacy: { a: 1 } }] } }), { config: configOf({ 'enable-api-fields': 'alpha' }) });
    expect(result.violations.map((violation) => `${violation.path}: ${violation.message}`)).toEqual(['spec.child.parts[0].legacy: legacy parts was removed in v3: parts carry their own fields now']);
    expect(result.warnings).toEqual([]);
  });

  it('says "removed in RELEASE: NOTE" in the Kubernetes wording too, and how to fix the object', () => {
    const result = evaluate(widget({ warp: true }), { config: configOf({}, 'alpha', lifecycleKubernetes) });
    expect(result.violations[0].message).toBe(`warp was ${WARP_REMOVED}; no setting turns it back on: remove the field, or use turbo instead`);
  });

  it('loads a ConfigMap that still sets the removed feature\'s own flag, with the tombstone\'s warning', () => {
    const parsed = parseConfig(lifecycle, { 'enable-warp': 'true' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.map((warning) => warning.key)).toContain('enable-warp');
  });

  it('ratchets on UPDATE like any feature that is off: the old object\'s use is kept with a warning, a new one refused', () => {
    const config = configOf({ 'enable-api-fields': 'alpha' });
    const old = widget({ warp: { to: 'east' } });
    const kept = evaluate(widget({ warp: { to: 'east' }, inline: undefined }), { config, operation: 'UPDATE', oldObject: old });
    expect(kept.allowed).toBe(true);
    expect(kept.warnings).toEqual(['spec.warp: kept existing use of "warp", removed in v3; new uses are rejected']);
    expect(kept.uses.map((use) => use.decision)).toEqual(['ratcheted']);
    const changed = evaluate(widget({ warp: { to: 'west' } }), { config, operation: 'UPDATE', oldObject: old });
    expect(changed.allowed).toBe(false);
    expect(changed.violations[0].message).toContain(WARP_REMOVED);
  });

  it('is found by findUses like a live feature, its use telling which removed entry it is', () => {
    const uses = findUses(lifecycle, widget({ warp: 1, turbo: true }));
    expect(uses.map((use) => [use.path, use.check.feature.name, removedFeatureOf(use.check.feature)?.removedIn])).toEqual([
      ['spec.turbo', 'turbo', undefined],
      ['spec.warp', 'warp', 'v3'],
    ]);
  });

  it('is never on: featureState says why', () => {
    const config = configOf({ 'enable-api-fields': 'alpha' });
    const warp = gatedFeatures(lifecycle).find((feature) => feature.name === 'warp');
    expect(warp && removedFeatureOf(warp)?.removedIn).toBe('v3');
    expect(warp && featureState(warp, config)).toEqual({ enabled: false, reason: 'removed' });
    expect(gatedFeatures(lifecycle)).toHaveLength(lifecycle.features.length + 2);
  });

  it('shows in requirements as something no level admits, without raising the level it needs', () => {
    const needs = requirements(lifecycle, widget({ warp: 1, parts: [{ legacy: 'x' }, { legacy: 'y' }], turbo: true }));
    expect(needs.level).toBe('alpha');
    expect(needs.features.map((feature) => feature.feature)).toEqual(['turbo']);
    expect(needs.removed).toEqual([
      { feature: 'legacy-parts', removedIn: 'v3', message: 'legacy parts was removed in v3: parts carry their own fields now', paths: ['spec.parts[0].legacy', 'spec.parts[1].legacy'] },
      { feature: 'warp', removedIn: 'v3', message: `warp was ${WARP_REMOVED}; use turbo instead`, replacedBy: 'turbo', paths: ['spec.warp'] },
    ]);
    expect(requirements(lifecycle, widget({ turbo: true })).removed).toBeUndefined();
  });
});
