import { defineFlag, type TypedRegistry } from '@featuregates/gates';

/**
 * The widgets operator's feature gates: two kinds in `widgets.example.dev`, two maturity levels
 * (stable and alpha, stable by default) and its flags in the `widget-flags` ConfigMap.
 */
export const FLAGS = [
  defineFlag({
    key: 'enable-turbo',
    type: 'bool',
    default: false,
    stability: 'alpha',
    valueStability: { true: 'alpha' },
    feature: 'turbo',
    description: 'Turns on the alpha `spec.turbo` field of a Widget.',
    history: [{ release: 'v0.2.0', date: '2026-09-01', event: 'introduced', stability: 'alpha', default: false }],
  }),
  defineFlag({
    key: 'cache-parts',
    type: 'bool',
    default: true,
    stability: 'stable',
    description: 'When false, every reconcile fetches parts afresh instead of reusing the cache.',
    history: [{ release: 'v0.1.0', date: '2026-06-01', event: 'introduced', default: true }],
  }),
  defineFlag({
    key: 'paint-finish',
    type: 'enum',
    default: 'matte',
    values: ['matte', 'gloss', 'metallic'],
    stability: 'stable',
    valueStability: { metallic: 'alpha' },
    description: 'The finish a WidgetRun paints with; "metallic" is alpha.',
    history: [{ release: 'v0.1.0', date: '2026-06-01', event: 'introduced', default: 'matte' }],
  }),
] as const;

export const widgetsCatalog: TypedRegistry<typeof FLAGS, 'enable-api-fields'> = {
  name: 'widgets-operator',
  displayName: 'Widgets Operator',
  configMap: { name: 'widget-flags', namespace: 'widgets-system' },
  levels: ['alpha', 'stable'],
  wording: 'kubernetes',
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'stable',
  apiFieldsDescription: 'The lowest stability whose gated Widget fields are on: "stable" none, "alpha" all.',
  apiFieldsHistory: [{ release: 'v0.1.0', date: '2026-06-01', event: 'introduced', default: 'stable' }],
  kinds: [
    { group: 'widgets.example.dev', version: 'v1', kind: 'Widget', type: 'Widget', stability: 'stable' },
    { group: 'widgets.example.dev', version: 'v1', kind: 'WidgetRun', type: 'WidgetRun', stability: 'stable' },
  ],
  types: {
    Widget: { spec: 'WidgetSpec' },
    WidgetSpec: { 'parts[]': 'Part' },
    Part: {},
    WidgetRun: { spec: 'WidgetRunSpec' },
    WidgetRunSpec: { widgetSpec: 'WidgetSpec' },
  },
  features: [
    {
      name: 'fan-out',
      title: 'fanOut',
      stability: 'alpha',
      description: 'A part built several times in parallel, one per value of `spec.parts[].fanOut`.',
      uses: [{ type: 'Part', path: 'fanOut', match: { kind: 'nonEmpty' } }],
      history: [{ release: 'v0.2.0', date: '2026-09-01', event: 'introduced', stability: 'alpha' }],
    },
    {
      name: 'turbo',
      title: 'turbo',
      stability: 'alpha',
      flag: 'enable-turbo',
      description: 'Reconciles a Widget without waiting between parts.',
      uses: [{ type: 'WidgetSpec', path: 'turbo', match: { kind: 'present' } }],
      history: [{ release: 'v0.2.0', date: '2026-09-01', event: 'introduced', stability: 'alpha' }],
    },
  ],
  flags: FLAGS,
  tombstones: [],
  aliases: [],
};

export default widgetsCatalog;
