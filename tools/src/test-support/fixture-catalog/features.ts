import type { ApiFeature, FieldUse, Matcher } from '@featuregates/gates';

const present: Matcher = { kind: 'present' };
const on = (types: readonly string[], path: string): FieldUse[] => types.map((type) => ({ type, path, match: present }));

/** A made-up project's API features, written the way a catalog's data files are (helpers included). */
export const FEATURES: readonly ApiFeature[] = [
  {
    name: 'turbo',
    title: 'turbo',
    stability: 'alpha',
    description: 'Parts that spin faster.',
    flag: 'enable-turbo',
    uses: on(['Part'], 'turbo'),
    history: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', stability: 'alpha' }],
  },
  {
    name: 'fan-out',
    title: 'fanOut',
    stability: 'beta',
    description: 'One part fanned out over many.',
    uses: on(['Part'], 'fanOut'),
    history: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', stability: 'beta' }],
  },
  {
    name: 'sparkle',
    title: 'sparkle',
    stability: 'alpha',
    description: 'Gadgets that sparkle.',
    uses: on(['GadgetSpec'], 'sparkle'),
    history: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', stability: 'alpha' }],
  },
  {
    name: 'labels',
    title: 'labels',
    stability: 'stable',
    description: 'Labels on a widget spec.',
    uses: on(['WidgetSpec'], 'labels'),
    history: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', stability: 'stable' }],
  },
];
