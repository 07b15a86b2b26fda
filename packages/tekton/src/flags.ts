import { defineFlag, type BehaviorFlag, type Stability } from '@featuregates/gates';
import { at } from './releases';

/**
 * Every key of Tekton's current `config/config-feature-flags.yaml` (tektoncd/pipeline 3ee1745)
 * with its code default (`pkg/apis/config/feature_flags.go`) and allowed values, plus the legacy
 * keys DESIGN.md keeps alive. `enable-api-fields` itself is the registry's level key.
 */

type FlagDetails = Omit<Partial<BehaviorFlag>, 'key' | 'type' | 'default'>;

/** A bool flag; its key stays a literal so that switches and tests over this catalog are typed. */
const bool = <const K extends string>(key: K, defaultValue: boolean, description: string, rest: FlagDetails = {}): BehaviorFlag & { readonly key: K; readonly type: 'bool' } => ({
  key,
  type: 'bool',
  default: defaultValue,
  stability: 'stable',
  description,
  history: [],
  ...rest,
});

/** A bool flag whose `true` turns on a feature of this maturity. */
const trueIs = (stability: Stability): Pick<BehaviorFlag, 'stability' | 'valueStability'> => ({
  stability,
  valueStability: { true: stability },
});

export const FLAGS = [
  defineFlag({
    key: 'coschedule',
    type: 'enum',
    default: 'workspaces',
    values: ['workspaces', 'pipelineruns', 'isolate-pipelinerun', 'disabled'],
    stability: 'stable',
    valueStability: { pipelineruns: 'alpha', 'isolate-pipelinerun': 'alpha' },
    description:
      'How the Affinity Assistant schedules a PipelineRun\'s pods: "workspaces" puts TaskRuns sharing a PVC workspace on one node; "pipelineruns" (alpha) puts all of a PipelineRun\'s TaskRuns on one node; "isolate-pipelinerun" (alpha) also allows one PipelineRun per node; "disabled" applies no policy.',
    history: [at('v0.50.0', 'introduced', { stability: 'alpha', default: 'workspaces', note: 'replaces disable-affinity-assistant' })],
  }),
  bool('disable-creds-init', false, 'When true, Tekton does not scan service accounts for credentials to mount into steps (the creds-init step is skipped).', {
    history: [at('v0.18.0', 'introduced', { default: false })],
  }),
  bool('await-sidecar-readiness', true, 'When false, the first step starts without waiting for the TaskRun\'s sidecars to be running (for clusters without the DownwardAPI volume type).', {
    history: [at('v0.38.0', 'introduced', { default: true })],
  }),
  bool('running-in-environment-with-injected-sidecars', true, 'Set to false on clusters without injected sidecars (such as Istio): TaskRun pods then start without waiting for the sidecar annotation.', {
    history: [at('v0.13.0', 'introduced', { default: true })],
  }),
  bool('require-git-ssh-secret-known-hosts', false, 'When true, every Git SSH Secret offered to Tekton must include known_hosts.', {
    history: [at('v0.17.0', 'introduced', { default: false })],
  }),
  bool('enable-tekton-oci-bundles', false, 'Legacy: Tekton OCI bundles on refs. The field is gone (use the bundles resolver); `enable-api-fields: alpha` still implies it.', {
    ...trueIs('alpha'),
    impliedBy: 'alpha',
    deprecated: { since: 'v0.61.0', message: 'the bundle field was removed in v0.61.0; use the bundles resolver' },
    history: [at('v0.18.0', 'introduced', { stability: 'alpha', default: false }), at('v0.61.0', 'deprecated')],
  }),
  bool('enable-custom-tasks', false, 'Legacy: custom tasks (Runs) behind a flag. Custom tasks are always on since v0.44.0; `enable-api-fields: alpha` still implies it.', {
    impliedBy: 'alpha',
    deprecated: { since: 'v0.44.0', message: 'custom tasks are always enabled since v0.44.0; the key has no effect' },
    history: [at('v0.19.0', 'introduced', { stability: 'alpha', default: false }), at('v0.44.0', 'deprecated')],
  }),
  bool('send-cloudevents-for-runs', true, 'Send CloudEvents for CustomRuns. CloudEvents are sent whenever a sink is configured in config-events.', {
    deprecated: { since: 'v1.0.0', message: 'CloudEvents are enabled whenever a sink is configured in the config-events ConfigMap' },
    history: [at('v0.34.0', 'introduced', { default: false }), at('v1.0.0', 'deprecated', { default: true })],
  }),
  defineFlag({
    key: 'trusted-resources-verification-no-match-policy',
    type: 'enum',
    default: 'ignore',
    values: ['ignore', 'warn', 'fail'],
    stability: 'alpha',
    valueStability: { warn: 'alpha', fail: 'alpha' },
    description: 'Trusted resources (alpha, TEP-0091): what happens to a run no VerificationPolicy matches — "ignore" it, "warn" in the log, or "fail" it.',
    history: [at('v0.47.0', 'introduced', { stability: 'alpha', default: 'ignore', note: 'replaces resource-verification-mode' })],
  }),
  bool('enable-provenance-in-status', true, 'Populate `status.provenance` of TaskRuns and PipelineRuns (where remote definitions came from, the feature flags used).', {
    stability: 'beta',
    history: [at('v0.42.0', 'introduced', { stability: 'alpha', default: false }), at('v0.48.0', 'promoted', { stability: 'beta', default: true })],
  }),
  defineFlag({
    key: 'enforce-nonfalsifiability',
    type: 'enum',
    default: 'none',
    values: ['none', 'spire'],
    stability: 'alpha',
    valueStability: { spire: 'alpha' },
    description: 'Non-falsifiable provenance (alpha): "spire" uses SPIRE to sign results and status; "none" disables it.',
    history: [at('v0.51.0', 'introduced', { stability: 'alpha', default: 'none', note: 'the key shipped misspelt as enforce-nonfalsifiablity in v0.45–v0.50' })],
  }),
  defineFlag({
    key: 'results-from',
    type: 'enum',
    default: 'termination-message',
    values: ['termination-message', 'sidecar-logs'],
    stability: 'stable',
    valueStability: { 'sidecar-logs': 'beta' },
    description: 'How results leave a task: the container "termination-message" (4 KB in all) or "sidecar-logs" (beta, larger results, needs pods/log access).',
    history: [at('v0.48.0', 'introduced', { stability: 'alpha', default: 'termination-message' }), at('v0.61.0', 'promoted', { stability: 'beta', note: 'sidecar-logs' })],
  }),
  defineFlag({
    key: 'max-result-size',
    type: 'int',
    default: 4096,
    min: 1,
    max: 1572863,
    stability: 'stable',
    description: 'Upper limit in bytes of each task result when results-from is "sidecar-logs"; below the 1.5 MB CRD limit.',
    history: [at('v0.52.0', 'introduced', { default: 4096 })],
  }),
  bool('set-security-context', false, 'Limit the privileges of containers Tekton injects into TaskRuns, so they run in namespaces with the "restricted" pod security standard.', {
    history: [at('v0.49.0', 'introduced', { default: false })],
  }),
  bool('set-security-context-read-only-root-filesystem', false, 'Set readOnlyRootFilesystem in the securityContext of every TaskRun and Affinity Assistant container.', {
    history: [at('v0.69.0', 'introduced', { default: false })],
  }),
  bool('keep-pod-on-cancel', false, 'Keep the pod of a cancelled TaskRun (cancel through the entrypoint) so its logs can be examined.', {
    ...trueIs('beta'),
    history: [at('v0.53.0', 'introduced', { stability: 'alpha', default: false }), { release: 'unknown', event: 'promoted', stability: 'beta', note: 'code says beta; Tekton\'s docs table still says alpha' }],
  }),
  bool('enable-cel-in-whenexpression', false, 'Own flag of the "cel-in-when-expression" feature: CEL in when expressions.', { ...trueIs('alpha'), feature: 'cel-in-when-expression', history: [at('v0.53.0', 'introduced', { stability: 'alpha', default: false })] }),
  bool('enable-param-enum', false, 'Own flag of the "param-enum" feature: allowed values for params.', { ...trueIs('alpha'), feature: 'param-enum', history: [at('v0.54.0', 'introduced', { stability: 'alpha', default: false })] }),
  bool('enable-artifacts', false, 'Own flag of the "artifacts" feature: step and task artifacts.', { ...trueIs('alpha'), feature: 'artifacts', history: [at('v0.58.0', 'introduced', { stability: 'alpha', default: false })] }),
  bool('enable-concise-resolver-syntax', false, 'Own flag of the "concise-resolver-syntax" feature: URL-like ref names.', { ...trueIs('alpha'), feature: 'concise-resolver-syntax', history: [at('v0.60.0', 'introduced', { stability: 'alpha', default: false })] }),
  defineFlag({
    key: 'disable-inline-spec',
    type: 'list',
    default: [],
    values: ['pipeline', 'pipelinerun', 'taskrun'],
    stability: 'stable',
    description: 'Comma-separated kinds that may not embed specs: "pipeline" (pipeline tasks\' taskSpec/pipelineSpec), "pipelinerun" (spec.pipelineSpec), "taskrun" (spec.taskSpec).',
    history: [at('v0.59.0', 'introduced', { default: '' })],
  }),
  bool('enable-kubernetes-sidecar', false, 'Run Tekton sidecars as native Kubernetes sidecars (init containers with restartPolicy: Always).', {
    history: [at('v0.62.0', 'introduced', { default: false })],
  }),
  bool('enable-step-actions', true, 'No effect: StepActions are stable. Kept so old ConfigMaps load.', {
    deprecated: { since: 'v1.0.0', message: 'StepActions are stable; the key has no effect' },
    history: [at('v0.53.0', 'introduced', { stability: 'alpha', default: false }), at('v1.0.0', 'deprecated', { default: true })],
  }),
  bool('enable-wait-exponential-backoff', false, 'Retry failed TaskRun and CustomRun creation with exponential backoff (tuned in the wait-exponential-backoff ConfigMap).', {
    history: [at('v1.3.0', 'introduced', { default: false })],
  }),
  bool('enable-termination-message-compression', false, 'Compress termination messages with flate to fit more results in the 4 KB limit (results-from: termination-message only).', {
    ...trueIs('alpha'),
    history: [at('v1.13.0', 'introduced', { stability: 'alpha', default: false })],
  }),
  bool('enable-informer-cache-transforms', true, 'Strip managedFields and the last-applied annotation from cached runs and pods to save controller memory; changes need a controller restart.', {
    history: [at('v1.15.0', 'introduced', { default: true })],
  }),
] as const satisfies readonly BehaviorFlag[];
