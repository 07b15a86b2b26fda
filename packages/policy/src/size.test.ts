import { tektonCatalog } from '@featuregates/tekton';
import { buildPolicies } from './policies';
import { policyManifests } from './manifests';
test('sizes', () => {
  for (const depth of [13, 16, 19, 24]) {
    const set = buildPolicies(tektonCatalog, { variant: 'alpha', maxDepth: depth });
    const spec = set.deny.policy.spec as { validations: { expression: string }[]; variables: { name: string; expression: string }[] };
    const sizes = [...spec.validations.map((v) => v.expression.length), ...spec.variables.map((v) => v.expression.length)];
    console.log(depth, 'validations', spec.validations.length, 'variables', spec.variables.length, 'max', Math.max(...sizes), 'total', sizes.reduce((a, b) => a + b, 0), 'yaml', policyManifests(tektonCatalog, { variant: 'alpha', maxDepth: depth }).length,
      spec.variables.filter((v) => v.expression.length > 5000).map((v) => `${v.name}:${v.expression.length}`).join(' '));
  }
});
