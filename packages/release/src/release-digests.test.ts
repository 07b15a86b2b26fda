import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changedSnapshots, readDigests, recordDigests, snapshotDigest } from './release-digests';

describe('releases/SHA256SUMS', () => {
  it('digests a snapshot as sha256sum does, whatever the line endings of the checkout', () => {
    // sha256 of "{}\n", as `printf '{}\n' | sha256sum` prints it.
    expect(snapshotDigest('{}\n')).toBe('ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356');
    expect(snapshotDigest('{\r\n}\r\n')).toBe(snapshotDigest('{\n}\n'));
  });

  it('reads and writes sha256sum lines, oldest release first, keeping recorded lines as they are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-digests-'));
    for (const version of ['1.10.0', '1.2.0']) {
      mkdirSync(join(dir, version));
      writeFileSync(join(dir, version, 'features.json'), `{"version":"${version}"}\n`);
    }
    recordDigests(dir);
    expect([...(readDigests(dir)?.keys() ?? [])]).toEqual(['1.2.0', '1.10.0']);
    writeFileSync(join(dir, '1.2.0', 'features.json'), '{"version":"1.2.0","changed":true}\n');
    recordDigests(dir);
    expect(changedSnapshots(dir, (path) => path.slice(dir.length + 1))).toEqual([expect.stringMatching(/^1\.2\.0\/features\.json changed after it was released \(SHA256SUMS records sha256 /)]);
  });
});
