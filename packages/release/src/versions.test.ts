import { compareVersions, isVersion } from './versions';

describe('release versions', () => {
  it('orders the way semver does, prereleases before their release', () => {
    expect(['1.10.0', '1.2.0', '0.1.0', '2.0.0-rc.1', '2.0.0', '2.0.0-rc.10', '2.0.0-beta'].sort(compareVersions)).toEqual([
      '0.1.0',
      '1.2.0',
      '1.10.0',
      '2.0.0-beta',
      '2.0.0-rc.1',
      '2.0.0-rc.10',
      '2.0.0',
    ]);
  });

  it('knows a version from another directory name', () => {
    expect(isVersion('0.1.0')).toBe(true);
    expect(isVersion('latest')).toBe(false);
    expect(() => compareVersions('1.0.0', 'next')).toThrow('not a release version: "next"');
  });
});
