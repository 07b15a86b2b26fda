import { parse } from '@bufbuild/cel';
import { ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding } from 'kubernetes-models/admissionregistration.k8s.io/v1';
import { loadAll } from 'js-yaml';
import type { Registry, Stability } from '@featuregates/gates';
import { policyManifests, policyObjects } from '../manifests';
import { compile } from './vap';

/** cel-go's default parser limits, which the API server's CEL environment keeps. */
const MAX_CODE_POINTS = 100_000;
const MAX_NESTING = 250;

type Spec = { variables: { name: string; expression: string }[]; validations: { expression: string; messageExpression: string }[] };

/** How deeply expressions nest in a parsed CEL tree (an upper bound on the parser's recursion). */
function nesting(expr: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[expr, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    const isExpr = (node as { $typeName?: string }).$typeName === 'cel.expr.Expr';
    const next = isExpr ? depth + 1 : depth;
    deepest = Math.max(deepest, next);
    for (const [key, value] of Object.entries(node)) if (key !== '$typeName') stack.push([value, next]);
  }
  return deepest;
}

/** Every expression of the bundle's policies parses and plans within the parser's limits, over well-formed variables. */
export function expectWithinCelLimits(registry: Registry, variant: Stability): void {
  for (const object of policyObjects(registry, { variant })) {
    if (object.kind !== 'ValidatingAdmissionPolicy') continue;
    const spec = object.spec as Spec;
    const expressions = [...spec.variables.map((v) => v.expression), ...spec.validations.flatMap((v) => [v.expression, v.messageExpression])];
    expect(expressions.length).toBeGreaterThan(0);
    for (const expression of expressions) {
      expect([...expression].length).toBeLessThanOrEqual(MAX_CODE_POINTS);
      expect(nesting(parse(expression).expr)).toBeLessThanOrEqual(MAX_NESTING);
      expect(() => compile(expression)).not.toThrow();
    }
    // Kubernetes requires variable names that are CEL identifiers, and a variable may only read those declared before it.
    spec.variables.forEach((variable, i) => {
      expect(variable.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      for (const match of variable.expression.matchAll(/variables\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
        expect(spec.variables.slice(0, i).map((v) => v.name)).toContain(match[1]);
      }
    });
  }
}

/** The bundle's policy manifests validate against the Kubernetes schemas. */
export function expectManifestsValid(registry: Registry, variant: Stability): void {
  const documents = loadAll(policyManifests(registry, { variant })) as { kind: string }[];
  expect(documents.length).toBeGreaterThanOrEqual(2);
  for (const document of documents) {
    const model = document.kind === 'ValidatingAdmissionPolicy' ? new ValidatingAdmissionPolicy(document as never) : new ValidatingAdmissionPolicyBinding(document as never);
    expect(() => model.validate()).not.toThrow();
  }
}
