import { getOrInsert } from './get-or-insert';
import type { ApiFeature, Registry, RemovedFeature } from './registry';

/**
 * A removed feature's tombstone as the walker sees it: an ApiFeature with the removed feature's
 * name, title and uses, made once per entry, that `featureState` never turns on. The walker, the
 * ratchet and the policy generator then find its uses exactly as they find a live feature's, so a
 * use is refused everywhere a live one could be, never silently admitted.
 */
const tombstones = new WeakMap<RemovedFeature, ApiFeature>();
const removedBy = new WeakMap<ApiFeature, RemovedFeature>();

function newTombstone(removed: RemovedFeature): ApiFeature {
  const feature: ApiFeature = Object.freeze({
    name: removed.name,
    title: removed.title,
    stability: removed.stability,
    description: removed.description,
    uses: removed.uses,
    history: removed.history,
  });
  removedBy.set(feature, removed);
  return feature;
}

/** The walker's view of a removed feature; the same object for the same entry. */
export function tombstoneFeature(removed: RemovedFeature): ApiFeature {
  return getOrInsert(tombstones, removed, newTombstone);
}

/** The removed-feature entry a feature stands for, when it is a tombstone (`tombstoneFeature`). */
export function removedFeatureOf(feature: ApiFeature): RemovedFeature | undefined {
  return removedBy.get(feature);
}

const gated = new WeakMap<Registry, readonly ApiFeature[]>();

function newGated(registry: Registry): readonly ApiFeature[] {
  const removed = registry.removedFeatures ?? [];
  return removed.length === 0 ? registry.features : Object.freeze([...registry.features, ...removed.map(tombstoneFeature)]);
}

/** Every feature whose uses the walker looks for: the live ones, then the removed ones' tombstones. */
export function gatedFeatures(registry: Registry): readonly ApiFeature[] {
  return getOrInsert(gated, registry, newGated);
}

export function findRemovedFeature(registry: Registry, name: string): RemovedFeature | undefined {
  return registry.removedFeatures?.find((entry) => entry.name === name);
}
