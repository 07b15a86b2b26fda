/**
 * Cases where featuregates once answered differently from Tekton (issue 12), each held to the
 * Tekton source it follows: tektoncd/pipeline at 3ee1745ae5b2d9175b11917d7c1935eaad44910c.
 */
import { evaluate, parseConfig, type GateConfig } from '@featuregates/gates';
import { tektonCatalog } from './catalog';
import { announcedUnsetKeys } from './test-support/announced-defaults';

const config = (data: Record<string, string>): GateConfig => {
  const result = parseConfig(tektonCatalog, data);
  if (!result.config) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.config;
};
const stable = config({ 'enable-api-fields': 'stable' });
const beta = config({ 'enable-api-fields': 'beta' });
const alpha = config({ 'enable-api-fields': 'alpha' });

const object = (version: string, kind: string, spec: unknown) => ({ apiVersion: `tekton.dev/${version}`, kind, metadata: { name: 'x' }, spec });
const scriptTask = (script: string, version = 'v1') => object(version, 'Task', { steps: [{ name: 's', image: 'busybox', script }] });
const pathsOf = (manifest: unknown, under: GateConfig) => evaluate(manifest, { config: under }).violations.map((v) => `${v.path}: ${v.message}`);

describe("the #!win check trims as Go's strings.TrimSpace does", () => {
  // v1/container_validation.go `Step.Validate` and v1beta1/task_validation.go `validateStep` test
  // strings.HasPrefix(strings.TrimSpace(script), "#!win"); v1beta1/stepaction_validation.go
  // `validateStepActionSpec` does the same for a StepAction. TrimSpace trims unicode.IsSpace.
  const goSpaces = ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];

  it.each(goSpaces.map((space) => [space.codePointAt(0)?.toString(16).padStart(4, '0'), space]))('U+%s before #!win is trimmed: an alpha use under beta', (_code, space) => {
    expect(pathsOf(scriptTask(`${space}#!win pwsh`), beta)).toEqual(['spec.steps[0].script: windows script support requires "enable-api-fields" feature gate to be "alpha" but it is "beta"']);
  });

  it('a byte-order mark is not Go whitespace: a script starting with U+FEFF then #!win is no Windows script, admitted at stable', () => {
    expect(pathsOf(scriptTask('\ufeff#!win pwsh'), stable)).toEqual([]);
    expect(pathsOf(object('v1beta1', 'StepAction', { image: 'x', script: '\ufeff#!win' }), stable)).toEqual([]);
  });

  it('U+0085 (NEL) is Go whitespace though JavaScript\'s \\s leaves it: rejected at beta, in Tasks and StepActions alike', () => {
    expect(pathsOf(scriptTask('\u0085#!win pwsh', 'v1beta1'), beta)).toHaveLength(1);
    expect(pathsOf(object('v1alpha1', 'StepAction', { image: 'x', script: '\u0085#!win' }), beta)).toEqual([
      'spec.script: windows script support requires "enable-api-fields" feature gate to be "alpha" but it is "beta"',
    ]);
    expect(pathsOf(scriptTask('\u0085#!win pwsh'), alpha)).toEqual([]);
  });

  it('other characters before #!win still make it no Windows script', () => {
    expect(pathsOf(scriptTask('x#!win'), stable)).toEqual([]);
    expect(pathsOf(scriptTask('\u200b#!win'), stable)).toEqual([]);
  });
});

describe('disable-inline-spec loads as Tekton loads it', () => {
  // pkg/apis/config/feature_flags.go `setFeatureInlineSpec` keeps the string as written; the checks
  // (v1/taskrun_validation.go `TaskRunSpec.Validate`, v1/pipeline_validation.go
  // `validateEnabledInlineSpec`) split it on "," with no trimming, so " taskrun" matches nothing.
  it('accepts "pipeline, taskrun" with a warning naming the item that matches no kind', () => {
    const parsed = parseConfig(tektonCatalog, { 'disable-inline-spec': 'pipeline, taskrun' });
    expect(parsed.errors).toEqual([]);
    // Besides any announced default change of a key this ConfigMap leaves unset.
    expect(parsed.warnings.filter((w) => w.key === 'disable-inline-spec').map((w) => w.message)).toEqual([
      '"disable-inline-spec": the item " taskrun" matches none of "pipeline", "pipelinerun" or "taskrun", so it has no effect (items are split on commas and not trimmed): write "taskrun" without spaces',
    ]);
    expect(parsed.warnings.filter((w) => w.key !== 'disable-inline-spec').map((w) => w.key)).toEqual(announcedUnsetKeys(tektonCatalog, { 'disable-inline-spec': 'pipeline, taskrun' }));
  });

  it('forbids embedded specs in Pipelines, but not in TaskRuns, under "pipeline, taskrun"', () => {
    const spaced = config({ 'disable-inline-spec': 'pipeline, taskrun' });
    const inline = { steps: [{ name: 's', image: 'busybox' }] };
    expect(pathsOf(object('v1', 'Pipeline', { tasks: [{ name: 'a', taskSpec: inline }] }), spaced)).toEqual([
      'spec.tasks[0].taskSpec: must not set the field(s): spec.tasks[0].taskSpec ("disable-inline-spec" contains "pipeline")',
    ]);
    expect(pathsOf(object('v1', 'TaskRun', { taskSpec: inline }), spaced)).toEqual([]);
  });

  it('still refuses an item that names no kind even trimmed (a deliberate departure: Tekton loads any string)', () => {
    expect(parseConfig(tektonCatalog, { 'disable-inline-spec': 'pipelines' }).errors.map((e) => e.key)).toEqual(['disable-inline-spec']);
  });
});

describe('stepTemplate is merged into each step before the step checks', () => {
  // v1/task_validation.go `TaskSpec.Validate` (v1beta1 likewise) runs `StepList(mergedSteps).Validate`
  // on v1/merge.go `MergeStepsWithStepTemplate`'s output, and v1/container_validation.go
  // `validateArtifactsReferencesInStep` reports at the step (`apis.ErrGeneric(..., "")` via ViaIndex).
  const artifactsMessage = 'feature flag enable-artifacts should be set to true to use artifacts feature.';
  const templated = (version: string, steps: unknown[], env: unknown[] = [{ name: 'A', value: '$(step.artifacts.path)' }]) =>
    object(version, 'Task', { stepTemplate: { image: 'busybox', env }, steps });

  it.each(['v1', 'v1beta1'])('%s: an artifact ref in stepTemplate.env is refused at spec.steps[0] naming enable-artifacts, whatever the level', (version) => {
    const task = templated(version, [{ name: 's', image: 'busybox' }]);
    expect(pathsOf(task, alpha)).toEqual([`spec.steps[0]: ${artifactsMessage}`]);
    expect(pathsOf(task, config({ 'enable-artifacts': 'true' }))).toEqual([]);
  });

  it('reaches every step, in TaskRuns and pipeline tasks too, but not a step with a ref (merge.go skips those)', () => {
    const spec = { stepTemplate: { command: ['cat', '$(steps.build.outputs.image)'] }, steps: [{ name: 'a', image: 'x' }, { name: 'b', ref: { name: 'action' } }, { name: 'c', image: 'x' }] };
    expect(pathsOf(object('v1', 'TaskRun', { taskSpec: spec }), beta)).toEqual([`spec.taskSpec.steps[0]: ${artifactsMessage}`, `spec.taskSpec.steps[2]: ${artifactsMessage}`]);
    expect(pathsOf(object('v1', 'Pipeline', { tasks: [{ name: 't', taskSpec: spec }] }), beta)).toEqual([
      `spec.tasks[0].taskSpec.steps[0]: ${artifactsMessage}`,
      `spec.tasks[0].taskSpec.steps[2]: ${artifactsMessage}`,
    ]);
  });

  it("follows the strategic merge: a step's own command replaces the template's; env merges by name", () => {
    const command = { stepTemplate: { command: ['$(artifacts.path)'] }, steps: [{ name: 'a', image: 'x', command: ['echo'] }, { name: 'b', image: 'x', command: [] }] };
    expect(pathsOf(object('v1', 'Task', command), beta)).toEqual([`spec.steps[1]: ${artifactsMessage}`]);
    expect(pathsOf(templated('v1', [{ name: 's', image: 'x', env: [{ name: 'A', value: 'plain' }] }]), beta)).toEqual([]);
    expect(pathsOf(templated('v1', [{ name: 's', image: 'x', env: [{ name: 'B', value: 'plain' }] }]), beta)).toEqual([`spec.steps[0]: ${artifactsMessage}`]);
  });

  it('carries nothing a StepTemplate cannot hold, and leaves step workspaces to the raw steps (validateWorkspaceUsages)', () => {
    expect(pathsOf(object('v1', 'Task', { stepTemplate: { script: '#!win', workspaces: [{ name: 'w' }] }, steps: [{ name: 's', image: 'x' }] }), stable)).toEqual([]);
  });
});

describe('custom tasks skip the Task checks', () => {
  // v1/pipeline_validation.go `PipelineTask.Validate` (v1beta1 likewise): a taskRef with an apiVersion,
  // or a kind not in `taskKinds` ("" and "Task"), goes to `validateCustomTask` only, never to
  // `validateTask`, so `TaskRef.Validate` (resolver, resolver params, concise resolver syntax) does
  // not run. `validateBetaFields` runs for every pipeline task, custom or not.
  const custom = (taskRef: object, version = 'v1') => object(version, 'Pipeline', { tasks: [{ name: 'c', taskRef }] });

  it('admits a custom task whose name looks like a URL under the default config (v1/pipeline_validation_test.go "pipelinetask custom task references")', () => {
    expect(pathsOf(custom({ apiVersion: 'example.dev/v0', kind: 'Example', name: 'https://foo.com/bar' }), config({}))).toEqual([]);
    expect(pathsOf(custom({ apiVersion: 'example.dev/v0', kind: 'Example', name: 'https://foo.com/bar' }, 'v1beta1'), config({}))).toEqual([]);
  });

  it('reports only taskref.resolver for a custom task with a resolver and empty params at stable', () => {
    expect(pathsOf(custom({ apiVersion: 'example.dev/v0', kind: 'Example', resolver: 'git', params: [] }), stable)).toEqual([
      'spec.tasks[0].taskRef.resolver: taskref.resolver requires "enable-api-fields" feature gate to be "alpha" or "beta" but it is "stable"',
    ]);
  });

  it('counts a kind other than Task, ClusterTask included, as custom; apiVersion alone too', () => {
    for (const taskRef of [{ kind: 'ClusterTask', name: 'git://x' }, { kind: 'Example', name: 'git://x' }, { apiVersion: 'tekton.dev/v1', kind: 'Task', name: 'git://x' }]) {
      expect(pathsOf(custom(taskRef), beta)).toEqual([]);
    }
    expect(pathsOf(custom({ kind: 'Task', name: 'git://x' }), beta)).toEqual([
      'spec.tasks[0].taskRef.name: feature flag enable-concise-resolver-syntax should be set to true to use concise resolver syntax',
    ]);
  });

  it('does not look inside a custom taskSpec, but still gates what every pipeline task is checked for', () => {
    const spec = { tasks: [{ name: 'c', taskSpec: { apiVersion: 'example.dev/v0', kind: 'Example', steps: [{ name: 's', image: 'x', stdoutConfig: {} }] }, onError: 'continue', matrix: { params: [{ name: 'p', value: ['a'] }] } }] };
    expect(pathsOf(object('v1', 'Pipeline', spec), stable).map((line) => line.split(':')[0])).toEqual(['spec.tasks[0].onError', 'spec.tasks[0].matrix']);
  });
});
