/** Tekton objects the e2e suites send, each using one gated feature (or none). */
export const PLAIN_TASK = { apiVersion: 'tekton.dev/v1', kind: 'Task', metadata: { name: 'plain' }, spec: { steps: [{ name: 's', image: 'busybox' }] } };

export const MATRIX_PIPELINE = {
  apiVersion: 'tekton.dev/v1',
  kind: 'Pipeline',
  metadata: { name: 'm' },
  spec: { tasks: [{ name: 'a', taskRef: { name: 't' }, matrix: { params: [{ name: 'x', value: ['1', '2'] }] } }] },
};

export const pipelineWithTasks = (count: number, withMatrix: boolean) => ({
  apiVersion: 'tekton.dev/v1',
  kind: 'Pipeline',
  metadata: { name: `p${count}` },
  spec: { tasks: Array.from({ length: count }, (_, i) => ({ name: `t${i}`, taskRef: { name: 'build' }, ...(withMatrix ? { matrix: { params: [{ name: 'x', value: ['1'] }] } } : {}) })) },
});

export const featureFlagsConfigMap = (data: unknown) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'feature-flags', namespace: 'tekton-pipelines' }, data });
