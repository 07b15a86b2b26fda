import type { ApiFeature, Registry } from '../registry';
import { fixture } from './fixture';

const deprecate = (feature: ApiFeature): ApiFeature => {
  if (feature.name === 'fan-out') return { ...feature, deprecated: { since: 'v2', message: 'use spread instead', removalNotBefore: '2027-09-01', replacedBy: 'spread' } };
  // A stable feature deprecated with no removal date announced.
  if (feature.name === 'inline') return { ...feature, deprecated: { since: 'v2', message: 'inline widgets go away' } };
  return feature;
};

/**
 * The Widget fixture a few releases on: a beta and a stable feature deprecated, two features removed
 * (one with its own flag, now a tombstone, and a replacement), a deprecated flag with a removal date,
 * and announced default changes of a flag and of the level. Tekton's wording, as the fixture's.
 */
export const lifecycle: Registry = {
  ...fixture,
  name: 'widgets-lifecycle',
  levelDefaultChange: { to: 'stable', since: 'v2', message: 'beta features become opt-in', flipNotBefore: '2027-06-01' },
  features: fixture.features.map(deprecate),
  flags: fixture.flags.map((flag) => {
    if (flag.key === 'enable-legacy') return { ...flag, deprecated: { since: 'v2', message: 'no effect', removalNotBefore: '2027-01-15' } };
    if (flag.key === 'mode') return { ...flag, defaultChange: { to: 'b', since: 'v2', message: 'b is faster', flipNotBefore: '2027-03-01' } };
    return flag;
  }),
  tombstones: [...fixture.tombstones, { key: 'enable-warp', lastShipped: 'v2', removedIn: 'v3', note: 'warp was removed' }],
  removedFeatures: [
    {
      name: 'warp',
      title: 'warp',
      stability: 'alpha',
      description: 'jumps between clusters',
      flag: 'enable-warp',
      uses: [{ type: 'WidgetSpec', path: 'warp', match: { kind: 'present' } }],
      removedIn: 'v3',
      note: 'it never worked across clusters',
      replacedBy: 'turbo',
      history: [
        { release: 'v1', date: '2026-01-10', event: 'introduced', stability: 'alpha' },
        { release: 'v3', date: '2026-09-10', event: 'removed', note: 'it never worked across clusters' },
      ],
    },
    {
      name: 'legacy-parts',
      title: 'legacy parts',
      stability: 'beta',
      description: 'the first shape of parts',
      uses: [{ type: 'Part', path: 'legacy', match: { kind: 'nonEmpty' } }],
      removedIn: 'v3',
      note: 'parts carry their own fields now',
      history: [],
    },
  ],
};

/** The same catalog in the default (Kubernetes-like) wording, naming its ConfigMap. */
export const lifecycleKubernetes: Registry = { ...lifecycle, name: 'widgets-lifecycle-k8s', wording: 'kubernetes', configMap: { name: 'widget-flags', namespace: 'widget-system' } };
