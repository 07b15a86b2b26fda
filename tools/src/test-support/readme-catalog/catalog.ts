import type { ApiFeature, Alias, BehaviorFlag, Registry, RootKind, Tombstone, TypeNode } from '@featuregates/gates';

/**
 * The smallest catalog the README's generator examples run on (readme-examples.test.ts): the
 * types and kinds they name (a Step inside a v1 Task, StepAction at v1beta1), in one file, so that
 * following the README never depends on what Tekton's live catalog holds.
 */
const KINDS: readonly RootKind[] = [
  { group: 'tekton.dev', version: 'v1', kind: 'Task', type: 'Task', stability: 'stable' },
  { group: 'tekton.dev', version: 'v1beta1', kind: 'StepAction', type: 'StepAction', stability: 'beta' },
];

const TYPES: Readonly<Record<string, TypeNode>> = {
  Task: { spec: 'TaskSpec' },
  TaskSpec: { 'steps[]': 'Step' },
  Step: {},
  StepAction: { spec: 'StepActionSpec' },
  StepActionSpec: {},
};

const FEATURES: readonly ApiFeature[] = [
  { name: 'step-when', title: 'step when', stability: 'alpha', description: 'When expressions on steps.', uses: [{ type: 'Step', path: 'when', match: { kind: 'present' } }], history: [] },
];

const FLAGS: readonly BehaviorFlag[] = [
  { key: 'await-sidecar-readiness', type: 'bool', default: true, stability: 'stable', description: 'Wait for sidecars before the first step.', history: [] },
];

const TOMBSTONES: readonly Tombstone[] = [];
const ALIASES: readonly Alias[] = [];

export const readmeCatalog: Registry = {
  name: 'readme-examples',
  wording: 'tekton',
  ownFlagRule: 'own-flag-decides',
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'beta',
  apiFieldsDescription: 'The lowest stability whose gated API fields are on.',
  apiFieldsHistory: [],
  kinds: KINDS,
  types: TYPES,
  features: FEATURES,
  flags: FLAGS,
  tombstones: TOMBSTONES,
  aliases: ALIASES,
};
