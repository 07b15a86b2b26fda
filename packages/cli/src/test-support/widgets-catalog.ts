// A downstream project's catalog, loaded by the CLI's tests from this file as a user's would be:
// two levels (stable and alpha, default stable), its own API group, ConfigMap and namespace, a
// use under nested arrays, an own flag, and a bool and an enum behaviour flag.
import type { Registry } from '@featuregates/gates';

const widgetsCatalog: Registry = {
  name: 'widgets',
  displayName: 'Widgets Operator',
  configMap: { name: 'widget-flags', namespace: 'widgets-system' },
  levels: ['stable', 'alpha'],
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'stable',
  apiFieldsDescription: 'Which gated Widget fields are on: stable or alpha.',
  apiFieldsHistory: [{ release: 'v1.0.0', event: 'introduced' }],
  kinds: [
    { group: 'widgets.example.dev', version: 'v1', kind: 'Widget', type: 'Widget', stability: 'stable' },
    { group: 'widgets.example.dev', version: 'v1', kind: 'WidgetRun', type: 'WidgetRun', stability: 'stable' },
  ],
  types: {
    Widget: { spec: 'WidgetSpec' },
    WidgetSpec: { 'parts[]': 'Part' },
    Part: { 'gears[]': 'Gear' },
    Gear: {},
    WidgetRun: { spec: 'WidgetRunSpec' },
    WidgetRunSpec: { widgetSpec: 'WidgetSpec' },
  },
  features: [
    {
      name: 'gear-ratio',
      title: 'gear ratio',
      stability: 'alpha',
      description: 'A gear may set its ratio.',
      uses: [{ type: 'Gear', path: 'ratio', match: { kind: 'present' } }],
      history: [{ release: 'v1.1.0', date: '2026-06-01', event: 'introduced', stability: 'alpha' }],
    },
    {
      name: 'turbo',
      title: 'turbo',
      stability: 'alpha',
      flag: 'enable-turbo',
      description: 'A widget may run in turbo mode.',
      uses: [{ type: 'WidgetSpec', path: 'turbo', match: { kind: 'oneOf', values: [true] } }],
      history: [{ release: 'v1.1.0', date: '2026-06-01', event: 'introduced', stability: 'alpha' }],
    },
  ],
  flags: [
    { key: 'enable-turbo', type: 'bool', default: false, stability: 'alpha', valueStability: { true: 'alpha' }, feature: 'turbo', description: 'Own flag of turbo.', history: [] },
    { key: 'spin-faster', type: 'bool', default: false, stability: 'alpha', valueStability: { true: 'alpha' }, description: 'Spin gears faster.', history: [] },
    { key: 'paint', type: 'enum', default: 'matte', values: ['matte', 'gloss'], stability: 'stable', description: 'How widgets are painted.', history: [] },
  ],
  tombstones: [],
  aliases: [],
};

export default widgetsCatalog;
