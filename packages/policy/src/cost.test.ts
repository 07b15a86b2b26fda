import { evaluate, parseConfig } from '@featuregates/gates';
import { buildPolicies } from './policies';
import { CostMeter } from './test-support/cost';
import { overridesLevel } from './test-support/fixtures';
import { measure, PER_CALL_LIMIT, PER_POLICY_BUDGET, requestBindings } from './test-support/policy-cost';
import { admit, compile } from './test-support/vap';

const KIND = { group: 'gizmos.dev', version: 'v1', kind: 'GizmoRun' };

/** A GizmoRun embedding a Gizmo with `count` parts, each with a script, args and params; `extra` adds gated fields. */
function gizmoRun(count: number, extra: (i: number) => Record<string, unknown> = () => ({})): Record<string, unknown> {
  const part = (i: number) => ({
    name: `p${i}`,
    script: `#!/bin/sh\necho "$(params.revision)" > /workspace/out-${i}\n`,
    args: ['build', './...'],
    params: [{ name: 'revision', value: '$(params.revision)' }],
    ...extra(i),
  });
  return { apiVersion: 'gizmos.dev/v1', kind: 'GizmoRun', metadata: { name: 'big' }, spec: { gizmoSpec: { parts: Array.from({ length: count }, (_, i) => part(i)) } } };
}

describe('cost: an object with 500 gated parts stays within the API server\'s CEL budget', () => {
  const set = buildPolicies(overridesLevel, { variant: 'alpha' });
  const plain = gizmoRun(500);
  const gated = gizmoRun(500, (i) => ({ fanOut: { params: [{ name: 'arch', value: ['amd64', 'arm64'] }] }, onError: `continue-${i}` }));
  const changed = structuredClone(gated) as { spec: { gizmoSpec: { parts: { name: string }[] } } };
  changed.spec.gizmoSpec.parts[250].name = 'renamed';
  // The last field is the decision: an UPDATE that keeps its uses where they were ratchets.
  const cases: [string, unknown, unknown, Record<string, string>, boolean][] = [
    ['CREATE, nothing gated in use', plain, null, { 'enable-api-fields': 'stable' }, true],
    ['CREATE, 500 fan-outs and onErrors refused', gated, null, { 'enable-api-fields': 'stable' }, false],
    ['CREATE, 500 fan-outs allowed and warned about', gated, null, { 'enable-api-fields': 'alpha', 'enable-on-error': 'true' }, true],
    ['UPDATE, spec unchanged with features now off', gated, gated, { 'enable-api-fields': 'stable' }, true],
    ['UPDATE, one part changed, features now off', changed, gated, { 'enable-api-fields': 'stable' }, true],
  ];

  test.each(cases)('%s', (_name, object, oldObject, data, allowed) => {
    const bindings = requestBindings(KIND, object, oldObject, data);
    const deny = measure(set.deny.policy, bindings);
    const warn = set.warn ? measure(set.warn.policy, bindings) : { maxPerCall: 0, total: 0 };
    expect(deny.maxPerCall).toBeLessThanOrEqual(PER_CALL_LIMIT);
    expect(warn.maxPerCall).toBeLessThanOrEqual(PER_CALL_LIMIT);
    expect(deny.total).toBeLessThanOrEqual(PER_POLICY_BUDGET);
    expect(warn.total).toBeLessThanOrEqual(PER_POLICY_BUDGET);
    // The meter interprets the expressions as @bufbuild/cel does: the same admission as the gate model's.
    const config = parseConfig(overridesLevel, data, { ceiling: 'alpha' }).config!;
    const operation = oldObject === null ? 'CREATE' : 'UPDATE';
    const decision = admit(set, { object, oldObject: oldObject ?? undefined, operation, kind: KIND, params: { data } });
    expect(decision.errors).toEqual([]);
    expect(decision.allowed).toBe(allowed);
    expect(decision.allowed).toBe(evaluate(object, { config, operation, oldObject, maxDepth: set.limits.maxDepth }).allowed);
  });

  test('the meter agrees with @bufbuild/cel on what an expression evaluates to', () => {
    const meter = new CostMeter();
    for (const expression of ['[1, 2].exists(x, x == 2)', '"a,b".split(",").join("-")', '"x".matches("^\\\\s*x")', '{} == {}', 'type([]) == list']) {
      expect(meter.run(expression, {})).toEqual(compile(expression)({} as never));
    }
  });
});
