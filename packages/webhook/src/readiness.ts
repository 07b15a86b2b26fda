import { clipMessage, type ConfigState } from '@featuregates/gates';

export interface CertificateStatus {
  loaded: boolean;
  notAfter?: string;
  /** Why the newest certificate files were not loaded, if they were not. */
  error?: string;
  /** Self-managed certificates only: whether every caBundle of the ValidatingWebhookConfiguration is known to trust the served certificate. */
  caBundleMatches?: boolean;
}

export interface Readiness {
  ready: boolean;
  /** Why it is not ready; empty when ready. */
  reasons: string[];
  config: { loaded: boolean; revision: number; loadedAt?: string; errors: string[] };
  certificate: CertificateStatus;
  draining: boolean;
}

/**
 * `/readyz`: ready when a good config and a certificate are loaded and the server is not
 * draining. A refused newer config is reported but does not make the webhook unready: it keeps
 * deciding with the last good config, and taking it out of its Service would block every
 * Tekton object in the cluster over a typo.
 */
export function readiness(state: ConfigState, certificate: CertificateStatus, draining: boolean): Readiness {
  const errors = state.errors.map((error) => clipMessage(error.message));
  const reasons: string[] = [];
  if (!state.config) reasons.push(`no valid feature-flags config${errors.length ? `: ${errors.join('; ')}` : ' has been read yet'}`);
  if (!certificate.loaded) reasons.push(`no TLS certificate${certificate.error ? `: ${certificate.error}` : ''}`);
  if (certificate.loaded && certificate.caBundleMatches === false) reasons.push('the caBundle of the ValidatingWebhookConfiguration is not yet known to trust the served certificate');
  if (draining) reasons.push('shutting down');
  const config: Readiness['config'] = { loaded: state.config !== undefined, revision: state.revision, errors };
  if (state.loadedAt) config.loadedAt = state.loadedAt;
  return { ready: reasons.length === 0, reasons, config, certificate, draining };
}
