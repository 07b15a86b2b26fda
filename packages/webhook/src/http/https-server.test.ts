import { Agent, createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { send } from '../test-support/https-client';
import { generateDevCertificate, type DevCertificate } from '../tls/dev-certificate';
import { HttpsServer } from './https-server';

const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;

describe('HttpsServer', () => {
  let one: DevCertificate;
  let two: DevCertificate;
  beforeAll(async () => {
    [one, two] = await Promise.all([generateDevCertificate(), generateDevCertificate()]);
  });

  it('serves new connections with a swapped certificate while an open connection keeps working', async () => {
    const server = await HttpsServer.listen((_req, res) => res.end('ok'), { host: '127.0.0.1', port: 0, certificate: one });
    const url = `https://127.0.0.1:${server.port}/`;
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1, ca: [one.ca, two.ca] });
    try {
      expect((await send(url, { ca: one.ca, agent: keepAlive })).fingerprint).toBe(fingerprintOf(one.cert));
      server.setCertificate(two);
      expect((await send(url, { ca: two.ca })).fingerprint).toBe(fingerprintOf(two.cert));
      const reused = await send(url, { ca: one.ca, agent: keepAlive });
      expect(reused.text).toBe('ok');
      expect(reused.fingerprint).toBe(fingerprintOf(one.cert));
      await expect(send(url, { ca: one.ca })).rejects.toThrow();
    } finally {
      keepAlive.destroy();
      await server.drain(1000);
    }
  });

  it('drains: requests in flight finish, new connections are refused', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = await HttpsServer.listen(
      (req, res) => {
        if (req.url === '/slow') void held.then(() => res.end('slow done'));
        else res.end('fast');
      },
      { host: '127.0.0.1', port: 0, certificate: one },
    );
    const url = `https://127.0.0.1:${server.port}`;
    const slow = send(`${url}/slow`, { ca: one.ca });
    while (server.requestsInFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const drained = server.drain(5000);
    expect(server.draining).toBe(true);
    await expect(send(`${url}/fast`, { ca: one.ca })).rejects.toThrow(/ECONNREFUSED/);
    release();
    expect((await slow).text).toBe('slow done');
    await drained;
    expect(server.requestsInFlight).toBe(0);
  });
});

describe('HttpsServer TLS versions', () => {
  // OpenSSL 3 refuses TLS 1.1 at its default security level on both ends, so the client and the
  // control server lower it: the control proves this client can speak TLS 1.1 at all.
  const tls11 = (port: number, ca: string) =>
    new Promise<string>((resolve, reject) => {
      const req = request(`https://127.0.0.1:${port}/`, { ca, agent: false, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }, (res) => {
        res.resume();
        resolve((res.socket as TLSSocket).getProtocol() ?? '');
      });
      req.on('error', reject);
      req.end();
    });

  it('refuses TLS 1.1, which a permissive server accepts from the same client', async () => {
    const certificate = await generateDevCertificate();
    const permissive = createServer({ ...certificate, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' }, (_req, res) => res.end());
    await new Promise<void>((resolve) => permissive.listen(0, '127.0.0.1', resolve));
    const ours = await HttpsServer.listen((_req, res) => res.end(), { host: '127.0.0.1', port: 0, certificate });
    try {
      expect(await tls11((permissive.address() as AddressInfo).port, certificate.ca)).toBe('TLSv1.1');
      await expect(tls11(ours.port, certificate.ca)).rejects.toThrow(/version|protocol/i);
    } finally {
      permissive.close();
      await ours.drain(1000);
    }
  });
});
