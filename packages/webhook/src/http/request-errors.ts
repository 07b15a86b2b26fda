/** The limit on AdmissionReview bodies; Kubernetes objects are at most 1.5 MiB in etcd, and an UPDATE carries two. */
export const BODY_LIMIT_BYTES = 3 * 1024 * 1024;

export interface ClientError {
  status: number;
  reason: string;
}

const clip = (text: string, length = 200): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * What body-parser's errors mean to a client: a status and a reason it can act on. Anything not
 * recognised as the client's fault is undefined (a 500, and a log line).
 */
export function clientError(error: unknown): ClientError | undefined {
  const { type, status, message, expose } = (error ?? {}) as { type?: unknown; status?: unknown; message?: unknown; expose?: unknown };
  switch (type) {
    case 'entity.too.large':
      return { status: 413, reason: `the request body is larger than ${BODY_LIMIT_BYTES / 1024 / 1024} MiB` };
    case 'entity.parse.failed':
      return { status: 400, reason: `malformed JSON: ${clip(String(message))}` };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { status: 415, reason: `${clip(String(message))}: send UTF-8 JSON` };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, reason: `incomplete request body: ${clip(String(message))}` };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, reason: expose ? clip(String(message)) : 'bad request' };
  return undefined;
}
