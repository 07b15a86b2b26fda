import type {} from './compile-time';
import type { GateConfig } from './parse-config';
import type { ApiFeature } from './registry';
import { optInState } from './opt-in';
import { removedFeatureOf } from './removed-features';
import { levelAdmits } from './stability';

export type FeatureStateReason =
  /** The bundle's ceiling is more stable than the feature. */
  | 'ceiling'
  /** A list flag names this stable feature as disabled. */
  | 'disabled-by'
  /** The feature's own flag was set explicitly and decides. */
  | 'own-flag'
  /** `enable-api-fields` decides by stability. */
  | 'level'
  /** The feature was removed (`Registry.removedFeatures`): no level, flag or bundle turns it on. */
  | 'removed';

export interface FeatureState {
  enabled: boolean;
  reason: FeatureStateReason;
}

/**
 * Is a feature on? Never once removed; then the ceiling; then a list flag that forbids it; then the catalog's own-flag
 * rule (registry.ts `OwnFlagRule`): under `own-flag-decides` (Tekton, TEP-0138) its own flag alone,
 * set or defaulted; under `own-flag-overrides-level` (Kubernetes' AllAlpha) its own flag when set
 * explicitly (one alpha feature on under `stable`, or one off under `alpha`); otherwise
 * `enable-api-fields` by stability.
 */
export function featureState(feature: ApiFeature, config: GateConfig): FeatureState {
  if (removedFeatureOf(feature)) return { enabled: false, reason: 'removed' };
  if (!levelAdmits(config.ceiling, feature.stability)) return { enabled: false, reason: 'ceiling' };
  if (feature.disabledBy) {
    const items = config.values.get(feature.disabledBy.flag)?.value;
    if (Array.isArray(items) && items.includes(feature.disabledBy.contains)) return { enabled: false, reason: 'disabled-by' };
  }
  if (feature.stability === 'stable') {
    // A stable feature keeps its own flag under Tekton's rule until the flag is removed: false still turns it off.
    if (feature.flag && config.registry.ownFlagRule === 'own-flag-decides') return { enabled: config.values.get(feature.flag)?.value !== false, reason: 'own-flag' };
    return { enabled: true, reason: 'level' };
  }
  // Only builds that can turn on beta or alpha features carry the rules that decide them.
  if (typeof __FEATUREGATES_CEILING__ === 'undefined' || __FEATUREGATES_CEILING__ !== 'stable') return optInState(feature, config);
  return { enabled: false, reason: 'ceiling' };
}

export function isFeatureEnabled(feature: ApiFeature, config: GateConfig): boolean {
  return featureState(feature, config).enabled;
}
