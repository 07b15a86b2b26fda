import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevCertificate } from '@featuregates/webhook';
import { MATRIX_PIPELINE, PLAIN_TASK } from './support/objects';
import { eventually, killAll, review, send, startServe, type Decision, type ServeProcess } from './support/webhook-process';

describe('featuregates serve: certificates and shutdown', () => {
  let server: ServeProcess | undefined;

  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
  });

  afterAll(() => killAll());

  it('--dev-cert writes a CA and a localhost certificate and prints the CA path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-dev-'));
    writeFileSync(join(dir, 'flags.yaml'), 'enable-api-fields: beta\n');
    server = await startServe(['--config', join(dir, 'flags.yaml'), '--dev-cert', join(dir, 'certs')]);
    expect(server.stdout[0]).toBe(`dev CA certificate (trust it to call the webhook): ${join(dir, 'certs', 'ca.pem')}`);
    expect(readdirSync(join(dir, 'certs')).sort()).toEqual(['ca.pem', 'tls.crt', 'tls.key']);
    const reply = await server.get('/healthz');
    expect(reply.status).toBe(200);
    expect(new X509Certificate(server.ca).ca).toBe(true);
    await expect(send(`${server.url}/healthz`, { ca: (await generateDevCertificate()).ca })).rejects.toThrow(/self-signed|unable to verify|certificate/);
  });

  it('serves new connections with rotated certificate files while an open connection keeps its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-rotate-'));
    const [first, second] = await Promise.all([generateDevCertificate(), generateDevCertificate()]);
    const certFile = join(dir, 'tls.crt');
    const keyFile = join(dir, 'tls.key');
    writeFileSync(certFile, first.cert);
    writeFileSync(keyFile, first.key);
    writeFileSync(join(dir, 'flags.yaml'), 'enable-api-fields: beta\n');
    server = await startServe(['--config', join(dir, 'flags.yaml'), '--tls-cert', certFile, '--tls-key', keyFile], { ca: first.ca });
    const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1, ca: [first.ca, second.ca] });
    try {
      expect((await send(`${server.url}/healthz`, { ca: first.ca, agent: keepAlive })).fingerprint).toBe(fingerprint(first.cert));
      // As a Secret update lands: new files written aside, then renamed over the old ones.
      writeFileSync(join(dir, '.tls.key'), second.key);
      writeFileSync(join(dir, '.tls.crt'), second.cert);
      renameSync(join(dir, '.tls.key'), keyFile);
      renameSync(join(dir, '.tls.crt'), certFile);
      await eventually(async () => expect((await send(`${server!.url}/healthz`, { ca: second.ca })).fingerprint).toBe(fingerprint(second.cert)));
      const reused = await send(`${server.url}/healthz`, { ca: first.ca, agent: keepAlive });
      expect(reused.status).toBe(200);
      expect(reused.fingerprint).toBe(fingerprint(first.cert));
      expect((await send(`${server.url}/metrics`, { ca: second.ca })).text).toMatch(/featuregates_certificate_reloads_total\{result="success"\} 2/);
    } finally {
      keepAlive.destroy();
    }
  });

  it('drains on SIGTERM: every request in flight is answered, then it exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-drain-'));
    writeFileSync(join(dir, 'flags.yaml'), 'enable-api-fields: stable\n');
    server = await startServe(['--config', join(dir, 'flags.yaml'), '--dev-cert', join(dir, 'certs')]);
    const { url, ca } = server;
    // Each request sends its headers and half its body, so the server holds it in flight until the rest comes.
    const inFlight = 24;
    const bodies = Array.from({ length: inFlight }, (_, i) => JSON.stringify(review(i % 2 === 0 ? MATRIX_PIPELINE : PLAIN_TASK)));
    const finishers: (() => void)[] = [];
    const answers = bodies.map(
      (body) =>
        new Promise<{ status: number; answer: Decision }>((resolve, reject) => {
          const bytes = Buffer.from(body);
          const req = request(`${url}/validate`, { method: 'POST', ca, agent: false, headers: { 'content-type': 'application/json', 'content-length': bytes.length } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, answer: (JSON.parse(Buffer.concat(chunks).toString()) as { response: Decision }).response }));
          });
          req.on('error', reject);
          req.write(bytes.subarray(0, bytes.length >> 1));
          finishers.push(() => req.end(bytes.subarray(bytes.length >> 1)));
        }),
    );
    await eventually(async () => {
      const metrics = (await send(`${url}/metrics`, { ca })).text;
      expect(Number(/featuregates_http_requests_in_flight (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(inFlight + 1);
    });
    server.child.kill('SIGTERM');
    await eventually(() => expect(server!.logs.some((line) => line.msg === 'draining')).toBe(true));
    await expect(send(`${url}/healthz`, { ca })).rejects.toThrow(/ECONNREFUSED/);
    for (const finish of finishers) finish();
    const results = await Promise.all(answers);
    expect(results.map((result) => result.status)).toEqual(bodies.map(() => 200));
    expect(results.map((result) => result.answer.allowed)).toEqual(bodies.map((_, i) => i % 2 !== 0));
    expect(await server.exited).toBe(0);
    expect(server.logs.at(-1)?.msg).toBe('stopped');
  });

  it('exits 1 with a reason when its certificate files are unusable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-badtls-'));
    writeFileSync(join(dir, 'flags.yaml'), 'enable-api-fields: beta\n');
    writeFileSync(join(dir, 'tls.crt'), 'garbage');
    writeFileSync(join(dir, 'tls.key'), 'garbage');
    await expect(startServe(['--config', join(dir, 'flags.yaml'), '--tls-cert', join(dir, 'tls.crt'), '--tls-key', join(dir, 'tls.key')], { ca: '' })).rejects.toThrow(
      /exited 1 before listening: featuregates: .*are not a matching PEM certificate and key/,
    );
  });
});
