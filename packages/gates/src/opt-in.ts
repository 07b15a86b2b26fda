/**
 * The rules that decide features less stable than `stable`: own flags, the level, and legacy
 * implication. Callers reach this module only behind a compile-time guard, so a stable bundle,
 * where no such feature can ever be on, carries none of it.
 */
import type { FeatureState } from './is-enabled';
import type { EffectiveValue, GateConfig } from './parse-config';
import type { ApiFeature, BehaviorFlag, FlagValue } from './registry';
import { levelAdmits, type Stability } from './stability';

/**
 * Under `own-flag-decides` (Tekton, TEP-0138) the own flag alone, its unset value the catalog's
 * default; under `own-flag-overrides-level` (Kubernetes' AllAlpha) the own flag when set
 * explicitly, else `enable-api-fields` by stability.
 */
export function optInState(feature: ApiFeature, config: GateConfig): FeatureState {
  if (feature.flag && config.registry.ownFlagRule === 'own-flag-decides') {
    return { enabled: config.values.get(feature.flag)?.value === true, reason: 'own-flag' };
  }
  if (feature.flag && config.explicit.has(feature.flag)) {
    return { enabled: config.values.get(feature.flag)?.value === true, reason: 'own-flag' };
  }
  return { enabled: levelAdmits(config.level, feature.stability), reason: 'level' };
}

/**
 * The value a flag takes from the level when the ConfigMap leaves it unset: legacy flags forced on
 * by `alpha`, and an own flag shown on when the level turns its feature on (callers pass no
 * `featureStability` under `own-flag-decides`, where the level never does).
 */
export function impliedDefault(flag: BehaviorFlag, level: Stability, ceiling: Stability, featureStability?: Stability): EffectiveValue | undefined {
  if (flag.impliedBy && levelAdmits(level, flag.impliedBy)) return { value: true, source: 'implied' };
  if (featureStability && levelAdmits(level, featureStability) && levelAdmits(ceiling, featureStability)) return { value: true, source: 'implied' };
  return undefined;
}

/** A legacy flag set to false under the level that implies it is forced on all the same. */
export function forcedByLevel(flag: BehaviorFlag, level: Stability, value: FlagValue): boolean {
  return flag.impliedBy !== undefined && levelAdmits(level, flag.impliedBy) && value === false;
}
