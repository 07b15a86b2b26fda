/**
 * The few fields of Tekton and Kubernetes objects the reference consumer reads and writes; just
 * enough to show the behaviour flags, not a full API.
 */

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Readonly<Record<string, string>>;
  annotations?: Readonly<Record<string, string>>;
}

export interface Step {
  name: string;
  image: string;
  command?: readonly string[];
  args?: readonly string[];
}

export type Sidecar = Step;

export interface WorkspaceDeclaration {
  name: string;
  /** Overrides where the workspace is mounted, whatever the flags say. */
  mountPath?: string;
  readOnly?: boolean;
}

export interface TaskSpec {
  steps: readonly Step[];
  sidecars?: readonly Sidecar[];
  workspaces?: readonly WorkspaceDeclaration[];
}

export interface WorkspaceBinding {
  name: string;
  persistentVolumeClaim?: { claimName: string };
  volumeClaimTemplate?: unknown;
  emptyDir?: Record<string, unknown>;
  configMap?: { name: string };
  secret?: { secretName: string };
}

export interface TaskRun {
  metadata: ObjectMeta;
  spec: { serviceAccountName?: string; workspaces?: readonly WorkspaceBinding[] };
}

/** A Secret of the TaskRun's service account, as creds-init scans it. */
export interface ServiceAccountSecret {
  name: string;
  type: string;
  annotations?: Readonly<Record<string, string>>;
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}

export interface Volume {
  name: string;
  emptyDir?: Record<string, unknown>;
  persistentVolumeClaim?: { claimName: string };
  configMap?: { name: string };
  secret?: { secretName: string };
  downwardAPI?: { items: { path: string; fieldRef: { fieldPath: string } }[] };
}

export interface SecurityContext {
  allowPrivilegeEscalation: boolean;
  capabilities: { drop: string[] };
  runAsNonRoot: boolean;
  seccompProfile: { type: string };
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  volumeMounts?: VolumeMount[];
  securityContext?: SecurityContext;
}

export interface PodAffinityTerm {
  labelSelector: { matchLabels: Record<string, string> };
  topologyKey: string;
}

export interface Pod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: { name: string; namespace?: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: {
    serviceAccountName?: string;
    restartPolicy: 'Never';
    initContainers: Container[];
    containers: Container[];
    volumes: Volume[];
    affinity?: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: PodAffinityTerm[] } };
  };
}
