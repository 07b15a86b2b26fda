/** A Secret as the certificate manager reads and writes it (a structural slice of the Kubernetes type). */
export interface SecretObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  type?: string;
  data?: Record<string, string>;
}

/** The part of a ValidatingWebhookConfiguration whose caBundle fields the manager keeps. */
export interface WebhookConfigurationObject {
  metadata: { name: string; resourceVersion?: string };
  webhooks?: { name: string; clientConfig: { caBundle?: string } }[];
}

/** What the certificate manager needs of the API server: one Secret and one ValidatingWebhookConfiguration. */
export interface CertificateApi {
  /** The Secret, or undefined when there is none (404). */
  readSecret(): Promise<SecretObject | undefined>;
  /** Throws a `ConflictError` when the Secret already exists. */
  createSecret(secret: SecretObject): Promise<SecretObject>;
  /** Throws a `ConflictError` when `metadata.resourceVersion` is stale. */
  replaceSecret(secret: SecretObject): Promise<SecretObject>;
  readWebhookConfiguration(): Promise<WebhookConfigurationObject>;
  /** Throws a `ConflictError` when `metadata.resourceVersion` is stale. */
  replaceWebhookConfiguration(configuration: WebhookConfigurationObject): Promise<WebhookConfigurationObject>;
}

/** Someone else wrote first (HTTP 409): re-read and use what won. */
export class ConflictError extends Error {}

export const statusOf = (error: unknown): number | undefined => {
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  if (typeof code === 'number') return code;
  return typeof statusCode === 'number' ? statusCode : undefined;
};

/** One line for logs and /readyz: the HTTP status and the API server's message, without the response dump. */
export function apiErrorMessage(error: unknown): string {
  const status = statusOf(error);
  const body = (error as { body?: unknown }).body;
  let message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (typeof body === 'string') {
    try {
      message = (JSON.parse(body) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep the error's own first line
    }
  } else if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') message = (body as { message: string }).message;
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}
