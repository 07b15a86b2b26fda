import { affinityAssistantFor, affinityTo } from './affinity-assistant';
import { credentialsFor } from './credentials';
import { referenceFlagsOf, type AnySnapshot, type ReferenceFlags } from './flags';
import { injectedSecurityContext } from './security-context';
import { DOWNWARD_MOUNT_PATH, DOWNWARD_VOLUME, READY_ANNOTATION, READY_FILE, READY_VALUE, sidecarReadiness } from './sidecar-readiness';
import type { Container, Pod, ServiceAccountSecret, Step, TaskRun, TaskSpec, Volume, VolumeMount } from './types';
import { substituteWorkspacePaths, workspaceLayout } from './workspaces';

export const ENTRYPOINT_IMAGE = 'ghcr.io/tektoncd/pipeline/entrypoint';

export interface PodInput {
  taskRun: TaskRun;
  /** The Task's spec, already resolved (from `taskRef` or the TaskRun's `taskSpec`). */
  taskSpec: TaskSpec;
  /** Secrets of the TaskRun's service account, for creds-init. */
  serviceAccountSecrets?: readonly ServiceAccountSecret[];
}

const BIN: VolumeMount = { name: 'tekton-internal-bin', mountPath: '/tekton/bin' };
const RUN: VolumeMount = { name: 'tekton-internal-run', mountPath: '/tekton/run' };

/** Each step runs under Tekton's entrypoint: wait for the previous step (or the sidecars), run, then signal the next. */
function entrypointArgs(step: Step, index: number, firstStepWaits: boolean, credentialArgs: readonly string[]): string[] {
  const wait = index > 0 ? ['-wait_file', `/tekton/run/${index - 1}/out`] : firstStepWaits ? ['-wait_file', READY_FILE, '-wait_file_content'] : [];
  const [command, ...commandArgs] = step.command ?? [];
  const run = command ? ['-entrypoint', command, '--', ...commandArgs, ...(step.args ?? [])] : ['--', ...(step.args ?? [])];
  return [...wait, '-post_file', `/tekton/run/${index}/out`, ...credentialArgs, ...run];
}

/**
 * The Pod a controller creates for a TaskRun: a pure function of the TaskRun, its resolved
 * TaskSpec and one snapshot of the flags (a switches snapshot of any catalog, or the controller's
 * view of one, `referenceFlagsOf`). It honours, as Tekton's docs describe them,
 * `await-sidecar-readiness`, `running-in-environment-with-injected-sidecars`,
 * `set-security-context`, `coschedule` and `disable-creds-init`, and the TEP's
 * `workspace-dir-rename` example. Each flag's rule lives in its own module beside this one.
 */
export function podForTaskRun(input: PodInput, snapshot: ReferenceFlags | AnySnapshot): Pod {
  const flags = 'catalog' in snapshot ? referenceFlagsOf(snapshot) : snapshot;
  const { taskRun, taskSpec } = input;
  const workspaces = workspaceLayout(taskRun, taskSpec, flags);
  const readiness = sidecarReadiness(taskSpec, flags);
  const credentials = credentialsFor(input.serviceAccountSecrets ?? [], flags);
  const assistant = affinityAssistantFor(taskRun, flags);
  const securityContext = injectedSecurityContext(flags);
  const substitute = (texts: readonly string[]) => texts.map((text) => substituteWorkspacePaths(text, workspaces.paths));
  const downwardMount: VolumeMount = { name: DOWNWARD_VOLUME, mountPath: DOWNWARD_MOUNT_PATH };

  const prepare: Container = {
    name: 'prepare',
    image: ENTRYPOINT_IMAGE,
    command: ['/ko-app/entrypoint', 'init', '/ko-app/entrypoint', '/tekton/bin/entrypoint', ...taskSpec.steps.map((step) => `step-${step.name}`)],
    volumeMounts: [BIN, RUN],
    ...(securityContext ? { securityContext } : {}),
  };
  const steps: Container[] = taskSpec.steps.map((step, index) => ({
    name: `step-${step.name}`,
    image: step.image,
    command: ['/tekton/bin/entrypoint'],
    args: substitute(entrypointArgs(step, index, readiness.firstStepWaits, credentials.args)),
    volumeMounts: [BIN, RUN, ...(index === 0 && readiness.firstStepWaits ? [downwardMount] : []), ...workspaces.mounts, ...credentials.mounts],
  }));
  const sidecars: Container[] = (taskSpec.sidecars ?? []).map((sidecar) => ({
    name: `sidecar-${sidecar.name}`,
    image: sidecar.image,
    ...(sidecar.command ? { command: substitute(sidecar.command) } : {}),
    ...(sidecar.args ? { args: substitute(sidecar.args) } : {}),
    volumeMounts: [...workspaces.mounts],
  }));

  const volumes: Volume[] = [
    { name: BIN.name, emptyDir: {} },
    { name: RUN.name, emptyDir: {} },
    ...(readiness.firstStepWaits ? [{ name: DOWNWARD_VOLUME, downwardAPI: { items: [{ path: 'ready', fieldRef: { fieldPath: `metadata.annotations['${READY_ANNOTATION}']` } }] } }] : []),
    ...workspaces.volumes,
    ...credentials.volumes,
  ];

  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${taskRun.metadata.name}-pod`,
      ...(taskRun.metadata.namespace ? { namespace: taskRun.metadata.namespace } : {}),
      labels: { ...taskRun.metadata.labels, 'tekton.dev/taskRun': taskRun.metadata.name, 'app.kubernetes.io/managed-by': 'tekton-pipelines' },
      annotations: readiness.readyAtCreation ? { [READY_ANNOTATION]: READY_VALUE } : {},
    },
    spec: {
      ...(taskRun.spec.serviceAccountName ? { serviceAccountName: taskRun.spec.serviceAccountName } : {}),
      restartPolicy: 'Never',
      initContainers: [prepare],
      containers: [...steps, ...sidecars],
      volumes,
      ...(assistant ? { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [affinityTo(assistant)] } } } : {}),
    },
  };
}
