import { ELIDED_PATH_HEAD, ELIDED_PATH_TAIL, evaluate, parseConfig, type GateConfig } from '@featuregates/gates';
import { tektonCatalog } from './catalog';

const config = (data: Record<string, string>): GateConfig => {
  const result = parseConfig(tektonCatalog, data);
  if (!result.config) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.config;
};
const stable = config({ 'enable-api-fields': 'stable' });
const beta = config({ 'enable-api-fields': 'beta' });
const alpha = config({ 'enable-api-fields': 'alpha' });

const object = (version: string, kind: string, spec: unknown) => ({ apiVersion: `tekton.dev/${version}`, kind, metadata: { name: 'x' }, spec });
const step = (extra: object = {}) => ({ name: 's', image: 'busybox', ...extra });
const task = (extra: object) => ({ steps: [step()], ...extra });
const pipelineTask = (extra: object) => ({ name: 'a', taskRef: { name: 't' }, ...extra });

const betaMessage = (title: string, level = 'stable') => `${title} requires "enable-api-fields" feature gate to be "alpha" or "beta" but it is "${level}"`;
const alphaMessage = (title: string, level = 'beta') => `${title} requires "enable-api-fields" feature gate to be "alpha" but it is "${level}"`;

// One row per gate of shared/tekton-catalog.md §1: the object, the first level that admits it,
// the path Tekton reports (YAML form) and its message at the level below.
const API_GATES: [string, unknown, 'beta' | 'alpha', string, string][] = [
  ['A1 resolver on a TaskRun', object('v1', 'TaskRun', { taskRef: { resolver: 'git' } }), 'beta', 'spec.taskRef.resolver', betaMessage('resolver')],
  ['A1 resolver on a PipelineRun', object('v1beta1', 'PipelineRun', { pipelineRef: { resolver: 'hub' } }), 'beta', 'spec.pipelineRef.resolver', betaMessage('resolver')],
  ['A1 resolver on a StepAction ref', object('v1', 'Task', { steps: [{ name: 's', ref: { resolver: 'git' } }] }), 'beta', 'spec.steps[0].ref.resolver', betaMessage('resolver')],
  ['A2 resolver params, empty list included', object('v1', 'TaskRun', { taskRef: { params: [] } }), 'beta', 'spec.taskRef.params', betaMessage('resolver params')],
  ['A3 taskref.resolver', object('v1', 'Pipeline', { tasks: [{ name: 'a', taskRef: { resolver: 'git' } }] }), 'beta', 'spec.tasks[0].taskRef.resolver', betaMessage('taskref.resolver')],
  ['A4 taskref.params', object('v1', 'Pipeline', { tasks: [{ name: 'a', taskRef: { params: [{ name: 'u', value: 'x' }] } }] }), 'beta', 'spec.tasks[0].taskRef.params', betaMessage('taskref.params')],
  ['A5 OnError', object('v1', 'Pipeline', { tasks: [pipelineTask({ onError: 'continue' })] }), 'beta', 'spec.tasks[0].onError', betaMessage('OnError')],
  ['A6 matrix', object('v1', 'Pipeline', { tasks: [pipelineTask({ matrix: { params: [{ name: 'x', value: ['1'] }] } })] }), 'beta', 'spec.tasks[0].matrix', betaMessage('matrix')],
  ['A6 matrix in finally', object('v1beta1', 'Pipeline', { finally: [pipelineTask({ matrix: { include: [{ name: 'i' }] } })] }), 'beta', 'spec.finally[0].matrix', betaMessage('matrix')],
  ['A6 matrix in an embedded pipelineSpec', object('v1', 'PipelineRun', { pipelineSpec: { tasks: [pipelineTask({ matrix: { params: [{ name: 'x', value: [] }] } })] } }), 'beta', 'spec.pipelineSpec.tasks[0].matrix', betaMessage('matrix')],
  ['A7 pipelineRef', object('v1', 'Pipeline', { tasks: [{ name: 'a', pipelineRef: { name: 'p' } }] }), 'alpha', 'spec.tasks[0].pipelineRef', alphaMessage('pipelineRef')],
  ['A8 pipelineSpec', object('v1beta1', 'Pipeline', { tasks: [{ name: 'a', pipelineSpec: { tasks: [] } }] }), 'alpha', 'spec.tasks[0].pipelineSpec', alphaMessage('pipelineSpec')],
  ['A9 step workspaces', object('v1', 'Task', task({ steps: [step({ workspaces: [{ name: 'w' }] })] })), 'beta', 'spec.steps[0].workspaces', betaMessage('step workspaces')],
  ['A10 sidecar workspaces', object('v1', 'Task', task({ sidecars: [{ name: 'c', workspaces: [{ name: 'w' }] }] })), 'beta', 'spec.sidecars[0].workspaces', betaMessage('sidecar workspaces')],
  ['A11 windows script', object('v1', 'Task', task({ steps: [step({ script: '  #!win pwsh\nls' })] })), 'alpha', 'spec.steps[0].script', alphaMessage('windows script support')],
  ['A12 windows StepAction', object('v1beta1', 'StepAction', { image: 'x', script: '#!win' }), 'alpha', 'spec.script', alphaMessage('windows script support')],
  ['A13 stdoutConfig', object('v1', 'Task', task({ steps: [step({ stdoutConfig: { path: '/o' } })] })), 'alpha', 'spec.steps[0].stdoutConfig', alphaMessage('step stdout stream support')],
  ['A14 stderrConfig', object('v1', 'Task', task({ steps: [step({ stderrConfig: { path: '/e' } })] })), 'alpha', 'spec.steps[0].stderrConfig', alphaMessage('step stderr stream support')],
  ['A15 debug, {} counts', object('v1', 'TaskRun', { taskRef: { name: 't' }, debug: {} }), 'alpha', 'spec.debug', alphaMessage('debug')],
  ['A16 stepSpecs (v1)', object('v1', 'TaskRun', { taskRef: { name: 't' }, stepSpecs: [] }), 'beta', 'spec.stepSpecs', betaMessage('stepSpecs')],
  ['A16 stepOverrides (v1beta1)', object('v1beta1', 'TaskRun', { taskRef: { name: 't' }, stepOverrides: [] }), 'beta', 'spec.stepOverrides', betaMessage('stepOverrides')],
  ['A17 sidecarSpecs', object('v1', 'TaskRun', { taskRef: { name: 't' }, sidecarSpecs: [{ name: 'c' }] }), 'beta', 'spec.sidecarSpecs', betaMessage('sidecarSpecs')],
  ['A18 computeResources on a TaskRun', object('v1', 'TaskRun', { taskRef: { name: 't' }, computeResources: { limits: { cpu: '1' } } }), 'beta', 'spec.computeResources', betaMessage('computeResources')],
  ['A19 stepOverrides in taskRunSpecs', object('v1beta1', 'PipelineRun', { pipelineRef: { name: 'p' }, taskRunSpecs: [{ pipelineTaskName: 'a', stepOverrides: [] }] }), 'beta', 'spec.taskRunSpecs[0].stepOverrides', betaMessage('stepOverrides')],
  ['A20 sidecarSpecs in taskRunSpecs', object('v1', 'PipelineRun', { pipelineRef: { name: 'p' }, taskRunSpecs: [{ pipelineTaskName: 'a', sidecarSpecs: [] }] }), 'beta', 'spec.taskRunSpecs[0].sidecarSpecs', betaMessage('sidecarSpecs')],
  ['A21 computeResources in taskRunSpecs', object('v1', 'PipelineRun', { pipelineRef: { name: 'p' }, taskRunSpecs: [{ pipelineTaskName: 'a', computeResources: {} }] }), 'beta', 'spec.taskRunSpecs[0].computeResources', betaMessage('computeResources')],
];

describe("Tekton's enable-api-fields gates", () => {
  it.each(API_GATES)('%s', (_name, manifest, needs, path, message) => {
    const below = needs === 'beta' ? stable : beta;
    const rejected = evaluate(manifest, { config: below });
    expect(rejected.allowed).toBe(false);
    expect(rejected.violations.map((v) => `${v.path}: ${v.message}`)).toContain(`${path}: ${message}`);
    const admitted = evaluate(manifest, { config: needs === 'beta' ? beta : alpha });
    expect(admitted.violations).toEqual([]);
    expect(admitted.warnings.some((warning) => warning.startsWith(`${path}: uses ${needs} feature`))).toBe(true);
  });

  it('does not gate a $(params…) onError, steps[].computeResources or step-level when without cel', () => {
    const pipeline = object('v1', 'Pipeline', { tasks: [pipelineTask({ onError: '$(params.mode)' })] });
    const taskWithResources = object('v1', 'Task', task({ steps: [step({ computeResources: { limits: { cpu: '1' } }, when: [{ input: 'a', operator: 'in', values: ['a'] }] })] }));
    expect(evaluate(pipeline, { config: stable }).allowed).toBe(true);
    expect(evaluate(taskWithResources, { config: stable }).allowed).toBe(true);
  });

  it('does not gate an empty matrix, sidecar #!win scripts or CustomRuns', () => {
    expect(evaluate(object('v1', 'Pipeline', { tasks: [pipelineTask({ matrix: {} })] }), { config: stable }).allowed).toBe(true);
    expect(evaluate(object('v1', 'Task', task({ sidecars: [{ name: 'c', script: '#!win' }] })), { config: stable }).allowed).toBe(true);
    expect(evaluate(object('v1beta1', 'CustomRun', { customRef: { resolver: 'x' } }), { config: stable })).toMatchObject({ allowed: true });
  });

  it('reports resolver twice on a pipeline task taskRef, as Tekton does (A1 and A3)', () => {
    const result = evaluate(object('v1', 'Pipeline', { tasks: [{ name: 'a', taskRef: { resolver: 'git' } }] }), { config: stable });
    expect(result.violations.map((v) => v.feature)).toEqual(['resolver', 'taskref-resolver']);
  });

  it('validates a v1 nested pipelineSpec recursively, and a v1beta1 one not at all', () => {
    const inner = { tasks: [pipelineTask({ matrix: { params: [{ name: 'x', value: ['1'] }] } })] };
    const v1 = evaluate(object('v1', 'Pipeline', { tasks: [{ name: 'a', pipelineSpec: inner }] }), { config: beta });
    expect(v1.violations.map((v) => v.path)).toEqual(['spec.tasks[0].pipelineSpec']);
    expect(v1.warnings).toContain('spec.tasks[0].pipelineSpec.tasks[0].matrix: uses beta feature "matrix"');
    const v1beta1 = evaluate(object('v1beta1', 'Pipeline', { tasks: [{ name: 'a', pipelineSpec: inner }] }), { config: alpha });
    expect(v1beta1.uses.map((use) => use.path)).toEqual(['spec.tasks[0].pipelineSpec', 'spec.tasks[0].pipelineSpec']);
  });

  it('checks embedded task specs in TaskRuns and pipeline tasks', () => {
    const embedded = { steps: [step({ stdoutConfig: { path: '/o' } })] };
    expect(evaluate(object('v1', 'TaskRun', { taskSpec: embedded }), { config: beta }).violations[0].path).toBe('spec.taskSpec.steps[0].stdoutConfig');
    expect(evaluate(object('v1', 'Pipeline', { tasks: [{ name: 'a', taskSpec: embedded }] }), { config: beta }).violations[0].path).toBe('spec.tasks[0].taskSpec.steps[0].stdoutConfig');
    const nested = object('v1', 'PipelineRun', { pipelineSpec: { finally: [{ name: 'f', taskSpec: embedded }] } });
    expect(evaluate(nested, { config: beta }).violations[0].path).toBe('spec.pipelineSpec.finally[0].taskSpec.steps[0].stdoutConfig');
  });

  it('evaluates a 10,000-level nested pipelineSpec without a depth limit, eliding the middle of its paths, and ratchets it unchanged', () => {
    const deepPipeline = () => {
      let spec: unknown = { tasks: [pipelineTask({ matrix: { params: [{ name: 'x', value: ['1'] }] } })] };
      for (let i = 0; i < 10_000; i++) spec = { tasks: [{ name: `level-${i}`, pipelineSpec: spec }] };
      return object('v1', 'Pipeline', spec);
    };
    const created = evaluate(deepPipeline(), { config: alpha, maxDepth: Infinity });
    expect(created.allowed).toBe(true);
    const paths = created.uses.map((use) => use.path);
    expect(paths[paths.length - 1]).toMatch(/^spec\.tasks\[0\]\.pipelineSpec\..*\.…\(\d+ segments left out\).*\.tasks\[0\]\.matrix$/);
    // Bounded by the segments an elided path keeps, whatever the depth (each at most '.pipelineSpec').
    expect(Math.max(...paths.map((path) => path.length))).toBeLessThan((ELIDED_PATH_HEAD + ELIDED_PATH_TAIL) * '.pipelineSpec'.length + 64);

    const updated = evaluate(deepPipeline(), { config: stable, operation: 'UPDATE', oldObject: deepPipeline(), maxDepth: Infinity });
    expect(updated.allowed).toBe(true);
    expect(updated.uses.length).toBe(created.uses.length);
    expect(updated.uses.filter((use) => use.decision === 'ratcheted').length).toBeGreaterThanOrEqual(10_000);
  });
});

describe("Tekton's own-flag gates (own-flag-decides, TEP-0138)", () => {
  const enumTask = object('v1', 'Task', { params: [{ name: 'p', type: 'string', enum: ['a', 'b'] }], steps: [step()] });
  it('F2 param enum follows its own flag alone: enable-api-fields: alpha does not turn it on (feature_flags.go `setPerFeatureFlag`)', () => {
    expect(evaluate(enumTask, { config: beta }).violations[0].message).toBe('feature flag `enable-param-enum` should be set to true to use Enum');
    expect(evaluate(enumTask, { config: alpha }).violations[0].message).toBe('feature flag `enable-param-enum` should be set to true to use Enum');
    expect(evaluate(enumTask, { config: config({ 'enable-api-fields': 'stable', 'enable-param-enum': 'true' }) }).allowed).toBe(true);
    expect(evaluate(enumTask, { config: config({ 'enable-api-fields': 'alpha', 'enable-param-enum': 'false' }) }).allowed).toBe(false);
  });

  it('F1 CEL in when expressions quotes the expression', () => {
    const pipeline = object('v1', 'Pipeline', { tasks: [pipelineTask({ when: [{ cel: "'a' == 'a'" }] })] });
    const result = evaluate(pipeline, { config: config({ 'enable-api-fields': 'alpha', 'enable-cel-in-whenexpression': 'false' }) });
    expect(result.violations[0]).toEqual({
      path: 'spec.tasks[0].when[0].cel',
      feature: 'cel-in-when-expression',
      message: "feature flag enable-cel-in-whenexpression should be set to true to use CEL: 'a' == 'a' in WhenExpression",
    });
  });

  it('F3/F4 artifacts in step scripts, commands, args, env and pipeline task params', () => {
    const withArtifacts = object('v1', 'Task', {
      steps: [
        step({ script: 'cat $(step.artifacts.path)' }),
        step({ command: ['echo', '$(steps.build.outputs.image)'] }),
        step({ args: ['$(artifacts.path)'] }),
        step({ env: [{ name: 'A', value: '$(tasks.t.inputs.src)' }] }),
        step({ script: 'echo $(steps.build.results.image)' }),
      ],
    });
    expect(evaluate(withArtifacts, { config: beta }).violations.map((v) => v.path)).toEqual([
      'spec.steps[0].script',
      'spec.steps[1].command[1]',
      'spec.steps[2].args[0]',
      'spec.steps[3].env[0].value',
    ]);
    const pipeline = object('v1', 'Pipeline', { tasks: [pipelineTask({ params: [{ name: 'p', value: ['$(tasks.a.outputs.img)'] }] })] });
    expect(evaluate(pipeline, { config: beta }).violations[0].message).toMatch(/^feature flag enable-artifacts should be set to true to use artifacts feature\./);
  });

  it('F5 concise resolver syntax on URL-like ref names', () => {
    const run = object('v1', 'TaskRun', { taskRef: { name: 'git://github.com/o/r/task.yaml' } });
    expect(evaluate(run, { config: beta }).violations[0].message).toMatch(/^feature flag enable-concise-resolver-syntax should be set to true/);
    expect(evaluate(object('v1', 'TaskRun', { taskRef: { name: 'plain-task' } }), { config: stable }).allowed).toBe(true);
  });

  it('F6–F9 disable-inline-spec forbids embedded specs by kind', () => {
    const off = config({ 'disable-inline-spec': 'pipeline,taskrun' });
    expect(evaluate(object('v1', 'TaskRun', { taskSpec: task({}) }), { config: off }).violations[0].message).toBe(
      'must not set the field(s): spec.taskSpec ("disable-inline-spec" contains "taskrun")',
    );
    expect(evaluate(object('v1', 'PipelineRun', { pipelineSpec: { tasks: [] } }), { config: off }).allowed).toBe(true);
    const inlineTask = object('v1', 'Pipeline', { tasks: [{ name: 'a', taskSpec: task({}) }] });
    expect(evaluate(inlineTask, { config: off }).violations[0].path).toBe('spec.tasks[0].taskSpec');
    expect(evaluate(inlineTask, { config: stable }).allowed).toBe(true);
  });
});
