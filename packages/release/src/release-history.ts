import * as messages from './messages';
import type { Notice, PolicyViolation, Snapshot } from './types';

/** Every deprecation notice a snapshot carries, with what it is about. */
function noticesOf(snapshot: Snapshot): { subject: string; notice: Notice }[] {
  const notices: { subject: string; notice: Notice }[] = [];
  for (const [name, feature] of Object.entries(snapshot.features)) if (feature.deprecated) notices.push({ subject: `feature "${name}"`, notice: feature.deprecated });
  for (const [key, flag] of Object.entries(snapshot.flags)) {
    if (flag.deprecated) notices.push({ subject: `flag "${key}"`, notice: flag.deprecated });
    for (const value of flag.deprecatedValues ?? []) notices.push({ subject: `value "${value.value}" of flag "${key}"`, notice: value });
  }
  if (snapshot.level.notice) notices.push({ subject: `the default of "${snapshot.level.key}"`, notice: snapshot.level.notice });
  return notices;
}

/**
 * The dates the policy counts its windows from, checked across releases (oldest first, the
 * working tree last if given): a release is never dated before the one it follows, and a notice
 * carries the date of the release that first shipped it, so no notice can be backdated.
 */
export function checkReleaseDates(snapshots: readonly Snapshot[]): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const dateOf = new Map(snapshots.map((snapshot) => [snapshot.version, snapshot.date]));
  const first = snapshots[0];
  // A wrong notice is carried into every later snapshot: report it where it first appears.
  const reported = new Set<string>();
  snapshots.forEach((snapshot, index) => {
    const previous = snapshots[index - 1];
    if (previous && snapshot.date < previous.date) {
      violations.push({ rule: 'release-dates', subject: snapshot.version, message: messages.releaseBeforePrevious(snapshot.version, snapshot.date, previous.version, previous.date), allowed: { kind: 'once-fixed' } });
    }
    for (const { subject, notice } of noticesOf(snapshot)) {
      const expected = notice.release === 'catalog' ? undefined : dateOf.get(notice.release);
      const wrong =
        notice.release === 'catalog'
          ? first !== undefined && notice.date > first.date
          : expected === undefined || expected !== notice.date;
      const id = `${subject}\u0000${notice.release}\u0000${notice.date}`;
      if (wrong && !reported.has(id)) {
        reported.add(id);
        violations.push({ rule: 'release-dates', subject: snapshot.version, message: messages.noticeMisdated(snapshot.version, subject, notice, expected, first?.date), allowed: { kind: 'once-fixed' } });
      }
    }
  });
  return violations;
}
