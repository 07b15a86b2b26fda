import { admissionReview, parseAdmissionReview } from './review';

const review = (request: unknown, extra: Record<string, unknown> = {}) => ({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request, ...extra });
const request = (fields: Record<string, unknown> = {}) => ({
  uid: 'u-1',
  kind: { group: 'tekton.dev', version: 'v1', kind: 'Task' },
  operation: 'CREATE',
  object: { apiVersion: 'tekton.dev/v1', kind: 'Task' },
  ...fields,
});

describe('parseAdmissionReview', () => {
  it('reads a CREATE', () => {
    const parsed = parseAdmissionReview(review(request({ name: 't', namespace: 'ns', oldObject: null })));
    expect(parsed).toEqual({
      ok: true,
      request: { uid: 'u-1', kind: { group: 'tekton.dev', version: 'v1', kind: 'Task' }, operation: 'CREATE', name: 't', namespace: 'ns', object: { apiVersion: 'tekton.dev/v1', kind: 'Task' }, oldObject: null },
    });
  });

  it('reads a DELETE without an object, and a status update', () => {
    expect(parseAdmissionReview(review(request({ operation: 'DELETE', object: null, oldObject: { a: 1 } }))).ok).toBe(true);
    const status = parseAdmissionReview(review(request({ operation: 'UPDATE', subResource: 'status', oldObject: {} })));
    expect(status.ok && status.request.subResource).toBe('status');
  });

  it.each([
    [null, 'the body must be a JSON object'],
    [[], 'the body must be a JSON object'],
    [{}, 'the body is empty'],
    [{ ...review(request()), apiVersion: 'admission.k8s.io/v1beta1' }, 'apiVersion must be "admission.k8s.io/v1", not "admission.k8s.io/v1beta1"'],
    [{ ...review(request()), kind: 'Review' }, 'kind must be "AdmissionReview"'],
    [review(undefined), 'the AdmissionReview has no request object'],
    [review('x'), 'the AdmissionReview has no request object'],
    [review(request({ uid: 7 })), 'request.uid must be a non-empty string'],
    [review(request({ uid: '' })), 'request.uid must be a non-empty string'],
    [review(request({ kind: 'Task' })), 'request.kind must be an object'],
    [review(request({ kind: { group: 1, version: 'v1', kind: 'Task' } })), 'request.kind must be an object {group, version, kind} of strings'],
    [review(request({ operation: 'PATCH' })), 'request.operation must be one of CREATE, UPDATE, DELETE, CONNECT'],
    [review(request({ subResource: 5 })), 'request.subResource, request.name and request.namespace must be strings'],
    [review(request({ object: 'text' })), 'request.object must be an object for CREATE'],
    [review(request({ operation: 'UPDATE', oldObject: [1] })), 'request.oldObject must be an object or null for UPDATE'],
  ])('refuses %j', (body, reason) => {
    const parsed = parseAdmissionReview(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });

  it('reads only own properties', () => {
    const body = JSON.parse('{"__proto__":{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"},"request":{}}');
    expect(parseAdmissionReview(body)).toEqual({ ok: false, reason: 'apiVersion must be "admission.k8s.io/v1", not null' });
  });

  it('wraps a response in an AdmissionReview', () => {
    expect(admissionReview({ uid: 'u', allowed: true, warnings: [] })).toEqual({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: 'u', allowed: true, warnings: [] } });
  });
});
