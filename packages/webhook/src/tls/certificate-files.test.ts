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

  it('refuses empty, blank and unparsable certificates and keys as a bad pair, naming the file', () => {
    const bad: [Partial<{ cert: string; key: string }>, RegExp][] = [
      [{ cert: '' }, /tls\.crt is empty: it must hold a PEM certificate/],
      [{ key: '' }, /tls\.key is empty: it must hold a PEM private key/],
      [{ key: ' \n\n' }, /tls\.key is empty/],
      [{ cert: 'garbage' }, /are not a matching PEM certificate and key/],
      [{ key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' }, /are not a matching PEM certificate and key/],
      [{ cert: one.cert.slice(0, one.cert.length / 2) }, /are not a matching PEM certificate and key/],
    ];
    for (const [change, message] of bad) {
      const { certPath, keyPath } = files({ ...one, ...change });
      expect(() => readCertificatePair(certPath, keyPath)).toThrow(message);
    }
  });

  it('reports an empty certificate or key written during rotation, never loads it, and never throws from the watch', async () => {
    const { certPath, keyPath } = files(one);
    const loaded: CertificatePair[] = [];
    const failures: Error[] = [];
    const watch = watchCertificateFiles(certPath, keyPath, readCertificatePair(certPath, keyPath), { loaded: (pair) => loaded.push(pair), failed: (error) => failures.push(error) }, 50);
    try {
      writeFileSync(keyPath, '');
      await eventually(() => expect(failures.map((error) => error.message)).toContainEqual(expect.stringMatching(/tls\.key is empty/)));
      writeFileSync(keyPath, one.key);
      writeFileSync(certPath, '');
      await eventually(() => expect(failures.map((error) => error.message)).toContainEqual(expect.stringMatching(/tls\.crt is empty/)));
      expect(loaded).toEqual([]);
    } finally {
      watch.close();
    }
  });

  it('reports a loaded handler that throws as a failure rather than letting it escape the timer', async () => {
    const { certPath, keyPath } = files(one);
    const failures: Error[] = [];
    const watch = watchCertificateFiles(certPath, keyPath, readCertificatePair(certPath, keyPath), { loaded: () => { throw new Error('boom'); }, failed: (error) => failures.push(error) }, 50);
    try {
      writeFileSync(certPath, two.cert);
      writeFileSync(keyPath, two.key);
      await eventually(() => expect(failures.map((error) => error.message)).toContain('boom'));
    } finally {
      watch.close();
    }
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
