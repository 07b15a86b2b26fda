import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevCertificate, writeDevCertificate } from './dev-certificate';

describe('dev certificates', () => {
  it('signs a localhost server certificate with a throwaway CA', async () => {
    const { ca, cert } = await generateDevCertificate();
    const authority = new X509Certificate(ca);
    const server = new X509Certificate(cert);
    expect(authority.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(authority.publicKey)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBe('::1');
  });

  it('writes ca.pem, tls.crt and tls.key (private), and keeps them on the next run', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'fg-dev-cert-')), 'certs');
    const first = await writeDevCertificate(dir);
    expect(first.reused).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['ca.pem', 'tls.crt', 'tls.key']);
    expect(statSync(first.keyPath).mode & 0o077).toBe(0);
    expect((await writeDevCertificate(dir)).reused).toBe(true);
    writeFileSync(first.caPath, (await generateDevCertificate('another CA')).ca);
    expect((await writeDevCertificate(dir)).reused).toBe(false);
  });
});
