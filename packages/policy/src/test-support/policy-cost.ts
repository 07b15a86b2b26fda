import type { KubernetesObject } from '../policies';
import { CostMeter } from './cost';
import { toCel } from './vap';

/** Kubernetes' limits (k8s.io/apiserver celconfig): per expression, and for all of one policy's expressions on one request. */
export const PER_CALL_LIMIT = 1_000_000;
export const PER_POLICY_BUDGET = 10_000_000;

type Spec = { variables: { name: string; expression: string }[]; validations: { expression: string; messageExpression: string }[] };

export interface Measured {
  /** The costliest single expression, with the variables it was first to read. */
  maxPerCall: number;
  total: number;
}

/** Each validation's cost, charged with the variables it is the first to read (as Kubernetes evaluates them lazily). */
export function measure(policy: KubernetesObject, bindings: Record<string, unknown>): Measured {
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

/** The CEL bindings of one admission request of `kind`: CREATE without an old object, UPDATE with one. */
export const requestBindings = (kind: { group: string; version: string; kind: string }, object: unknown, oldObject: unknown, data: Record<string, string>) => ({
  object: toCel(object),
  oldObject: oldObject === null ? null : toCel(oldObject),
  request: toCel({ operation: oldObject === null ? 'CREATE' : 'UPDATE', kind }),
  params: toCel({ data }),
});
