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

const typical = pipelineRun('build-and-test', 8, false);
typical.spec.pipelineSpec.tasks[2].matrix = { params: [{ name: 'platform', value: ['linux/amd64', 'linux/arm64'] }] };

export const BODIES = [
  { name: 'small Task', body: review(smallTask) },
  { name: 'typical PipelineRun', body: review(typical) },
  { name: 'PipelineRun, 500 tasks with embedded specs', body: review(pipelineRun('huge', 500, true)) },
];
