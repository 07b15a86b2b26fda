import { featureState } from './is-enabled';
import { parseConfig, type GateConfig } from './parse-config';
import { findFeature } from './registry';
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
