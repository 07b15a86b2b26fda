import type { PodInput } from '../pod-for-task-run';

/** A TaskRun of a PipelineRun that binds a PVC workspace, with a sidecar and credentials on its service account. */
export function buildTaskRun(overrides: { sidecars?: boolean; pipelineRun?: string | null; workspace?: 'pvc' | 'emptyDir' } = {}): PodInput {
  const pipelineRun = overrides.pipelineRun === undefined ? 'release-42' : overrides.pipelineRun;
  return {
    taskRun: {
      metadata: { name: 'build', namespace: 'ci', labels: pipelineRun ? { 'tekton.dev/pipelineRun': pipelineRun } : {} },
      spec: {
        serviceAccountName: 'builder',
        workspaces: [overrides.workspace === 'emptyDir' ? { name: 'source', emptyDir: {} } : { name: 'source', persistentVolumeClaim: { claimName: 'src' } }],
      },
    },
    taskSpec: {
      workspaces: [{ name: 'source' }],
      steps: [
        { name: 'clone', image: 'alpine/git', command: ['git'], args: ['clone', 'https://example.com/repo', '$(workspaces.source.path)'] },
        { name: 'build', image: 'golang', command: ['go'], args: ['build', '-C', '$(workspaces.source.path)', './...'] },
      ],
      ...(overrides.sidecars ? { sidecars: [{ name: 'registry', image: 'registry:2' }] } : {}),
    },
    serviceAccountSecrets: [
      { name: 'github', type: 'kubernetes.io/basic-auth', annotations: { 'tekton.dev/git-0': 'https://github.com' } },
      { name: 'unrelated', type: 'Opaque' },
    ],
  };
}
