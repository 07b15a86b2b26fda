import type { RootKind, TypeNode } from '@featuregates/gates';

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
