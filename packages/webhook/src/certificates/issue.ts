/** A PEM certificate and its PEM private key. */
export interface IssuedPair {
  cert: string;
  key: string;
}

/** Certificates start this long before they are made, so a peer whose clock lags still accepts them. */
export const BACKDATE_MS = 60_000;

// selfsigned (on @peculiar/x509, already the dev certificate's library) builds the X.509 and
// signs with WebCrypto; it is loaded only when a certificate is made, as it costs more to load than
// the rest of the webhook and a replica that finds a good Secret never needs it.
const library = () => import('selfsigned');

/** A CA (EC P-256) that may sign server certificates and nothing deeper. */
export async function issueCa(commonName: string, now: number, validityMs: number): Promise<IssuedPair> {
  const { generate } = await library();
  const made = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - BACKDATE_MS),
    notAfterDate: new Date(now + validityMs),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { cert: made.cert, key: made.private };
}

/** A server certificate for `dnsNames`, signed by `ca`, expiring at `notAfter` (ms since the epoch). */
export async function issueServing(ca: IssuedPair, dnsNames: readonly string[], now: number, notAfter: number): Promise<IssuedPair> {
  const { generate } = await library();
  const made = await generate([{ name: 'commonName', value: dnsNames[0] }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - BACKDATE_MS),
    notAfterDate: new Date(notAfter),
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: dnsNames.map((value) => ({ type: 2 as const, value })) },
    ],
  });
  return { cert: made.cert, key: made.private };
}
