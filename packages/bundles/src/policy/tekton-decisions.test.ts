import { buildPolicies } from '@featuregates/policy';
import { tektonCatalog } from '@featuregates/tekton';
// The policy package's stand-in for the API server's admission of a policy set.
import { admit } from '../../../policy/src/test-support/vap';

const MATRIX = { apiVersion: 'tekton.dev/v1', kind: 'Pipeline', metadata: { name: 'm' }, spec: { tasks: [{ name: 'a', taskRef: { name: 't' }, matrix: { params: [{ name: 'x', value: ['1'] }] } }] } };
const PLAIN = { apiVersion: 'tekton.dev/v1', kind: 'Task', metadata: { name: 'plain' }, spec: { steps: [{ name: 's', image: 'busybox' }] } };
const pipelineKind = { group: 'tekton.dev', version: 'v1', kind: 'Pipeline' };
const taskKind = { group: 'tekton.dev', version: 'v1', kind: 'Task' };

// Tekton's answers, in Tekton's words; the policy package holds the same rules on its fixture catalogs.
describe('what Tekton\'s policies read from the ConfigMap', () => {
  const alpha = buildPolicies(tektonCatalog, { variant: 'alpha' });

  test('a ConfigMap without data is every default: matrix (beta) is on under Tekton\'s default level, and warned about', () => {
    const decision = admit(alpha, { object: MATRIX, operation: 'CREATE', kind: pipelineKind, params: {} });
    expect(decision).toMatchObject({ allowed: true, errors: [] });
    expect(decision.warnings).toEqual(['spec.tasks[*].matrix (and 1 more): uses beta feature "matrix"']);
  });

  test('a refused use is named by its path pattern, in the webhook\'s words', () => {
    const decision = admit(alpha, { object: MATRIX, operation: 'CREATE', kind: pipelineKind, params: { data: { 'enable-api-fields': 'Stable' } } });
    expect(decision.allowed).toBe(false);
    expect(decision.messages).toEqual(['spec.tasks[*].matrix, spec.finally[*].matrix: matrix requires "enable-api-fields" feature gate to be "alpha" or "beta" but it is "stable"']);
  });

  test('a level the model would refuse refuses the uses it decides, with the model\'s message, and nothing else', () => {
    const data = { 'enable-api-fields': 'bogus' };
    const refused = admit(alpha, { object: MATRIX, operation: 'CREATE', kind: pipelineKind, params: { data } });
    expect(refused.allowed).toBe(false);
    expect(refused.messages[0]).toBe('spec.tasks[*].matrix, spec.finally[*].matrix: invalid value "bogus" for "enable-api-fields": want one of "stable", "beta" or "alpha"');
    expect(admit(alpha, { object: PLAIN, operation: 'CREATE', kind: taskKind, params: { data } }).allowed).toBe(true);
  });

  test('the bundle ceiling is compiled in: the beta policies refuse "alpha" as the level, as the beta bundle does', () => {
    const beta = buildPolicies(tektonCatalog, { variant: 'beta' });
    const decision = admit(beta, { object: MATRIX, operation: 'CREATE', kind: pipelineKind, params: { data: { 'enable-api-fields': 'alpha' } } });
    expect(decision.allowed).toBe(false);
    expect(decision.messages[0]).toContain('"enable-api-fields" is "alpha", but this is the beta bundle');
  });

});
