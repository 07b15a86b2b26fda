/** How long certificates live and when they are renewed, all in ms. */
export interface CertificateSettings {
  /** The serving certificate's lifetime. */
  validityMs: number;
  /** A serving certificate is renewed when it has less than this left. */
  renewBeforeMs: number;
  /** The CA's lifetime: four serving lifetimes unless set. */
  caValidityMs: number;
  /** A next CA is made (and added to caBundle) when the CA has less than this left: one serving lifetime. */
  caRenewBeforeMs: number;
  /** How long a next CA sits in caBundle before it signs anything: half the renewal margin. */
  overlapMs: number;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const DAY_MS = UNITS.d;

/** Like Knative's webhook: 7-day serving certificates, renewed one day before they expire. */
export const DEFAULT_VALIDITY_MS = 7 * DAY_MS;
export const DEFAULT_RENEW_BEFORE_MS = DAY_MS;
/** How often a replica re-reads its Secret and ValidatingWebhookConfiguration. */
export const DEFAULT_RESYNC_MS = 60_000;

/** `90s`, `30m`, `12h`, `7d`, `250ms`: a positive whole number and a unit. */
export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match || Number(match[1]) === 0) throw new Error(`"${text}" is not a duration: write a positive whole number and a unit (ms, s, m, h or d), e.g. 7d or 90s`);
  return Number(match[1]) * UNITS[match[2]];
}

/** The largest unit that writes `ms` as a whole number: 7d, 36h, 90s. */
export function formatDuration(ms: number): string {
  const unit = ['d', 'h', 'm', 's'].find((name) => ms % UNITS[name] === 0);
  return unit ? `${ms / UNITS[unit]}${unit}` : `${ms}ms`;
}

/** The CA's renewal margin and the overlap follow from the serving certificate's two settings; its lifetime too, unless given. */
export function certificateSettings(validityMs = DEFAULT_VALIDITY_MS, renewBeforeMs = DEFAULT_RENEW_BEFORE_MS, caValidityMs = 4 * validityMs): CertificateSettings {
  if (renewBeforeMs * 2 > validityMs) {
    throw new Error(
      `a certificate renewed ${formatDuration(renewBeforeMs)} before it expires must live at least twice that (it lives ${formatDuration(validityMs)}): shorten the renewal margin or lengthen the validity`,
    );
  }
  if (caValidityMs <= validityMs) {
    throw new Error(`the CA must outlive the certificates it signs: it lives ${formatDuration(caValidityMs)}, they live ${formatDuration(validityMs)}; lengthen the CA's validity (by default four times theirs)`);
  }
  return { validityMs, renewBeforeMs, caValidityMs, caRenewBeforeMs: validityMs, overlapMs: renewBeforeMs / 2 };
}
