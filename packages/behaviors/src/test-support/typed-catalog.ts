import { defineFlag, type Registry, type TypedRegistry } from '@featuregates/gates';

const FLAGS = [
  defineFlag({ key: 'placement', type: 'enum', default: 'spread', values: ['spread', 'pack', 'isolate'], stability: 'stable', description: 'an enum', history: [] }),
  defineFlag({ key: 'keep-logs', type: 'bool', default: false, stability: 'stable', description: 'a bool', history: [] }),
  defineFlag({ key: 'max-size', type: 'int', default: 4096, min: 1, stability: 'stable', description: 'an int', history: [] }),
  defineFlag({ key: 'disable-inline', type: 'list', default: [], values: ['widget', 'gadget'], stability: 'stable', description: 'a list', history: [] }),
] as const;

/**
 * A small catalog whose flags keep their literal types (as Tekton's do), so tests of the typed
 * snapshot name keys that no release of a real catalog can remove.
 */
export const typedCatalog: TypedRegistry<typeof FLAGS, 'enable-api-fields'> = {
  name: 'typed-widgets',
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'beta',
  apiFieldsDescription: 'level of gated fields',
  apiFieldsHistory: [],
  kinds: [],
  types: {},
  features: [],
  flags: FLAGS,
  tombstones: [{ key: 'old-placement', lastShipped: 'v0.9', removedIn: 'v1.0', note: 'use "placement" instead', replacedBy: 'placement' }],
  aliases: [{ key: 'keep-log', target: 'keep-logs', note: 'shipped misspelt in v0.5' }],
};

export const untypedCatalog: Registry = typedCatalog;
