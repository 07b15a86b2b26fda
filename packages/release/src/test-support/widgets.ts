import type { ApiFeature, BehaviorFlag, Registry } from '@featuregates/gates';
import { snapshotOf } from '../snapshot';
import type { Snapshot } from '../types';

/**
 * A made-up project's catalog, shaped for the release rules: a v1 kind (12-month window) and a
 * beta-only kind (9 months), beta and alpha features with and without own flags, a stable
 * feature, stable, beta and alpha flags, a flag whose default is announced to flip, a tombstone.
 */
export function widgets(): Registry {
  return {
    name: 'widgets',
    apiFieldsKey: 'enable-api-fields',
    defaultLevel: 'beta',
    apiFieldsDescription: 'level',
    apiFieldsHistory: [],
    kinds: [
      { group: 'example.dev', version: 'v1', kind: 'Widget', type: 'Widget', stability: 'stable' },
      { group: 'example.dev', version: 'v1beta1', kind: 'Widget', type: 'Widget', stability: 'beta' },
      { group: 'example.dev', version: 'v1beta1', kind: 'Gadget', type: 'Gadget', stability: 'beta' },
    ],
    types: { Widget: { spec: 'WidgetSpec' }, WidgetSpec: { 'parts[]': 'Part' }, Part: {}, Gadget: { spec: 'GadgetSpec' }, GadgetSpec: {} },
    features: [
      { name: 'fan-out', title: 'fanOut', stability: 'beta', description: 'Fan a part out', uses: [{ type: 'Part', path: 'fanOut', match: { kind: 'present' } }], history: [{ release: 'v0.3', event: 'introduced', stability: 'alpha' }, { release: 'v0.5', event: 'promoted', stability: 'beta' }] },
      { name: 'sprockets', title: 'sprockets', stability: 'beta', description: 'Gadget sprockets', uses: [{ type: 'GadgetSpec', path: 'sprockets', match: { kind: 'present' } }], history: [] },
      { name: 'turbo', title: 'turbo', stability: 'alpha', description: 'Go faster', flag: 'enable-turbo', uses: [{ type: 'WidgetSpec', path: 'turbo', match: { kind: 'present' } }], history: [{ release: 'v0.6', event: 'introduced', stability: 'alpha' }] },
      { name: 'glow', title: 'glow', stability: 'alpha', description: 'Glow in the dark', uses: [{ type: 'Part', path: 'glow', match: { kind: 'present' } }], history: [] },
      { name: 'inline', title: 'inline', stability: 'stable', description: 'Inline specs', disabledBy: { flag: 'disable-inline', contains: 'widget' }, uses: [{ type: 'WidgetSpec', path: 'inline', match: { kind: 'present' } }], history: [] },
    ],
    flags: [
      { key: 'enable-turbo', type: 'bool', default: false, stability: 'alpha', valueStability: { true: 'alpha' }, feature: 'turbo', description: 'Own flag of turbo', history: [] },
      { key: 'mode', type: 'enum', default: 'a', values: ['a', 'b', 'c'], stability: 'stable', description: 'Mode', history: [] },
      { key: 'old-style', type: 'bool', default: true, stability: 'stable', description: 'Old layout', history: [] },
      { key: 'shiny', type: 'bool', default: false, stability: 'beta', description: 'Shiny', history: [] },
      { key: 'experimental-cache', type: 'bool', default: false, stability: 'alpha', description: 'Cache', history: [] },
      { key: 'disable-inline', type: 'list', default: [], values: ['widget'], stability: 'stable', description: 'Forbid inline specs', history: [] },
    ],
    tombstones: [{ key: 'removed-key', lastShipped: 'v0.9', removedIn: 'v1.0', note: 'it did nothing' }],
    aliases: [],
  };
}

type Draft = Omit<Registry, 'features' | 'flags' | 'tombstones' | 'kinds' | 'apiFieldsHistory'> & {
  features: ApiFeature[];
  flags: BehaviorFlag[];
  tombstones: Registry['tombstones'][number][];
  kinds: Registry['kinds'][number][];
  apiFieldsHistory: Registry['apiFieldsHistory'][number][];
};

/** A changed copy of a registry. */
export function edit(registry: Registry, change: (draft: Draft) => void): Registry {
  const draft = structuredClone(registry) as Draft;
  change(draft);
  return draft;
}

export function feature(draft: Draft, name: string): ApiFeature & Record<string, unknown> {
  const found = draft.features.find((entry) => entry.name === name);
  if (!found) throw new Error(`no feature ${name}`);
  return found as ApiFeature & Record<string, unknown>;
}

export function flag(draft: Draft, key: string): BehaviorFlag & Record<string, unknown> {
  const found = draft.flags.find((entry) => entry.key === key);
  if (!found) throw new Error(`no flag ${key}`);
  return found as BehaviorFlag & Record<string, unknown>;
}

export function release(registry: Registry, version: string, date: string, previous?: Snapshot): Snapshot {
  return snapshotOf(registry, { version, date, ...(previous ? { previous } : {}) });
}
