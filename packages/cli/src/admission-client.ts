import { randomUUID } from 'node:crypto';
import { request } from 'node:https';
import { kindOf } from '@featuregates/gates';

export interface AdmissionAnswer {
  uid: string;
  allowed: boolean;
  message?: string;
  warnings: string[];
}

function plural(kind: string): string {
  const lower = kind.toLowerCase();
  return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

/** An `admission.k8s.io/v1` AdmissionReview for one object, as the API server would send it. */
export function admissionReview(object: unknown, operation: string, oldObject?: unknown): { apiVersion: string; kind: string; request: Record<string, unknown> } {
  const gvk = kindOf(object) ?? { group: '', version: '', kind: '' };
  const metadata = (typeof object === 'object' && object !== null ? (object as { metadata?: { namespace?: unknown } }).metadata : undefined) ?? {};
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: randomUUID(),
      kind: gvk,
      resource: { group: gvk.group, version: gvk.version, resource: plural(gvk.kind) },
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : 'default',
      operation,
      userInfo: { username: 'featuregates-review' },
      object,
      oldObject: oldObject ?? null,
      dryRun: false,
    },
  };
}

/** POSTs a review to a running webhook over HTTPS and reads its answer. */
export function sendReview(url: URL, review: object, ca: Buffer | undefined, timeoutMs = 10_000): Promise<AdmissionAnswer> {
  const body = JSON.stringify(review);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', ca, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`${url.href} answered HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
          try {
            const response = (JSON.parse(text) as { response?: { uid?: unknown; allowed?: unknown; status?: { message?: unknown }; warnings?: unknown } }).response ?? {};
            resolve({
              uid: String(response.uid ?? ''),
              allowed: response.allowed === true,
              ...(typeof response.status?.message === 'string' ? { message: response.status.message } : {}),
              warnings: Array.isArray(response.warnings) ? response.warnings.map(String) : [],
            });
          } catch {
            reject(new Error(`${url.href} answered something that is not an AdmissionReview: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url.href} did not answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
