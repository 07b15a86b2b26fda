import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import { MIN_TLS_VERSION, type CertificatePair } from '../tls/certificate-files';

export interface ListenOptions {
  host: string;
  port: number;
  certificate: CertificatePair;
}

/**
 * The HTTPS server and its lifecycle: certificates swapped in for new connections without
 * dropping old ones, and a drain that lets every request in flight finish.
 */
export class HttpsServer {
  private inFlight = 0;
  private drained: Promise<void> | undefined;

  private constructor(private readonly server: Server) {
    // First in line, so a request counts itself (a /metrics scrape included) before any handler runs.
    server.prependListener('request', (_req, res) => {
      this.inFlight++;
      res.once('close', () => this.inFlight--);
    });
  }

  static async listen(handler: RequestListener, options: ListenOptions): Promise<HttpsServer> {
    const server = createServer({ ...options.certificate, minVersion: MIN_TLS_VERSION }, handler);
    // The API server gives a webhook at most 30 s; a request that takes longer is abandoned anyway.
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new HttpsServer(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  get draining(): boolean {
    return this.drained !== undefined;
  }

  /** New connections get the new certificate; connections already open keep theirs. */
  setCertificate(certificate: CertificatePair): void {
    this.server.setSecureContext({ ...certificate, minVersion: MIN_TLS_VERSION });
  }

  /**
   * Stops accepting connections, lets requests in flight finish, closes keep-alive connections
   * as they fall idle, and after `deadlineMs` closes whatever is left.
   */
  drain(deadlineMs: number): Promise<void> {
    this.drained ??= new Promise<void>((resolve) => {
      const closeIdle = setInterval(() => this.server.closeIdleConnections(), 25);
      const deadline = setTimeout(() => this.server.closeAllConnections(), deadlineMs);
      this.server.close(() => {
        clearInterval(closeIdle);
        clearTimeout(deadline);
        resolve();
      });
      this.server.closeIdleConnections();
    });
    return this.drained;
  }
}
