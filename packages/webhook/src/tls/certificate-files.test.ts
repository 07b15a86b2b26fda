import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../test-support/eventually';
import { certificateExpiry, readCertificatePair, watchCertificateFiles, type CertificatePair } from './certificate-files';
import { generateDevCertificate, type DevCertificate } from './dev-certificate';

describe('certificate files', () => {
  let one: DevCertificate;
  let two: DevCertificate;
  beforeAll(async () => {
    [one, two] = await Promise.all([generateDevCertificate(), generateDevCertificate()]);
  });

  const files = (pair: { cert: string; key: string }) => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-certs-'));
    const certPath = join(dir, 'tls.crt');
    const keyPath = join(dir, 'tls.key');
    writeFileSync(certPath, pair.cert);
    writeFileSync(keyPath, pair.key);
    return { certPath, keyPath };
  };

  it('reads a matching pair and tells when it expires', () => {
    const { certPath, keyPath } = files(one);
    const pair = readCertificatePair(certPath, keyPath);
    expect(pair.cert).toBe(one.cert);
    expect(Date.parse(certificateExpiry(pair.cert))).toBeGreaterThan(Date.now());
  });

  it('refuses a key that does not match, and files that are not there', () => {
    const { certPath, keyPath } = files({ cert: one.cert, key: two.key });
    expect(() => readCertificatePair(certPath, keyPath)).toThrow(/are not a matching PEM certificate and key/);
    expect(() => readCertificatePair('/nonexistent/tls.crt', keyPath)).toThrow(/cannot read the TLS certificate or key/);
  });

  it('reloads on rotation, and reports a half-written pair without loading it', async () => {
    const { certPath, keyPath } = files(one);
    const loaded: CertificatePair[] = [];
    const failures: Error[] = [];
    const watch = watchCertificateFiles(certPath, keyPath, readCertificatePair(certPath, keyPath), { loaded: (pair) => loaded.push(pair), failed: (error) => failures.push(error) }, 50);
    try {
      writeFileSync(certPath, two.cert);
      await eventually(() => expect(failures.length).toBeGreaterThan(0));
      expect(loaded).toEqual([]);
      writeFileSync(keyPath, two.key);
      await eventually(() => expect(loaded).toEqual([{ cert: two.cert, key: two.key }]));
    } finally {
      watch.close();
    }
  });
});
