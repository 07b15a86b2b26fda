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

  private readonly server: Server;
  /** One function per server rather than a closure per request: this runs on every request. */
  private readonly answered = (): void => {
    this.inFlight--;
  };

  private constructor(handler: RequestListener, certificate: CertificatePair) {
    // A request counts itself (a /metrics scrape included) before the handler runs; 'close' comes once, answered or aborted.
    this.server = createServer({ ...certificate, minVersion: MIN_TLS_VERSION }, (req, res) => {
      this.inFlight++;
      res.on('close', this.answered);
      handler(req, res);
    });
    // The API server gives a webhook at most 30 s; a request that takes longer is abandoned anyway.
    this.server.requestTimeout = 30_000;
    this.server.headersTimeout = 10_000;
  }

  static async listen(handler: RequestListener, options: ListenOptions): Promise<HttpsServer> {
    const https = new HttpsServer(handler, options.certificate);
    const { server } = https;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return https;
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
