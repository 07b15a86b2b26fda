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

/** A Widget of the test catalog (test-support/catalog.ts) that uses its beta feature, `fan-out`. */
export const FAN_OUT_WIDGET = {
  apiVersion: 'example.dev/v1',
  kind: 'Widget',
  metadata: { name: 'm' },
  spec: { parts: [{ name: 'a', fanOut: { params: [{ name: 'x', value: ['1'] }] } }] },
};

/** A Widget that uses no gated field. */
export const PLAIN_WIDGET = { apiVersion: 'example.dev/v1', kind: 'Widget', metadata: { name: 't' }, spec: { parts: [{ name: 's' }] } };

/** The test catalog's feature-flags ConfigMap (its default name, in the namespace named after the catalog). */
export const featureFlags = (data: unknown) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'feature-flags', namespace: 'widgets' }, data });
