import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSwitches } from '@featuregates/behaviors';
import { affinityAssistantName, podForTaskRun, referenceCatalog, type PodInput } from '@featuregates/tekton/behaviors';
import { tektonCatalog } from '@featuregates/tekton';
import type { Registry } from '@featuregates/gates';
import { gateTesting, runningData, type GatedTests } from '@featuregates/testing';
import { featuregates } from './process';

// This suite runs once per configuration of `nx run e2e:matrix`, which passes each configuration
// in FEATUREGATES_CONFIG; a test runs only under the values it names and is skipped, with the
// reason in its name, under the others.

/**
 * requireGates over a catalog, untyped, for keys a release may remove: a requirement on a key the
 * catalog no longer holds skips with the reason (the reference controller then keeps the key's
 * retired value, as packages/tekton's retired-keys test holds), so such a release breaks neither
 * this file's compile nor its run.
 */
function heldGates(catalog: Registry): { requireGates(requirements: Record<string, boolean | string | readonly string[]>): GatedTests } {
  const untyped = gateTesting(catalog);
  return {
    requireGates(requirements) {
      const gone = Object.keys(requirements).filter((key) => key !== catalog.apiFieldsKey && !catalog.flags.some((flag) => flag.key === key));
      if (gone.length === 0) return untyped.requireGates(requirements);
      const reason = `skipped: a release removed ${gone.join(', ')}`;
      return { met: false, reason, it: (name) => it.skip(`${name} [${reason}]`, () => undefined), test: (name) => test.skip(`${name} [${reason}]`, () => undefined), describe: (name) => describe.skip(`${name} [${reason}]`, () => undefined) };
    },
  };
}
const { requireGates } = heldGates(tektonCatalog);

const running = runningData();
const dir = mkdtempSync(join(tmpdir(), 'fg-matrix-'));
const configFile = join(dir, 'feature-flags.json');
writeFileSync(configFile, JSON.stringify(running.data));

const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const check = (file: string) => featuregates(['check', file, '--config', configFile]);

const ENUM_TASK = write('enum-task.yaml', 'apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: e}\nspec:\n  params: [{name: p, type: string, enum: ["a", "b"]}]\n  steps: [{name: s, image: busybox}]\n');
const INLINE_TASKRUN = write('inline-taskrun.yaml', 'apiVersion: tekton.dev/v1\nkind: TaskRun\nmetadata: {name: r}\nspec:\n  taskSpec:\n    steps: [{name: s, image: busybox}]\n');

describe('the checker, under the running config', () => {
  requireGates({ 'enable-api-fields': ['beta', 'alpha'] }).it('admits the beta matrix example', () => {
    expect(check('examples/beta-pipeline-matrix.yaml').status).toBe(0);
  });

  requireGates({ 'enable-api-fields': 'stable' }).it('rejects the beta matrix example in Tekton\'s words', () => {
    const result = check('examples/beta-pipeline-matrix.yaml');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('matrix requires "enable-api-fields" feature gate to be "alpha" or "beta" but it is "stable"');
  });

  requireGates({ 'enable-param-enum': true }).it('admits enum params', () => {
    expect(check(ENUM_TASK).status).toBe(0);
  });

  requireGates({ 'enable-param-enum': false }).it('rejects enum params, naming the flag', () => {
    const result = check(ENUM_TASK);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('enable-param-enum');
  });

  requireGates({ 'disable-inline-spec': ['taskrun'] }).it('rejects a TaskRun\'s inline taskSpec', () => {
    const result = check(INLINE_TASKRUN);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('must not set the field(s): spec.taskSpec');
  });

  requireGates({ 'disable-inline-spec': [] }).it('admits a TaskRun\'s inline taskSpec', () => {
    expect(check(INLINE_TASKRUN).status).toBe(0);
  });
});

describe('the reference consumer, under the running config', () => {
  const reference = heldGates(referenceCatalog);
  const flags = createSwitches({ catalog: referenceCatalog, source: running.data, logger: { warn: () => undefined, error: () => undefined } }).snapshot();
  const input: PodInput = {
    taskRun: {
      metadata: { name: 'build', labels: { 'tekton.dev/pipelineRun': 'nightly' } },
      spec: { workspaces: [{ name: 'source', persistentVolumeClaim: { claimName: 'src' } }] },
    },
    taskSpec: { workspaces: [{ name: 'source' }], steps: [{ name: 'make', image: 'golang', command: ['make'], args: ['-C', '$(workspaces.source.path)'] }] },
    serviceAccountSecrets: [{ name: 'github', type: 'kubernetes.io/ssh-auth', annotations: { 'tekton.dev/git-0': 'github.com' } }],
  };
  const pod = podForTaskRun(input, flags);
  const step = pod.spec.containers[0];
  const assistant = pod.spec.affinity?.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels['app.kubernetes.io/instance'];

  reference.requireGates({ 'await-sidecar-readiness': true }).it('makes the first step wait for sidecars', () => {
    expect(step.args?.slice(0, 3)).toEqual(['-wait_file', '/tekton/downward/ready', '-wait_file_content']);
  });

  reference.requireGates({ 'await-sidecar-readiness': false }).it('starts the first step at once, without a Downward API volume', () => {
    expect(step.args?.[0]).toBe('-post_file');
    expect(pod.spec.volumes.some((volume) => volume.downwardAPI)).toBe(false);
  });

  reference.requireGates({ 'await-sidecar-readiness': true, 'running-in-environment-with-injected-sidecars': true }).it('holds a sidecar-less pod for injected sidecars', () => {
    expect(pod.metadata.annotations['tekton.dev/ready']).toBeUndefined();
  });

  reference.requireGates({ 'running-in-environment-with-injected-sidecars': false }).it('marks a sidecar-less pod ready at once', () => {
    expect(pod.metadata.annotations['tekton.dev/ready']).toBe('READY');
  });

  reference.requireGates({ 'set-security-context': true }).it('restricts the containers Tekton injects', () => {
    expect(pod.spec.initContainers[0].securityContext?.runAsNonRoot).toBe(true);
  });

  reference.requireGates({ 'set-security-context': false }).it('adds no security context', () => {
    expect(pod.spec.initContainers[0].securityContext).toBeUndefined();
  });

  reference.requireGates({ coschedule: 'workspaces' }).it('schedules beside the workspace\'s affinity assistant', () => {
    expect(assistant).toBe(affinityAssistantName('source', 'nightly'));
  });

  reference.requireGates({ coschedule: ['pipelineruns', 'isolate-pipelinerun'] }).it('schedules beside the PipelineRun\'s affinity assistant', () => {
    expect(assistant).toBe(affinityAssistantName('', 'nightly'));
  });

  reference.requireGates({ coschedule: 'disabled' }).it('schedules freely', () => {
    expect(pod.spec.affinity).toBeUndefined();
  });

  reference.requireGates({ 'disable-creds-init': false }).it('hands the service account\'s credentials to every step', () => {
    expect(step.args).toContain('-ssh-git=github=github.com');
  });

  reference.requireGates({ 'disable-creds-init': true }).it('hands no credentials to the steps', () => {
    expect(step.args?.some((arg) => arg.startsWith('-ssh-git'))).toBe(false);
  });

  reference.requireGates({ 'workspace-dir-rename': true }).it('mounts workspaces under /tekton-files', () => {
    expect(step.args).toContain('/tekton-files/source');
  });
});
