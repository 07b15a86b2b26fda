import { request as httpsRequest, type Agent } from 'node:https';
import type { PeerCertificate, TLSSocket } from 'node:tls';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  /** The server certificate's SHA-256 fingerprint, as seen on this connection. */
  fingerprint: string;
}

export interface RequestOptions {
  method?: string;
  body?: string | Buffer | unknown;
  headers?: Record<string, string>;
  ca: string;
  agent?: Agent;
  /** The name the certificate must hold (and SNI), when it is not the URL's host. */
  servername?: string;
}

/** One HTTPS request to a test server, trusting only `ca`. */
export function send(url: string, options: RequestOptions): Promise<Reply> {
  const body = options.body === undefined || typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body);
  const headers = { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, ca: options.ca, ...(options.servername ? { servername: options.servername } : {}), ...(options.agent ? { agent: options.agent } : { agent: false }) }, (res) => {
      const chunks: Buffer[] = [];
      const certificate = (res.socket as TLSSocket).getPeerCertificate() as PeerCertificate;
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, fingerprint: certificate.fingerprint256 });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
