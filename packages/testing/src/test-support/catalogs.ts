import type { ApiFeature, BehaviorFlag, OwnFlagRule, Registry } from '@featuregates/gates';

/**
 * A small catalog with a constraint: a legacy flag that `enable-api-fields: alpha` forces on, so
 * "alpha with legacy off" is no real configuration; plus an enum with an alpha value and an int.
 */
export const constrained: Registry = {
  name: 'constrained',
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'beta',
  apiFieldsDescription: '',
  apiFieldsHistory: [],
  kinds: [],
  types: {},
  features: [],
  flags: [
    { key: 'legacy', type: 'bool', default: false, stability: 'alpha', impliedBy: 'alpha', description: '', history: [] },
    { key: 'mode', type: 'enum', default: 'a', values: ['a', 'b', 'c'], valueStability: { c: 'alpha' }, stability: 'stable', description: '', history: [] },
    { key: 'fast', type: 'bool', default: true, stability: 'stable', description: '', history: [] },
    { key: 'size', type: 'int', default: 10, stability: 'stable', description: '', history: [] },
  ],
  tombstones: [],
  aliases: [],
};

const ownFeature = (name: string, stability: ApiFeature['stability']): ApiFeature => ({
  name,
  title: name,
  stability,
  flag: `enable-${name}`,
  description: '',
  uses: [{ type: 'Spec', path: name, match: { kind: 'present' } }],
  history: [],
});

const ownFlag = (feature: string, stability: BehaviorFlag['stability'], defaultValue: boolean): BehaviorFlag => ({
  key: `enable-${feature}`,
  type: 'bool',
  default: defaultValue,
  stability,
  valueStability: { true: stability },
  feature,
  description: '',
  history: [],
});

/**
 * Features with their own flags at each maturity, under a given own-flag rule, and a deprecated
 * flag still in its window: what a matrix must run both ways.
 * - `rollout`: beta, its own flag on by default (Tekton's beta own flags);
 * - `preview`: beta, its own flag off by default (on through the level where the rule lets it);
 * - `sketch`: alpha, its own flag off.
 */
export function ownFlags(ownFlagRule: OwnFlagRule): Registry {
  return {
    name: 'own-flags',
    ownFlagRule,
    apiFieldsKey: 'enable-api-fields',
    defaultLevel: 'beta',
    apiFieldsDescription: '',
    apiFieldsHistory: [],
    kinds: [{ group: 'own.example.dev', version: 'v1', kind: 'Thing', type: 'Thing', stability: 'stable' }],
    types: { Thing: { spec: 'Spec' }, Spec: {} },
    features: [ownFeature('rollout', 'beta'), ownFeature('preview', 'beta'), ownFeature('sketch', 'alpha')],
    flags: [
      ownFlag('rollout', 'beta', true),
      ownFlag('preview', 'beta', false),
      ownFlag('sketch', 'alpha', false),
      { key: 'old-layout', type: 'bool', default: false, stability: 'stable', deprecated: { since: 'v2', message: 'goes away in v3' }, description: '', history: [] },
      {
        key: 'enable-old-runs',
        type: 'bool',
        default: false,
        stability: 'alpha',
        impliedBy: 'alpha',
        deprecated: { since: 'v2', message: 'no effect' },
        description: 'a deprecated legacy key the alpha level forces on',
        history: [],
      },
    ],
    tombstones: [{ key: 'older-layout', lastShipped: 'v1', removedIn: 'v2', note: 'gone' }],
    aliases: [],
  };
}
