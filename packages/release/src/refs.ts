import { bundlesOffering, STABILITIES, type OwnFlagRule, type Stability } from '@featuregates/gates';
import type { FeatureEntry, FeatureRef, FlagEntry, FlagRef, Snapshot } from './types';

/**
 * A feature as events name it: its flag, the fields and kinds it gates, and the bundles that offer it.
 * `levels` are the catalog's declared levels (a snapshot's `level.levels`), all three when omitted;
 * `ownFlagRule` the snapshot's `level.ownFlagRule`.
 */
export function featureRef(name: string, entry: Pick<FeatureEntry, 'title' | 'stability' | 'description' | 'flag' | 'fields' | 'paths'>, levelKey: string, levels: readonly Stability[] = STABILITIES, ownFlagRule?: OwnFlagRule): FeatureRef {
  return {
    name,
    levelKey,
    ...(ownFlagRule ? { ownFlagRule } : {}),
    title: entry.title,
    stability: entry.stability,
    description: entry.description,
    ...(entry.flag ? { flag: entry.flag } : {}),
    fields: [...entry.fields],
    kinds: Object.keys(entry.paths).sort(),
    paths: Object.fromEntries(Object.entries(entry.paths).map(([kind, list]) => [kind, [...list]])),
    bundles: bundlesOffering(entry.stability, levels),
  };
}

export function flagRef(key: string, entry: FlagEntry, levels: readonly Stability[] = STABILITIES): FlagRef {
  return {
    key,
    type: entry.type,
    default: entry.default,
    stability: entry.stability,
    description: entry.description,
    ...(entry.feature ? { feature: entry.feature } : {}),
    bundles: bundlesOffering(entry.stability, levels),
  };
}

/** The v1 (stable) kinds among those a feature gates, looked up in either snapshot. */
export function stableKindsOf(entry: FeatureEntry, ...snapshots: Snapshot[]): string[] {
  return Object.keys(entry.paths)
    .filter((label) => snapshots.some((snapshot) => snapshot.kinds[label]?.stability === 'stable'))
    .sort();
}
