import { addMonths } from './dates';
import { stableKindsOf } from './refs';
import type { Earliest, FeatureEntry, FlagEntry, Notice, Snapshot } from './types';

/**
 * How long a notice must stand before an incompatible change (DESIGN.md "Compatibility policy"):
 * alpha: one release of warning; beta: 9 months; 12 months once the thing touches a v1 kind.
 */
export type Window = { kind: 'release' } | { kind: 'months'; months: number; why: string };

export const BETA_MONTHS = 9;
export const V1_MONTHS = 12;

export function featureWindow(entry: FeatureEntry, ...snapshots: Snapshot[]): Window {
  if (entry.stability === 'alpha') return { kind: 'release' };
  const v1 = stableKindsOf(entry, ...snapshots);
  return v1.length > 0
    ? { kind: 'months', months: V1_MONTHS, why: `it gates v1 kind ${v1[0]}` }
    : { kind: 'months', months: BETA_MONTHS, why: `it is ${entry.stability}` };
}

/** A behaviour flag has no kind: a stable flag gets the v1 window, a beta one the beta window. */
export function flagWindow(entry: FlagEntry): Window {
  if (entry.stability === 'alpha') return { kind: 'release' };
  return entry.stability === 'stable'
    ? { kind: 'months', months: V1_MONTHS, why: 'it is a stable flag' }
    : { kind: 'months', months: BETA_MONTHS, why: 'it is a beta flag' };
}

/** The level key's default governs every kind: 12 months when any kind is v1. */
export function levelWindow(...snapshots: Snapshot[]): Window {
  const v1 = snapshots.some((snapshot) => Object.values(snapshot.kinds).some((kind) => kind.stability === 'stable'));
  return v1 ? { kind: 'months', months: V1_MONTHS, why: 'the catalog has v1 kinds' } : { kind: 'months', months: BETA_MONTHS, why: 'the catalog has no v1 kind' };
}

/** The earliest an incompatible change may ship after a notice. */
export function earliestAfter(notice: Pick<Notice, 'date'>, window: Window): Earliest {
  return window.kind === 'release' ? { kind: 'next-release' } : { kind: 'date', date: addMonths(notice.date, window.months) };
}
