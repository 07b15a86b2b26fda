import { caBundleOf, notAfterOf, notBeforeOf, parsedCertificate, usableCa, usableServing, type CertificateSet, fromSecretData } from './certificate-set';
import { BACKDATE_MS, type IssuedPair } from './issue';
import type { CertificateSettings } from './settings';

export type CertificateChange = 'created-ca' | 'introduced-next-ca' | 'promoted-next-ca' | 'issued-serving' | 'dropped-previous-ca';

export interface PlanInput {
  /** What the Secret holds (decoded, unchecked), or what this replica served last when the Secret is gone. */
  stored: ReturnType<typeof fromSecretData> | undefined;
  now: number;
  settings: CertificateSettings;
  /** The serving certificate's DNS names. */
  dnsNames: readonly string[];
  /** Whether every caBundle of the ValidatingWebhookConfiguration already trusts this CA. */
  trusted(caPem: string): boolean;
  /** Start a CA rotation now (the Secret was deleted: whoever deleted it wants a new CA). */
  rotateCa?: boolean;
}

export interface Issuer {
  ca(now: number, validityMs: number): Promise<IssuedPair>;
  serving(ca: IssuedPair, dnsNames: readonly string[], now: number, notAfter: number): Promise<IssuedPair>;
}

export interface CertificatePlan {
  set: CertificateSet;
  /** Empty when the stored set is good as it is. */
  changes: CertificateChange[];
  caBundle: string;
}

/**
 * The certificate set the Secret should hold at `now`. The CA rotates in two steps so no request
 * fails: a next CA joins caBundle first; only once caBundle trusts it and `overlapMs` has passed
 * does it sign the serving certificate, and the old CA stays in caBundle until it expires, for
 * replicas still serving its certificate.
 */
export async function planCertificates(input: PlanInput, issuer: Issuer): Promise<CertificatePlan> {
  const { now, settings, dnsNames, stored } = input;
  const changes: CertificateChange[] = [];
  let ca = stored && usableCa(stored.ca, now);
  let nextCa = stored && usableCa(stored.nextCa, now);
  let previousCa = stored?.previousCa;
  let serving = stored && ca ? usableServing(stored.serving, ca, dnsNames, now) : undefined;

  if (!ca) {
    ca = await issuer.ca(now, settings.caValidityMs);
    nextCa = undefined;
    previousCa = undefined;
    serving = undefined;
    changes.push('created-ca');
  }
  const caEnd = notAfterOf(parsedCertificate(ca.cert)!);
  if (!nextCa && (input.rotateCa || caEnd - now < settings.caRenewBeforeMs)) {
    nextCa = await issuer.ca(now, settings.caValidityMs);
    changes.push('introduced-next-ca');
  } else if (nextCa && now - (notBeforeOf(parsedCertificate(nextCa.cert)!) + BACKDATE_MS) >= settings.overlapMs && input.trusted(nextCa.cert)) {
    previousCa = ca.cert;
    ca = nextCa;
    nextCa = undefined;
    serving = undefined;
    changes.push('promoted-next-ca');
  }

  const signerEnd = notAfterOf(parsedCertificate(ca.cert)!);
  const servingEnd = serving ? notAfterOf(parsedCertificate(serving.cert)!) : 0;
  // A certificate cannot outlive its CA; one that already ends with it is not renewed over and over.
  const renewedEnd = Math.min(now + settings.validityMs, signerEnd);
  if (!serving || (servingEnd - now < settings.renewBeforeMs && renewedEnd > servingEnd)) {
    serving = await issuer.serving(ca, dnsNames, now, renewedEnd);
    changes.push('issued-serving');
  }

  const previous = parsedCertificate(previousCa);
  if (previousCa && (!previous || notAfterOf(previous) <= now)) {
    previousCa = undefined;
    changes.push('dropped-previous-ca');
  }

  const set: CertificateSet = { ca, serving, ...(nextCa ? { nextCa } : {}), ...(previousCa ? { previousCa } : {}) };
  return { set, changes, caBundle: caBundleOf(set) };
}
