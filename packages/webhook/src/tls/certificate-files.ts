import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { createPrivateKey, X509Certificate } from 'node:crypto';
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
  // An empty file makes no error in createSecureContext (it is taken as "no certificate" or "no
  // key"), so each half is parsed on its own first: an empty or garbled file is a bad pair here,
  // never a context that fails every handshake or a certificate that throws when read later.
  for (const [path, text, what] of [[certPath, pair.cert, 'certificate'], [keyPath, pair.key, 'private key']] as const) {
    if (text.trim() === '') throw new Error(`${path} is empty: it must hold a PEM ${what}`);
  }
  try {
    const leaf = new X509Certificate(pair.cert);
    if (!leaf.checkPrivateKey(createPrivateKey(pair.key))) throw new Error('the key is not the certificate\'s');
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
    // This runs from a file-watch timer: nothing may escape it and end the process.
    try {
      handlers.loaded(pair);
      last = pair;
    } catch (error) {
      handlers.failed(error as Error);
    }
  };
  const options = pollIntervalMs === undefined ? {} : { pollIntervalMs };
  const watches = [watchFile(certPath, reload, options), watchFile(keyPath, reload, options)];
  return { close: () => watches.forEach((watch) => watch.close()) };
}
