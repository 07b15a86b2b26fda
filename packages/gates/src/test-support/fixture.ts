import type { Registry } from '../registry';

/**
 * A small registry of a made-up project, shaped to exercise every rule of the model: a recursive
 * type, a beta feature, alpha features with and without an own flag, a pattern, an equals-one-of,
 * a stable feature a list flag can forbid, legacy implication, tombstones and an alias.
 */
export const fixture: Registry = {
  name: 'widgets',
  // The wording these tests pin is Tekton's (0.1.0's); wording.test.ts holds the generic default.
  wording: 'tekton',
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'beta',
  apiFieldsDescription: 'level of gated fields',
  apiFieldsHistory: [],
  kinds: [
    { group: 'example.dev', version: 'v1', kind: 'Widget', type: 'Widget', stability: 'stable' },
    { group: 'example.dev', version: 'v1alpha1', kind: 'Widget', type: 'Widget', stability: 'alpha' },
  ],
  types: {
    Widget: { spec: 'WidgetSpec' },
    WidgetSpec: { 'parts[]': 'Part', child: 'WidgetSpec' },
    Part: {},
  },
  features: [
    { name: 'fan-out', title: 'fanOut', stability: 'beta', description: 'beta', uses: [{ type: 'Part', path: 'fanOut', match: { kind: 'nonEmpty', anyOf: ['params', 'include'] } }], history: [] },
    { name: 'turbo', title: 'turbo', stability: 'alpha', description: 'alpha', uses: [{ type: 'WidgetSpec', path: 'turbo', match: { kind: 'present' } }], history: [] },
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
    { name: 'magic', title: 'magic scripts', stability: 'alpha', description: 'pattern', uses: [{ type: 'Part', path: 'script', match: { kind: 'pattern', pattern: '^\\s*#!magic' } }], history: [] },
    { name: 'array-type', title: 'array type', stability: 'beta', description: 'equals', uses: [{ type: 'Part', path: 'type', match: { kind: 'oneOf', values: ['array'] } }], history: [] },
    {
      name: 'inline',
      title: 'inline',
      stability: 'stable',
      disabledBy: { flag: 'disable-inline', contains: 'widget' },
      description: 'forbidden by a list flag',
      uses: [{ type: 'WidgetSpec', path: 'inline', match: { kind: 'present' } }],
      history: [],
    },
  ],
  flags: [
    { key: 'enable-enum', type: 'bool', default: false, stability: 'alpha', valueStability: { true: 'alpha' }, feature: 'enum', description: 'own flag', history: [] },
    {
      key: 'enable-legacy',
      type: 'bool',
      default: false,
      stability: 'alpha',
      impliedBy: 'alpha',
      deprecated: { since: 'v2', message: 'no effect' },
      description: 'legacy',
      history: [],
    },
    { key: 'mode', type: 'enum', default: 'a', values: ['a', 'b', 'c'], stability: 'stable', valueStability: { c: 'alpha' }, description: 'enum', history: [] },
    { key: 'size', type: 'int', default: 10, min: 1, max: 100, stability: 'stable', description: 'int', history: [] },
    { key: 'disable-inline', type: 'list', default: [], values: ['widget', 'gadget'], stability: 'stable', description: 'list', history: [] },
    { key: 'label', type: 'string', default: '', stability: 'stable', description: 'string', history: [] },
    {
      key: 'old-style',
      type: 'bool',
      default: true,
      stability: 'stable',
      deprecatedValues: [{ value: true, message: 'the old layout goes away in v3; set it to false' }],
      description: 'deprecated value',
      history: [],
    },
  ],
  tombstones: [{ key: 'removed-key', lastShipped: 'v0.9', removedIn: 'v1.0', note: 'it did nothing' }],
  aliases: [{ key: 'enabel-enum', target: 'enable-enum', note: 'shipped misspelt in v0.5' }],
};

export const widget = (spec: unknown, version = 'v1'): unknown => ({ apiVersion: `example.dev/${version}`, kind: 'Widget', metadata: { name: 'w' }, spec });

/**
 * A project with two levels, stable and alpha, default stable, and its ConfigMap named otherwise
 * (as Tekton Triggers' `feature-flags-triggers`): no beta anywhere.
 */
export const twoLevels: Registry = {
  name: 'gizmos',
  displayName: 'Gizmos',
  configMap: { name: 'feature-flags-gizmos', namespace: 'gizmo-system' },
  levels: ['stable', 'alpha'],
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'stable',
  apiFieldsDescription: 'level of gated fields',
  apiFieldsHistory: [],
  kinds: [{ group: 'gizmos.example.dev', version: 'v1beta1', kind: 'Gizmo', type: 'Gizmo', stability: 'beta' }],
  types: { Gizmo: { spec: 'GizmoSpec' }, GizmoSpec: { 'triggers[]': 'Trigger' }, Trigger: {} },
  features: [
    { name: 'labels', title: 'labels', stability: 'stable', description: 'stable', uses: [{ type: 'Trigger', path: 'labels', match: { kind: 'nonEmpty' } }], history: [] },
    { name: 'cel', title: 'CEL overlays', stability: 'alpha', description: 'alpha', uses: [{ type: 'Trigger', path: 'overlays', match: { kind: 'nonEmpty' } }], history: [] },
    {
      name: 'bundles',
      title: 'bundle refs',
      stability: 'alpha',
      flag: 'enable-bundles',
      description: 'own flag',
      uses: [{ type: 'GizmoSpec', path: 'bundle', match: { kind: 'present' } }],
      history: [],
    },
  ],
  flags: [
    { key: 'enable-bundles', type: 'bool', default: false, stability: 'alpha', valueStability: { true: 'alpha' }, feature: 'bundles', description: 'own flag', history: [] },
    { key: 'mode', type: 'enum', default: 'fast', values: ['fast', 'safe', 'wild'], stability: 'stable', valueStability: { wild: 'alpha' }, description: 'enum', history: [] },
  ],
  tombstones: [],
  aliases: [],
};

export const gizmo = (spec: unknown): unknown => ({ apiVersion: 'gizmos.example.dev/v1beta1', kind: 'Gizmo', metadata: { name: 'g' }, spec });
