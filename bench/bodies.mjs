// The three AdmissionReview bodies the benchmark sends.
const review = (object) =>
  JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: '2f0a1c8e-5d43-4c2b-9a7e-0f6d3b1e9c21',
      kind: { group: 'tekton.dev', version: 'v1', kind: object.kind },
      resource: { group: 'tekton.dev', version: 'v1', resource: `${object.kind.toLowerCase()}s` },
      name: object.metadata.name,
      namespace: 'ci',
      operation: 'CREATE',
      userInfo: { username: 'system:serviceaccount:ci:pipeline', groups: ['system:serviceaccounts', 'system:authenticated'] },
      object,
      oldObject: null,
      dryRun: false,
      options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
    },
  });

const metadata = (name) => ({ name, namespace: 'ci', labels: { 'app.kubernetes.io/part-of': 'builds', team: 'platform' }, annotations: { 'tekton.dev/pipelines.minVersion': '0.50.0' } });

const step = (name, script) => ({ name, image: 'cgr.dev/chainguard/bash:latest', script, env: [{ name: 'HOME', value: '/tekton/home' }], computeResources: { requests: { cpu: '100m', memory: '128Mi' } } });

const smallTask = {
  apiVersion: 'tekton.dev/v1',
  kind: 'Task',
  metadata: metadata('hello'),
  spec: { params: [{ name: 'who', type: 'string', default: 'world' }], steps: [step('say', 'echo "hello $(params.who)"')] },
};

const pipelineTask = (i, embedded) => ({
  name: `task-${i}`,
  ...(embedded
    ? { taskSpec: { params: [{ name: 'revision', type: 'string' }], steps: [step('build', 'make build REV=$(params.revision)'), step('test', 'make test')], workspaces: [{ name: 'source' }] } }
    : { taskRef: { resolver: 'git', params: [{ name: 'url', value: 'https://github.com/tektoncd/catalog.git' }, { name: 'pathInRepo', value: `task/step-${i}/0.1/step.yaml` }] } }),
  params: [{ name: 'revision', value: '$(params.revision)' }],
  workspaces: [{ name: 'source', workspace: 'shared' }],
  runAfter: i > 0 ? [`task-${i - 1}`] : [],
});

const pipelineRun = (name, tasks, embedded) => ({
  apiVersion: 'tekton.dev/v1',
  kind: 'PipelineRun',
  metadata: metadata(name),
  spec: {
    params: [{ name: 'revision', value: 'main' }],
    pipelineSpec: {
      params: [{ name: 'revision', type: 'string' }],
      workspaces: [{ name: 'shared' }],
      tasks: Array.from({ length: tasks }, (_, i) => pipelineTask(i, embedded)),
      finally: [{ name: 'notify', taskRef: { name: 'send-to-slack' }, params: [{ name: 'message', value: 'done: $(tasks.status)' }] }],
    },
    workspaces: [{ name: 'shared', volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } }],
    taskRunTemplate: { serviceAccountName: 'pipeline', podTemplate: { securityContext: { runAsNonRoot: true, fsGroup: 65532 } } },
    timeouts: { pipeline: '1h0m0s' },
  },
});

// What most clusters see: a run of a Pipeline resolved from git, with params, a workspace, a pod template and per-task resources.
const typical = {
  apiVersion: 'tekton.dev/v1',
  kind: 'PipelineRun',
  metadata: { ...metadata('build-and-test-x7k2p'), generateName: 'build-and-test-' },
  spec: {
    pipelineRef: { resolver: 'git', params: [{ name: 'url', value: 'https://github.com/example/pipelines.git' }, { name: 'revision', value: 'main' }, { name: 'pathInRepo', value: 'pipelines/build-and-test.yaml' }] },
    params: [
      { name: 'repo-url', value: 'https://github.com/example/app.git' },
      { name: 'revision', value: '4f2c1e9b7a' },
      { name: 'image', value: 'registry.example.com/app:4f2c1e9b7a' },
      { name: 'platforms', value: ['linux/amd64', 'linux/arm64'] },
    ],
    workspaces: [
      { name: 'shared', volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } },
      { name: 'docker-credentials', secret: { secretName: 'registry-credentials' } },
    ],
    taskRunTemplate: { serviceAccountName: 'pipeline', podTemplate: { securityContext: { runAsNonRoot: true, fsGroup: 65532 }, nodeSelector: { 'kubernetes.io/arch': 'amd64' } } },
    taskRunSpecs: [{ pipelineTaskName: 'build', computeResources: { requests: { cpu: '2', memory: '4Gi' } } }],
    timeouts: { pipeline: '1h0m0s', tasks: '50m0s' },
  },
};

// An embedded pipeline of 8 tasks, each resolved from git, one with a matrix: 34 uses of beta features, 33 warnings.
const embedded = pipelineRun('build-and-test', 8, false);
embedded.spec.pipelineSpec.tasks[2].matrix = { params: [{ name: 'platform', value: ['linux/amd64', 'linux/arm64'] }] };

export const BODIES = [
  { name: 'small Task', body: review(smallTask) },
  { name: 'typical PipelineRun', body: review(typical) },
  { name: 'PipelineRun, 500 tasks with embedded specs', body: review(pipelineRun('huge', 500, true)) },
  { name: 'PipelineRun embedding 8 resolver tasks (34 gated uses)', body: review(embedded) },
];
