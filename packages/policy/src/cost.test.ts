import { evaluate, parseConfig } from '@featuregates/gates';
import { tektonCatalog } from '@featuregates/tekton';
import { buildPolicies, type KubernetesObject } from './policies';
import { CostMeter } from './test-support/cost';
import { admit, compile, toCel } from './test-support/vap';

/** Kubernetes' limits (k8s.io/apiserver celconfig): per expression, and for all of one policy's expressions on one request. */
const PER_CALL_LIMIT = 1_000_000;
const PER_POLICY_BUDGET = 10_000_000;

type Spec = { variables: { name: string; expression: string }[]; validations: { expression: string; messageExpression: string }[] };

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

interface Measured {
  /** The costliest single expression, with the variables it was first to read. */
  maxPerCall: number;
  total: number;
}

/** Each validation's cost, charged with the variables it is the first to read (as Kubernetes evaluates them lazily). */
function measure(policy: KubernetesObject, bindings: Record<string, unknown>): Measured {
  const spec = policy.spec as Spec;
  const values = new Map<string, unknown>();
  const meter = new CostMeter();
  let maxPerCall = 0;
  let total = 0;
  const evaluate = (expression: string): unknown => {
    for (const match of expression.matchAll(/variables\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (values.has(match[1])) continue;
      const declared = spec.variables.find((entry) => entry.name === match[1]) as { expression: string };
      values.set(match[1], evaluate(declared.expression));
    }
    return meter.run(expression, { ...bindings, variables: new Map(values) } as never);
  };
  for (const validation of spec.validations) {
    meter.cost = 0;
    const passed = evaluate(validation.expression);
    if (passed !== true) evaluate(validation.messageExpression);
    maxPerCall = Math.max(maxPerCall, meter.cost);
    total += meter.cost;
  }
  return { maxPerCall, total };
}

const request = (object: unknown, oldObject: unknown, data: Record<string, string>) => ({
  object: toCel(object),
  oldObject: oldObject === null ? null : toCel(oldObject),
  request: toCel({ operation: oldObject === null ? 'CREATE' : 'UPDATE', kind: { group: 'tekton.dev', version: 'v1', kind: 'PipelineRun' } }),
  params: toCel({ data }),
});

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
    const decision = admit(set, { object, oldObject: oldObject ?? undefined, operation: oldObject === null ? 'CREATE' : 'UPDATE', kind: { group: 'tekton.dev', version: 'v1', kind: 'PipelineRun' }, params: { data } });
    expect(decision.errors).toEqual([]);
    const config = parsed.config as NonNullable<typeof parsed.config>;
    expect(decision.allowed).toBe(evaluate(object, { config, operation: oldObject === null ? 'CREATE' : 'UPDATE', oldObject, maxDepth: set.limits.maxDepth }).allowed);
    process.stdout.write(`cost ${_name}: deny max ${deny.maxPerCall}, total ${deny.total}; warn max ${warn.maxPerCall}, total ${warn.total}; allowed ${decision.allowed}\n`);
  });

  test('the meter agrees with @bufbuild/cel on what an expression evaluates to', () => {
    const meter = new CostMeter();
    for (const expression of ['[1, 2].exists(x, x == 2)', '"a,b".split(",").join("-")', '"x".matches("^\\\\s*x")', '{} == {}', 'type([]) == list']) {
      expect(meter.run(expression, {})).toEqual(compile(expression)({} as never));
    }
  });
});
