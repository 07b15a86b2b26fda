import type { ReferenceFlags } from './flags';
import type { TaskRun, TaskSpec, Volume, VolumeMount, WorkspaceBinding } from './types';

export const WORKSPACE_ROOT = '/tekton-files';
export const LEGACY_WORKSPACE_ROOT = '/workspace';

/** `workspace-dir-rename`: the TEP's worked example. */
export function workspaceRoot(flags: ReferenceFlags): string {
  return flags.enabled('workspace-dir-rename') ? WORKSPACE_ROOT : LEGACY_WORKSPACE_ROOT;
}

export interface WorkspaceLayout {
  volumes: Volume[];
  mounts: VolumeMount[];
  /** Workspace name → where steps find it: what `$(workspaces.NAME.path)` becomes. */
  paths: Record<string, string>;
}

function volumeFor(volumeName: string, binding: WorkspaceBinding, taskRunName: string): Volume {
  if (binding.persistentVolumeClaim) return { name: volumeName, persistentVolumeClaim: binding.persistentVolumeClaim };
  if (binding.volumeClaimTemplate) return { name: volumeName, persistentVolumeClaim: { claimName: `${taskRunName}-${binding.name}` } };
  if (binding.configMap) return { name: volumeName, configMap: binding.configMap };
  if (binding.secret) return { name: volumeName, secret: binding.secret };
  return { name: volumeName, emptyDir: {} };
}

/** A volume and a mount per workspace the Task declares and the TaskRun binds; a declared `mountPath` wins. */
export function workspaceLayout(taskRun: TaskRun, taskSpec: TaskSpec, flags: ReferenceFlags): WorkspaceLayout {
  const root = workspaceRoot(flags);
  const layout: WorkspaceLayout = { volumes: [], mounts: [], paths: {} };
  for (const declaration of taskSpec.workspaces ?? []) {
    const binding = taskRun.spec.workspaces?.find((entry) => entry.name === declaration.name);
    if (!binding) continue;
    const volumeName = `ws-${declaration.name}`;
    const path = declaration.mountPath ?? `${root}/${declaration.name}`;
    layout.volumes.push(volumeFor(volumeName, binding, taskRun.metadata.name));
    layout.mounts.push({ name: volumeName, mountPath: path, ...(declaration.readOnly ? { readOnly: true } : {}) });
    layout.paths[declaration.name] = path;
  }
  return layout;
}

/** Replaces `$(workspaces.NAME.path)` with where the workspace is mounted; unknown names stay as written. */
export function substituteWorkspacePaths(text: string, paths: Readonly<Record<string, string>>): string {
  return text.replace(/\$\(workspaces\.([^.)]+)\.path\)/g, (whole, name: string) => paths[name] ?? whole);
}
