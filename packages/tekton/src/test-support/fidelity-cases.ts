/**
 * Would Tekton admit this? Cases written from tektoncd/pipeline at
 * 3ee1745ae5b2d9175b11917d7c1935eaad44910c: its validation code under pkg/apis/pipeline/{v1,v1beta1}
 * (file and function named in each case's `source`) and the tests beside it. Every object is
 * otherwise valid, so Tekton's only objection, if any, is the gate. No Go code is copied.
 *
 * `path` is where featuregates reports the use; Tekton reports `enable-api-fields` gates with no
 * field and some own-flag gates at the step (`tektonPath`); the path is what users need, so it stays.
 * A case with `departs` is one where featuregates deliberately answers otherwise, and says why.
 */
export type Decision = 'admit' | 'reject' | 'config-error';

export interface FidelityCase {
  name: string;
  /** The Tekton file and function (or test) the expectation is read from. */
  source: string;
  object: unknown;
  /** The feature-flags ConfigMap's data. */
  config: Record<string, string>;
  decision: Decision;
  /** Where featuregates reports the (first) rejected use. */
  path?: string;
  /** The ConfigMap key the message names: `enable-api-fields`, an own flag or `disable-inline-spec`. */
  key?: string;
  /** Where Tekton's error points, when it differs from `path`. */
  tektonPath?: string;
  /** An UPDATE against this old object (ratcheting). */
  oldObject?: unknown;
  /** featuregates' answer differs from Tekton's on purpose: what Tekton does, and why we do not. */
  departs?: string;
}

const API_FIELDS = 'enable-api-fields';
const at = (level: string, more: Record<string, string> = {}): Record<string, string> => ({ [API_FIELDS]: level, ...more });
const v1 = (kind: string, spec: unknown) => ({ apiVersion: 'tekton.dev/v1', kind, metadata: { name: 'x' }, spec });
const v1beta1 = (kind: string, spec: unknown) => ({ apiVersion: 'tekton.dev/v1beta1', kind, metadata: { name: 'x' }, spec });
const step = (extra: object = {}) => ({ name: 's', image: 'busybox', ...extra });
const taskSpec = (extra: object = {}) => ({ steps: [step()], ...extra });
const ptask = (extra: object = {}) => ({ name: 'a', taskRef: { name: 't' }, ...extra });
const matrix = { params: [{ name: 'x', value: ['1', '2'] }] };
const enumParam = { name: 'p', type: 'string', enum: ['a', 'b'] };
const CEL = "'$(params.p)' == 'a'";
const GIT = { resolver: 'git', params: [{ name: 'url', value: 'https://example.dev/r.git' }] };

/** `enable-api-fields` gates (config/featureflags_validation.go `ValidateEnabledAPIFields`): each rejected one level below, admitted at its own. */
const apiFieldGates: FidelityCase[] = [
  { name: 'resolver on a TaskRun taskRef, at stable', source: 'v1/container_validation.go validateRef (via v1/taskref_validation.go TaskRef.Validate)', object: v1('TaskRun', { taskRef: { resolver: 'git' } }), config: at('stable'), decision: 'reject', path: 'spec.taskRef.resolver', key: API_FIELDS },
  { name: 'resolver on a TaskRun taskRef, at beta', source: 'v1/container_validation.go validateRef', object: v1('TaskRun', { taskRef: { resolver: 'git' } }), config: at('beta'), decision: 'admit' },
  { name: 'resolver on a v1beta1 PipelineRun pipelineRef, at stable', source: 'v1beta1/pipelineref_validation.go PipelineRef.Validate', object: v1beta1('PipelineRun', { pipelineRef: { resolver: 'hub' } }), config: at('stable'), decision: 'reject', path: 'spec.pipelineRef.resolver', key: API_FIELDS },
  { name: 'resolver on a StepAction ref, at stable', source: 'v1/container_validation.go Ref.Validate from Step.Validate', object: v1('Task', { steps: [{ name: 's', ref: { resolver: 'git' } }] }), config: at('stable'), decision: 'reject', path: 'spec.steps[0].ref.resolver', key: API_FIELDS },
  { name: 'resolver params: an explicit empty list counts (non-nil), at stable', source: 'v1/container_validation.go validateRef (refParams != nil)', object: v1('TaskRun', { taskRef: { resolver: 'git', params: [] } }), config: at('stable'), decision: 'reject', path: 'spec.taskRef.params', key: API_FIELDS },
  { name: 'resolver with empty params, at beta', source: 'v1/container_validation.go validateRef', object: v1('TaskRun', { taskRef: { resolver: 'git', params: [] } }), config: at('beta'), decision: 'admit' },
  { name: 'taskref.resolver on a pipeline task, at stable', source: 'v1/pipeline_validation.go PipelineTask.validateBetaFields', object: v1('Pipeline', { tasks: [{ name: 'a', taskRef: GIT }] }), config: at('stable'), decision: 'reject', path: 'spec.tasks[0].taskRef.resolver', key: API_FIELDS },
  { name: 'taskref.params in finally, v1beta1, at stable', source: 'v1beta1/pipeline_validation.go PipelineSpec.ValidateBetaFields', object: v1beta1('Pipeline', { tasks: [ptask()], finally: [{ name: 'f', taskRef: GIT }] }), config: at('stable'), decision: 'reject', path: 'spec.finally[0].taskRef.params', key: API_FIELDS },
  { name: 'taskref.resolver in v1 finally: Tekton names the task list "tasks"', source: 'v1/pipeline_validation.go PipelineSpec.ValidateBetaFields (ViaFieldIndex("tasks", i) for finally)', object: v1('Pipeline', { tasks: [ptask()], finally: [{ name: 'f', taskRef: GIT }] }), config: at('stable'), decision: 'reject', path: 'spec.finally[0].taskRef.params', tektonPath: 'spec.tasks[0]', key: API_FIELDS },
  { name: 'pipeline task onError, at stable', source: 'v1/pipeline_validation.go PipelineTask.ValidateOnError', object: v1('Pipeline', { tasks: [ptask({ onError: 'continue' })] }), config: at('stable'), decision: 'reject', path: 'spec.tasks[0].onError', key: API_FIELDS },
  { name: 'pipeline task onError from a param reference is not gated', source: 'v1/pipeline_validation.go PipelineTask.ValidateOnError (isParamRefs)', object: v1('Pipeline', { params: [{ name: 'e', type: 'string' }], tasks: [ptask({ onError: '$(params.e)' })] }), config: at('stable'), decision: 'admit' },
  { name: 'matrix, at stable', source: 'v1/pipeline_validation.go PipelineTask.validateMatrix (IsMatrixed)', object: v1('Pipeline', { tasks: [ptask({ matrix })] }), config: at('stable'), decision: 'reject', path: 'spec.tasks[0].matrix', key: API_FIELDS },
  { name: 'matrix, at beta', source: 'v1/pipeline_validation.go PipelineTask.validateMatrix', object: v1('Pipeline', { tasks: [ptask({ matrix })] }), config: at('beta'), decision: 'admit' },
  { name: 'zero value: matrix: {} is not matrixed', source: 'v1/pipeline_types.go PipelineTask.IsMatrixed (HasParams || HasInclude)', object: v1('Pipeline', { tasks: [ptask({ matrix: {} })] }), config: at('stable'), decision: 'admit' },
  { name: 'matrix include alone counts, v1beta1 finally', source: 'v1beta1/pipeline_validation.go validateMatrix', object: v1beta1('Pipeline', { tasks: [ptask()], finally: [ptask({ name: 'f', matrix: { include: [{ name: 'i', params: [{ name: 'x', value: '1' }] }] } })] }), config: at('stable'), decision: 'reject', path: 'spec.finally[0].matrix', key: API_FIELDS },
  { name: 'pipelineRef in a pipeline task, at beta', source: 'v1/pipeline_validation.go PipelineTask.validateRefOrSpec', object: v1('Pipeline', { tasks: [{ name: 'a', pipelineRef: { name: 'p' } }] }), config: at('beta'), decision: 'reject', path: 'spec.tasks[0].pipelineRef', key: API_FIELDS },
  { name: 'pipelineSpec in a pipeline task, at alpha', source: 'v1/pipeline_validation.go PipelineTask.validateRefOrSpec', object: v1('Pipeline', { tasks: [{ name: 'a', pipelineSpec: { tasks: [ptask()] } }] }), config: at('alpha'), decision: 'admit' },
  { name: 'step workspaces, at stable', source: 'v1/task_validation.go validateWorkspaceUsages', object: v1('Task', { workspaces: [{ name: 'w' }], steps: [step({ workspaces: [{ name: 'w' }] })] }), config: at('stable'), decision: 'reject', path: 'spec.steps[0].workspaces', tektonPath: 'spec.steps[0]', key: API_FIELDS },
  { name: 'sidecar workspaces, v1beta1, at stable', source: 'v1beta1/task_validation.go validateWorkspaceUsages', object: v1beta1('Task', { workspaces: [{ name: 'w' }], steps: [step()], sidecars: [{ name: 'c', image: 'busybox', workspaces: [{ name: 'w' }] }] }), config: at('stable'), decision: 'reject', path: 'spec.sidecars[0].workspaces', key: API_FIELDS },
  { name: '#!win script, at beta', source: 'v1/container_validation.go Step.Validate (TrimSpace, HasPrefix "#!win")', object: v1('Task', { steps: [step({ script: '#!win pwsh\nls' })] }), config: at('beta'), decision: 'reject', path: 'spec.steps[0].script', key: API_FIELDS },
  { name: '#!win in a sidecar script is not checked', source: 'v1/container_validation.go Sidecar.Validate (no #!win check)', object: v1('Task', { steps: [step()], sidecars: [{ name: 'c', image: 'busybox', script: '#!win' }] }), config: at('stable'), decision: 'admit' },
  { name: '#!win StepAction, v1beta1, at beta', source: 'v1beta1/stepaction_validation.go StepActionSpec.Validate', object: v1beta1('StepAction', { image: 'busybox', script: '#!win' }), config: at('beta'), decision: 'reject', path: 'spec.script', key: API_FIELDS },
  { name: 'stdoutConfig, at beta', source: 'v1/container_validation.go Step.Validate', object: v1('Task', { steps: [step({ stdoutConfig: { path: '/o' } })] }), config: at('beta'), decision: 'reject', path: 'spec.steps[0].stdoutConfig', tektonPath: 'spec.steps[0].stdoutconfig', key: API_FIELDS },
  { name: 'stderrConfig, v1beta1, at beta', source: 'v1beta1/task_validation.go validateStep', object: v1beta1('Task', { steps: [step({ stderrConfig: { path: '/e' } })] }), config: at('beta'), decision: 'reject', path: 'spec.steps[0].stderrConfig', tektonPath: 'spec.steps[0].stderrconfig', key: API_FIELDS },
  { name: 'stderrConfig, at alpha', source: 'v1/container_validation.go Step.Validate', object: v1('Task', { steps: [step({ stderrConfig: { path: '/e' } })] }), config: at('alpha'), decision: 'admit' },
  { name: 'zero value: debug: {} counts, at beta', source: 'v1/taskrun_validation.go TaskRunSpec.Validate (Debug != nil)', object: v1('TaskRun', { taskRef: { name: 't' }, debug: {} }), config: at('beta'), decision: 'reject', path: 'spec.debug', key: API_FIELDS },
  { name: 'zero value: stepSpecs: [] counts, at stable', source: 'v1/taskrun_validation.go TaskRunSpec.Validate (StepSpecs != nil)', object: v1('TaskRun', { taskRef: { name: 't' }, stepSpecs: [] }), config: at('stable'), decision: 'reject', path: 'spec.stepSpecs', key: API_FIELDS },
  { name: 'stepOverrides, v1beta1 TaskRun, at stable', source: 'v1beta1/taskrun_validation.go TaskRunSpec.Validate', object: v1beta1('TaskRun', { taskRef: { name: 't' }, stepOverrides: [{ name: 's', resources: {} }] }), config: at('stable'), decision: 'reject', path: 'spec.stepOverrides', key: API_FIELDS },
  { name: 'sidecarSpecs, at beta', source: 'v1/taskrun_validation.go TaskRunSpec.Validate', object: v1('TaskRun', { taskRef: { name: 't' }, sidecarSpecs: [{ name: 'c', computeResources: {} }] }), config: at('beta'), decision: 'admit' },
  { name: 'task-level computeResources, at stable', source: 'v1/taskrun_validation.go TaskRunSpec.Validate', object: v1('TaskRun', { taskRef: { name: 't' }, computeResources: { requests: { cpu: '1' } } }), config: at('stable'), decision: 'reject', path: 'spec.computeResources', key: API_FIELDS },
  { name: 'step-level computeResources are not gated', source: 'v1/container_validation.go Step.Validate (no gate)', object: v1('Task', { steps: [step({ computeResources: { requests: { cpu: '1' } } })] }), config: at('stable'), decision: 'admit' },
  { name: 'sidecarOverrides in a v1beta1 PipelineRun taskRunSpecs, at stable', source: 'v1beta1/pipelinerun_validation.go validateTaskRunSpec', object: v1beta1('PipelineRun', { pipelineRef: { name: 'p' }, taskRunSpecs: [{ pipelineTaskName: 'a', sidecarOverrides: [] }] }), config: at('stable'), decision: 'reject', path: 'spec.taskRunSpecs[0].sidecarOverrides', key: API_FIELDS },
  { name: 'computeResources in v1 PipelineRun taskRunSpecs, at stable', source: 'v1/pipelinerun_validation.go validateTaskRunSpec', object: v1('PipelineRun', { pipelineRef: { name: 'p' }, taskRunSpecs: [{ pipelineTaskName: 'a', computeResources: {} }] }), config: at('stable'), decision: 'reject', path: 'spec.taskRunSpecs[0].computeResources', key: API_FIELDS },
];

/** Own flags (TEP-0138, config/feature_flags.go setPerFeatureFlag): on exactly when true; `enable-api-fields` plays no part. */
const ownFlags: FidelityCase[] = [
  { name: 'param enum with enable-param-enum true, at stable', source: 'v1/param_types.go ParamSpecs.validateParamEnums', object: v1('Task', { params: [enumParam], steps: [step()] }), config: at('stable', { 'enable-param-enum': 'true' }), decision: 'admit' },
  { name: 'param enum with enable-param-enum unset, at alpha', source: 'v1/param_types.go ParamSpecs.validateParamEnums; config/feature_flags.go DefaultEnableParamEnum (alpha, false)', object: v1('Task', { params: [enumParam], steps: [step()] }), config: at('alpha'), decision: 'reject', path: 'spec.params[0].enum', key: 'enable-param-enum' },
  { name: 'param enum with enable-param-enum false, at alpha', source: 'v1/param_types.go ParamSpecs.validateParamEnums', object: v1('Task', { params: [enumParam], steps: [step()] }), config: at('alpha', { 'enable-param-enum': 'false' }), decision: 'reject', path: 'spec.params[0].enum', key: 'enable-param-enum' },
  { name: 'param enum on a v1beta1 Pipeline, flag unset, at alpha', source: 'v1beta1/pipeline_validation.go ValidatePipelineParameterVariables → v1beta1/param_types.go validateParamEnums', object: v1beta1('Pipeline', { params: [enumParam], tasks: [ptask()] }), config: at('alpha'), decision: 'reject', path: 'spec.params[0].enum', key: 'enable-param-enum' },
  { name: 'CEL when with enable-cel-in-whenexpression true, at stable', source: 'v1/when_validation.go WhenExpression.validateWhenExpressionFields', object: v1('Pipeline', { params: [{ name: 'p', type: 'string' }], tasks: [ptask({ when: [{ cel: CEL }] })] }), config: at('stable', { 'enable-cel-in-whenexpression': 'true' }), decision: 'admit' },
  { name: 'CEL when, flag unset, at alpha', source: 'v1/when_validation.go WhenExpression.validateWhenExpressionFields', object: v1('Pipeline', { params: [{ name: 'p', type: 'string' }], tasks: [ptask({ when: [{ cel: CEL }] })] }), config: at('alpha'), decision: 'reject', path: 'spec.tasks[0].when[0].cel', key: 'enable-cel-in-whenexpression' },
  { name: 'CEL in a step when, flag false, at alpha', source: 'v1/task_validation.go StepList.Validate → WhenExpressions.validate', object: v1('Task', { steps: [step({ when: [{ cel: "'a' == 'a'" }] })] }), config: at('alpha', { 'enable-cel-in-whenexpression': 'false' }), decision: 'reject', path: 'spec.steps[0].when[0].cel', key: 'enable-cel-in-whenexpression' },
  { name: 'a step when without cel is not gated', source: 'v1/task_validation.go StepList.Validate (only CEL is flag-checked)', object: v1('Task', { steps: [step({ when: [{ input: 'a', operator: 'in', values: ['a'] }] })] }), config: at('stable'), decision: 'admit' },
  { name: 'artifact ref in a step script, enable-artifacts true, at stable', source: 'v1/container_validation.go validateArtifactsReferencesInStep', object: v1('Task', { steps: [step({ script: 'echo > $(step.artifacts.path)' })] }), config: at('stable', { 'enable-artifacts': 'true' }), decision: 'admit' },
  { name: 'artifact ref in step args, flag unset, at alpha', source: 'v1/container_validation.go validateArtifactsReferencesInStep (container_validation_test.go TestStepValidateErrorWithArtifactsRefFlagNotEnabled)', object: v1('Task', { steps: [step({ args: ['$(steps.build.outputs.image)'] })] }), config: at('alpha'), decision: 'reject', path: 'spec.steps[0].args[0]', tektonPath: 'spec.steps[0]', key: 'enable-artifacts' },
  { name: 'artifact ref in a pipeline task param, flag unset, at alpha', source: 'v1/pipeline_validation.go validateArtifactReference', object: v1('Pipeline', { tasks: [ptask({ params: [{ name: 'i', value: '$(tasks.build.outputs.image)' }] })] }), config: at('alpha'), decision: 'reject', path: 'spec.tasks[0].params[0].value', key: 'enable-artifacts' },
  { name: 'concise resolver syntax with its flag true, at beta', source: 'v1/container_validation.go validateRef (RefNameLikeUrl)', object: v1('TaskRun', { taskRef: { name: 'git://github.com/o/r/t.yaml', resolver: 'git' } }), config: at('beta', { 'enable-concise-resolver-syntax': 'true' }), decision: 'admit' },
  { name: 'concise resolver syntax, flag unset, at alpha', source: 'v1/container_validation.go validateRef (RefNameLikeUrl)', object: v1('TaskRun', { taskRef: { name: 'git://github.com/o/r/t.yaml', resolver: 'git' } }), config: at('alpha'), decision: 'reject', path: 'spec.taskRef.name', key: 'enable-concise-resolver-syntax' },
];

/** Embedded specs: the same checks reached through TaskRun.taskSpec, PipelineRun.pipelineSpec, PipelineTask.taskSpec and (v1 only) PipelineTask.pipelineSpec. */
const embedded: FidelityCase[] = [
  { name: 'stdoutConfig inside a TaskRun taskSpec, at beta', source: 'v1/taskrun_validation.go TaskRunSpec.Validate → TaskSpec.Validate', object: v1('TaskRun', { taskSpec: taskSpec({ steps: [step({ stdoutConfig: { path: '/o' } })] }) }), config: at('beta'), decision: 'reject', path: 'spec.taskSpec.steps[0].stdoutConfig', key: API_FIELDS },
  { name: 'matrix inside a PipelineRun pipelineSpec, at stable', source: 'v1/pipelinerun_validation.go PipelineRunSpec.Validate → PipelineSpec.Validate', object: v1('PipelineRun', { pipelineSpec: { tasks: [ptask({ matrix })] } }), config: at('stable'), decision: 'reject', path: 'spec.pipelineSpec.tasks[0].matrix', key: API_FIELDS },
  { name: 'step workspaces inside a pipeline task taskSpec inside a PipelineRun, at stable', source: 'v1/pipeline_validation.go PipelineTask.validateTask → TaskSpec.Validate', object: v1('PipelineRun', { pipelineSpec: { tasks: [{ name: 'a', taskSpec: { workspaces: [{ name: 'w' }], steps: [step({ workspaces: [{ name: 'w' }] })] } }] } }), config: at('stable'), decision: 'reject', path: 'spec.pipelineSpec.tasks[0].taskSpec.steps[0].workspaces', key: API_FIELDS },
  { name: 'param enum in a v1beta1 pipeline task taskSpec, flag unset, at alpha', source: 'v1beta1/pipeline_validation.go validateTask → v1beta1/task_validation.go ValidateParameterVariables', object: v1beta1('Pipeline', { tasks: [{ name: 'a', taskSpec: { params: [enumParam], steps: [step()] } }] }), config: at('alpha'), decision: 'reject', path: 'spec.tasks[0].taskSpec.params[0].enum', key: 'enable-param-enum' },
  { name: 'v1 nested pipelineSpec is validated recursively: matrix inside, at alpha with enum flag unset', source: 'v1/pipeline_validation.go PipelineTask.validateTask (PipelineSpec.Validate on pipelineSpec)', object: v1('Pipeline', { tasks: [{ name: 'a', pipelineSpec: { params: [enumParam], tasks: [ptask()] } }] }), config: at('alpha'), decision: 'reject', path: 'spec.tasks[0].pipelineSpec.params[0].enum', key: 'enable-param-enum' },
  { name: 'v1beta1 nested pipelineSpec is not validated inside', source: 'v1beta1/pipeline_validation.go PipelineTask.validateTask (taskSpec and taskRef only)', object: v1beta1('Pipeline', { tasks: [{ name: 'a', pipelineSpec: { params: [enumParam], tasks: [ptask()] } }] }), config: at('alpha'), decision: 'admit' },
  { name: 'v1 pipelineRef of a pipeline task is validated as a ref: concise syntax, at alpha', source: 'v1/pipeline_validation.go PipelineTask.validateTask → PipelineRef.Validate', object: v1('Pipeline', { tasks: [{ name: 'a', pipelineRef: { name: 'git://example.dev/p.yaml', resolver: 'git' } }] }), config: at('alpha'), decision: 'reject', path: 'spec.tasks[0].pipelineRef.name', key: 'enable-concise-resolver-syntax' },
  { name: 'v1beta1 pipelineRef of a pipeline task is not validated as a ref', source: 'v1beta1/pipeline_validation.go PipelineTask.validateTask', object: v1beta1('Pipeline', { tasks: [{ name: 'a', pipelineRef: { name: 'git://example.dev/p.yaml', resolver: 'git' } }] }), config: at('alpha'), decision: 'admit' },
  { name: 'a PipelineRun pipelineRef does not reach the referenced Pipeline at admission', source: 'v1/pipelinerun_validation.go PipelineRunSpec.Validate (only the ref)', object: v1('PipelineRun', { pipelineRef: { name: 'uses-matrix' } }), config: at('stable'), decision: 'admit' },
];

/** Issue 12's fixes: step templates, custom tasks, Go whitespace, disable-inline-spec items. */
const fixes: FidelityCase[] = [
  { name: 'stepTemplate env artifact ref is refused at the step', source: 'v1/task_validation.go TaskSpec.Validate (MergeStepsWithStepTemplate, then StepList.Validate)', object: v1('Task', { stepTemplate: { env: [{ name: 'A', value: '$(step.artifacts.path)' }] }, steps: [step()] }), config: at('alpha'), decision: 'reject', path: 'spec.steps[0]', key: 'enable-artifacts' },
  { name: 'stepTemplate command overridden by the step\'s own command', source: 'v1/merge.go MergeStepsWithStepTemplate (strategic merge: lists without a merge key are replaced)', object: v1beta1('Task', { stepTemplate: { command: ['$(artifacts.path)'] }, steps: [step({ command: ['echo'] })] }), config: at('alpha'), decision: 'admit' },
  { name: 'custom task with a URL-like name, default config', source: 'v1/pipeline_validation.go PipelineTask.Validate (validateCustomTask instead of validateTask)', object: v1('Pipeline', { tasks: [{ name: 'c', taskRef: { apiVersion: 'example.dev/v0', kind: 'Example', name: 'https://foo.com/bar' } }] }), config: {}, decision: 'admit' },
  { name: 'custom task resolver still needs beta (taskref.resolver)', source: 'v1/pipeline_validation.go PipelineTask.validateBetaFields (runs for every task)', object: v1('Pipeline', { tasks: [{ name: 'c', taskRef: { apiVersion: 'example.dev/v0', kind: 'Example', resolver: 'git', params: [] } }] }), config: at('stable'), decision: 'reject', path: 'spec.tasks[0].taskRef.resolver', key: API_FIELDS },
  { name: 'BOM then #!win is no Windows script', source: 'v1/container_validation.go Step.Validate (strings.TrimSpace keeps U+FEFF)', object: v1('Task', { steps: [step({ script: '\ufeff#!win' })] }), config: at('stable'), decision: 'admit' },
  { name: 'U+0085 then #!win is a Windows script', source: 'v1/container_validation.go Step.Validate (strings.TrimSpace trims U+0085)', object: v1('Task', { steps: [step({ script: '\u0085#!win' })] }), config: at('beta'), decision: 'reject', path: 'spec.steps[0].script', key: API_FIELDS },
  { name: 'disable-inline-spec "pipeline, taskrun" leaves TaskRuns alone', source: 'config/feature_flags.go setFeatureInlineSpec; v1/taskrun_validation.go TaskRunSpec.Validate (strings.Split, no trim)', object: v1('TaskRun', { taskSpec: taskSpec() }), config: { 'disable-inline-spec': 'pipeline, taskrun' }, decision: 'admit' },
  { name: 'disable-inline-spec "pipeline, taskrun" still forbids pipeline task specs', source: 'v1/pipeline_validation.go PipelineTask.validateEnabledInlineSpec', object: v1('Pipeline', { tasks: [{ name: 'a', taskSpec: taskSpec() }] }), config: { 'disable-inline-spec': 'pipeline, taskrun' }, decision: 'reject', path: 'spec.tasks[0].taskSpec', key: 'disable-inline-spec' },
];

/** disable-inline-spec (stable features a list flag forbids), CustomRun and unregistered kinds. */
const others: FidelityCase[] = [
  { name: 'disable-inline-spec taskrun forbids a TaskRun taskSpec', source: 'v1/taskrun_validation.go TaskRunSpec.Validate', object: v1('TaskRun', { taskSpec: taskSpec() }), config: { 'disable-inline-spec': 'taskrun' }, decision: 'reject', path: 'spec.taskSpec', key: 'disable-inline-spec' },
  { name: 'disable-inline-spec pipelinerun forbids a v1beta1 PipelineRun pipelineSpec', source: 'v1beta1/pipelinerun_validation.go PipelineRunSpec.Validate', object: v1beta1('PipelineRun', { pipelineSpec: { tasks: [ptask()] } }), config: { 'disable-inline-spec': 'pipelinerun' }, decision: 'reject', path: 'spec.pipelineSpec', key: 'disable-inline-spec' },
  { name: 'disable-inline-spec pipeline forbids a pipeline task pipelineSpec (at alpha, where pipelineSpec is on)', source: 'v1/pipeline_validation.go PipelineTask.validateEnabledInlineSpec', object: v1('Pipeline', { tasks: [{ name: 'a', pipelineSpec: { tasks: [ptask()] } }] }), config: at('alpha', { 'disable-inline-spec': 'pipeline' }), decision: 'reject', path: 'spec.tasks[0].pipelineSpec', key: 'disable-inline-spec' },
  { name: 'CustomRun is never gated', source: 'v1beta1/customrun_validation.go CustomRunSpec.Validate (no config check)', object: v1beta1('CustomRun', { customRef: { apiVersion: 'example.dev/v0', kind: 'Example', name: 'git://x' }, params: [] }), config: at('stable'), decision: 'admit' },
  { name: 'v1alpha1 Run is not validated by the webhook', source: 'cmd/webhook/main.go (types registered: no v1alpha1 Run)', object: { apiVersion: 'tekton.dev/v1alpha1', kind: 'Run', metadata: { name: 'x' }, spec: { ref: { apiVersion: 'example.dev/v0', kind: 'Example' } } }, config: at('stable'), decision: 'admit' },
];

/** Where featuregates answers otherwise on purpose (DESIGN.md). */
const departures: FidelityCase[] = [
  {
    name: 'UPDATE keeping a use the object already had',
    source: 'v1/taskrun_validation.go TaskRunSpec.ValidateUpdate (Validate still runs every gate on UPDATE)',
    object: v1('TaskRun', { taskRef: { name: 't' }, debug: {} }),
    oldObject: v1('TaskRun', { taskRef: { name: 't' }, debug: {} }),
    config: at('beta'),
    decision: 'admit',
    departs: 'Tekton re-checks every gate on UPDATE and rejects; featuregates ratchets (same path, same value) so lowering the level never freezes existing runs (tektoncd/pipeline#8359)',
  },
  {
    name: 'an unknown ConfigMap key',
    source: 'config/feature_flags.go NewFeatureFlagsFromMap (unknown keys are ignored, tektoncd/pipeline#6938)',
    object: v1('Task', { steps: [step()] }),
    config: { 'enable-param-enums': 'true' },
    decision: 'config-error',
    departs: 'Tekton ignores a misspelt key silently; featuregates refuses the config with a did-you-mean',
  },
  {
    name: 'a disable-inline-spec item that names no kind even trimmed',
    source: 'config/feature_flags.go setFeatureInlineSpec (any string loads)',
    object: v1('TaskRun', { taskSpec: taskSpec() }),
    config: { 'disable-inline-spec': 'taskruns' },
    decision: 'config-error',
    departs: 'Tekton loads any string, and "taskruns" then forbids nothing; featuregates refuses it, naming the allowed items (items that are right once trimmed load with a warning, as in Tekton)',
  },
];

export const FIDELITY_CASES: readonly FidelityCase[] = [...apiFieldGates, ...ownFlags, ...embedded, ...fixes, ...others, ...departures];
