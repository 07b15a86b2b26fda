/**
 * Every user-facing string of the release tooling's diff and policy, in one place so that the
 * wording is deliberate and testable. A policy message names what changed, the rule, and when it
 * would be allowed.
 */
import { monthsBetween } from './dates';
import type { Earliest, Notice, PolicyRule, PolicyViolation, ReleaseEvent } from './types';
import type { Window } from './windows';

/** One line per rule, for `release check --help` and the README. */
export const RULES: Readonly<Record<PolicyRule, string>> = {
  'removal-window': 'a beta or stable feature or flag is removed or changed incompatibly before its deprecation notice has stood 9 months (12 once it touches a v1 kind, or is a stable flag)',
  'alpha-warning': 'an alpha feature or flag is removed or changed incompatibly without one release of warning (a deprecation notice in an earlier release)',
  'default-window': 'a default (a behaviour flag\'s, or the level key\'s) flips before the same window has run since the flip was announced',
  'level-skip': 'a feature on a v1 kind skips a level (alpha → stable)',
  tombstone: 'a removed flag is not kept as a tombstone, or a tombstone is removed',
  demotion: 'a feature or flag is demoted (beta → alpha, stable → beta)',
  'new-feature-level': 'a new feature on a v1 kind does not start alpha',
  'release-dates': 'a release is dated before the one it follows, or a notice does not carry the date of the release that first shipped it',
  'stable-on-v1': 'a stable feature on a v1 kind is removed or changed incompatibly (only a new API version may do that)',
  'promised-date': 'a removalNotBefore or flipNotBefore promises users a date earlier than the policy allows',
};

export function earliestText(earliest: Earliest): string {
  return earliest.kind === 'date' ? earliest.date : 'any later release';
}

const months = (count: number): string => `${count} month${count === 1 ? '' : 's'}`;

function windowText(window: Window): string {
  return window.kind === 'release' ? 'one release of warning' : `${months(window.months)} because ${window.why}`;
}

export function alphaWithoutWarning(what: 'feature' | 'flag', name: string, change: string): string {
  return `alpha ${what} "${name}" ${change} without one release of warning: deprecate it in this release; it may go in any later release`;
}

export function tooEarly(what: 'feature' | 'flag', name: string, stability: string, change: string, window: Window, allowed: Earliest, notice: Notice | undefined, date: string): string {
  const when = earliestText(allowed);
  if (!notice) {
    return `${stability} ${what} "${name}" ${change} without a deprecation notice; the policy asks for ${windowText(window)}: deprecate it in this release, and the change is allowed from ${when}`;
  }
  return `${stability} ${what} "${name}" ${change} ${months(monthsBetween(notice.date, date))} after its deprecation notice of ${notice.date} (release ${notice.release}); the policy asks for ${windowText(window)}: allowed from ${when}`;
}

export function defaultTooEarly(key: string, from: string, to: string, window: Window, allowed: Earliest, notice: Notice | undefined, date: string, levelKey = false): string {
  const flip = `default of "${key}" flipped from "${from}" to "${to}"`;
  const when = earliestText(allowed);
  if (!notice) {
    return `${flip} without an announcement; the policy asks for ${windowText(window)}: announce it in this release (${levelKey ? `levelDefaultChange: { to: "${to}", since, message } in the catalog` : `defaultChange: { to: ${to}, since, message } on the flag`}), and the flip is allowed from ${when}`;
  }
  return `${flip} ${months(monthsBetween(notice.date, date))} after it was announced on ${notice.date} (release ${notice.release}); the policy asks for ${windowText(window)}: allowed from ${when}`;
}

export function demotion(what: 'feature' | 'flag', name: string, from: string, to: string, removal: Earliest | undefined): string {
  const instead = removal ? `deprecate it instead (then removal is allowed from ${earliestText(removal)})` : 'keep it, or remove it once its deprecation window has run';
  return `${what} "${name}" demoted from ${from} to ${to}: demotions are never allowed, they break users who turned it on at ${from}; ${instead}`;
}

export function newFeatureNotAlpha(name: string, stability: string, kind: string): string {
  return `new feature "${name}" added as ${stability} on v1 kind ${kind}: new features on a v1 kind start alpha; add it as alpha, then promote it one level per release`;
}

export function stableOnV1(name: string, change: string, kind: string): string {
  return `stable feature "${name}" ${change} on v1 kind ${kind}: a stable feature of a v1 API is never removed or changed incompatibly; keep it, and make the change in a new API version (v2)`;
}

export function releaseBeforePrevious(version: string, date: string, previous: string, previousDate: string): string {
  return `release ${version} is dated ${date}, before release ${previous} (${previousDate}): the policy counts its windows from release dates, so they never go back; date it ${previousDate} or later`;
}

export function noticeMisdated(version: string, subject: string, notice: Notice, expected: string | undefined, firstDate: string | undefined): string {
  const where = `release ${version}: the deprecation notice of ${subject} is dated ${notice.date}`;
  if (notice.release === 'catalog') return `${where}, after the first release (${firstDate}), yet claims to predate it: a notice is dated by the release that first shipped it`;
  if (expected === undefined) return `${where} and names release ${notice.release}, which is not among the releases: a notice is dated by the release that first shipped it`;
  return `${where}, but release ${notice.release}, which first shipped it, is dated ${expected}: a notice carries its release's date; restore it`;
}

export function levelSkip(name: string, from: string, to: string, skipped: string, kind: string): string {
  return `feature "${name}" promoted from ${from} to ${to} on v1 kind ${kind}, skipping ${skipped}: promote it to ${skipped} in this release; ${to} is allowed in any later release`;
}

export function notTombstoned(key: string): string {
  return `flag "${key}" removed without a tombstone: add a tombstone for "${key}" so that old ConfigMaps keep loading; allowed once it is tombstoned`;
}

export function featureNotTombstoned(name: string): string {
  return `feature "${name}" removed without a tombstone: its fields would be silently admitted; add it to removedFeatures (removedIn, note) so that a use is refused with "removed in RELEASE: NOTE"; allowed once it is tombstoned`;
}

export function featureTombstoneRemoved(name: string): string {
  return `removed feature "${name}" dropped from removedFeatures: feature tombstones are permanent, so that a use keeps being refused as removed; restore it (never allowed)`;
}

export function promisedTooEarly(subject: string, field: 'removalNotBefore' | 'flipNotBefore', promised: string, allowed: string, window: Window): string {
  return `${subject} promises ${field} ${promised}, but the policy allows it only from ${allowed} (${windowText(window)}): set ${field} to ${allowed} or later, or leave it out and the notes print the policy's date`;
}

export function tooEarlyPromised(what: 'feature' | 'flag', name: string, change: string, promised: string, date: string, field = 'removalNotBefore'): string {
  return `${what} "${name}" ${change} on ${date}, before the ${promised} its notice promised users (${field}): allowed from ${promised}`;
}

export function tombstoneRemoved(key: string): string {
  return `tombstone "${key}" removed: tombstones are permanent, so that old ConfigMaps keep loading; restore it (never allowed)`;
}

export function formatViolation(violation: PolicyViolation): string {
  return `[${violation.rule}] ${violation.message}`;
}

function own(flag: string | undefined): string {
  return flag ? `, own flag ${flag}` : '';
}

/** One line per event, for `release diff`. */
export function describeEvent(event: ReleaseEvent): string {
  switch (event.type) {
    case 'feature-added':
      return `feature added: ${event.feature.name} (${event.feature.stability}${own(event.feature.flag)})`;
    case 'feature-promoted':
      return `feature promoted: ${event.feature.name} ${event.from} → ${event.to}`;
    case 'feature-demoted':
      return `feature demoted: ${event.feature.name} ${event.from} → ${event.to}`;
    case 'feature-deprecated':
      return `feature deprecated: ${event.feature.name} (${event.feature.stability}): removal not before ${earliestText(event.removal)}`;
    case 'feature-deprecation-withdrawn':
      return `feature deprecation withdrawn: ${event.feature.name}`;
    case 'feature-changed': {
      const parts = [
        ...(event.addedPaths.length > 0 ? [`gates ${event.addedPaths.length} more path(s)`] : []),
        ...(event.removedPaths.length > 0 ? [`no longer gates ${event.removedPaths.join(', ')}`] : []),
        ...(event.flagFrom !== event.flagTo ? [`own flag ${event.flagFrom ?? 'none'} → ${event.flagTo ?? 'none'}`] : []),
      ];
      return `feature changed: ${event.feature.name}: ${parts.join('; ')}`;
    }
    case 'feature-removed':
      return `feature removed: ${event.feature.name} (was ${event.feature.stability}${own(event.feature.flag)}; no tombstone)`;
    case 'feature-tombstoned':
      return `feature removed: ${event.feature.name} (was ${event.feature.stability}${own(event.feature.flag)}; tombstone: removed in ${event.tombstone.removedIn})`;
    case 'feature-tombstone-removed':
      return `feature tombstone removed: ${event.key}`;
    case 'flag-default-announced':
      return `flag default change announced: ${event.flag.key} "${event.from}" → "${event.to}" not before ${earliestText(event.flip)}`;
    case 'flag-default-withdrawn':
      return `flag default change withdrawn: ${event.flag.key} stays "${event.flag.default}" (was to become "${event.to}")`;
    case 'level-default-withdrawn':
      return `level default change withdrawn: ${event.key} stays "${event.default}" (was to become "${event.to}")`;
    case 'flag-added':
      return `flag added: ${event.flag.key} (${event.flag.type}, default "${event.flag.default}", ${event.flag.stability})`;
    case 'flag-promoted':
      return `flag promoted: ${event.flag.key} ${event.from} → ${event.to}`;
    case 'flag-demoted':
      return `flag demoted: ${event.flag.key} ${event.from} → ${event.to}`;
    case 'flag-deprecated':
      return `flag deprecated: ${event.flag.key}: removal not before ${earliestText(event.removal)}`;
    case 'flag-value-deprecated':
      return `flag value deprecated: ${event.flag.key}="${event.value}": change not before ${earliestText(event.removal)}`;
    case 'flag-default-changed':
      return `flag default changed: ${event.flag.key} "${event.from}" → "${event.to}"`;
    case 'flag-values-changed':
      return `flag values changed: ${event.flag.key}${event.added.length > 0 ? ` added ${event.added.join(', ')}` : ''}${event.removed.length > 0 ? ` removed ${event.removed.join(', ')}` : ''}`;
    case 'flag-tombstoned':
      return `flag tombstoned: ${event.flag.key} (removed in ${event.tombstone.removedIn})`;
    case 'flag-removed':
      return `flag removed: ${event.flag.key} (no tombstone)`;
    case 'tombstone-removed':
      return `tombstone removed: ${event.key}`;
    case 'level-default-announced':
      return `level default change announced: ${event.key} "${event.from}" → "${event.to}" not before ${earliestText(event.removal)}`;
    case 'level-default-changed':
      return `level default changed: ${event.key} "${event.from}" → "${event.to}"`;
    case 'own-flag-rule-changed':
      return `own-flag rule changed: "${event.from}" → "${event.to}"`;
    case 'kind-added':
      return `API version added: ${event.kind} (${event.stability})`;
    case 'kind-removed':
      return `API version removed: ${event.kind} (was ${event.stability})`;
  }
}
