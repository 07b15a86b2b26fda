import { diffSnapshots } from './diff';
import { entryText } from './entries';
import { bumpShortfall, bumpVersion, changelogSection, datedChangelog, describeShortfall, unrecordedInChangelog } from './version-bump';
import { edit, feature, release, widgets } from './test-support/widgets';

const first = release(widgets(), '1.0.0', '2027-01-04');
const promotedTurbo = release(edit(widgets(), (d) => void (feature(d, 'turbo').stability = 'beta')), 'unreleased', '2027-02-01', first);
const removedFanOut = release(edit(widgets(), (d) => void (d.features = d.features.filter((entry) => entry.name !== 'fan-out'))), 'unreleased', '2027-02-01', first);

describe('the version a release needs', () => {
  it('bumps versions as changesets does', () => {
    expect([bumpVersion('1.2.3', 'patch'), bumpVersion('1.2.3', 'minor'), bumpVersion('1.2.3', 'major'), bumpVersion('0.3.1', 'major')]).toEqual(['1.2.4', '1.3.0', '2.0.0', '1.0.0']);
  });

  it('refuses a patch for a change the policy calls major, naming the change and the least version', () => {
    const events = diffSnapshots(first, removedFanOut);
    const shortfall = bumpShortfall('1.0.0', '1.0.1', events);
    expect(shortfall).toMatchObject({ needed: 'major', atLeast: '2.0.0' });
    expect(describeShortfall('1.0.1', '1.0.0', shortfall!)).toBe('version 1.0.1 is too low: the changes since 1.0.0 call for a major bump (fan-out), so at least 2.0.0');
    expect(bumpShortfall('1.0.0', '2.0.0', events)).toBeUndefined();
  });

  it('lets a minor change ship as a minor or anything higher, and no change as anything', () => {
    const events = diffSnapshots(first, promotedTurbo);
    expect(bumpShortfall('1.0.0', '1.0.1', events)?.atLeast).toBe('1.1.0');
    expect(bumpShortfall('1.0.0', '1.1.0', events)).toBeUndefined();
    expect(bumpShortfall('1.0.0', '1.0.1', [])).toBeUndefined();
  });

  it('finds changes missing from the version\'s CHANGELOG section, and only in that section', () => {
    const events = diffSnapshots(first, promotedTurbo);
    const entry = entryText(events[0]);
    const changelog = `# widgets-catalog\n\n## 1.1.0\n\n### Minor Changes\n\n- ${entry}\n\n## 1.0.0\n\n- first\n`;
    expect(changelogSection(changelog, '1.0.0')?.trim()).toBe('- first');
    expect(unrecordedInChangelog(changelog, '1.1.0', events)).toEqual([]);
    expect(unrecordedInChangelog(changelog.replace(entry, 'something else'), '1.1.0', events)).toEqual(events);
    expect(unrecordedInChangelog(`## 1.1.0\n\n- other\n\n## 1.0.0\n\n- ${entry}\n`, '1.1.0', events)).toEqual(events);
    expect(unrecordedInChangelog(undefined, '1.1.0', events)).toEqual(events);
  });
});

describe('the CHANGELOG carries release dates', () => {
  const changelog = '# widgets-catalog\n\n## 1.1.0\n\n### Minor Changes\n\n- promoted\n\n## 1.0.0\n\n_Released 2027-01-04_\n\n- first\n';

  it('dates a version\'s section once, and leaves other sections alone', () => {
    const dated = datedChangelog(changelog, '1.1.0', '2027-02-01');
    expect(dated).toBe('# widgets-catalog\n\n## 1.1.0\n\n_Released 2027-02-01_\n\n### Minor Changes\n\n- promoted\n\n## 1.0.0\n\n_Released 2027-01-04_\n\n- first\n');
    expect(datedChangelog(dated, '1.1.0', '2027-03-01')).toBe(dated);
    expect(datedChangelog(changelog, '1.0.0', '2027-05-05')).toBe(changelog);
    expect(datedChangelog(changelog, '9.9.9', '2027-05-05')).toBe(changelog);
  });
});
