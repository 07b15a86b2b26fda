import { referenceFlags } from './test-support/flags';
import { buildTaskRun } from './test-support/task-runs';
import { affinityAssistantName } from './affinity-assistant';
import { podForTaskRun } from './pod-for-task-run';
import type { Container, Pod } from './types';

const podWith = (flags: Record<string, string>, input = buildTaskRun()) => podForTaskRun(input, referenceFlags(flags));
const container = (pod: Pod, name: string): Container => pod.spec.containers.find((entry) => entry.name === name)!;
const firstStepArgs = (pod: Pod) => container(pod, 'step-clone').args ?? [];
const mountPaths = (entry: Container) => (entry.volumeMounts ?? []).map((mount) => mount.mountPath);

// For every flag the reference consumer honours: one test with it on and one with it off, each
// asserting what only that setting produces, so both fail if the flag stops mattering.

describe('await-sidecar-readiness', () => {
  it('on (the default): the first step waits for the Downward API ready file, which the controller fills once sidecars run', () => {
    const pod = podWith({ 'await-sidecar-readiness': 'true' }, buildTaskRun({ sidecars: true }));
    expect(firstStepArgs(pod).slice(0, 3)).toEqual(['-wait_file', '/tekton/downward/ready', '-wait_file_content']);
    expect(pod.spec.volumes.map((volume) => volume.name)).toContain('tekton-internal-downward');
    expect(pod.metadata.annotations['tekton.dev/ready']).toBeUndefined();
  });

  it('off: the first step starts at once, with no Downward API volume at all', () => {
    const pod = podWith({ 'await-sidecar-readiness': 'false' }, buildTaskRun({ sidecars: true }));
    expect(firstStepArgs(pod)[0]).toBe('-post_file');
    expect(pod.spec.volumes.map((volume) => volume.name)).not.toContain('tekton-internal-downward');
    expect(pod.metadata.annotations['tekton.dev/ready']).toBe('READY');
  });
});

describe('running-in-environment-with-injected-sidecars', () => {
  it('on (the default): a pod whose Task has no sidecars still waits, for a sidecar the cluster may inject', () => {
    const pod = podWith({ 'running-in-environment-with-injected-sidecars': 'true' });
    expect(pod.metadata.annotations['tekton.dev/ready']).toBeUndefined();
  });

  it('off: a pod whose Task has no sidecars is ready when created', () => {
    const pod = podWith({ 'running-in-environment-with-injected-sidecars': 'false' });
    expect(pod.metadata.annotations['tekton.dev/ready']).toBe('READY');
  });
});

describe('set-security-context', () => {
  it('on: the containers Tekton injects run restricted; the user\'s steps keep their own', () => {
    const pod = podWith({ 'set-security-context': 'true' });
    expect(pod.spec.initContainers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container(pod, 'step-build').securityContext).toBeUndefined();
  });

  it('off (the default): no security context is added', () => {
    const pod = podWith({ 'set-security-context': 'false' });
    expect(pod.spec.initContainers[0].securityContext).toBeUndefined();
  });
});

describe('coschedule', () => {
  const affinity = (pod: Pod) => pod.spec.affinity?.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels['app.kubernetes.io/instance'];

  it('workspaces (the default): the pod goes beside the assistant of its PVC workspace', () => {
    expect(affinity(podWith({ coschedule: 'workspaces' }))).toBe(affinityAssistantName('source', 'release-42'));
    expect(affinity(podWith({ coschedule: 'workspaces' }, buildTaskRun({ workspace: 'emptyDir' })))).toBeUndefined();
  });

  it('pipelineruns: the pod goes beside its PipelineRun\'s assistant, whatever its workspaces', () => {
    expect(affinity(podWith({ coschedule: 'pipelineruns' }))).toBe(affinityAssistantName('', 'release-42'));
    expect(affinity(podWith({ coschedule: 'pipelineruns' }, buildTaskRun({ workspace: 'emptyDir' })))).toBe(affinityAssistantName('', 'release-42'));
  });

  it('isolate-pipelinerun: the pod is placed as under pipelineruns (the isolation is on the assistant)', () => {
    expect(affinity(podWith({ coschedule: 'isolate-pipelinerun' }))).toBe(affinityAssistantName('', 'release-42'));
  });

  it('disabled: no affinity at all', () => {
    expect(podWith({ coschedule: 'disabled' }).spec.affinity).toBeUndefined();
  });

  it('leaves a TaskRun outside a PipelineRun alone in every mode', () => {
    for (const coschedule of ['workspaces', 'pipelineruns', 'isolate-pipelinerun']) {
      expect(podWith({ coschedule }, buildTaskRun({ pipelineRun: null })).spec.affinity).toBeUndefined();
    }
  });
});

describe('disable-creds-init', () => {
  it('off (the default): the service account\'s annotated Secrets are mounted and every step installs them', () => {
    const pod = podWith({ 'disable-creds-init': 'false' });
    for (const step of ['step-clone', 'step-build']) {
      expect(container(pod, step).args).toContain('-basic-git=github=https://github.com');
      expect(mountPaths(container(pod, step))).toContain('/tekton/creds-secrets/github');
    }
    expect(pod.spec.volumes).toContainEqual({ name: 'tekton-internal-secret-volume-github', secret: { secretName: 'github' } });
    expect(JSON.stringify(pod)).not.toContain('unrelated');
  });

  it('on: no credentials reach the steps', () => {
    const pod = podWith({ 'disable-creds-init': 'true' });
    expect(JSON.stringify(pod)).not.toContain('creds-secrets');
    expect(JSON.stringify(pod)).not.toContain('-basic-git');
  });
});

describe('workspace-dir-rename (the TEP\'s worked example)', () => {
  it('on (the default since the flip): workspaces live under /tekton-files, and $(workspaces.NAME.path) says so', () => {
    const pod = podWith({ 'workspace-dir-rename': 'true' });
    expect(mountPaths(container(pod, 'step-build'))).toContain('/tekton-files/source');
    expect(container(pod, 'step-build').args).toEqual(expect.arrayContaining(['build', '-C', '/tekton-files/source']));
  });

  it('off (deprecated): workspaces stay under /workspace', () => {
    const pod = podWith({ 'workspace-dir-rename': 'false' });
    expect(mountPaths(container(pod, 'step-build'))).toContain('/workspace/source');
    expect(container(pod, 'step-clone').args).toContain('/workspace/source');
    expect(JSON.stringify(pod)).not.toContain('/tekton-files');
  });

  it('lets a workspace\'s own mountPath win under either setting', () => {
    const input = buildTaskRun();
    const custom = { ...input, taskSpec: { ...input.taskSpec, workspaces: [{ name: 'source', mountPath: '/src' }] } };
    for (const rename of ['true', 'false']) expect(mountPaths(container(podWith({ 'workspace-dir-rename': rename }, custom), 'step-build'))).toContain('/src');
  });
});

describe('podForTaskRun', () => {
  it('runs the steps in order under the entrypoint, each waiting for the one before', () => {
    const pod = podWith({});
    expect(pod.spec.containers.map((entry) => entry.name)).toEqual(['step-clone', 'step-build']);
    expect(container(pod, 'step-build').args?.slice(0, 4)).toEqual(['-wait_file', '/tekton/run/0/out', '-post_file', '/tekton/run/1/out']);
    expect(container(pod, 'step-build').args?.slice(-7)).toEqual(['-entrypoint', 'go', '--', 'build', '-C', '/tekton-files/source', './...']);
    expect(pod.spec.initContainers[0].command).toEqual(['/ko-app/entrypoint', 'init', '/ko-app/entrypoint', '/tekton/bin/entrypoint', 'step-clone', 'step-build']);
  });

  it('adds sidecars after the steps, with the workspaces mounted', () => {
    const pod = podWith({}, buildTaskRun({ sidecars: true }));
    expect(pod.spec.containers.map((entry) => entry.name)).toEqual(['step-clone', 'step-build', 'sidecar-registry']);
    expect(mountPaths(container(pod, 'sidecar-registry'))).toEqual(['/tekton-files/source']);
  });

  it('is pure: the same input and flags give the same pod, and the input is not changed', () => {
    const input = buildTaskRun({ sidecars: true });
    const before = JSON.stringify(input);
    const flags = referenceFlags({ coschedule: 'pipelineruns' });
    expect(podForTaskRun(input, flags)).toEqual(podForTaskRun(input, flags));
    expect(JSON.stringify(input)).toBe(before);
  });
});
