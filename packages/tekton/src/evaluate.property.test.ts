import fc from 'fast-check';
import { evaluate, parseConfig, type GateConfig } from '@featuregates/gates';
import { tektonCatalog } from './catalog';
import { growthRatio } from './test-support/growth';

// Field names the catalog's type graph and gates look at, so random objects reach deep into it.
const FIELDS = [
  'spec', 'tasks', 'finally', 'taskSpec', 'pipelineSpec', 'pipelineRef', 'taskRef', 'steps', 'sidecars', 'params', 'enum',
  'matrix', 'include', 'onError', 'resolver', 'name', 'when', 'cel', 'script', 'command', 'args', 'env', 'value', 'workspaces',
  'stdoutConfig', 'stderrConfig', 'debug', 'stepSpecs', 'stepOverrides', 'sidecarSpecs', 'taskRunSpecs', 'computeResources',
  'ref', '__proto__', 'constructor',
];
const STRINGS = ['', 'x', 'continue', '$(params.a)', '#!win', '$(steps.a.outputs.b)', 'git://repo', 'array', "'a' == 'a'"];

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(...STRINGS, null, 0, true, {}, []),
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('tree'), { maxKeys: 4 }),
  ),
}));

// Shapes of Tekton specs with random gated fields in them, mixed with random noise.
const maybe = (value: fc.Arbitrary<unknown>) => fc.option(value, { nil: undefined });
const step = fc.record({ name: fc.constant('s'), script: maybe(fc.constantFrom(...STRINGS)), stdoutConfig: maybe(tree), workspaces: maybe(tree), when: maybe(tree), ref: maybe(tree) }, { requiredKeys: ['name'] });
const taskSpec = fc.record({ steps: fc.array(step, { maxLength: 3 }), params: maybe(tree), sidecars: maybe(tree) }, { requiredKeys: [] });
const { pipelineSpec } = fc.letrec((tie) => ({
  pipelineSpec: fc.record({
    tasks: fc.array(tie('pipelineTask'), { maxLength: 3 }),
    finally: maybe(fc.array(tie('pipelineTask'), { maxLength: 2 })),
    params: maybe(tree),
  }, { requiredKeys: [] }),
  pipelineTask: fc.record({
    name: fc.constant('t'),
    taskRef: maybe(tree),
    taskSpec: maybe(taskSpec),
    pipelineSpec: maybe(tie('pipelineSpec')),
    matrix: maybe(tree),
    onError: maybe(fc.constantFrom(...STRINGS)),
    when: maybe(tree),
  }, { requiredKeys: ['name'] }),
}));
const spec = fc.oneof(
  tree,
  taskSpec,
  pipelineSpec,
  fc.record({ taskSpec: maybe(taskSpec), pipelineSpec: maybe(pipelineSpec), taskRef: maybe(tree), debug: maybe(tree), stepSpecs: maybe(tree), taskRunSpecs: maybe(tree) }, { requiredKeys: [] }),
);

const manifest = fc.record({
  apiVersion: fc.constantFrom('tekton.dev/v1', 'tekton.dev/v1beta1', 'tekton.dev/v1alpha1', 'tekton.dev/v2'),
  kind: fc.constantFrom('Task', 'Pipeline', 'TaskRun', 'PipelineRun', 'StepAction', 'CustomRun'),
  spec,
});

const ownFlags = fc.record(
  {
    'enable-param-enum': fc.constantFrom('true', 'false'),
    'enable-cel-in-whenexpression': fc.constantFrom('true', 'false'),
    'enable-artifacts': fc.constantFrom('true', 'false'),
    'enable-concise-resolver-syntax': fc.constantFrom('true', 'false'),
    'disable-inline-spec': fc.constantFrom('', 'pipeline', 'taskrun,pipelinerun'),
  },
  { requiredKeys: [] },
);

const configAt = (level: string, flags: Record<string, string>): GateConfig => {
  const result = parseConfig(tektonCatalog, { ...flags, 'enable-api-fields': level });
  if (!result.config) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.config;
};

describe('evaluate over random objects', () => {
  it('never throws, whatever the input', () => {
    const config = configAt('beta', {});
    fc.assert(
      fc.property(fc.oneof(manifest, fc.anything({ withNullPrototype: true, withObjectString: true })), fc.option(manifest), fc.constantFrom('CREATE', 'UPDATE', 'DELETE'), (object, old, operation) => {
        const result = evaluate(object, { config, operation, oldObject: old ?? undefined });
        return typeof result.allowed === 'boolean';
      }),
      { numRuns: 500 },
    );
  });

  it('reaches gated fields often enough for the properties to mean something', () => {
    const config = configAt('stable', {});
    const rejected = fc.sample(manifest, { numRuns: 2000, seed: 42 }).filter((object) => !evaluate(object, { config }).allowed);
    expect(rejected.length).toBeGreaterThan(20);
  });

  it('a higher enable-api-fields never rejects what a lower one admitted', () => {
    fc.assert(
      fc.property(manifest, ownFlags, (object, flags) => {
        const [stable, beta, alpha] = ['stable', 'beta', 'alpha'].map((level) => evaluate(object, { config: configAt(level, flags) }).allowed);
        return (!stable || beta) && (!beta || alpha);
      }),
      { numRuns: 500 },
    );
  });

  it('an UPDATE never rejects what the same CREATE admitted, and admits an unchanged object', () => {
    fc.assert(
      fc.property(manifest, manifest, (object, old) => {
        const config = configAt('stable', {});
        const created = evaluate(object, { config }).allowed;
        const updated = evaluate(object, { config, operation: 'UPDATE', oldObject: old }).allowed;
        const unchanged = evaluate(object, { config, operation: 'UPDATE', oldObject: object }).allowed;
        return (!created || updated) && unchanged;
      }),
      { numRuns: 300 },
    );
  });
});

describe('evaluate over objects with long strings in every field', () => {
  /** The object with every string made `scale` times `unit` long after its own text, so every gated string is long. */
  const lengthen = (value: unknown, unit: string, scale: number): unknown => {
    if (typeof value === 'string') return value + unit.repeat(scale);
    if (Array.isArray(value)) return value.map((item) => lengthen(item, unit, scale));
    if (typeof value === 'object' && value !== null) {
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: lengthen((value as Record<string, unknown>)[key], unit, scale), enumerable: true });
      return copy;
    }
    return value;
  };
  // Every gated field, set to a string, where the generated objects may not reach.
  const everyField = { taskRef: { name: 'x', resolver: 'x' }, onError: 'x', steps: [{ name: 's', script: 'x', command: ['x'], args: ['x'], env: [{ name: 'e', value: 'x' }], ref: { name: 'x' } }], params: [{ name: 'p', value: 'x' }] };

  it('takes time linear in the length of the strings, against the same object with strings a tenth as long', () => {
    const config = configAt('alpha', { 'enable-concise-resolver-syntax': 'true', 'enable-artifacts': 'true' });
    fc.assert(
      fc.property(manifest, fc.constantFrom('a', ' ', 'a:', '$(steps.', '$(tasks.x.', '-'), (object, unit) => {
        const seeded = { ...object, spec: { ...(typeof object.spec === 'object' && object.spec !== null ? object.spec : {}), tasks: [{ name: 't', ...everyField, taskSpec: { steps: everyField.steps } }], ...everyField } };
        const [small, large] = [2_000, 20_000].map((scale) => ({ ...seeded, spec: lengthen(seeded.spec, unit, scale / unit.length) }));
        fc.pre(evaluate(seeded, { config }).skipped === undefined);
        const ratio = growthRatio((input) => evaluate(input, { config }), small, large, 7);
        return ratio < 30;
      }),
      { numRuns: 15, seed: 11 },
    );
  });
});
