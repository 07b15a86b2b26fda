export { referenceCatalog, workspaceDirRename, type ReferenceCatalog } from './catalog';
export { referenceFlagsOf, RETIRED_VALUES, COSCHEDULE_MODES, type ReferenceFlags, type ReferenceBoolKey, type Coschedule, type AnySnapshot } from './flags';
export { podForTaskRun, ENTRYPOINT_IMAGE, type PodInput } from './pod-for-task-run';
export { affinityAssistantFor, affinityAssistantName, affinityTo, PIPELINE_RUN_LABEL } from './affinity-assistant';
export { credentialsFor, CREDS_SECRETS_PATH, type Credentials } from './credentials';
export { injectedSecurityContext } from './security-context';
export { sidecarReadiness, READY_ANNOTATION, READY_VALUE, READY_FILE, DOWNWARD_VOLUME, type SidecarReadiness } from './sidecar-readiness';
export { workspaceLayout, workspaceRoot, substituteWorkspacePaths, WORKSPACE_ROOT, LEGACY_WORKSPACE_ROOT, type WorkspaceLayout } from './workspaces';
export type * from './types';
