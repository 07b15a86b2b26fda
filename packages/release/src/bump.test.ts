import { bumpFor, highestBump } from './bump';
import { diffSnapshots } from './diff';
import { edit, feature, flag, release, widgets } from './test-support/widgets';

const base = release(widgets(), '1.0.0', '2027-01-04');
const bumps = (change: Parameters<typeof edit>[1]) =>
  Object.fromEntries(diffSnapshots(base, release(edit(widgets(), change), 'unreleased', '2027-02-01', base)).map((event) => [`${event.type} ${'feature' in event ? event.feature.name : 'flag' in event ? event.flag.key : ''}`.trim(), bumpFor(event)]));

describe('the bump the policy implies', () => {
  it('is minor for what adds or announces, and for alpha removals', () => {
    expect(
      bumps((d) => {
        d.features.push({ name: 'new', title: 'new', stability: 'alpha', description: 'n', uses: [], history: [] });
        feature(d, 'turbo').stability = 'beta';
        feature(d, 'fan-out').deprecated = { since: 'v2', message: 'goes' };
        d.features = d.features.filter((entry) => entry.name !== 'glow');
        d.flags.push({ key: 'new-flag', type: 'bool', default: false, stability: 'alpha', description: 'n', history: [] });
        flag(d, 'experimental-cache').default = true;
      }),
    ).toEqual({
      'feature-added new': 'minor',
      'feature-promoted turbo': 'minor',
      'feature-deprecated fan-out': 'minor',
      'feature-removed glow': 'minor',
      'flag-added new-flag': 'minor',
      'flag-default-changed experimental-cache': 'minor',
    });
  });

  it('is major for what can break a config or manifest that worked', () => {
    expect(
      bumps((d) => {
        d.features = d.features.filter((entry) => entry.name !== 'fan-out');
        feature(d, 'sprockets').stability = 'alpha';
        flag(d, 'old-style').default = false;
        d.flags = d.flags.filter((entry) => entry.key !== 'mode');
        d.tombstones.push({ key: 'mode', lastShipped: 'v1', removedIn: 'v2', note: 'n' });
        d.defaultLevel = 'stable';
      }),
    ).toEqual({
      'level-default-changed': 'major',
      'feature-removed fan-out': 'major',
      'feature-demoted sprockets': 'major',
      'flag-tombstoned mode': 'major',
      'flag-default-changed old-style': 'major',
    });
  });

  it('takes the highest of a release', () => {
    expect(highestBump(['minor', 'major', 'patch'])).toBe('major');
    expect(highestBump([])).toBe('patch');
  });
});
