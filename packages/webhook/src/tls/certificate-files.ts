import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { watchFile, type FileWatch } from '@featuregates/sources';

export interface CertificatePair {
  cert: string;
  key: string;
}

/** TLS 1.2 at least, for every context the server ever uses. */
export const MIN_TLS_VERSION = 'TLSv1.2';

/** When the leaf certificate of a PEM chain expires (ISO time). */
export function certificateExpiry(cert: string): string {
  return new Date(new X509Certificate(cert).validTo).toISOString();
}

/** Reads a certificate and key, and checks that they make a TLS context (parse, and the key matches). */
export function readCertificatePair(certPath: string, keyPath: string): CertificatePair {
  let pair: CertificatePair;
  try {
    pair = { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
  } catch (error) {
    throw new Error(`cannot read the TLS certificate or key: ${(error as Error).message}`);
  }
  try {
    createSecureContext({ ...pair, minVersion: MIN_TLS_VERSION });
  } catch (error) {
    throw new Error(`${certPath} and ${keyPath} are not a matching PEM certificate and key: ${(error as Error).message}`);
  }
  return pair;
}

export interface CertificateWatchHandlers {
  loaded(pair: CertificatePair): void;
  failed(error: Error): void;
}

/**
 * Reloads the pair when either file changes (a mounted Secret swaps both at once through its
 * `..data` symlink; files written one by one are seen as a mismatch first, then as a good pair).
 */
export function watchCertificateFiles(certPath: string, keyPath: string, current: CertificatePair, handlers: CertificateWatchHandlers, pollIntervalMs?: number): FileWatch {
  let last = current;
  const reload = () => {
    let pair: CertificatePair;
    try {
      pair = readCertificatePair(certPath, keyPath);
    } catch (error) {
      handlers.failed(error as Error);
      return;
    }
    if (pair.cert === last.cert && pair.key === last.key) return;
    last = pair;
    handlers.loaded(pair);
  };
  const options = pollIntervalMs === undefined ? {} : { pollIntervalMs };
  const watches = [watchFile(certPath, reload, options), watchFile(keyPath, reload, options)];
  return { close: () => watches.forEach((watch) => watch.close()) };
}
