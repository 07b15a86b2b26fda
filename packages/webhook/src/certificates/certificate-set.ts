import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { IssuedPair } from './issue';

/** What the Secret holds: the CA that signs, the serving pair it signed, and the CAs on either side of a rotation. */
export interface CertificateSet {
  ca: IssuedPair;
  serving: IssuedPair;
  /** A CA already in caBundle that will sign the next serving certificate. */
  nextCa?: IssuedPair;
  /** The CA before the last rotation, kept in caBundle until it expires (its key is gone). */
  previousCa?: string;
}

/** Secret data keys (values base64, as in any Secret). `tls.crt`/`tls.key` make it a kubernetes.io/tls Secret. */
export const SECRET_KEYS = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  cert: 'tls.crt',
  key: 'tls.key',
  nextCaCert: 'next-ca.crt',
  nextCaKey: 'next-ca.key',
  previousCaCert: 'previous-ca.crt',
} as const;

const decode = (value: string | undefined): string | undefined => (value ? Buffer.from(value, 'base64').toString('utf8') : undefined);
const encode = (value: string): string => Buffer.from(value, 'utf8').toString('base64');

export function parsedCertificate(pem: string | undefined): X509Certificate | undefined {
  if (!pem) return undefined;
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

export const notAfterOf = (certificate: X509Certificate): number => Date.parse(certificate.validTo);
export const notBeforeOf = (certificate: X509Certificate): number => Date.parse(certificate.validFrom);

function keyMatches(certificate: X509Certificate, key: string): boolean {
  try {
    return certificate.checkPrivateKey(createPrivateKey(key));
  } catch {
    return false;
  }
}

/** A CA pair that still works at `now`: parses, is a CA, its key matches, not expired. */
export function usableCa(pair: Partial<IssuedPair>, now: number): IssuedPair | undefined {
  const certificate = parsedCertificate(pair.cert);
  if (!certificate || !pair.key || !certificate.ca || notAfterOf(certificate) <= now || !keyMatches(certificate, pair.key)) return undefined;
  return { cert: pair.cert as string, key: pair.key };
}

/** A serving pair that still works at `now` for every name, signed by `ca`. */
export function usableServing(pair: Partial<IssuedPair>, ca: IssuedPair, dnsNames: readonly string[], now: number): IssuedPair | undefined {
  const certificate = parsedCertificate(pair.cert);
  const authority = parsedCertificate(ca.cert);
  if (!certificate || !authority || !pair.key || notAfterOf(certificate) <= now || !keyMatches(certificate, pair.key)) return undefined;
  if (!certificate.verify(authority.publicKey) || !dnsNames.every((name) => certificate.checkHost(name, { wildcards: false }) === name)) return undefined;
  return { cert: pair.cert as string, key: pair.key };
}

/** The parts of a Secret's data, decoded; nothing is checked yet. */
export function fromSecretData(data: Record<string, string> | undefined): { ca: Partial<IssuedPair>; serving: Partial<IssuedPair>; nextCa: Partial<IssuedPair>; previousCa?: string } {
  const get = (key: string) => decode(data?.[key]);
  const previousCa = get(SECRET_KEYS.previousCaCert);
  return {
    ca: { cert: get(SECRET_KEYS.caCert), key: get(SECRET_KEYS.caKey) },
    serving: { cert: get(SECRET_KEYS.cert), key: get(SECRET_KEYS.key) },
    nextCa: { cert: get(SECRET_KEYS.nextCaCert), key: get(SECRET_KEYS.nextCaKey) },
    ...(previousCa ? { previousCa } : {}),
  };
}

export function toSecretData(set: CertificateSet): Record<string, string> {
  const data: Record<string, string> = {
    [SECRET_KEYS.caCert]: encode(set.ca.cert),
    [SECRET_KEYS.caKey]: encode(set.ca.key),
    [SECRET_KEYS.cert]: encode(set.serving.cert),
    [SECRET_KEYS.key]: encode(set.serving.key),
  };
  if (set.nextCa) {
    data[SECRET_KEYS.nextCaCert] = encode(set.nextCa.cert);
    data[SECRET_KEYS.nextCaKey] = encode(set.nextCa.key);
  }
  if (set.previousCa) data[SECRET_KEYS.previousCaCert] = encode(set.previousCa);
  return data;
}

const trimmed = (pem: string): string => `${pem.trim()}\n`;

/** The PEM caBundle: the signing CA, then the next one, then the previous one. */
export function caBundleOf(set: CertificateSet): string {
  return [set.ca.cert, set.nextCa?.cert, set.previousCa]
    .filter((pem): pem is string => pem !== undefined)
    .map(trimmed)
    .join('');
}

/** Whether a PEM bundle holds a CA that verifies `certificatePem` (a serving certificate or a CA itself). */
export function bundleTrusts(bundlePem: string, certificatePem: string): boolean {
  const certificate = parsedCertificate(certificatePem);
  if (!certificate) return false;
  const blocks = bundlePem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.some((block) => {
    const authority = parsedCertificate(block);
    return authority !== undefined && (authority.fingerprint256 === certificate.fingerprint256 || (certificate.checkIssued(authority) && certificate.verify(authority.publicKey)));
  });
}
