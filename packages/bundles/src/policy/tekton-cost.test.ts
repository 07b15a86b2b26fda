import { evaluate, parseConfig } from '@featuregates/gates';
import { buildPolicies } from '@featuregates/policy';
import { tektonCatalog } from '@featuregates/tekton';
// The policy package's CEL harness: a cost meter after cel-go's, and the API server's admission of a policy set.
import { measure, PER_CALL_LIMIT, PER_POLICY_BUDGET, requestBindings } from '../../../policy/src/test-support/policy-cost';
import { admit } from '../../../policy/src/test-support/vap';

/** A PipelineRun with `count` tasks in its embedded pipeline, each with an embedded task of two steps. */
function pipelineRun(count: number, extra: (i: number) => Record<string, unknown> = () => ({})): Record<string, unknown> {
  const task = (i: number) => ({
    name: `t${i}`,
    params: [{ name: 'revision', value: '$(params.revision)' }],
    taskSpec: {
      params: [{ name: 'revision', type: 'string' }],
      steps: [
        { name: 'clone', image: 'alpine/git', script: `#!/bin/sh\ngit clone --branch "$(params.revision)" https://example.com/repo /workspace/src-${i}\n`, env: [{ name: 'HOME', value: '/tekton/home' }] },
        { name: 'build', image: 'golang', command: ['go'], args: ['build', './...'], workingDir: '/workspace/src' },
      ],
    },
    ...extra(i),
  });
  return {
    apiVersion: 'tekton.dev/v1',
    kind: 'PipelineRun',
    metadata: { name: 'big' },
    spec: { params: [{ name: 'revision', value: 'main' }], pipelineSpec: { params: [{ name: 'revision', type: 'string' }], tasks: Array.from({ length: count }, (_, i) => task(i)) } },
  };
}

const KIND = { group: 'tekton.dev', version: 'v1', kind: 'PipelineRun' };
const request = (object: unknown, oldObject: unknown, data: Record<string, string>) => requestBindings(KIND, object, oldObject, data);

// Tekton's own policies on a Tekton-sized object: the policy package holds the rule on its fixture catalogs.
describe('cost: a PipelineRun with 500 embedded tasks stays within the API server\'s CEL budget', () => {
  const set = buildPolicies(tektonCatalog, { variant: 'alpha' });
  const plain = pipelineRun(500);
  const withMatrix = pipelineRun(500, (i) => ({ matrix: { params: [{ name: 'arch', value: ['amd64', 'arm64'] }] }, when: [{ cel: `'${i}' != ''` }] }));
  const changed = structuredClone(withMatrix) as { spec: { pipelineSpec: { tasks: { name: string }[] } } };
  changed.spec.pipelineSpec.tasks[250].name = 'renamed';
  const cases: [string, unknown, unknown, Record<string, string>][] = [
    ['CREATE, nothing gated in use', plain, null, { 'enable-api-fields': 'stable' }],
    ['CREATE, 500 matrices and CEL whens refused', withMatrix, null, { 'enable-api-fields': 'stable' }],
    ['CREATE, 500 matrices allowed and warned about', withMatrix, null, { 'enable-api-fields': 'alpha', 'enable-cel-in-whenexpression': 'true' }],
    ['UPDATE, spec unchanged (finalizer removal) with features now off', withMatrix, withMatrix, { 'enable-api-fields': 'stable' }],
    ['UPDATE, one task changed, features now off', changed, withMatrix, { 'enable-api-fields': 'stable' }],
  ];

  test.each(cases)('%s', (_name, object, oldObject, data) => {
    const bindings = request(object, oldObject, data);
    const deny = measure(set.deny.policy, bindings);
    const warn = set.warn ? measure(set.warn.policy, bindings) : { maxPerCall: 0, total: 0 };
    expect(deny.maxPerCall).toBeLessThanOrEqual(PER_CALL_LIMIT);
    expect(warn.maxPerCall).toBeLessThanOrEqual(PER_CALL_LIMIT);
    expect(deny.total).toBeLessThanOrEqual(PER_POLICY_BUDGET);
    expect(warn.total).toBeLessThanOrEqual(PER_POLICY_BUDGET);
    // The meter interprets the expressions as @bufbuild/cel does: the same admission.
    const parsed = parseConfig(tektonCatalog, data, { ceiling: 'alpha' });
    expect(parsed.config).toBeDefined();
    const decision = admit(set, { object, oldObject: oldObject ?? undefined, operation: oldObject === null ? 'CREATE' : 'UPDATE', kind: KIND, params: { data } });
    expect(decision.errors).toEqual([]);
    const config = parsed.config as NonNullable<typeof parsed.config>;
    expect(decision.allowed).toBe(evaluate(object, { config, operation: oldObject === null ? 'CREATE' : 'UPDATE', oldObject, maxDepth: set.limits.maxDepth }).allowed);
    process.stdout.write(`cost ${_name}: deny max ${deny.maxPerCall}, total ${deny.total}; warn max ${warn.maxPerCall}, total ${warn.total}; allowed ${decision.allowed}\n`);
  });
});
