import type { TypedRegistry } from '@featuregates/gates';
import { FEATURES } from './features';
import { FLAGS } from './flags';
import { ALIASES, TOMBSTONES } from './tombstones';
import { KINDS, TYPES } from './types';

/**
 * A made-up project laid out as Tekton's catalog is (one data file per collection), so the
 * generators' tests edit a catalog of their own and never the live one.
 */
export const widgetsCatalog: TypedRegistry<typeof FLAGS, 'enable-api-fields'> = {
  name: 'widgets',
  displayName: 'Widgets',
  wording: 'tekton',
  ownFlagRule: 'own-flag-decides',
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'beta',
  apiFieldsDescription: 'The lowest stability whose gated API fields are on.',
  apiFieldsHistory: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', default: 'beta' }],
  kinds: KINDS,
  types: TYPES,
  features: FEATURES,
  flags: FLAGS,
  tombstones: TOMBSTONES,
  aliases: ALIASES,
};
