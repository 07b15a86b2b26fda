import fc from 'fast-check';
import { evaluate, parseConfig, type GateConfig } from '@featuregates/gates';
import { tektonCatalog } from './catalog';

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
