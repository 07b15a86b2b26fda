import { X509Certificate } from 'node:crypto';
import { bundleTrusts, fromSecretData, toSecretData, type CertificateSet } from './certificate-set';
import { issueCa, issueServing } from './issue';
import { planCertificates, type Issuer, type PlanInput } from './plan';
import { certificateSettings, DAY_MS, parseDuration } from './settings';

const settings = certificateSettings();
const names = ['featuregates-webhook.featuregates.svc', 'featuregates-webhook.featuregates.svc.cluster.local'];
const issuer: Issuer = { ca: (now, validityMs) => issueCa('test CA', now, validityMs), serving: issueServing };
const T0 = Date.parse('2026-01-01T00:00:00Z');

const stored = (set: CertificateSet) => fromSecretData(toSecretData(set));
const plan = (input: Partial<PlanInput> & { now: number }) => planCertificates({ stored: undefined, settings, dnsNames: names, trusted: () => true, ...input }, issuer);
const notAfter = (pem: string) => Date.parse(new X509Certificate(pem).validTo);
const signedBy = (cert: string, ca: string) => new X509Certificate(cert).verify(new X509Certificate(ca).publicKey);

describe('planCertificates', () => {
  it('rotates a short-lived CA as soon as it has less than a serving lifetime left', async () => {
    const short = certificateSettings(20_000, 10_000, 30_000);
    const first = (await planCertificates({ stored: undefined, now: T0, settings: short, dnsNames: names, trusted: () => true }, issuer)).set;
    expect((await planCertificates({ stored: stored(first), now: T0 + 9_000, settings: short, dnsNames: names, trusted: () => true }, issuer)).changes).toEqual([]);
    const introduced = await planCertificates({ stored: stored(first), now: T0 + 10_001, settings: short, dnsNames: names, trusted: () => true }, issuer);
    expect(introduced.changes).toEqual(['introduced-next-ca', 'issued-serving']);
    const promoted = await planCertificates({ stored: stored(introduced.set), now: T0 + 15_002, settings: short, dnsNames: names, trusted: () => true }, issuer);
    expect(promoted.changes).toEqual(['promoted-next-ca', 'issued-serving']);
  });

  it('makes a CA and a serving certificate for both Service names when there is nothing', async () => {
    const { set, changes, caBundle } = await plan({ now: T0 });
    expect(changes).toEqual(['created-ca', 'issued-serving']);
    const serving = new X509Certificate(set.serving.cert);
    expect(names.map((name) => serving.checkHost(name))).toEqual(names);
    expect(signedBy(set.serving.cert, set.ca.cert)).toBe(true);
    expect(new X509Certificate(set.ca.cert).ca).toBe(true);
    expect(notAfter(set.serving.cert)).toBe(T0 + 7 * DAY_MS);
    expect(notAfter(set.ca.cert)).toBe(T0 + 28 * DAY_MS);
    expect(caBundle.trim()).toBe(set.ca.cert.trim());
  });

  it('keeps a good set as it is, and renews the serving certificate one day before it expires with the same CA', async () => {
    const first = (await plan({ now: T0 })).set;
    expect((await plan({ now: T0 + 5 * DAY_MS, stored: stored(first) })).changes).toEqual([]);
    const renewed = await plan({ now: T0 + 6 * DAY_MS + 1000, stored: stored(first) });
    expect(renewed.changes).toEqual(['issued-serving']);
    expect(renewed.set.ca).toEqual(first.ca);
    expect(notAfter(renewed.set.serving.cert)).toBe(T0 + 13 * DAY_MS + 1000);
  });

  it('reissues a serving certificate that names another Service, or whose key does not match', async () => {
    const first = (await plan({ now: T0 })).set;
    const renamed = await planCertificates({ stored: stored(first), now: T0, settings, dnsNames: ['other.featuregates.svc'], trusted: () => true }, issuer);
    expect(renamed.changes).toEqual(['issued-serving']);
    const mismatched = await plan({ now: T0, stored: stored({ ...first, serving: { cert: first.serving.cert, key: first.ca.key } }) });
    expect(mismatched.changes).toEqual(['issued-serving']);
  });

  it('rotates the CA in two steps with both CAs in caBundle, so no request fails', async () => {
    const first = (await plan({ now: T0 })).set;
    // A week before the CA expires a next CA joins caBundle, but does not sign yet.
    const introduced = await plan({ now: T0 + 21 * DAY_MS + 1000, stored: stored(first) });
    expect(introduced.changes).toContain('introduced-next-ca');
    const next = introduced.set.nextCa?.cert as string;
    expect(signedBy(introduced.set.serving.cert, first.ca.cert)).toBe(true);
    expect(bundleTrusts(introduced.caBundle, first.ca.cert) && bundleTrusts(introduced.caBundle, next)).toBe(true);

    // Not while caBundle does not trust it yet, nor before the overlap has passed.
    const later = T0 + 21 * DAY_MS + 1000 + settings.overlapMs + 1000;
    expect((await plan({ now: later, stored: stored(introduced.set), trusted: () => false })).changes).toEqual([]);
    expect((await plan({ now: T0 + 21 * DAY_MS + 2000, stored: stored(introduced.set) })).changes).toEqual([]);

    const promoted = await plan({ now: later, stored: stored(introduced.set) });
    expect(promoted.changes).toEqual(['promoted-next-ca', 'issued-serving']);
    expect(promoted.set.ca.cert).toBe(next);
    expect(promoted.set.previousCa).toBe(first.ca.cert);
    expect(signedBy(promoted.set.serving.cert, next)).toBe(true);
    // The old CA stays trusted for replicas that still serve its certificate, until it expires.
    expect(bundleTrusts(promoted.caBundle, introduced.set.serving.cert)).toBe(true);
    const expired = await plan({ now: T0 + 28 * DAY_MS + 1000, stored: stored(promoted.set) });
    expect(expired.changes).toContain('dropped-previous-ca');
    expect(bundleTrusts(expired.caBundle, first.ca.cert)).toBe(false);
  });

  it('does not reissue, sync after sync, a certificate that already ends with its CA', async () => {
    const first = (await plan({ now: T0 })).set;
    const tail = await plan({ now: T0 + 27 * DAY_MS + 1000, stored: stored(first), trusted: () => false });
    expect(tail.changes).toEqual(['introduced-next-ca', 'issued-serving']);
    expect(notAfter(tail.set.serving.cert)).toBe(T0 + 28 * DAY_MS);
    expect((await plan({ now: T0 + 27 * DAY_MS + 60_000, stored: stored(tail.set), trusted: () => false })).changes).toEqual([]);
  });

  it('starts a CA rotation when asked (a deleted Secret), keeping the serving certificate', async () => {
    const first = (await plan({ now: T0 })).set;
    const rotated = await plan({ now: T0 + DAY_MS, stored: stored(first), rotateCa: true });
    expect(rotated.changes).toEqual(['introduced-next-ca']);
    expect(rotated.set.serving).toEqual(first.serving);
  });

  it('starts over when the stored CA is unusable', async () => {
    const first = (await plan({ now: T0 })).set;
    const broken = await plan({ now: T0, stored: stored({ ...first, ca: { cert: first.ca.cert, key: first.serving.key } }) });
    expect(broken.changes).toEqual(['created-ca', 'issued-serving']);
    expect(broken.set.ca.cert).not.toBe(first.ca.cert);
  });
});

describe('certificate settings', () => {
  it('reads durations and derives the CA lifetime, its renewal margin and the overlap', () => {
    expect(['90s', '30m', '12h', '7d', '250ms'].map(parseDuration)).toEqual([90_000, 1_800_000, 43_200_000, 7 * DAY_MS, 250]);
    expect(() => parseDuration('7 days')).toThrow(/write a positive whole number and a unit/);
    expect(() => parseDuration('0s')).toThrow(/not a duration/);
    expect(certificateSettings(8000, 4000)).toEqual({ validityMs: 8000, renewBeforeMs: 4000, caValidityMs: 32000, caRenewBeforeMs: 8000, overlapMs: 2000 });
    expect(certificateSettings(8000, 4000, 12000).caValidityMs).toBe(12000);
    expect(() => certificateSettings(8000, 4000, 8000)).toThrow('the CA must outlive the certificates it signs: it lives 8s, they live 8s');
    expect(() => certificateSettings(DAY_MS, 36 * 3_600_000)).toThrow('a certificate renewed 36h before it expires must live at least twice that (it lives 1d)');
  });
});
