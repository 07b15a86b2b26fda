import { randomBytes } from 'node:crypto';
import { apiErrorMessage, ConflictError, type CertificateApi, type SecretObject, type WebhookConfigurationObject } from './certificate-api';
import { bundleTrusts, fromSecretData, notAfterOf, parsedCertificate, toSecretData, type CertificateSet } from './certificate-set';
import { issueCa, issueServing, type IssuedPair } from './issue';
import { planCertificates, type CertificateChange, type Issuer } from './plan';
import type { CertificateSettings } from './settings';

export interface CertificateManagerOptions {
  namespace: string;
  service: string;
  secretName: string;
  webhookConfigurationName: string;
  settings: CertificateSettings;
  resyncMs: number;
  /** Where a served certificate changes, and what to tell about it. */
  serve(pair: IssuedPair): void;
  rotated?(which: 'serving' | 'ca'): void;
  changed?(changes: CertificateChange[], by: 'this replica'): void;
  caBundlePatched?(): void;
  failed?(message: string): void;
  now?: () => number;
  issuer?: Issuer;
}

/** What `/certificates` and `/readyz` show of the self-managed certificates. */
export interface ManagedCertificateStatus {
  secret: string;
  webhookConfiguration: string;
  dnsNames: string[];
  serving?: { notAfter: string; fingerprint256: string };
  ca?: { notAfter: string; subject: string };
  nextCa?: { notAfter: string };
  previousCa?: { notAfter: string };
  /** Every caBundle of the ValidatingWebhookConfiguration trusts the served certificate, as last read or written. */
  caBundleMatches: boolean;
  lastSyncAt?: string;
  /** The last sync's failure; cleared by the next good one. */
  error?: string;
}

const DEFAULT_ISSUER: Issuer = {
  // Each CA gets its own name: while two are in caBundle, TLS clients pick the issuer by name.
  ca: (now, validityMs) => issueCa(`featuregates webhook CA ${randomBytes(6).toString('hex')}`, now, validityMs),
  serving: issueServing,
};

const CONFLICT_ATTEMPTS = 4;
const FIRST_RETRY_MS = 250;
/** An attempt whose API calls have not answered by then counts as failed, so one hung request cannot stop every later sync. */
const ATTEMPT_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the API server did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const iso = (pem: string | undefined): string | undefined => {
  const certificate = parsedCertificate(pem);
  return certificate && new Date(notAfterOf(certificate)).toISOString();
};

const caBundlesOf = (configuration: WebhookConfigurationObject): string[] =>
  (configuration.webhooks ?? []).map((webhook) => Buffer.from(webhook.clientConfig.caBundle ?? '', 'base64').toString('utf8'));

/**
 * Keeps one Secret holding a CA and a serving certificate for the webhook's Service, the
 * ValidatingWebhookConfiguration's caBundle fields trusting it, and the HTTPS server serving it:
 * at start, every `resyncMs`, and at once after a conflict. Replicas race safely: the Secret is
 * created only if absent and updated only at the resourceVersion read, and a 409 means re-read
 * and use what won.
 */
export class CertificateManager {
  private served: CertificateSet | undefined;
  private readonly state: ManagedCertificateStatus;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failures = 0;
  private closed = false;
  readonly dnsNames: string[];

  constructor(
    private readonly api: CertificateApi,
    private readonly options: CertificateManagerOptions,
  ) {
    const { service, namespace } = options;
    // localhost too, so an installer can verify through `kubectl port-forward` with the CA from caBundle.
    this.dnsNames = [`${service}.${namespace}.svc`, `${service}.${namespace}.svc.cluster.local`, 'localhost'];
    this.state = { secret: `${namespace}/${options.secretName}`, webhookConfiguration: options.webhookConfigurationName, dnsNames: this.dnsNames, caBundleMatches: false };
  }

  /** The pair being served, once a sync has produced one. */
  get current(): IssuedPair | undefined {
    return this.served?.serving;
  }

  status(): ManagedCertificateStatus {
    return { ...this.state };
  }

  /** One sync now (joined with one already running); rejects with its failure. */
  sync(): Promise<void> {
    this.running ??= this.syncWithRetries().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Syncs on a timer from now on: every `resyncMs`, sooner after a failure. */
  start(): void {
    const tick = () => {
      if (this.closed) return;
      this.sync().then(
        () => {
          this.failures = 0;
          this.schedule(this.options.resyncMs, tick);
        },
        () => {
          this.failures++;
          this.schedule(Math.min(this.options.resyncMs, FIRST_RETRY_MS * 2 ** Math.min(this.failures, 10)), tick);
        },
      );
    };
    this.schedule(this.options.resyncMs, tick);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number, tick: () => void): void {
    if (this.closed) return;
    this.timer = setTimeout(tick, ms);
    this.timer.unref();
  }

  private async syncWithRetries(): Promise<void> {
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await withTimeout(this.attempt(), ATTEMPT_TIMEOUT_MS);
          break;
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt >= CONFLICT_ATTEMPTS) throw error;
        }
      }
      delete this.state.error;
      this.state.lastSyncAt = new Date(this.now()).toISOString();
    } catch (error) {
      this.state.error = apiErrorMessage(error);
      this.options.failed?.(this.state.error);
      throw error;
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async attempt(): Promise<void> {
    const { api, options } = this;
    const now = this.now();
    const secret = await api.readSecret();
    let configuration: WebhookConfigurationObject | undefined;
    let configurationError: unknown;
    try {
      configuration = await api.readWebhookConfiguration();
    } catch (error) {
      configurationError = error;
    }
    const bundles = configuration ? caBundlesOf(configuration) : [];
    const plan = await planCertificates(
      {
        // A deleted Secret is rebuilt from what this replica serves, so clients keep working while a new CA rotates in.
        stored: secret ? fromSecretData(secret.data) : this.served && fromSecretData(toSecretData(this.served)),
        now,
        settings: options.settings,
        dnsNames: this.dnsNames,
        trusted: (pem) => bundles.length > 0 && bundles.every((bundle) => bundleTrusts(bundle, pem)),
        rotateCa: !secret && this.served !== undefined,
      },
      options.issuer ?? DEFAULT_ISSUER,
    );
    if (!secret) await api.createSecret(this.newSecret(plan.set));
    else if (plan.changes.length > 0) await api.replaceSecret({ ...secret, data: toSecretData(plan.set) } as SecretObject);
    this.serve(plan.set);
    if (!secret || plan.changes.length > 0) options.changed?.(plan.changes, 'this replica');

    if (!configuration) throw configurationError;
    const wanted = Buffer.from(plan.caBundle, 'utf8').toString('base64');
    const webhooks = configuration.webhooks ?? [];
    if (webhooks.some((webhook) => webhook.clientConfig.caBundle !== wanted)) {
      for (const webhook of webhooks) webhook.clientConfig.caBundle = wanted;
      this.state.caBundleMatches = false;
      await api.replaceWebhookConfiguration(configuration);
      options.caBundlePatched?.();
    }
    this.state.caBundleMatches = webhooks.length > 0 && bundleTrusts(plan.caBundle, plan.set.serving.cert);
  }

  private newSecret(set: CertificateSet): SecretObject {
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: this.options.secretName, namespace: this.options.namespace, labels: { 'app.kubernetes.io/part-of': 'featuregates', 'app.kubernetes.io/managed-by': 'featuregates-webhook' } },
      type: 'kubernetes.io/tls',
      data: toSecretData(set),
    };
  }

  private serve(set: CertificateSet): void {
    const before = this.served;
    this.served = set;
    const servingCertificate = parsedCertificate(set.serving.cert);
    const ca = parsedCertificate(set.ca.cert);
    this.state.serving = { notAfter: iso(set.serving.cert) as string, fingerprint256: servingCertificate?.fingerprint256 ?? '' };
    this.state.ca = { notAfter: iso(set.ca.cert) as string, subject: ca?.subject ?? '' };
    if (set.nextCa) this.state.nextCa = { notAfter: iso(set.nextCa.cert) as string };
    else delete this.state.nextCa;
    const previous = iso(set.previousCa);
    if (previous) this.state.previousCa = { notAfter: previous };
    else delete this.state.previousCa;
    if (before?.serving.cert !== set.serving.cert) {
      this.options.serve(set.serving);
      if (before) this.options.rotated?.('serving');
    }
    if (before && before.ca.cert !== set.ca.cert) this.options.rotated?.('ca');
  }
}
