import type { ReferenceFlags } from './flags';
import type { TaskSpec } from './types';

export const READY_ANNOTATION = 'tekton.dev/ready';
export const READY_VALUE = 'READY';
export const DOWNWARD_VOLUME = 'tekton-internal-downward';
export const DOWNWARD_MOUNT_PATH = '/tekton/downward';
export const READY_FILE = `${DOWNWARD_MOUNT_PATH}/ready`;

export interface SidecarReadiness {
  /** The first step waits for the Downward API ready file before it starts. */
  firstStepWaits: boolean;
  /** The pod is created already marked ready, rather than marked by the controller once its sidecars run. */
  readyAtCreation: boolean;
}

/**
 * As Tekton's docs describe the two flags:
 * - `await-sidecar-readiness` (default true): the first step waits until the pod's sidecars are
 *   running, signalled through a Downward API volume. False starts it at once and needs no
 *   Downward API volume (for virtual kubelets without one); `running-in-environment-with-injected-sidecars`
 *   then has no effect.
 * - `running-in-environment-with-injected-sidecars` (default true): a pod waits even when its
 *   Task has no sidecars, since the cluster may inject one (Istio). False lets such a pod start at
 *   once; a Task with sidecars still waits.
 */
export function sidecarReadiness(taskSpec: TaskSpec, flags: ReferenceFlags): SidecarReadiness {
  if (!flags.enabled('await-sidecar-readiness')) return { firstStepWaits: false, readyAtCreation: true };
  const mayHaveSidecars = (taskSpec.sidecars?.length ?? 0) > 0 || flags.enabled('running-in-environment-with-injected-sidecars');
  return { firstStepWaits: true, readyAtCreation: !mayHaveSidecars };
}
