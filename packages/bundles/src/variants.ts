import type { Stability } from '@featuregates/gates';

/** One install an installer can choose: its name is its compiled-in ceiling. */
export interface Variant {
  name: Stability;
  summary: string;
}

export const VARIANTS: readonly Variant[] = [
  { name: 'stable', summary: 'Only stable API fields and behaviours; no one, not even an editor of the feature-flags ConfigMap, can turn on a beta or alpha feature.' },
  { name: 'beta', summary: 'Stable and beta features (Tekton\'s own default level); alpha features cannot be turned on.' },
  { name: 'alpha', summary: 'Everything, opt-in: alpha and beta features are off until the ConfigMap turns them on.' },
];

export function variantNamed(name: string): Variant {
  const variant = VARIANTS.find((entry) => entry.name === name);
  if (!variant) throw new Error(`unknown bundle variant "${name}": want one of ${VARIANTS.map((entry) => entry.name).join(', ')}`);
  return variant;
}
