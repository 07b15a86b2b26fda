import { STABILITIES, type Registry } from '@featuregates/gates';
import { policyObjects } from '@featuregates/policy';
import { tektonCatalog } from '@featuregates/tekton';
// The policy package's CEL harness (its tests hold the same limits on fixture catalogs), here on Tekton's policies.
import { expectManifestsValid, expectWithinCelLimits } from '../../../policy/src/test-support/limits';
import { expectCelMatchesAsTheModel } from '../../../policy/src/test-support/patterns';

describe("Tekton's catalog", () => {
  const registry: Registry = tektonCatalog;
  test.each([...STABILITIES])('%s bundle: every expression parses and plans, within the parser\'s limits', (variant) => {
    expectWithinCelLimits(registry, variant);
  });

  test.each([...STABILITIES])('%s bundle: the manifests validate against the Kubernetes schemas', (variant) => {
    expectManifestsValid(registry, variant);
  });
});

test('Tekton\'s policies never match a subresource, and match only CREATE and UPDATE of the catalog\'s kinds', () => {
  const [policy] = policyObjects(tektonCatalog, { variant: 'alpha' });
  const rules = (policy.spec as { matchConstraints: { matchPolicy: string; resourceRules: { apiGroups: string[]; apiVersions: string[]; resources: string[]; operations: string[] }[] } }).matchConstraints;
  expect(rules.matchPolicy).toBe('Exact');
  expect(rules.resourceRules).toContainEqual({ apiGroups: ['tekton.dev'], apiVersions: ['v1'], resources: ['tasks', 'pipelines', 'taskruns', 'pipelineruns'], operations: ['CREATE', 'UPDATE'], scope: '*' });
  for (const rule of rules.resourceRules) {
    expect(rule.operations).toEqual(['CREATE', 'UPDATE']);
    for (const resource of rule.resources) expect(resource).not.toContain('/');
  }
  // Kinds with no gated field (CustomRun, VerificationPolicy) are not matched at all: nothing to check, no ConfigMap to need.
  expect(rules.resourceRules.flatMap((rule) => rule.resources)).not.toContain('customruns');
});

const TEKTON_PATTERNS = [...new Set(tektonCatalog.features.flatMap((feature) => feature.uses.flatMap((use) => (use.match.kind === 'pattern' ? [use.match.pattern] : []))))];

test.each(TEKTON_PATTERNS)("Tekton's pattern %s: CEL matches where the gate model does, and every match holds a required literal", (pattern) => {
  expectCelMatchesAsTheModel(pattern);
});
