import type { AdmissionRequest } from '../admission/review';

let next = 0;

/** An AdmissionRequest for an object, its kind taken from the object's apiVersion and kind. */
export function requestFor(object: Record<string, unknown>, fields: Partial<AdmissionRequest> = {}): AdmissionRequest {
  const [group, version] = String(object.apiVersion).includes('/') ? String(object.apiVersion).split('/') : ['', String(object.apiVersion)];
  return { uid: `uid-${++next}`, kind: { group, version, kind: String(object.kind) }, operation: 'CREATE', object, oldObject: null, ...fields };
}

/** The same request as an AdmissionReview body. */
export function reviewFor(object: Record<string, unknown>, fields: Partial<AdmissionRequest> = {}) {
  return { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: requestFor(object, fields) };
}

export const MATRIX_PIPELINE = {
  apiVersion: 'tekton.dev/v1',
  kind: 'Pipeline',
  metadata: { name: 'm' },
  spec: { tasks: [{ name: 'a', taskRef: { name: 't' }, matrix: { params: [{ name: 'x', value: ['1'] }] } }] },
};

export const PLAIN_TASK = { apiVersion: 'tekton.dev/v1', kind: 'Task', metadata: { name: 't' }, spec: { steps: [{ name: 's', image: 'busybox' }] } };

export const featureFlags = (data: unknown) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'feature-flags', namespace: 'tekton-pipelines' }, data });
