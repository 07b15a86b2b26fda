import type { Registry } from '@featuregates/gates';

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
