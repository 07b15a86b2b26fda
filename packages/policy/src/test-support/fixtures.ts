import type { Registry } from '@featuregates/gates';

/**
 * A made-up project whose catalog exercises every rule the policies compile: a recursive embedded
 * spec (reached through a gated field, as Tekton's pipelines in pipelines are), beta and alpha
 * features with and without own flags, an own flag a level implies, an aliased own flag, present,
 * non-empty, any-of, one-of and pattern matchers (RE2, with `\s` and alternatives), a field name CEL cannot select, a stable feature a list flag forbids,
 * and removed features (one whose own flag is now a tombstone).
 */
const base: Omit<Registry, 'ownFlagRule'> = {
  name: 'gizmos',
  displayName: 'Gizmos',
  configMap: { name: 'gizmo-flags', namespace: 'gizmo-system' },
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'beta',
  apiFieldsDescription: 'level of gated fields',
  apiFieldsHistory: [],
  kinds: [
    { group: 'gizmos.dev', version: 'v1', kind: 'Gizmo', type: 'Gizmo', stability: 'stable' },
    { group: 'gizmos.dev', version: 'v1beta1', kind: 'Gizmo', type: 'Gizmo', stability: 'beta' },
    { group: 'gizmos.dev', version: 'v1', kind: 'GizmoRun', type: 'GizmoRun', stability: 'stable' },
    { group: 'gizmos.dev', version: 'v1', kind: 'Plain', type: 'Plain', stability: 'stable' },
  ],
  types: {
    Gizmo: { spec: 'GizmoSpec' },
    GizmoSpec: { 'parts[]': 'Part', 'extras[]': 'Part' },
    Part: { nested: 'GizmoSpec' },
    GizmoRun: { spec: 'GizmoRunSpec' },
    GizmoRunSpec: { gizmoSpec: 'GizmoSpec' },
    Plain: {},
  },
  features: [
    { name: 'fan-out', title: 'fanOut', stability: 'beta', description: 'beta, any-of', uses: [{ type: 'Part', path: 'fanOut', match: { kind: 'nonEmpty', anyOf: ['params', 'include'] } }], history: [] },
    { name: 'nesting', title: 'nested', stability: 'alpha', description: 'the recursion itself', uses: [{ type: 'Part', path: 'nested', match: { kind: 'present' } }], history: [] },
    {
      name: 'enum',
      title: 'Enum',
      stability: 'alpha',
      flag: 'enable-enum',
      flagMessage: 'feature flag `enable-enum` should be set to true to use Enum',
      description: 'own flag',
      uses: [{ type: 'Part', path: 'params[].enum', match: { kind: 'nonEmpty' } }],
      history: [],
    },
    {
      name: 'legacy-hooks',
      title: 'hooks',
      stability: 'beta',
      flag: 'enable-hooks',
      description: 'own flag that alpha implies',
      uses: [{ type: 'GizmoSpec', path: 'hooks', match: { kind: 'nonEmpty' } }],
      history: [],
    },
    {
      name: 'magic',
      title: 'magic scripts',
      stability: 'alpha',
      description: 'pattern with \\s',
      uses: [{ type: 'Part', path: 'script', match: { kind: 'pattern', pattern: '^\\s*#!magic' } }, { type: 'Part', path: 'args[]', match: { kind: 'pattern', pattern: '^\\s*#!magic' } }],
      history: [],
    },
    {
      name: 'on-error',
      title: 'onError',
      stability: 'beta',
      flag: 'enable-on-error',
      flagMessage: 'feature flag enable-on-error should be set to true to use onError: {value}',
      description: 'pattern for a value that is not a $(params…) reference',
      uses: [{ type: 'Part', path: 'onError', match: { kind: 'pattern', pattern: '^(?:[^$]|\\$[^(]|\\$\\([^p])' } }],
      history: [],
    },
    { name: 'array-type', title: 'array type', stability: 'beta', description: 'one-of', uses: [{ type: 'Part', path: 'type', match: { kind: 'oneOf', values: ['array', 2, true] } }], history: [] },
    { name: 'dashed', title: 'x-mode', stability: 'alpha', description: 'a field CEL cannot select', uses: [{ type: 'GizmoSpec', path: 'x-mode', match: { kind: 'present' } }], history: [] },
    {
      name: 'inline',
      title: 'gizmoSpec',
      stability: 'stable',
      disabledBy: { flag: 'disable-inline', contains: 'gizmorun' },
      description: 'forbidden by a list flag',
      uses: [{ type: 'GizmoRunSpec', path: 'gizmoSpec', match: { kind: 'present' } }],
      history: [],
    },
    { name: 'always', title: 'always', stability: 'stable', description: 'stable, never refused', uses: [{ type: 'GizmoSpec', path: 'always', match: { kind: 'present' } }], history: [] },
  ],
  flags: [
    { key: 'enable-enum', type: 'bool', default: false, stability: 'alpha', valueStability: { true: 'alpha' }, feature: 'enum', description: 'own flag', history: [] },
    { key: 'enable-hooks', type: 'bool', default: false, stability: 'beta', impliedBy: 'alpha', feature: 'legacy-hooks', description: 'legacy own flag', history: [] },
    { key: 'enable-on-error', type: 'bool', default: false, stability: 'beta', valueStability: { true: 'beta' }, feature: 'on-error', description: 'own flag', history: [] },
    { key: 'disable-inline', type: 'list', default: [], values: ['gizmorun', 'gizmo'], stability: 'stable', description: 'list', history: [] },
    { key: 'mode', type: 'enum', default: 'a', values: ['a', 'b'], stability: 'stable', description: 'not read by the policies', history: [] },
  ],
  tombstones: [
    { key: 'removed-key', lastShipped: 'v0.9', removedIn: 'v1.0', note: 'it did nothing' },
    { key: 'enable-warp', lastShipped: 'v0.9', removedIn: 'v1.0', note: 'warp was removed' },
  ],
  aliases: [{ key: 'enabel-enum', target: 'enable-enum', note: 'shipped misspelt in v0.5' }],
  // Removed features are refused at every level and in every bundle, and ratchet as any feature that is off.
  removedFeatures: [
    {
      name: 'warp',
      title: 'warp',
      stability: 'alpha',
      description: 'removed, its own flag now a tombstone',
      flag: 'enable-warp',
      uses: [{ type: 'GizmoSpec', path: 'warp', match: { kind: 'present' } }],
      removedIn: 'v1.0',
      note: 'it never worked',
      replacedBy: 'hooks',
      history: [],
    },
    { name: 'old-type', title: 'old type', stability: 'beta', description: 'removed, one-of', uses: [{ type: 'Part', path: 'kind', match: { kind: 'oneOf', values: ['x', 2] } }], removedIn: 'v1.0', note: 'parts have one kind now', history: [] },
  ],
};

export const overridesLevel: Registry = { ...base, ownFlagRule: 'own-flag-overrides-level' };
export const ownFlagDecides: Registry = { ...base, name: 'gizmos-strict', ownFlagRule: 'own-flag-decides' };
