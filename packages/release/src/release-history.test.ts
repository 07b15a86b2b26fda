import { checkReleaseDates } from './release-history';
import { formatViolation } from './messages';
import { edit, feature, release, widgets } from './test-support/widgets';

const deprecated = edit(widgets(), (d) => void (feature(d, 'fan-out').deprecated = { since: 'v2', message: 'goes' }));

describe('release dates', () => {
  it('holds for releases in date order whose notices carry their release\'s date', () => {
    const first = release(widgets(), '1.0.0', '2027-01-04');
    const second = release(deprecated, '1.1.0', '2027-04-05', first);
    const third = release(deprecated, '1.2.0', '2027-06-01', second);
    expect(third.features['fan-out'].deprecated?.date).toBe('2027-04-05');
    expect(checkReleaseDates([first, second, third])).toEqual([]);
  });

  it('refuses a release dated before the one it follows, and says what date to use', () => {
    const first = release(widgets(), '1.0.0', '2027-01-04');
    const second = release(widgets(), '1.1.0', '2026-12-01', first);
    expect(checkReleaseDates([first, second]).map(formatViolation)).toEqual([
      '[release-dates] release 1.1.0 is dated 2026-12-01, before release 1.0.0 (2027-01-04): the policy counts its windows from release dates, so they never go back; date it 2027-01-04 or later',
    ]);
  });

  it('refuses a notice backdated inside a released snapshot, which would shorten its window', () => {
    const first = release(widgets(), '1.0.0', '2027-01-04');
    const second = release(deprecated, '1.1.0', '2027-04-05', first);
    const backdated = structuredClone(second);
    backdated.features['fan-out'].deprecated = { ...backdated.features['fan-out'].deprecated!, date: '2027-01-04' };
    expect(checkReleaseDates([first, backdated]).map(formatViolation)).toEqual([
      '[release-dates] release 1.1.0: the deprecation notice of feature "fan-out" is dated 2027-01-04, but release 1.1.0, which first shipped it, is dated 2027-04-05: a notice carries its release\'s date; restore it',
    ]);
  });

  it('refuses a notice naming a release that does not exist, or claiming to predate the first release', () => {
    const first = release(widgets(), '1.0.0', '2027-01-04');
    const ghost = structuredClone(release(deprecated, '1.1.0', '2027-04-05', first));
    ghost.features['fan-out'].deprecated = { ...ghost.features['fan-out'].deprecated!, release: '0.9.0' };
    const early = structuredClone(release(deprecated, '1.1.0', '2027-04-05', first));
    early.features['fan-out'].deprecated = { ...early.features['fan-out'].deprecated!, release: 'catalog' };
    expect(checkReleaseDates([first, ghost]).map((violation) => violation.message)).toEqual([
      expect.stringContaining('names release 0.9.0, which is not among the releases'),
    ]);
    expect(checkReleaseDates([first, early]).map((violation) => violation.message)).toEqual([
      expect.stringContaining('after the first release (2027-01-04), yet claims to predate it'),
    ]);
  });
});
