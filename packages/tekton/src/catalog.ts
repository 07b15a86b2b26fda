import type { TypedRegistry } from '@featuregates/gates';
import { FEATURES } from './features';
import { FLAGS } from './flags';
import { at } from './releases';
import { ALIASES, TOMBSTONES } from './tombstones';
import { KINDS, TEMPLATES, TYPES, VARIANTS } from './types';

/**
 * Tekton Pipelines' feature gates as data for the gate model. Its flags keep their literal keys and
 * values, so switches and test requirements over it are checked at compile time.
 */
export const tektonCatalog: TypedRegistry<typeof FLAGS, 'enable-api-fields'> = {
  name: 'tekton-pipelines',
  displayName: 'Tekton Pipelines',
  configMap: { name: 'feature-flags', namespace: 'tekton-pipelines' },
  levels: ['alpha', 'beta', 'stable'],
  wording: 'tekton',
  // TEP-0138: pkg/apis/config/feature_flags.go `setPerFeatureFlag` reads each per-feature flag on its own; enable-api-fields never turns one on.
  ownFlagRule: 'own-flag-decides',
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'beta',
  apiFieldsDescription:
    'The lowest stability whose gated API fields are on: "stable" none, "beta" beta fields, "alpha" alpha and beta fields. Gates fields inside CRDs, never CRDs themselves.',
  apiFieldsHistory: [
    at('v0.24.0', 'introduced', { default: 'stable' }),
    at('v0.49.0', 'default-changed', { default: 'beta', note: 'tektoncd/pipeline#6732' }),
  ],
  kinds: KINDS,
  types: TYPES,
  variants: VARIANTS,
  templates: TEMPLATES,
  features: FEATURES,
  flags: FLAGS,
  tombstones: TOMBSTONES,
  aliases: ALIASES,
};
