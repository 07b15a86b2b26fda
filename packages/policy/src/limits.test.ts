import { STABILITIES, type Registry } from '@featuregates/gates';
import { policyObjects } from './manifests';
import { expectManifestsValid, expectWithinCelLimits } from './test-support/limits';
import { overridesLevel, ownFlagDecides } from './test-support/fixtures';

// Tekton's catalog is held to the same limits in packages/bundles.
const CATALOGS: [string, Registry][] = [['overrides-level fixture', overridesLevel], ['own-flag-decides fixture', ownFlagDecides]];

describe.each(CATALOGS)('%s catalog', (_name, registry) => {
  test.each([...STABILITIES])('%s bundle: every expression parses and plans, within the parser\'s limits', (variant) => {
    expectWithinCelLimits(registry, variant);
  });

  test.each([...STABILITIES])('%s bundle: the manifests validate against the Kubernetes schemas', (variant) => {
    expectManifestsValid(registry, variant);
  });
});

test('the policies never match a subresource, and match only CREATE and UPDATE of the catalog\'s kinds that hold a gated field', () => {
  const [policy] = policyObjects(overridesLevel, { variant: 'alpha' });
  const rules = (policy.spec as { matchConstraints: { matchPolicy: string; resourceRules: { apiGroups: string[]; apiVersions: string[]; resources: string[]; operations: string[] }[] } }).matchConstraints;
  expect(rules.matchPolicy).toBe('Exact');
  expect(rules.resourceRules).toContainEqual({ apiGroups: ['gizmos.dev'], apiVersions: ['v1'], resources: ['gizmos', 'gizmoruns'], operations: ['CREATE', 'UPDATE'], scope: '*' });
  for (const rule of rules.resourceRules) {
    expect(rule.operations).toEqual(['CREATE', 'UPDATE']);
    for (const resource of rule.resources) expect(resource).not.toContain('/');
  }
  // A kind with no gated field (Plain) is not matched at all: nothing to check, no ConfigMap to need.
  expect(rules.resourceRules.flatMap((rule) => rule.resources)).not.toContain('plains');
});
