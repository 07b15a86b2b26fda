import type { RootKind, TypeNode } from '@featuregates/gates';

export const KINDS: readonly RootKind[] = [
  { group: 'widgets.example.dev', version: 'v1', kind: 'Widget', type: 'Widget', stability: 'stable' },
  { group: 'widgets.example.dev', version: 'v1alpha1', kind: 'Gadget', type: 'Gadget', stability: 'alpha' },
];

export const TYPES: Readonly<Record<string, TypeNode>> = {
  Widget: { spec: 'WidgetSpec' },
  WidgetSpec: { 'parts[]': 'Part' },
  Part: {},
  Gadget: { spec: 'GadgetSpec' },
  GadgetSpec: {},
};
