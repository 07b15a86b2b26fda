import type { Logger } from '../logger';
import type { WebhookMetrics } from '../metrics';
import type { CertificateStatus } from '../readiness';
import { CertificateManager, type ManagedCertificateStatus } from './certificate-manager';
import { issueCa, issueServing, type IssuedPair } from './issue';
import { kubernetesCertificateApi } from './kubernetes-certificate-api';
import { certificateSettings, DEFAULT_RESYNC_MS } from './settings';

const FIRST_SYNC_WAIT_MS = 10_000;

/** `tls: { selfManaged }`: the webhook makes, keeps and rotates its own certificates in a Secret. */
export interface SelfManagedCertificatesOptions {
  /** The namespace of the Service and the Secret. */
  namespace: string;
  /** The Service's name: certificates are for `<service>.<namespace>.svc`, `.svc.cluster.local` and localhost. */
  service: string;
  secretName: string;
  /** The ValidatingWebhookConfiguration whose every caBundle is kept. */
  webhookConfigurationName: string;
  /** The serving certificate's lifetime (7 days) and renewal margin (1 day), in ms. */
  validityMs?: number;
  renewBeforeMs?: number;
  /** The CA's lifetime, in ms (four serving lifetimes). */
  caValidityMs?: number;
  /** How often the Secret and caBundle are checked, in ms (60 s). */
  resyncMs?: number;
  /** A @kubernetes/client-node KubeConfig; the in-cluster config, or ~/.kube/config, when omitted. */
  kubeConfig?: object;
}

export interface SelfManagedCertificates {
  /** What the server listens with: the managed certificate, or a throwaway one (never trusted) until there is one. */
  initial: IssuedPair;
  /** From now on, certificates go to `setCertificate` and syncs run on the timer. */
  attach(setCertificate: (pair: IssuedPair) => void): void;
  readinessStatus(): CertificateStatus;
  status(): ManagedCertificateStatus;
  close(): Promise<void>;
}

/** Starts the manager: one sync before the server listens, then a sync every resync period. */
export async function startSelfManagedCertificates(options: SelfManagedCertificatesOptions, metrics: WebhookMetrics, logger: Logger): Promise<SelfManagedCertificates> {
  const settings = certificateSettings(options.validityMs, options.renewBeforeMs, options.caValidityMs);
  const api = await kubernetesCertificateApi(options);
  let setCertificate: ((pair: IssuedPair) => void) | undefined;
  let servingManaged = false;
  const manager = new CertificateManager(api, {
    ...options,
    settings,
    resyncMs: options.resyncMs ?? DEFAULT_RESYNC_MS,
    serve: (pair) => {
      servingManaged = true;
      setCertificate?.(pair);
      report();
      logger.info({ secret: `${options.namespace}/${options.secretName}`, notAfter: manager.status().serving?.notAfter }, 'serving certificate from the Secret');
    },
    rotated: (which) => metrics.certificateRotated(which),
    changed: (changes) => {
      report();
      logger.info({ secret: `${options.namespace}/${options.secretName}`, changes }, 'certificates written to the Secret');
    },
    caBundlePatched: () => logger.info({ validatingWebhookConfiguration: options.webhookConfigurationName }, 'caBundle set'),
    failed: (message) => logger.warn({ secret: `${options.namespace}/${options.secretName}`, validatingWebhookConfiguration: options.webhookConfigurationName, error: message }, 'certificate sync failed; retrying'),
  });
  function report(): void {
    const status = manager.status();
    metrics.certificateExpiries({ serving: status.serving?.notAfter, ca: status.ca?.notAfter, 'next-ca': status.nextCa?.notAfter, 'previous-ca': status.previousCa?.notAfter });
  }
  // The server listens after the first sync, or after FIRST_SYNC_WAIT_MS without one (it goes on in the background).
  await Promise.race([manager.sync().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_SYNC_WAIT_MS).unref())]);
  let initial = manager.current;
  if (!initial) {
    // Listening at once keeps /healthz answering while the API server is out of reach; /readyz says why it is not ready.
    const now = Date.now();
    initial = await issueServing(await issueCa('featuregates placeholder (not trusted)', now, settings.validityMs), manager.dnsNames, now, now + settings.validityMs);
  }
  return {
    initial,
    attach: (set) => {
      setCertificate = set;
      const latest = manager.current;
      if (latest && latest !== initial) set(latest);
      manager.start();
    },
    readinessStatus: () => {
      const status = manager.status();
      if (!servingManaged) return { loaded: false, error: `no certificate from the Secret ${status.secret} yet${status.error ? `: ${status.error}` : ''}` };
      return { loaded: true, notAfter: status.serving?.notAfter as string, caBundleMatches: status.caBundleMatches, ...(status.error ? { error: status.error } : {}) };
    },
    status: () => manager.status(),
    close: () => manager.close(),
  };
}
