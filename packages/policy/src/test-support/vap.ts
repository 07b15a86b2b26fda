import { celEnv, isCelError, parse, plan, type CelEnv } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { resourceOf, type KubernetesObject, type PolicySet, type Validation } from '../policies';

/**
 * The API server's evaluation of a ValidatingAdmissionPolicy, with @bufbuild/cel (a CEL
 * implementation that passes the conformance suite) and the Kubernetes string extensions the
 * policies use (`lowerAscii`, `split`, all in both). Variables are evaluated when first read and
 * kept for the request, as Kubernetes does; an expression that errors is a failure (the
 * policies' `failurePolicy: Fail` would deny), reported as such.
 */
const env: CelEnv = celEnv({ funcs: strings });

type Program = ReturnType<typeof plan>;
const programs = new Map<string, Program>();

export function compile(expression: string): Program {
  let program = programs.get(expression);
  if (!program) {
    program = plan(env, parse(expression));
    programs.set(expression, program);
  }
  return program;
}

/** JSON as the API server hands it to CEL: integers are CEL ints, other numbers doubles. */
export function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  // A Map, so that a `__proto__` key stays a key.
  if (typeof value === 'object' && value !== null) return new Map(Object.entries(value).map(([key, entry]) => [key, toCel(entry)]));
  return value;
}

export interface AdmissionInput {
  object: unknown;
  oldObject?: unknown;
  operation: 'CREATE' | 'UPDATE';
  kind: { group: string; version: string; kind: string };
  /** The ConfigMap the binding names, or null when it does not exist. */
  params: { data?: Record<string, string> } | null;
}

export interface PolicyResult {
  /** Messages of failed validations. */
  failed: string[];
  /** Expressions that errored (each would deny through failurePolicy: Fail). */
  errors: string[];
}

interface Spec {
  variables: { name: string; expression: string }[];
  validations: Validation[];
  matchConstraints: { resourceRules: { apiGroups: string[]; apiVersions: string[]; resources: string[] }[] };
}

function matches(policy: KubernetesObject, kind: AdmissionInput['kind']): boolean {
  const spec = policy.spec as Spec;
  return spec.matchConstraints.resourceRules.some(
    (rule) => rule.apiGroups.includes(kind.group) && rule.apiVersions.includes(kind.version) && rule.resources.includes(resourceOf(kind.kind)),
  );
}

/** Runs one policy's validations on one request. */
export function runPolicy(policy: KubernetesObject, input: AdmissionInput): PolicyResult {
  const spec = policy.spec as Spec;
  if (!matches(policy, input.kind)) return { failed: [], errors: [] };
  const values = new Map<string, unknown>();
  const errors: string[] = [];
  const bindings: Record<string, unknown> = {
    object: toCel(input.object),
    oldObject: input.operation === 'UPDATE' && input.oldObject !== undefined ? toCel(input.oldObject) : null,
    request: { operation: input.operation, kind: input.kind },
    params: input.params === null ? null : toCel(input.params),
  };
  const evaluate = (expression: string): unknown => {
    for (const match of expression.matchAll(/variables\.([A-Za-z_][A-Za-z0-9_]*)/g)) variable(match[1]);
    const result = compile(expression)({ ...bindings, variables: Object.fromEntries(values) } as never);
    if (isCelError(result)) throw new Error(`${result.message} in ${expression.slice(0, 200)}`);
    return result;
  };
  const variable = (name: string): void => {
    if (values.has(name)) return;
    const declared = spec.variables.find((entry) => entry.name === name);
    if (!declared) throw new Error(`undeclared variable ${name}`);
    values.set(name, evaluate(declared.expression));
  };
  const failed: string[] = [];
  for (const validation of spec.validations) {
    try {
      const passed = evaluate(validation.expression);
      if (passed !== true) failed.push(String(evaluate(validation.messageExpression)));
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  return { failed, errors };
}

export interface Decision {
  allowed: boolean;
  messages: string[];
  warnings: string[];
  errors: string[];
}

/** Both policies on one request: denied when the Deny policy fails; warnings from the Warn policy. */
export function admit(set: PolicySet, input: AdmissionInput): Decision {
  const deny = runPolicy(set.deny.policy, input);
  const warn = set.warn ? runPolicy(set.warn.policy, input) : { failed: [], errors: [] };
  return { allowed: deny.failed.length === 0 && deny.errors.length === 0, messages: deny.failed, warnings: warn.failed, errors: [...deny.errors, ...warn.errors] };
}
