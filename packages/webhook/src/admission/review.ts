import type { GroupVersionKind, Operation } from '@featuregates/gates';

export const ADMISSION_API_VERSION = 'admission.k8s.io/v1';

/** The parts of an `admission.k8s.io/v1` AdmissionRequest that decisions and logs use. */
export interface AdmissionRequest {
  uid: string;
  kind: GroupVersionKind;
  operation: Operation;
  subResource?: string;
  name?: string;
  namespace?: string;
  object: unknown;
  oldObject: unknown;
}

export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: { code: number; reason?: string; message: string };
  warnings: string[];
}

export type ParsedReview = { ok: true; request: AdmissionRequest } | { ok: false; reason: string };

const OPERATIONS: readonly string[] = ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'];
const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (record: Record<string, unknown>, key: string): unknown => (hasOwn(record, key) ? record[key] : undefined);
const fail = (reason: string): ParsedReview => ({ ok: false, reason });

/**
 * Checks that a parsed body is an AdmissionReview v1 with a usable request, reading only own
 * properties; every refusal says which field is wrong and what was expected.
 */
export function parseAdmissionReview(body: unknown): ParsedReview {
  if (!isRecord(body)) return fail('the body must be a JSON object: an admission.k8s.io/v1 AdmissionReview');
  // body-parser turns an empty body into {}.
  if (Object.keys(body).length === 0) return fail('the body is empty: send an admission.k8s.io/v1 AdmissionReview');
  const apiVersion = own(body, 'apiVersion');
  if (apiVersion !== ADMISSION_API_VERSION) return fail(`apiVersion must be "${ADMISSION_API_VERSION}", not ${JSON.stringify(apiVersion ?? null)}`);
  if (own(body, 'kind') !== 'AdmissionReview') return fail(`kind must be "AdmissionReview", not ${JSON.stringify(own(body, 'kind') ?? null)}`);
  const request = own(body, 'request');
  if (!isRecord(request)) return fail('the AdmissionReview has no request object');

  const uid = own(request, 'uid');
  if (typeof uid !== 'string' || uid === '' || uid.length > 256) return fail('request.uid must be a non-empty string of at most 256 characters');
  const kind = own(request, 'kind');
  if (!isRecord(kind)) return fail('request.kind must be an object {group, version, kind}');
  const group = own(kind, 'group') ?? '';
  const version = own(kind, 'version');
  const kindName = own(kind, 'kind');
  if (typeof group !== 'string' || typeof version !== 'string' || typeof kindName !== 'string' || version === '' || kindName === '') {
    return fail('request.kind must be an object {group, version, kind} of strings, with version and kind not empty');
  }
  const operation = own(request, 'operation');
  if (typeof operation !== 'string' || !OPERATIONS.includes(operation)) return fail(`request.operation must be one of ${OPERATIONS.join(', ')}`);

  const optionalString = (key: string): string | undefined | false => {
    const value = own(request, key);
    if (value === undefined || value === null || value === '') return undefined;
    return typeof value === 'string' ? value : false;
  };
  const subResource = optionalString('subResource');
  const name = optionalString('name');
  const namespace = optionalString('namespace');
  if (subResource === false || name === false || namespace === false) return fail('request.subResource, request.name and request.namespace must be strings when set');

  const object = own(request, 'object') ?? null;
  const oldObject = own(request, 'oldObject') ?? null;
  if ((operation === 'CREATE' || operation === 'UPDATE') && !isRecord(object)) return fail(`request.object must be an object for ${operation}`);
  if (operation === 'UPDATE' && oldObject !== null && !isRecord(oldObject)) return fail('request.oldObject must be an object or null for UPDATE');

  const parsed: AdmissionRequest = { uid, kind: { group, version, kind: kindName }, operation: operation as Operation, object, oldObject };
  if (subResource) parsed.subResource = subResource;
  if (name) parsed.name = name;
  if (namespace) parsed.namespace = namespace;
  return { ok: true, request: parsed };
}

/** The AdmissionReview the API server expects back. */
export function admissionReview(response: AdmissionResponse): { apiVersion: string; kind: 'AdmissionReview'; response: AdmissionResponse } {
  return { apiVersion: ADMISSION_API_VERSION, kind: 'AdmissionReview', response };
}
