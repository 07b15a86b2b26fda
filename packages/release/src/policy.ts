import { compareStability, STABILITIES, type CompatibilityRules } from '@featuregates/gates';
import { diffSnapshots } from './diff';
import * as messages from './messages';
import { stableKindsOf } from './refs';
import type { Earliest, Notice, PolicyViolation, ReleaseEvent, Snapshot } from './types';
import { earliestAfter, featureWindow, flagWindow, levelWindow, type Window } from './windows';

/**
 * Whether an incompatible change may ship in `to` given the notice that `from` (a release users
 * have) carried: none → not yet, a window still running → not before its end.
 */
function windowCheck(notice: Notice | undefined, window: Window, to: Snapshot): { ok: true } | { ok: false; allowed: Earliest; notice?: Notice } {
  if (!notice) {
    // Announce it in this release: the change may follow once the window has run from today.
    return { ok: false, allowed: earliestAfter({ date: to.date }, window) };
  }
  const earliest = earliestAfter(notice, window);
  if (earliest.kind === 'next-release' || earliest.date <= to.date) return { ok: true };
  return { ok: false, allowed: earliest, notice };
}

/** Removing a feature or flag, or changing it incompatibly, before its window has run. */
function removalViolation(
  what: 'feature' | 'flag',
  subject: string,
  stability: Parameters<typeof messages.tooEarly>[3],
  change: string,
  window: Window,
  result: { allowed: Earliest; notice?: Notice },
  to: Snapshot,
): PolicyViolation {
  if (window.kind === 'release') {
    return { rule: 'alpha-warning', subject, message: messages.alphaWithoutWarning(what, subject, change), allowed: { kind: 'next-release' } };
  }
  return { rule: 'removal-window', subject, message: messages.tooEarly(what, subject, stability, change, window, result.allowed, result.notice, to.date), allowed: result.allowed };
}

/**
 * The compatibility policy (DESIGN.md) over the changes from a released snapshot to the next
 * release: every violation names its rule, what it is about, and when it would be allowed.
 */
export function checkPolicy(from: Snapshot, to: Snapshot, events: readonly ReleaseEvent[] = diffSnapshots(from, to), rules: CompatibilityRules = {}): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const newFeaturesStartAlpha = rules.newFeaturesStartAlpha ?? true;
  const stableNeedsNewApiVersion = rules.stableFeaturesNeedNewApiVersion ?? true;

  for (const event of events) {
    switch (event.type) {
      case 'feature-removed':
      case 'feature-tombstoned':
      case 'feature-changed': {
        if (event.type === 'feature-changed' && event.removedPaths.length === 0 && !event.flagFrom) break;
        const name = event.feature.name;
        const before = from.features[name];
        const change = event.type === 'feature-changed' ? 'changed incompatibly' : 'removed';
        if (event.type === 'feature-removed') violations.push({ rule: 'tombstone', subject: name, message: messages.featureNotTombstoned(name), allowed: { kind: 'once-fixed' } });
        const v1 = before.stability === 'stable' ? stableKindsOf(before, from, to) : [];
        if (stableNeedsNewApiVersion && v1.length > 0) {
          violations.push({ rule: 'stable-on-v1', subject: name, message: messages.stableOnV1(name, change, v1[0]), allowed: { kind: 'never' } });
          break;
        }
        const window = featureWindow(before, from, to);
        const result = windowCheck(before.deprecated, window, to);
        if (!result.ok) violations.push(removalViolation('feature', name, before.stability, change, window, result, to));
        else violations.push(...promiseBroken('feature', name, change, before.deprecated?.removalNotBefore, to));
        break;
      }
      case 'feature-tombstone-removed':
        violations.push({ rule: 'tombstone', subject: event.key, message: messages.featureTombstoneRemoved(event.key), allowed: { kind: 'never' } });
        break;
      case 'feature-added': {
        const added = to.features[event.feature.name];
        const v1 = added.stability === 'alpha' ? [] : stableKindsOf(added, to);
        if (newFeaturesStartAlpha && v1.length > 0) {
          violations.push({ rule: 'new-feature-level', subject: event.feature.name, message: messages.newFeatureNotAlpha(event.feature.name, added.stability, v1[0]), allowed: { kind: 'once-fixed' } });
        }
        break;
      }
      case 'feature-demoted':
      case 'flag-demoted': {
        const [what, subject] = event.type === 'feature-demoted' ? (['feature', event.feature.name] as const) : (['flag', event.flag.key] as const);
        const entry = event.type === 'feature-demoted' ? from.features[subject] : from.flags[subject];
        const window = event.type === 'feature-demoted' ? featureWindow(from.features[subject], from, to) : flagWindow(from.flags[subject]);
        const allowed = earliestAfter({ date: to.date }, window);
        violations.push({ rule: 'demotion', subject, message: messages.demotion(what, subject, event.from, event.to, entry.deprecated ? undefined : allowed), allowed: { kind: 'never' } });
        break;
      }
      case 'feature-promoted': {
        const skipped = STABILITIES.filter((level) => compareStability(level, event.from) > 0 && compareStability(level, event.to) < 0);
        const v1 = stableKindsOf(to.features[event.feature.name], from, to);
        if (skipped.length > 0 && v1.length > 0) {
          violations.push({ rule: 'level-skip', subject: event.feature.name, message: messages.levelSkip(event.feature.name, event.from, event.to, skipped[0], v1[0]), allowed: { kind: 'next-release' } });
        }
        break;
      }
      case 'flag-default-changed': {
        const before = from.flags[event.flag.key];
        const announced = before.defaultChange?.to === event.to ? before.defaultChange : undefined;
        const notice = announced ?? before.deprecatedValues?.find((entry) => entry.value === event.from) ?? before.deprecated;
        const window = flagWindow(before);
        const result = windowCheck(notice, window, to);
        if (result.ok) {
          violations.push(...promiseBroken('flag', event.flag.key, `default flipped to "${event.to}"`, announced?.flipNotBefore, to, 'default-window', 'flipNotBefore'));
          break;
        }
        violations.push({
          rule: 'default-window',
          subject: event.flag.key,
          message: messages.defaultTooEarly(event.flag.key, event.from, event.to, window, result.allowed, result.notice, to.date),
          allowed: result.allowed,
        });
        break;
      }
      case 'level-default-changed': {
        const notice = from.level.notice?.to === event.to ? from.level.notice : undefined;
        const window = levelWindow(from, to);
        const result = windowCheck(notice, window, to);
        if (result.ok) {
          violations.push(...promiseBroken('flag', event.key, `default flipped to "${event.to}"`, notice?.flipNotBefore, to, 'default-window', 'flipNotBefore'));
          break;
        }
        violations.push({
          rule: 'default-window',
          subject: event.key,
          message: messages.defaultTooEarly(event.key, event.from, event.to, window, result.allowed, result.notice, to.date, true),
          allowed: result.allowed,
        });
        break;
      }
      case 'flag-removed':
      case 'flag-tombstoned':
      case 'flag-values-changed': {
        const key = event.flag.key;
        const before = from.flags[key];
        if (event.type === 'flag-removed') {
          violations.push({ rule: 'tombstone', subject: key, message: messages.notTombstoned(key), allowed: { kind: 'once-fixed' } });
        }
        if (event.type === 'flag-values-changed' && event.removed.length === 0) break;
        const ownerNotice = before.feature ? from.features[before.feature]?.deprecated : undefined;
        const valueNotices = event.type === 'flag-values-changed' ? event.removed.map((value) => before.deprecatedValues?.find((entry) => entry.value === value)) : [];
        const notice =
          before.deprecated ??
          ownerNotice ??
          (valueNotices.length > 0 && valueNotices.every(Boolean)
            ? (valueNotices as Notice[]).reduce((latest, entry) => (entry.date > latest.date ? entry : latest))
            : undefined);
        // An own flag lives as long as its feature: it gets the feature's window.
        const owner = before.feature ? from.features[before.feature] : undefined;
        const ownerWindow = owner ? featureWindow(owner, from, to) : undefined;
        const window: Window =
          ownerWindow?.kind === 'months' ? { ...ownerWindow, why: `it is the own flag of feature "${before.feature}", which ${ownerWindow.why.replace(/^it /, '')}` } : (ownerWindow ?? flagWindow(before));
        const result = windowCheck(notice, window, to);
        if (result.ok) {
          if (event.type !== 'flag-values-changed') violations.push(...promiseBroken('flag', key, 'removed', before.deprecated?.removalNotBefore, to));
          break;
        }
        const change = event.type === 'flag-values-changed' ? `dropped value(s) ${event.removed.map((value) => `"${value}"`).join(', ')}` : 'removed';
        violations.push(removalViolation('flag', key, before.stability, change, window, result, to));
        break;
      }
      case 'tombstone-removed':
        violations.push({ rule: 'tombstone', subject: event.key, message: messages.tombstoneRemoved(event.key), allowed: { kind: 'never' } });
        break;
      default:
        break;
    }
  }
  violations.push(...falsePromises(from, to));
  return violations;
}

/** A change that the policy's window allows but that comes before the date its notice promised users. */
function promiseBroken(
  what: 'feature' | 'flag',
  name: string,
  change: string,
  promised: string | undefined,
  to: Snapshot,
  rule: 'removal-window' | 'default-window' = 'removal-window',
  field: 'removalNotBefore' | 'flipNotBefore' = 'removalNotBefore',
): PolicyViolation[] {
  if (!promised || promised <= to.date) return [];
  return [{ rule, subject: name, message: messages.tooEarlyPromised(what, name, change, promised, to.date, field), allowed: { kind: 'date', date: promised } }];
}

/** Every promised date in the tree's notices that the policy's window would not honour: what users read must be true. */
function falsePromises(from: Snapshot, to: Snapshot): PolicyViolation[] {
  const promises: { subject: string; name: string; field: 'removalNotBefore' | 'flipNotBefore'; promised?: string; notice: Notice; window: Window }[] = [];
  for (const [name, feature] of Object.entries(to.features)) {
    if (feature.deprecated) promises.push({ subject: `feature "${name}"`, name, field: 'removalNotBefore', promised: feature.deprecated.removalNotBefore, notice: feature.deprecated, window: featureWindow(feature, from, to) });
  }
  for (const [key, flag] of Object.entries(to.flags)) {
    if (flag.deprecated) promises.push({ subject: `flag "${key}"`, name: key, field: 'removalNotBefore', promised: flag.deprecated.removalNotBefore, notice: flag.deprecated, window: flagWindow(flag) });
    if (flag.defaultChange) promises.push({ subject: `the default change of flag "${key}"`, name: key, field: 'flipNotBefore', promised: flag.defaultChange.flipNotBefore, notice: flag.defaultChange, window: flagWindow(flag) });
  }
  if (to.level.notice) {
    promises.push({ subject: `the default change of "${to.level.key}"`, name: to.level.key, field: 'flipNotBefore', promised: to.level.notice.flipNotBefore, notice: to.level.notice, window: levelWindow(from, to) });
  }
  const violations: PolicyViolation[] = [];
  for (const { subject, name, field, promised, notice, window } of promises) {
    if (!promised) continue;
    const earliest = earliestAfter(notice, window);
    if (earliest.kind !== 'date' || promised >= earliest.date) continue;
    violations.push({ rule: 'promised-date', subject: name, message: messages.promisedTooEarly(subject, field, promised, earliest.date, window), allowed: { kind: 'once-fixed' } });
  }
  return violations;
}
