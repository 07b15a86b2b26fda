import type { Bump, ReleaseEvent } from './types';

/**
 * The package bump the policy implies for an event. Major: anything that can break a ConfigMap
 * or a manifest that worked before — a beta or stable feature or flag removed or changed
 * incompatibly, a default flipped, a demotion, a tombstone or API version dropped. Minor:
 * everything else users can see — new features, flags and API versions, promotions,
 * deprecations, and alpha features or flags changed or removed (alpha promises no compatibility).
 */
export function bumpFor(event: ReleaseEvent): Bump {
  switch (event.type) {
    case 'feature-added':
    case 'feature-promoted':
    case 'feature-deprecated':
    case 'feature-deprecation-withdrawn':
    case 'flag-added':
    case 'flag-promoted':
    case 'flag-deprecated':
    case 'flag-value-deprecated':
    case 'level-default-announced':
    case 'flag-default-announced':
    case 'flag-default-withdrawn':
    case 'level-default-withdrawn':
    case 'kind-added':
      return 'minor';
    case 'feature-removed':
    case 'feature-tombstoned':
      return event.feature.stability === 'alpha' ? 'minor' : 'major';
    case 'feature-changed': {
      const incompatible = event.removedPaths.length > 0 || event.flagFrom !== undefined;
      return incompatible && event.feature.stability !== 'alpha' ? 'major' : 'minor';
    }
    case 'flag-values-changed':
      return event.removed.length > 0 && event.flag.stability !== 'alpha' ? 'major' : 'minor';
    case 'flag-default-changed':
    case 'flag-tombstoned':
    case 'flag-removed':
      return event.flag.stability === 'alpha' ? 'minor' : 'major';
    case 'feature-demoted':
    case 'flag-demoted':
    case 'tombstone-removed':
    case 'feature-tombstone-removed':
    case 'level-default-changed':
    case 'own-flag-rule-changed':
    case 'kind-removed':
      return 'major';
  }
}

const ORDER: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The largest of some bumps (`patch` when there are none). */
export function highestBump(bumps: Iterable<Bump>): Bump {
  let highest: Bump = 'patch';
  for (const bump of bumps) if (ORDER[bump] > ORDER[highest]) highest = bump;
  return highest;
}
