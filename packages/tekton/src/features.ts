import type { ApiFeature, FieldUse, Matcher } from '@featuregates/gates';
import { at } from './releases';

/**
 * Every API gate Tekton Pipelines enforces in admission (shared/tekton-catalog.md §1–§2, checked
 * against tektoncd/pipeline at 3ee1745): `enable-api-fields` gates, own-flag gates and
 * `disable-inline-spec` restrictions. Titles are Tekton's featureName strings, so messages match.
 */

const present: Matcher = { kind: 'present' };
const nonEmpty: Matcher = { kind: 'nonEmpty' };
const pattern = (source: string): Matcher => ({ kind: 'pattern', pattern: source });

const on = (types: readonly string[], path: string, match: Matcher, title?: string): FieldUse[] =>
  types.map((type) => ({ type, path, match, ...(title ? { title } : {}) }));

/** Pipeline tasks Tekton validates as Tasks (`validateTask`): the ref checks run on these only. */
const TASK_PIPELINE_TASKS = ['v1.PipelineTask', 'v1beta1.PipelineTask'];
/** Every pipeline task, custom ones included (types.ts VARIANTS): checks `PipelineTask.Validate` and `PipelineSpec.Validate` run whatever the task's kind. */
const PIPELINE_TASKS = [...TASK_PIPELINE_TASKS, 'v1.CustomTask', 'v1beta1.CustomTask'];
const PIPELINE_SPECS = ['v1.PipelineSpec', 'v1beta1.PipelineSpec'];
const TASK_RUN_SPECS = ['v1.TaskRunSpec', 'v1beta1.TaskRunSpec'];
const PIPELINE_RUN_SPECS = ['v1.PipelineRunSpec', 'v1beta1.PipelineRunSpec'];

/** Refs that reach Tekton's shared ref validation: runs' refs, pipeline tasks' refs (pipelineRef in v1 only), StepAction refs. */
function refUses(field: 'resolver' | 'params' | 'name', match: Matcher): FieldUse[] {
  return [
    ...on(TASK_RUN_SPECS, `taskRef.${field}`, match),
    ...on(PIPELINE_RUN_SPECS, `pipelineRef.${field}`, match),
    ...on(TASK_PIPELINE_TASKS, `taskRef.${field}`, match),
    ...on(['v1.PipelineTask'], `pipelineRef.${field}`, match),
    ...on(['Step'], `ref.${field}`, match),
  ];
}

/** A run-time override on TaskRuns and PipelineRuns' taskRunSpecs, renamed between v1 and v1beta1. */
function runOverrideUses(v1Field: string, v1beta1Field: string): FieldUse[] {
  return [
    ...on(['v1.TaskRunSpec', 'v1.PipelineTaskRunSpec'], v1Field, present),
    ...on(['v1beta1.TaskRunSpec', 'v1beta1.PipelineTaskRunSpec'], v1beta1Field, present, v1beta1Field),
  ];
}

// internal/artifactref/artifactref.go
const STEP_ARTIFACT_REF = '\\$\\(steps\\.([^.]+)\\.(?:inputs|outputs)\\.([^.)]+)\\)|\\$\\(tasks\\.([^.]+)\\.(?:inputs|outputs)\\.([^.)]+)\\)|\\$\\(step\\.artifacts\\.path\\)|\\$\\(artifacts\\.path\\)';
const TASK_ARTIFACT_REF = '\\$\\(tasks\\.([^.]+)\\.(?:inputs|outputs)\\.([^.)]+)\\)';
// The "URL-like" name of concise resolver syntax: Go's unanchored `[\w-]+:\/\/*`.
/**
 * What Go's `strings.TrimSpace` trims, which Tekton applies before looking for `#!win`
 * (v1/container_validation.go `Step.Validate`, v1beta1/task_validation.go `validateStep`,
 * stepaction_validation.go): `unicode.IsSpace`, i.e. ASCII \t \n \v \f \r and space, U+0085, U+00A0,
 * and the White_Space code points above Latin-1. Not U+FEFF (a byte-order mark), which JavaScript's
 * `\s` counts. Characters above U+00FF are written as themselves so that the class reads the same
 * to JavaScript's and RE2's parsers.
 */
const GO_SPACE = `[\\t\\n\\v\\f\\r \\x85\\xA0${[0x1680, 0x2000].map((code) => String.fromCharCode(code)).join('')}-${[0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000].map((code) => String.fromCharCode(code)).join('')}]`;
const WINDOWS_SCRIPT = `^${GO_SPACE}*#!win`;
const CONCISE_REF_NAME = '[\\w-]+:\\/\\/*';

/**
 * "Non-empty and not starting with `prefix`" for RE2, which has no lookahead: each alternative
 * agrees with the prefix up to one character and then differs from it or ends.
 */
function notStartingWith(prefix: string): string {
  const literal = (text: string): string => text.replace(/[^\w]/g, '\\$&');
  const alternatives = [...prefix].map((char, i) => `${literal(prefix.slice(0, i))}(?:[^${literal(char)}]${i === 0 ? '' : '|$'})`);
  return `^(?:${alternatives.join('|')})`;
}

export const FEATURES: readonly ApiFeature[] = [
  {
    name: 'resolver',
    title: 'resolver',
    stability: 'beta',
    description: 'Remote resolution: a `resolver` on a taskRef, pipelineRef or StepAction ref (TEP-0060).',
    uses: refUses('resolver', nonEmpty),
    history: [at('v0.41.0', 'introduced', { stability: 'beta' })],
    docs: 'https://tekton.dev/docs/pipelines/resolution/',
  },
  {
    name: 'resolver-params',
    title: 'resolver params',
    stability: 'beta',
    description: 'Parameters for a remote resolver on a ref; an explicit empty list counts.',
    uses: refUses('params', present),
    history: [at('v0.41.0', 'introduced', { stability: 'beta' })],
    docs: 'https://tekton.dev/docs/pipelines/resolution/',
  },
  {
    name: 'taskref-resolver',
    title: 'taskref.resolver',
    stability: 'beta',
    description: 'A resolver on a pipeline task\'s taskRef, custom tasks included (reported beside `resolver`).',
    uses: on(PIPELINE_TASKS, 'taskRef.resolver', nonEmpty),
    history: [at('v0.41.0', 'introduced', { stability: 'beta' })],
  },
  {
    name: 'taskref-params',
    title: 'taskref.params',
    stability: 'beta',
    description: 'Resolver parameters on a pipeline task\'s taskRef.',
    uses: on(PIPELINE_TASKS, 'taskRef.params', nonEmpty),
    history: [at('v0.41.0', 'introduced', { stability: 'beta' })],
  },
  {
    name: 'pipeline-task-on-error',
    title: 'OnError',
    stability: 'beta',
    description: 'A pipeline task\'s `onError` (ignore task failure, TEP-0050); a `$(params…)` reference is not gated.',
    uses: on(PIPELINE_TASKS, 'onError', pattern(notStartingWith('$(params'))),
    history: [at('v0.55.0', 'introduced', { stability: 'alpha' }), at('v0.62.0', 'promoted', { stability: 'beta' })],
    docs: 'https://tekton.dev/docs/pipelines/pipelines/#using-the-onerror-field',
  },
  {
    name: 'matrix',
    title: 'matrix',
    stability: 'beta',
    description: 'Fan a pipeline task out over a matrix of parameters (TEP-0090).',
    uses: on(PIPELINE_TASKS, 'matrix', { kind: 'nonEmpty', anyOf: ['params', 'include'] }),
    history: [at('v0.38.0', 'introduced', { stability: 'alpha' }), at('v0.53.0', 'promoted', { stability: 'beta' })],
    docs: 'https://tekton.dev/docs/pipelines/matrix/',
  },
  {
    name: 'pipelines-in-pipelines',
    title: 'pipelineSpec',
    stability: 'alpha',
    description: 'A pipeline task that runs a Pipeline by `pipelineRef` or an embedded `pipelineSpec` (TEP-0056).',
    uses: [...on(PIPELINE_TASKS, 'pipelineRef', present, 'pipelineRef'), ...on(PIPELINE_TASKS, 'pipelineSpec', present, 'pipelineSpec')],
    history: [at('v0.52.0', 'introduced', { stability: 'alpha' })],
    docs: 'https://tekton.dev/docs/pipelines/pipelines-in-pipelines/',
  },
  {
    name: 'step-workspaces',
    title: 'step workspaces',
    stability: 'beta',
    description: 'Workspaces isolated to one step (TEP-0029).',
    uses: on(['Step'], 'workspaces', nonEmpty),
    history: [at('v0.24.0', 'introduced', { stability: 'alpha' }), at('v0.50.0', 'promoted', { stability: 'beta' })],
    docs: 'https://tekton.dev/docs/pipelines/workspaces/#isolated-workspaces',
  },
  {
    name: 'sidecar-workspaces',
    title: 'sidecar workspaces',
    stability: 'beta',
    description: 'Workspaces isolated to one sidecar (TEP-0029).',
    uses: on(['Sidecar'], 'workspaces', nonEmpty),
    history: [at('v0.24.0', 'introduced', { stability: 'alpha' }), at('v0.50.0', 'promoted', { stability: 'beta' })],
    docs: 'https://tekton.dev/docs/pipelines/workspaces/#isolated-workspaces',
  },
  {
    name: 'windows-scripts',
    title: 'windows script support',
    stability: 'alpha',
    description: 'A step (or StepAction) script starting with `#!win` (TEP-0057); sidecar scripts are not checked.',
    uses: [...on(['Step'], 'script', pattern(WINDOWS_SCRIPT)), ...on(['StepActionSpec'], 'script', pattern(WINDOWS_SCRIPT))],
    history: [at('v0.28.0', 'introduced', { stability: 'alpha' })],
    docs: 'https://tekton.dev/docs/pipelines/tasks/#windows-scripts',
  },
  {
    name: 'step-stdout-config',
    title: 'step stdout stream support',
    stability: 'alpha',
    description: 'Redirect a step\'s stdout with `stdoutConfig` (TEP-0011).',
    uses: on(['Step'], 'stdoutConfig', present),
    history: [at('v0.38.0', 'introduced', { stability: 'alpha' })],
  },
  {
    name: 'step-stderr-config',
    title: 'step stderr stream support',
    stability: 'alpha',
    description: 'Redirect a step\'s stderr with `stderrConfig` (TEP-0011).',
    uses: on(['Step'], 'stderrConfig', present),
    history: [at('v0.38.0', 'introduced', { stability: 'alpha' })],
  },
  {
    name: 'debug',
    title: 'debug',
    stability: 'alpha',
    description: 'TaskRun breakpoints (`spec.debug`, TEP-0042); `debug: {}` counts.',
    uses: on(TASK_RUN_SPECS, 'debug', present),
    history: [at('v0.26.0', 'introduced', { stability: 'alpha' })],
    docs: 'https://tekton.dev/docs/pipelines/debug/',
  },
  {
    name: 'step-specs',
    title: 'stepSpecs',
    stability: 'beta',
    description: 'Override step compute resources at run time (v1 `stepSpecs`, v1beta1 `stepOverrides`, TEP-0094).',
    uses: runOverrideUses('stepSpecs', 'stepOverrides'),
    history: [at('v0.34.0', 'introduced', { stability: 'alpha' }), at('v0.61.0', 'promoted', { stability: 'beta' })],
  },
  {
    name: 'sidecar-specs',
    title: 'sidecarSpecs',
    stability: 'beta',
    description: 'Override sidecar compute resources at run time (v1 `sidecarSpecs`, v1beta1 `sidecarOverrides`, TEP-0094).',
    uses: runOverrideUses('sidecarSpecs', 'sidecarOverrides'),
    history: [at('v0.34.0', 'introduced', { stability: 'alpha' }), at('v0.61.0', 'promoted', { stability: 'beta' })],
  },
  {
    name: 'task-compute-resources',
    title: 'computeResources',
    stability: 'beta',
    description: 'Task-level compute resources on a TaskRun or a PipelineRun\'s taskRunSpecs (TEP-0104); not steps[].computeResources.',
    uses: [...on(TASK_RUN_SPECS, 'computeResources', present), ...on(['v1.PipelineTaskRunSpec', 'v1beta1.PipelineTaskRunSpec'], 'computeResources', present)],
    history: [at('v0.39.0', 'introduced', { stability: 'alpha' }), at('v0.53.0', 'promoted', { stability: 'beta' })],
    docs: 'https://tekton.dev/docs/pipelines/compute-resources/',
  },
  {
    name: 'cel-in-when-expression',
    title: 'CEL in WhenExpression',
    stability: 'alpha',
    flag: 'enable-cel-in-whenexpression',
    flagMessage: 'feature flag enable-cel-in-whenexpression should be set to true to use CEL: {value} in WhenExpression',
    description: 'A `cel` expression in a pipeline task\'s or step\'s `when` (TEP-0145).',
    uses: [...on(PIPELINE_TASKS, 'when[].cel', nonEmpty), ...on(['Step'], 'when[].cel', nonEmpty)],
    history: [at('v0.53.0', 'introduced', { stability: 'alpha' })],
  },
  {
    name: 'param-enum',
    title: 'Enum',
    stability: 'alpha',
    flag: 'enable-param-enum',
    flagMessage: 'feature flag `enable-param-enum` should be set to true to use Enum',
    description: 'Allowed values for a param (`params[].enum`, TEP-0144).',
    uses: [...on(['TaskSpec'], 'params[].enum', nonEmpty), ...on(PIPELINE_SPECS, 'params[].enum', nonEmpty)],
    history: [at('v0.54.0', 'introduced', { stability: 'alpha' })],
    docs: 'https://tekton.dev/docs/pipelines/taskruns/#parameter-enums',
  },
  {
    name: 'artifacts',
    title: 'artifacts',
    stability: 'alpha',
    flag: 'enable-artifacts',
    flagMessage: 'feature flag enable-artifacts should be set to true to use artifacts feature.',
    description: 'Artifact references (`$(steps.<s>.outputs.<n>)`, `$(step.artifacts.path)`, …) in steps and pipeline task params (TEP-0147).',
    uses: [
      ...on(['Step'], 'script', pattern(STEP_ARTIFACT_REF)),
      ...on(['Step'], 'command[]', pattern(STEP_ARTIFACT_REF)),
      ...on(['Step'], 'args[]', pattern(STEP_ARTIFACT_REF)),
      ...on(['Step'], 'env[].value', pattern(STEP_ARTIFACT_REF)),
      ...on(PIPELINE_TASKS, 'params[].value', pattern(TASK_ARTIFACT_REF)),
    ],
    history: [at('v0.58.0', 'introduced', { stability: 'alpha' })],
  },
  {
    name: 'concise-resolver-syntax',
    title: 'concise resolver syntax',
    stability: 'alpha',
    flag: 'enable-concise-resolver-syntax',
    flagMessage: 'feature flag enable-concise-resolver-syntax should be set to true to use concise resolver syntax',
    description: 'A URL-like ref name (`git://…`, `https://…`) instead of resolver params.',
    uses: refUses('name', pattern(CONCISE_REF_NAME)),
    history: [at('v0.60.0', 'introduced', { stability: 'alpha' })],
  },
  {
    name: 'inline-taskrun-spec',
    title: 'taskSpec',
    stability: 'stable',
    disabledBy: { flag: 'disable-inline-spec', contains: 'taskrun' },
    description: 'An embedded `spec.taskSpec` in a TaskRun; forbidden when `disable-inline-spec` contains `taskrun`.',
    uses: on(TASK_RUN_SPECS, 'taskSpec', present),
    history: [at('v0.59.0', 'introduced', { stability: 'stable', note: 'disable-inline-spec added' })],
  },
  {
    name: 'inline-pipelinerun-spec',
    title: 'pipelineSpec',
    stability: 'stable',
    disabledBy: { flag: 'disable-inline-spec', contains: 'pipelinerun' },
    description: 'An embedded `spec.pipelineSpec` in a PipelineRun; forbidden when `disable-inline-spec` contains `pipelinerun`.',
    uses: on(PIPELINE_RUN_SPECS, 'pipelineSpec', present),
    history: [at('v0.59.0', 'introduced', { stability: 'stable', note: 'disable-inline-spec added' })],
  },
  {
    name: 'inline-pipeline-task-spec',
    title: 'taskSpec',
    stability: 'stable',
    disabledBy: { flag: 'disable-inline-spec', contains: 'pipeline' },
    description: 'An embedded `taskSpec` or `pipelineSpec` in a pipeline task; forbidden when `disable-inline-spec` contains `pipeline`.',
    uses: [...on(PIPELINE_TASKS, 'taskSpec', present), ...on(PIPELINE_TASKS, 'pipelineSpec', present, 'pipelineSpec')],
    history: [at('v0.59.0', 'introduced', { stability: 'stable', note: 'disable-inline-spec added' })],
  },
];
