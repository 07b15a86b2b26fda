import { featureState } from './is-enabled';
import { parseConfig, type GateConfig, type ParseResult } from './parse-config';
import { projectOf } from './project';
import { findFeature, type Registry } from './registry';
import type { Stability } from './stability';
import { fixture } from './test-support/fixture';

const config = (data: Record<string, string>, ceiling: Stability = 'alpha'): GateConfig => {
  const result = parseConfig(fixture, data, { ceiling });
  if (!result.config) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.config;
};
const feature = (name: string) => {
  const found = findFeature(fixture, name);
  if (!found) throw new Error(name);
  return found;
};

describe('featureState', () => {
  it('turns features on by enable-api-fields and stability', () => {
    expect(featureState(feature('fan-out'), config({ 'enable-api-fields': 'stable' }))).toEqual({ enabled: false, reason: 'level' });
    expect(featureState(feature('fan-out'), config({ 'enable-api-fields': 'beta' })).enabled).toBe(true);
    expect(featureState(feature('turbo'), config({ 'enable-api-fields': 'beta' })).enabled).toBe(false);
    expect(featureState(feature('turbo'), config({ 'enable-api-fields': 'alpha' })).enabled).toBe(true);
  });

  it('lets an explicit own flag turn one alpha feature on under stable', () => {
    expect(featureState(feature('enum'), config({ 'enable-api-fields': 'stable', 'enable-enum': 'true' }))).toEqual({ enabled: true, reason: 'own-flag' });
  });

  it('lets an explicit own flag keep one alpha feature off under alpha', () => {
    expect(featureState(feature('enum'), config({ 'enable-api-fields': 'alpha', 'enable-enum': 'false' }))).toEqual({ enabled: false, reason: 'own-flag' });
  });

  it('falls back to the level when the own flag is unset', () => {
    expect(featureState(feature('enum'), config({ 'enable-api-fields': 'alpha' }))).toEqual({ enabled: true, reason: 'level' });
    expect(featureState(feature('enum'), config({ 'enable-api-fields': 'beta' }))).toEqual({ enabled: false, reason: 'level' });
  });

  it('keeps features above the bundle ceiling off whatever the config says', () => {
    expect(featureState(feature('fan-out'), config({}, 'stable'))).toEqual({ enabled: false, reason: 'ceiling' });
    expect(featureState(feature('turbo'), config({ 'enable-api-fields': 'beta' }, 'beta'))).toEqual({ enabled: false, reason: 'ceiling' });
  });

  it('turns a stable feature off when its list flag names it', () => {
    expect(featureState(feature('inline'), config({ 'disable-inline': 'gadget,widget' }))).toEqual({ enabled: false, reason: 'disabled-by' });
    expect(featureState(feature('inline'), config({ 'disable-inline': 'gadget' })).enabled).toBe(true);
    expect(featureState(feature('inline'), config({ 'enable-api-fields': 'stable' }, 'stable')).enabled).toBe(true);
  });
});

/**
 * The same made-up project under Tekton's rule (TEP-0138; tektoncd/pipeline 3ee1745,
 * pkg/apis/config/feature_flags.go `setPerFeatureFlag`: a per-feature flag is read on its own and
 * `enable-api-fields` is never consulted), with one own flag per stability: the alpha `enum` of the
 * fixture, a beta one defaulting to false (docs/api_compatibility_policy.md keeps beta per-feature
 * flags off by default) and a stable one defaulting to true.
 */
const decides: Registry = {
  ...fixture,
  ownFlagRule: 'own-flag-decides',
  features: [
    ...fixture.features,
    { name: 'glow', title: 'glow', stability: 'beta', flag: 'enable-glow', description: 'beta own flag', uses: [], history: [] },
    { name: 'shine', title: 'shine', stability: 'stable', flag: 'enable-shine', description: 'stable own flag', uses: [], history: [] },
  ],
  flags: [
    ...fixture.flags,
    { key: 'enable-glow', type: 'bool', default: false, stability: 'beta', valueStability: { true: 'beta' }, feature: 'glow', description: 'own flag', history: [] },
    { key: 'enable-shine', type: 'bool', default: true, stability: 'stable', feature: 'shine', description: 'own flag', history: [] },
  ],
};
const decidesConfig = (data: Record<string, string>, ceiling: Stability = 'alpha'): ParseResult => parseConfig(decides, data, { ceiling });
const stateUnder = (name: string, data: Record<string, string>, ceiling: Stability = 'alpha') => {
  const parsed = decidesConfig(data, ceiling);
  if (!parsed.config) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const found = findFeature(decides, name);
  if (!found) throw new Error(name);
  return featureState(found, parsed.config);
};

describe('featureState under own-flag-decides', () => {
  it('turns an own-flag feature on exactly when its flag is true, whatever the level', () => {
    expect(stateUnder('enum', { 'enable-api-fields': 'stable', 'enable-enum': 'true' })).toEqual({ enabled: true, reason: 'own-flag' });
    expect(stateUnder('enum', { 'enable-api-fields': 'alpha', 'enable-enum': 'false' })).toEqual({ enabled: false, reason: 'own-flag' });
    expect(stateUnder('glow', { 'enable-api-fields': 'stable', 'enable-glow': 'true' })).toEqual({ enabled: true, reason: 'own-flag' });
  });

  it('never lets the level turn on an unset own flag: the default, false below stable, decides', () => {
    expect(stateUnder('enum', { 'enable-api-fields': 'alpha' })).toEqual({ enabled: false, reason: 'own-flag' });
    expect(stateUnder('glow', { 'enable-api-fields': 'alpha' })).toEqual({ enabled: false, reason: 'own-flag' });
    expect(decidesConfig({ 'enable-api-fields': 'alpha' }).config?.values.get('enable-enum')).toEqual({ value: false, source: 'default' });
  });

  it('keeps a stable feature on by its default true, and off when its flag is set to false', () => {
    expect(stateUnder('shine', {})).toEqual({ enabled: true, reason: 'own-flag' });
    expect(stateUnder('shine', { 'enable-shine': 'false' }, 'stable')).toEqual({ enabled: false, reason: 'own-flag' });
  });

  it('still decides features without an own flag by the level', () => {
    expect(stateUnder('turbo', { 'enable-api-fields': 'alpha' })).toEqual({ enabled: true, reason: 'level' });
    expect(stateUnder('fan-out', { 'enable-api-fields': 'stable' })).toEqual({ enabled: false, reason: 'level' });
  });

  it('keeps the ceiling: only the alpha bundle can turn an alpha own flag on', () => {
    expect(decidesConfig({ 'enable-enum': 'true' }, 'beta').errors.map((e) => e.key)).toEqual(['enable-enum']);
    expect(stateUnder('enum', { 'enable-enum': 'false' }, 'beta')).toEqual({ enabled: false, reason: 'ceiling' });
    expect(stateUnder('glow', { 'enable-glow': 'true' }, 'beta')).toEqual({ enabled: true, reason: 'own-flag' });
  });

  it('leaves the other rule as it was when the catalog names none', () => {
    expect(projectOf(fixture).ownFlagRule).toBe('own-flag-overrides-level');
    expect(featureState(feature('enum'), config({ 'enable-api-fields': 'alpha' }))).toEqual({ enabled: true, reason: 'level' });
  });
});
