import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevCertificate {
  /** The CA certificate clients trust (PEM). */
  ca: string;
  cert: string;
  key: string;
}

export interface DevCertificateFiles {
  caPath: string;
  certPath: string;
  keyPath: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * A throwaway CA and a server certificate for localhost, 127.0.0.1 and ::1 signed by it (EC
 * P-256, 30 days). The CA's key is never written anywhere.
 */
export async function generateDevCertificate(commonName = 'featuregates dev CA'): Promise<DevCertificate> {
  // Loaded only when a certificate is made: its X.509 and ASN.1 modules cost more to load than
  // the rest of the webhook, and a reused or mounted certificate never needs them.
  const { generate } = await import('selfsigned');
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 30 * DAY_MS);
  const ca = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  return { ca: ca.cert, cert: server.cert, key: server.private };
}

export function devCertificatePaths(dir: string): DevCertificateFiles {
  return { caPath: join(dir, 'ca.pem'), certPath: join(dir, 'tls.crt'), keyPath: join(dir, 'tls.key') };
}

/** Files from an earlier run that still hold: the server certificate is signed by the CA, matches the key, names localhost and lives another day. */
function reusable(files: DevCertificateFiles): boolean {
  try {
    const ca = new X509Certificate(readFileSync(files.caPath));
    const cert = new X509Certificate(readFileSync(files.certPath));
    const key = createPrivateKey(readFileSync(files.keyPath));
    return cert.verify(ca.publicKey) && cert.checkPrivateKey(key) && LOCAL_NAMES.every((name) => (name.includes('.') || name.includes(':') ? cert.checkIP(name) : cert.checkHost(name))) && Date.parse(cert.validTo) > Date.now() + DAY_MS;
  } catch {
    return false;
  }
}

/** `--dev-cert DIR`: writes (or keeps) `ca.pem`, `tls.crt` and `tls.key` in DIR. */
export async function writeDevCertificate(dir: string): Promise<DevCertificateFiles & { reused: boolean }> {
  const files = devCertificatePaths(dir);
  if (reusable(files)) return { ...files, reused: true };
  mkdirSync(dir, { recursive: true });
  const generated = await generateDevCertificate();
  writeFileSync(files.caPath, generated.ca);
  writeFileSync(files.keyPath, generated.key, { mode: 0o600 });
  writeFileSync(files.certPath, generated.cert);
  return { ...files, reused: false };
}
