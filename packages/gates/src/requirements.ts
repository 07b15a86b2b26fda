import { findUses, type GroupVersionKind } from './find-uses';
import type { Registry } from './registry';
import { compareStability, type Stability } from './stability';

export interface FeatureRequirement {
  feature: string;
  stability: Stability;
  flag?: string;
  paths: string[];
}

/** What an object needs to be admitted: what a Catalog author writes in a Task's docs. */
export interface Requirements {
  /** The least `enable-api-fields` level that admits every feature without an own flag. */
  level: Stability;
  /** Own flags to set to "true" (under own-flag-overrides-level, each also turned on by `enable-api-fields: alpha` when unset). */
  flags: string[];
  /** List flags that must not name these items (`disable-inline-spec` must not contain `taskrun`). */
  mustNotDisable: { flag: string; contains: string }[];
  features: FeatureRequirement[];
}

export function requirements(registry: Registry, object: unknown, gvk?: GroupVersionKind): Requirements {
  const byFeature = new Map<string, FeatureRequirement>();
  const result: Requirements = { level: 'stable', flags: [], mustNotDisable: [], features: [] };
  for (const use of findUses(registry, object, gvk)) {
    const { feature } = use.check;
    let entry = byFeature.get(feature.name);
    if (!entry) {
      entry = { feature: feature.name, stability: feature.stability, ...(feature.flag ? { flag: feature.flag } : {}), paths: [] };
      byFeature.set(feature.name, entry);
      result.features.push(entry);
      if (feature.flag) {
        if (!result.flags.includes(feature.flag)) result.flags.push(feature.flag);
      } else if (compareStability(feature.stability, result.level) < 0) {
        result.level = feature.stability;
      }
      if (feature.disabledBy && !result.mustNotDisable.some((d) => d.flag === feature.disabledBy?.flag && d.contains === feature.disabledBy.contains)) {
        result.mustNotDisable.push({ ...feature.disabledBy });
      }
    }
    entry.paths.push(use.path);
  }
  return result;
}
