import { clipWarning } from '@featuregates/gates';
import type { AdmissionResponse } from './review';

/** Kubernetes shows every warning to the user; past this many, one line says how many more there are. */
export const MAX_WARNINGS = 20;

/** Warnings as sent: each clipped to 120 characters, at most MAX_WARNINGS plus a count of the rest. */
export function capWarnings(warnings: readonly string[]): string[] {
  const count = Math.min(warnings.length, MAX_WARNINGS);
  const shown: string[] = new Array(count);
  for (let i = 0; i < count; i++) shown[i] = clipWarning(warnings[i]);
  if (warnings.length > MAX_WARNINGS) shown.push(`…and ${warnings.length - MAX_WARNINGS} more warnings`);
  return shown;
}

export function allow(uid: string, warnings: readonly string[] = []): AdmissionResponse {
  return { uid, allowed: true, warnings: capWarnings(warnings) };
}

/**
 * A denial whose status message lists every violation, one `PATH: MESSAGE` a line. Code 400, as
 * Tekton's webhook answers, so kubectl shows `Error from server (BadRequest)`.
 */
export function deny(uid: string, violations: readonly string[], warnings: readonly string[] = [], code = 400): AdmissionResponse {
  return { uid, allowed: false, status: { code, reason: code === 400 ? 'BadRequest' : 'ServiceUnavailable', message: violations.join('\n') }, warnings: capWarnings(warnings) };
}
