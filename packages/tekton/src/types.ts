import type { RootKind, TemplateMerge, TypeNode, TypeVariant } from '@featuregates/gates';

/**
 * The type graph of the kinds Tekton's webhook validates (cmd/webhook/main.go), reduced to the
 * edges that lead to gated fields. Embedded specs are edges: a PipelineRun's `spec.pipelineSpec`,
 * a pipeline task's `taskSpec` (and, in v1 only, its `pipelineSpec`, which v1 validates
 * recursively and v1beta1 does not), a TaskRun's `spec.taskSpec`.
 */
export const TYPES: Readonly<Record<string, TypeNode>> = {
  Task: { spec: 'TaskSpec' },
  TaskSpec: { 'steps[]': 'Step', 'sidecars[]': 'Sidecar' },
  Step: {},
  Sidecar: {},

  'v1.Pipeline': { spec: 'v1.PipelineSpec' },
  'v1.PipelineSpec': { 'tasks[]': 'v1.PipelineTask', 'finally[]': 'v1.PipelineTask' },
  'v1.PipelineTask': { taskSpec: 'TaskSpec', pipelineSpec: 'v1.PipelineSpec' },
  'v1.TaskRun': { spec: 'v1.TaskRunSpec' },
  'v1.TaskRunSpec': { taskSpec: 'TaskSpec' },
  'v1.PipelineRun': { spec: 'v1.PipelineRunSpec' },
  'v1.PipelineRunSpec': { pipelineSpec: 'v1.PipelineSpec', 'taskRunSpecs[]': 'v1.PipelineTaskRunSpec' },
  'v1.PipelineTaskRunSpec': {},

  'v1beta1.Pipeline': { spec: 'v1beta1.PipelineSpec' },
  'v1beta1.PipelineSpec': { 'tasks[]': 'v1beta1.PipelineTask', 'finally[]': 'v1beta1.PipelineTask' },
  'v1beta1.PipelineTask': { taskSpec: 'TaskSpec' },
  'v1beta1.TaskRun': { spec: 'v1beta1.TaskRunSpec' },
  'v1beta1.TaskRunSpec': { taskSpec: 'TaskSpec' },
  'v1beta1.PipelineRun': { spec: 'v1beta1.PipelineRunSpec' },
  'v1beta1.PipelineRunSpec': { pipelineSpec: 'v1beta1.PipelineSpec', 'taskRunSpecs[]': 'v1beta1.PipelineTaskRunSpec' },
  'v1beta1.PipelineTaskRunSpec': {},

  /** A pipeline task Tekton validates as a custom task (VARIANTS): nothing inside its taskSpec, refs or pipelineSpec is checked. */
  'v1.CustomTask': {},
  'v1beta1.CustomTask': {},

  StepAction: { spec: 'StepActionSpec' },
  StepActionSpec: {},
  /** Validated by Tekton's webhook but carrying no gated field. */
  Ungated: {},
};

const tekton = (version: string, kind: string, type: string, stability: RootKind['stability']): RootKind => ({
  group: 'tekton.dev',
  version,
  kind,
  type,
  stability,
});

export const KINDS: readonly RootKind[] = [
  tekton('v1', 'Task', 'Task', 'stable'),
  tekton('v1', 'Pipeline', 'v1.Pipeline', 'stable'),
  tekton('v1', 'TaskRun', 'v1.TaskRun', 'stable'),
  tekton('v1', 'PipelineRun', 'v1.PipelineRun', 'stable'),
  tekton('v1beta1', 'Task', 'Task', 'beta'),
  tekton('v1beta1', 'Pipeline', 'v1beta1.Pipeline', 'beta'),
  tekton('v1beta1', 'TaskRun', 'v1beta1.TaskRun', 'beta'),
  tekton('v1beta1', 'PipelineRun', 'v1beta1.PipelineRun', 'beta'),
  tekton('v1beta1', 'StepAction', 'StepAction', 'beta'),
  tekton('v1beta1', 'CustomRun', 'Ungated', 'beta'),
  tekton('v1alpha1', 'StepAction', 'StepAction', 'alpha'),
  tekton('v1alpha1', 'VerificationPolicy', 'Ungated', 'alpha'),
];

/**
 * A pipeline task whose taskRef (or taskSpec) has an apiVersion, or a kind other than "" and "Task",
 * is a custom task: v1/pipeline_validation.go `PipelineTask.Validate` (and v1beta1's) sends it to
 * `validateCustomTask` instead of `validateTask`, so the ref checks (resolver, resolver params,
 * concise resolver syntax) and everything inside its taskSpec, pipelineRef and pipelineSpec are not
 * run. `taskKinds` there holds "" and `NamespacedTaskKind` ("Task") only, so `kind: ClusterTask`
 * counts as custom too. The checks every pipeline task gets still apply (taskref.resolver,
 * taskref.params, OnError, matrix, when, params, pipelineRef/pipelineSpec presence, inline specs).
 */
const customTask = (version: 'v1' | 'v1beta1'): TypeVariant => ({
  type: `${version}.PipelineTask`,
  when: [
    { path: 'taskRef.kind', match: { kind: 'oneOf', values: ['', 'Task'] }, not: true },
    { path: 'taskRef.apiVersion', match: { kind: 'nonEmpty' } },
    { path: 'taskSpec.kind', match: { kind: 'oneOf', values: ['', 'Task'] }, not: true },
    { path: 'taskSpec.apiVersion', match: { kind: 'nonEmpty' } },
  ],
  as: `${version}.CustomTask`,
});

export const VARIANTS: readonly TypeVariant[] = [customTask('v1'), customTask('v1beta1')];

/**
 * v1/task_validation.go `TaskSpec.Validate` (and v1beta1's) merges `stepTemplate` into each step
 * with v1/merge.go `MergeStepsWithStepTemplate` before `Step.Validate`/`validateStep`: a step's own
 * command or args replace the template's, env merges by name (strategic merge patch), and a step
 * with a `ref` is not merged. So an artifact reference in the template is refused at each step it
 * reaches. The fields are StepTemplate's (v1/container_types.go).
 */
export const TEMPLATES: readonly TemplateMerge[] = [
  {
    type: 'TaskSpec',
    template: 'stepTemplate',
    into: 'steps',
    fields: ['image', 'command', 'args', 'workingDir', 'envFrom', 'env', 'computeResources', 'volumeMounts', 'volumeDevices', 'imagePullPolicy', 'securityContext'],
    mergeKeys: { env: 'name', volumeMounts: 'mountPath', volumeDevices: 'devicePath' },
    skipElementWith: 'ref',
  },
];
